package format

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"unicode/utf16"
	"unicode/utf8"
)

// EscapeJSON writes as \uXXXX every character of encoded JSON that a
// terminal or an editor would not show as itself: DEL, the C1 controls and
// the Invisible characters (bidi overrides such as U+202E, zero-width
// space, soft hyphen, tag characters…). encoding/json escapes only the C0
// controls; these can only occur inside strings, where \u is the same
// text. A character beyond U+FFFF (a tag character) is written as its
// UTF-16 surrogate pair, as JSON requires.
func EscapeJSON(b []byte) []byte {
	if !bytes.ContainsFunc(b, unsafeInJSON) {
		return b
	}
	out := make([]byte, 0, len(b)+64)
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		switch {
		case !unsafeInJSON(r):
			out = append(out, b[:size]...)
		case r > 0xffff:
			hi, lo := utf16.EncodeRune(r)
			out = fmt.Appendf(out, `\u%04x\u%04x`, hi, lo)
		default:
			out = fmt.Appendf(out, `\u%04x`, r)
		}
		b = b[size:]
	}
	return out
}

func unsafeInJSON(r rune) bool {
	return r == 0x7f || (r >= 0x80 && r <= 0x9f) || Invisible(r)
}

// WriteJSON writes v as indented JSON (two spaces, <, > and & as
// themselves) with what EscapeJSON escapes escaped: every JSON the tool
// writes for people and programs (exports, diffs, listings, SARIF).
func WriteJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(EscapeJSON(buf.Bytes()))
	return err
}
