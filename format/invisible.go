package format

import "strings"

// Invisible reports the format characters that change how text reads
// without showing themselves: zero-width space (U+200B), the left-to-right
// and right-to-left marks (U+200E, U+200F), the bidi embeddings and
// overrides (U+202A–U+202E), the word joiner (U+2060), the bidi isolates
// (U+2066–U+2069) and the zero-width no-break space, or BOM (U+FEFF).
// "LoRA" and "LoRA\u200b" look the same and would be two names. The
// joiners U+200C and U+200D are not here: real names in Persian, Hindi and
// emoji sequences need them (see NameKey).
func Invisible(r rune) bool {
	switch {
	case r == 0x200b, r == 0x200e, r == 0x200f, r == 0x2060, r == 0xfeff:
		return true
	}
	return bidi(r)
}

// NameKey is the form in which two names are compared: without the
// zero-width joiners (U+200C, U+200D), which change how a name is drawn
// but not which name it is.
func NameKey(name string) string {
	if !strings.ContainsAny(name, "\u200c\u200d") {
		return name
	}
	return strings.NewReplacer("\u200c", "", "\u200d", "").Replace(name)
}
