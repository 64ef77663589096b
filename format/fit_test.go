package format

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestFitNumbersNeverCutsAFigure: the user's report read "[$1,033,619,8…"
// and "$1,243,336,28…" at 80 columns; a figure that does not fit becomes
// compact (3 significant digits) instead.
func TestFitNumbersNeverCutsAFigure(t *testing.T) {
	cases := []struct {
		in   string
		w    int
		want string
	}{
		{"$1,033,619,815", 14, "$1,033,619,815"}, // fits: unchanged
		{"$1,033,619,815", 13, "$1.03B"},         // 1,033,619,815 / 1e9 = 1.0336 → 1.03
		{"★ $703,175,123", 12, "★ $703M"},        // 703.175 → 703
		{"$1,243,336,289", 10, "$1.24B"},
		{"$16,024,885", 8, "$16M"},   // 16.02 → 16.0 → "16"
		{"$57,251,917", 8, "$57.3M"}, // 57.25 → 57.3 (one decimal from 10 up)
		{"€999,600", 6, "€1M"},       // rounds up into the next scale
		{"6 GPUs × 0.9 h", 10, "6 GPUs ×…"},
		{"14.24 s", 3, "…"},
	}
	for _, c := range cases {
		if got := FitNumbers(c.in, c.w); got != c.want {
			t.Errorf("FitNumbers(%q, %d) = %q, want %q", c.in, c.w, got, c.want)
		}
	}
}

func TestCutWordsKeepsFiguresWhole(t *testing.T) {
	in := "less than Prompted Claude Opus 5.5 standard ($9,182,400)."
	for w := 1; w <= len(in); w++ {
		got := CutWords(in, w)
		if ansi.StringWidth(got) > w {
			t.Fatalf("CutWords(%d) = %q is too wide", w, got)
		}
		if strings.Contains(got, "$9") && !strings.Contains(got, "$9,182,400") {
			t.Errorf("CutWords(%d) = %q cuts the figure", w, got)
		}
	}
}

// FuzzFitNumbers: whatever the text and width, the result fits and a
// grouped figure is either whole, compact or absent.
func FuzzFitNumbers(f *testing.F) {
	f.Add("[$1,033,619,815]", 13)
	f.Add("★ $703,175,123", 8)
	f.Add("queries (range 400,000–900,000)", 20)
	f.Add("客服 $1,234,567 微调", 9)
	f.Fuzz(func(t *testing.T, text string, w int) {
		w = w%300 + 1
		if w < 1 {
			w += 300
		}
		got := FitNumbers(text, w)
		if ansi.StringWidth(got) > w && ansi.StringWidth(text) > w {
			t.Fatalf("FitNumbers(%q, %d) = %q is %d cells", text, w, got, ansi.StringWidth(got))
		}
	})
}
