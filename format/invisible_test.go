package format

import "testing"

func TestInvisible(t *testing.T) {
	for _, r := range []rune{0x200b, 0x200e, 0x200f, 0x202a, 0x202e, 0x2060, 0x2066, 0x2069, 0xfeff} {
		if !Invisible(r) {
			t.Errorf("%U is not refused", r)
		}
	}
	for _, r := range []rune{0x200c, 0x200d, 'a', ' ', 0x00e9, 0x2028} {
		if Invisible(r) {
			t.Errorf("%U is refused", r)
		}
	}
}

func TestNameKey(t *testing.T) {
	if NameKey("Lo\u200dRA\u200c") != "LoRA" || NameKey("LoRA") != "LoRA" {
		t.Errorf("NameKey keeps the joiners: %q", NameKey("Lo\u200dRA\u200c"))
	}
}
