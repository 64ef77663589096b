package format

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSanitize(t *testing.T) {
	cases := []struct {
		name, in, want string
	}{
		{"plain", "RAG on docs", "RAG on docs"},
		{"unicode kept", "Feinabstimmung – Ä ✓ 日本", "Feinabstimmung – Ä ✓ 日本"},
		{"newline and tab", "a\nb\tc\r\nd", "a b c  d"},
		{"osc52 clipboard write BEL", "fine\x1b]52;c;ZWNobyBwd25lZA==\x07tune", "finetune"},
		{"osc52 clipboard write ST", "fine\x1b]52;c;ZWNobyBwd25lZA==\x1b\\tune", "finetune"},
		{"title change", "\x1b]0;you have been pwned\x07RAG", "RAG"},
		{"title change C1", "\u009d2;title\u009cRAG", "RAG"},
		{"screen clear", "\x1b[2J\x1b[HRAG", "RAG"},
		{"colour", "\x1b[1;31mred\x1b[0m", "red"},
		{"C1 CSI", "a\u009b2Jb", "ab"},
		{"DCS", "a\x1bPq#0;2;0;0;0\x1b\\b", "ab"},
		{"APC", "a\x1b_payload\x1b\\b", "ab"},
		{"unterminated OSC", "a\x1b]52;c;AAAA", "a"},
		{"OSC cut by ESC", "a\x1b]0;t\x1b[2Jb", "ab"},
		{"lone ESC at end", "abc\x1b", "abc"},
		{"ESC before non-ASCII", "a\x1bé", "aé"},
		{"reset", "a\x1bcb", "ab"},
		{"charset", "a\x1b(Bb", "ab"},
		{"bell and backspace", "a\x07\x08b", "ab"},
		{"DEL", "a\x7fb", "ab"},
		{"C1 controls", "a\u0085\u0080\u0091b", "ab"},
		{"C1 APC runs to the end", "a\u009fb", "a"},
		{"bidi override", "a\u202eevil\u202cb", "aevilb"},
		{"zero-width and marks", "Lo\u200bRA\u200e\u200f\u2060\ufeff", "LoRA"},
		{"joiners kept", "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 \U0001F469\u200d\U0001F4BB", "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 \U0001F469\u200d\U0001F4BB"},
		{"bidi isolate", "\u2066a\u2069\u2067b\u2068", "ab"},
		{"invalid utf8", "a\xffb", "a\uFFFDb"},
		{"raw C1 byte", "a\x9b2Jb", "a\uFFFD2Jb"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Sanitize(c.in); got != c.want {
				t.Errorf("Sanitize(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

// checkInert fails when s could still drive a terminal.
func checkInert(t *testing.T, in, s string) {
	t.Helper()
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == 0x7f {
			t.Fatalf("Sanitize(%q) = %q: byte %#x at %d", in, s, c, i)
		}
	}
	if !utf8.ValidString(s) {
		t.Fatalf("Sanitize(%q) = %q: invalid UTF-8", in, s)
	}
	for _, r := range s {
		if (r >= 0x80 && r <= 0x9f) || bidi(r) {
			t.Fatalf("Sanitize(%q) = %q: rune %U", in, s, r)
		}
	}
}

func FuzzSanitize(f *testing.F) {
	for _, seed := range []string{
		"", "plain", "\x1b]52;c;aGk=\x07", "\x1b[2J", "\x1b]0;t\x1b\\", "\u202e", "\x1b", "\x9b",
		"\u009d0;x", "a\nb\tc", "\x1bP\x1b[", "\xe2\x80",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := Sanitize(in)
		checkInert(t, in, out)
		if again := Sanitize(out); again != out {
			t.Fatalf("not idempotent: %q → %q → %q", in, out, again)
		}
		if strings.ContainsRune(out, 0x1b) {
			t.Fatalf("ESC survived in %q", out)
		}
	})
}
