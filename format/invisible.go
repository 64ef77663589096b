package format

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
	"golang.org/x/text/unicode/norm"
)

// invisibleTables are the Unicode properties of the characters that change
// how text reads without showing themselves: Default_Ignorable_Code_Point
// (derived from Other_Default_Ignorable_Code_Point, the format characters
// Cf and the variation selectors: soft hyphen, Hangul fillers, the
// invisible operators U+2061–U+2064, tag characters, zero-width space, the
// BOM…) and Bidi_Control (the direction marks, the Arabic letter mark
// U+061C, embeddings, overrides and isolates). Every Cf is here, so the
// set holds the derived property whole; the tables come from the standard
// library's unicode package, at its Unicode version.
var invisibleTables = []*unicode.RangeTable{
	unicode.Other_Default_Ignorable_Code_Point,
	unicode.Cf,
	unicode.Variation_Selector,
	unicode.Bidi_Control,
}

// brailleBlank (U+2800) is a symbol, not a format character, yet draws no
// ink: "LoRA" and "LoRA\u2800" read alike.
const brailleBlank = 0x2800

// Invisible reports the characters that change how text reads without
// showing themselves (invisibleTables, and U+2800). "LoRA" and
// "LoRA\u200b" look the same and would be two names. The joiners U+200C
// and U+200D are not here: real names in Persian, Hindi and emoji
// sequences need them; nor are the variation selectors, which emoji and
// Han names use (NameProblem allows them only there). NameKey compares
// names without either.
func Invisible(r rune) bool {
	switch {
	case r < 0xad: // the soft hyphen is the first of them: ASCII costs one comparison
		return false
	case r == 0x200c, r == 0x200d, unicode.Is(unicode.Variation_Selector, r):
		return false
	case r == brailleBlank:
		return true
	}
	return unicode.IsOneOf(invisibleTables, r)
}

// NameProblem returns the first character that a name, an id or a path
// may not hold because it would make it look like another one, and
// whether there is one: an Invisible character, or a variation selector
// that does not follow a symbol (an emoji) or a Han character, which are
// the characters that have variants ("LoRA\ufe0f" reads as "LoRA").
func NameProblem(s string) (rune, bool) {
	prev := rune(-1)
	for _, r := range s {
		if Invisible(r) {
			return r, true
		}
		if unicode.Is(unicode.Variation_Selector, r) && !hasVariants(prev) {
			return r, true
		}
		prev = r
	}
	return 0, false
}

func hasVariants(r rune) bool {
	return r >= 0 && (unicode.Is(unicode.So, r) || unicode.Is(unicode.Han, r))
}

// NameKey is the form in which two names are compared: in Unicode's
// composed form (NFC: "Café" typed with a combining accent is "Café"),
// without the zero-width joiners (U+200C, U+200D) and the variation
// selectors, which change how a name is drawn but not which name it is,
// with every run of white space one space, and trimmed.
func NameKey(name string) string {
	if !plain(name) {
		name = strings.Map(func(r rune) rune {
			if r == 0x200c || r == 0x200d || unicode.Is(unicode.Variation_Selector, r) {
				return -1
			}
			return r
		}, norm.NFC.String(name))
	}
	return strings.Join(strings.Fields(name), " ") // unicode.IsSpace runs, trimmed
}

// Length is the length of a name as a reader counts it: in grapheme
// clusters ("é" written as e and a combining accent is one character).
func Length(s string) int {
	if plain(s) {
		return len(s)
	}
	return uniseg.GraphemeClusterCount(s)
}

// CodePoints is the number of code points in s, which bounds the work a
// string costs however its characters cluster.
func CodePoints(s string) int { return utf8.RuneCountInString(s) }
