package format

import (
	"strings"
	"unicode/utf8"
)

// Sanitize makes text that came from a file safe to draw on a terminal or
// print: it removes every terminal escape sequence whole (CSI, OSC — title
// changes and OSC 52 clipboard writes included —, DCS, SOS, PM, APC, and
// two- or three-byte ESC sequences), lone ESC bytes, the other C0 controls,
// DEL, the C1 controls U+0080–U+009F and the invisible format characters
// (Invisible: bidi overrides and isolates, zero-width space, marks, BOM)
// that can make text read differently from what it is. Newlines, tabs and the other whitespace controls become one
// space each, so words stay apart. Invalid UTF-8 becomes U+FFFD.
//
// The payload of a string sequence is dropped with its introducer, so an
// OSC 52 write leaves no base64 behind; an unterminated one runs to the end
// of the text, as it would on a terminal.
func Sanitize(s string) string {
	if plain(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
			i++
		case r == 0x1b:
			i = skipEscape(s, i+size)
		case r == 0x9b: // C1 CSI
			i = skipCSI(s, i+size)
		case r == 0x90 || r == 0x98 || r == 0x9d || r == 0x9e || r == 0x9f: // C1 DCS, SOS, OSC, PM, APC
			i = skipString(s, i+size)
		case r == '\n' || r == '\t' || r == '\r' || r == '\v' || r == '\f':
			b.WriteByte(' ')
			i += size
		case r < 0x20 || (r >= 0x7f && r <= 0x9f) || Invisible(r):
			i += size
		default:
			b.WriteString(s[i : i+size])
			i += size
		}
	}
	return b.String()
}

// plain reports whether s is printable ASCII and so needs no work.
func plain(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] >= 0x7f {
			return false
		}
	}
	return true
}

// bidi reports the explicit embedding, override and isolate controls.
func bidi(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}

// skipEscape skips what follows an ESC at i and returns the index after the
// sequence. An ESC followed by anything that cannot continue a sequence is
// dropped alone, and the following text is sanitized as usual.
func skipEscape(s string, i int) int {
	if i >= len(s) {
		return i
	}
	switch c := s[i]; {
	case c == '[':
		return skipCSI(s, i+1)
	case c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_': // OSC, DCS, SOS, PM, APC
		return skipString(s, i+1)
	case c >= 0x20 && c <= 0x2f: // intermediates, then a final byte: ESC ( B
		for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
			i++
		}
		if i < len(s) && s[i] >= 0x30 && s[i] <= 0x7e {
			i++
		}
		return i
	case c >= 0x30 && c <= 0x7e: // two-byte sequence: ESC 7, ESC c (reset)
		return i + 1
	}
	return i
}

// skipCSI skips a control sequence's parameter and intermediate bytes and
// its final byte (ESC [ 2 J). A sequence broken by another byte ends there.
func skipCSI(s string, i int) int {
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x3f {
		i++
	}
	if i < len(s) && s[i] >= 0x40 && s[i] <= 0x7e {
		i++
	}
	return i
}

// skipString skips a control string's payload up to and including its
// terminator: BEL, ESC \ or C1 ST (U+009C). Without one it runs to the end.
func skipString(s string, i int) int {
	for i < len(s) {
		switch {
		case s[i] == 0x07:
			return i + 1
		case s[i] == 0x1b:
			if i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
			// Another ESC aborts the string on a terminal; start over there.
			return i
		case strings.HasPrefix(s[i:], "\u009c"):
			return i + len("\u009c")
		}
		i++
	}
	return i
}
