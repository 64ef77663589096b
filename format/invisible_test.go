package format

import (
	"encoding/json"
	"testing"
	"unicode"
)

// The characters the campaign (chaos-2026-12.md M4) found accepted, and
// the ones refused before: every Default_Ignorable_Code_Point and bidi
// control. The joiners and the variation selectors are kept (NameProblem
// decides where a variation selector may stand).
func TestInvisible(t *testing.T) {
	for _, r := range []rune{0x200b, 0x200e, 0x200f, 0x202a, 0x202e, 0x2060, 0x2066, 0x2069, 0xfeff,
		0x00ad, 0x034f, 0x061c, 0x115f, 0x1160, 0x3164, 0xffa0, 0x180e, 0x2061, 0x2062, 0x2064, 0x2065,
		0xe0001, 0xe0041, 0xe007f, 0x2800, 0x17b4, 0xfff0} {
		if !Invisible(r) {
			t.Errorf("%U is not refused", r)
		}
	}
	for _, r := range []rune{0x200c, 0x200d, 0xfe0f, 0xe0100, 'a', ' ', 0x00e9, 0x0301, 0x2028, 0x00a0} {
		if Invisible(r) {
			t.Errorf("%U is refused", r)
		}
	}
}

// Every code point of Unicode's Default_Ignorable_Code_Point (as derived
// in DerivedCoreProperties.txt: Other_DICP, Cf and the variation
// selectors, less white space, U+FFF9–U+FFFB, U+13430–U+13440 and the
// prepended concatenation marks) and of Bidi_Control is refused by
// NameProblem.
func TestNameProblemCoversDefaultIgnorable(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		dicp := unicode.In(r, unicode.Other_Default_Ignorable_Code_Point, unicode.Cf, unicode.Variation_Selector) &&
			!unicode.In(r, unicode.White_Space, unicode.Prepended_Concatenation_Mark)
		if !dicp && !unicode.Is(unicode.Bidi_Control, r) || r == 0x200c || r == 0x200d {
			continue
		}
		if _, bad := NameProblem("p" + string(r)); !bad {
			t.Errorf("%U after a letter is accepted", r)
		}
	}
}

func TestNameProblemVariationSelectors(t *testing.T) {
	for name, bad := range map[string]bool{
		"\u2764\ufe0f heart": false, // an emoji's presentation
		"\u845b\U000E0100":   false, // a Han ideographic variant
		"LoRA\ufe0f":         true,  // after a letter it changes nothing
		"\ufe0fLoRA":         true,
		"\U0001F468\u200d\U0001F469\u200d\U0001F467": false, // a family: joiners kept
	} {
		if _, got := NameProblem(name); got != bad {
			t.Errorf("NameProblem(%+q) = %v, want %v", name, got, bad)
		}
	}
}

func TestNameKey(t *testing.T) {
	for in, want := range map[string]string{
		"Lo\u200dRA\u200c":   "LoRA",
		"LoRA":               "LoRA",
		"Cafe\u0301":         "Café", // NFD to NFC
		"Café":               "Café",
		"  p  q ":            "p q",
		"p\u00a0\u3000":      "p",
		"\u2764\ufe0f heart": "\u2764 heart",
	} {
		if got := NameKey(in); got != want {
			t.Errorf("NameKey(%+q) = %+q, want %+q", in, got, want)
		}
	}
}

// Length counts what a reader sees as one character once (the campaign's
// L6: 200 "é" written as e + U+0301 were "400 characters long").
func TestLength(t *testing.T) {
	for s, want := range map[string]int{"LoRA": 4, "e\u0301e\u0301": 2, "表😀": 2,
		"\U0001F468\u200d\U0001F469\u200d\U0001F467": 1, "": 0} {
		if got := Length(s); got != want {
			t.Errorf("Length(%+q) = %d, want %d", s, got, want)
		}
	}
}

// EscapeJSON escapes what a terminal would not show, a character beyond
// U+FFFF as its surrogate pair, and the result decodes to the same text.
func TestEscapeJSON(t *testing.T) {
	in := "a\u202eb\u00adc\U000E0041d\x7f\u0085 \u200d表"
	enc, _ := json.Marshal(in)
	got := string(EscapeJSON(enc))
	if want := `"a\u202eb\u00adc\udb40\udc41d\u007f\u0085 ` + "\u200d表" + `"`; got != want {
		t.Errorf("EscapeJSON = %s, want %s", got, want)
	}
	var back string
	if err := json.Unmarshal([]byte(got), &back); err != nil || back != in {
		t.Errorf("does not decode back: %v %+q", err, back)
	}
}
