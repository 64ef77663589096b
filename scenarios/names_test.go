package scenarios

import (
	"strings"
	"testing"
)

// A name's length is counted in characters as a reader sees them: 200 "é"
// written as e and a combining accent is 200 characters, not 400 code
// points (the campaign's L6); 201 is one too many.
func TestNameLengthInGraphemes(t *testing.T) {
	for n, want := range map[int]string{200: "", 201: "name is 201 characters long; at most 200"} {
		name := strings.Repeat("e\u0301", n)
		_, list := Parse("long.toml", []byte("name = \""+name+"\"\n\n[workload]\nqueries_per_month = 1000\ninput_tokens = 100\noutput_tokens = 100\n\n[[option]]\nname = \"p\"\nkind = \"prompt\"\nmodel = \"gpt-4o\"\n"))
		got := list.Errors()
		switch {
		case want == "" && len(got) > 0:
			t.Errorf("%d characters: refused: %v", n, got)
		case want != "" && (len(got) == 0 || !strings.Contains(got.Error(), want)):
			t.Errorf("%d characters: got %v, want %q", n, got, want)
		}
	}
}

// Combining marks piled on one letter are one character each time, so the
// code points are bounded too.
func TestNameCodePointsBounded(t *testing.T) {
	name := "e" + strings.Repeat("\u0301", 2000)
	_, list := Parse("zalgo.toml", []byte("name = \""+name+"\"\n"))
	for _, d := range list.Errors() {
		if strings.Contains(d.String(), "zalgo.toml:1:8: name holds 2001 code points; at most 1600") {
			return
		}
	}
	t.Errorf("not refused by its code points: %v", list)
}

// The campaign's L3: an unknown key was quoted whole, so a 1 MiB key made
// a 1 MiB error line. It is cut to format.QuoteLimit characters, as a
// header written as a table is.
func TestUnknownKeysQuotedShort(t *testing.T) {
	key := strings.Repeat("k", 250) // the longest a key may be is 256 bytes (the gate)
	for _, data := range []string{key + " = 1\n", "[" + key + "]\n"} {
		_, list := Parse("long.toml", []byte(data))
		found := false
		for _, d := range list {
			if strings.Contains(d.Message, "unknown") {
				found = true
				if len(d.String()) > 200 || !strings.Contains(d.Message, strings.Repeat("k", 40)+"…") {
					t.Errorf("%d bytes: %.300s", len(d.String()), d.String())
				}
			}
		}
		if !found {
			t.Errorf("no unknown-key message: %.300s", list)
		}
	}
}
