package present

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

var opus = []string{"Prompted Claude Opus 5.5 standard", "Prompted Claude Opus 5.5 cached", "Prompted Claude Opus 5.5 batch"}

func TestLabelsKeepWhatTellsNamesApart(t *testing.T) {
	got := Labels(opus, nil, 20)
	want := []string{"…Opus 5.5 standard", "…Opus 5.5 cached", "…Opus 5.5 batch"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("label %d = %q, want %q", i, got[i], want[i])
		}
	}
	// Names from the user's report: they differ after a shared 25-rune start.
	legal := []string{"QLoRA Qwen3-30B-A3B (self-hosted)", "RAG gpt-5.4-mini", "Prompted Claude Opus 5.5 (cached)", "Prompted Claude Opus 5.5 (batch, overnight)"}
	got = Labels(legal, nil, 24)
	want = []string{"QLoRA Qwen3-30B-A3B (se…", "RAG gpt-5.4-mini", "…Opus 5.5 (cached)", "…5.5 (batch, overnight)"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("legal label %d = %q, want %q", i, got[i], want[i])
		}
	}
}

// A name's distinguishing part is measured against its closest sibling,
// not cut short by an ending it happens to share with another ("cached)"
// and "hosted)" end alike): the tail, not "…(cache…", at 32 cells.
func TestLabelsKeepTheWholeDifference(t *testing.T) {
	legal := []string{"QLoRA Qwen3-30B-A3B (self-hosted)", "RAG gpt-5.4-mini", "Prompted Claude Opus 5.5 (cached)", "Prompted Claude Opus 5.5 (batch, overnight)"}
	if got := Labels(legal, nil, 32)[2]; got != "…Claude Opus 5.5 (cached)" {
		t.Errorf("label = %q", got)
	}
}

func TestLabelsWithoutWidthAreTheNames(t *testing.T) {
	got := Labels(opus, []string{"std", "", ""}, 0)
	for i := range opus {
		if got[i] != opus[i] {
			t.Errorf("label %d = %q, want the name", i, got[i])
		}
	}
}

func TestShortNameOverridesTheRuleOnlyWhenTheNameDoesNotFit(t *testing.T) {
	got := Labels(opus, []string{"Opus std", "", "Opus batch"}, 20)
	want := []string{"Opus std", "…Opus 5.5 cached", "Opus batch"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("label %d = %q, want %q", i, got[i], want[i])
		}
	}
	if got := Labels([]string{"RAG"}, []string{"R"}, 20); got[0] != "RAG" {
		t.Errorf("a name that fits is kept, got %q", got[0])
	}
}

func TestLabelsDifferingInTheMiddleKeepTheMiddle(t *testing.T) {
	a := strings.Repeat("x", 30) + " alpha " + strings.Repeat("y", 30)
	b := strings.Repeat("x", 30) + " beta " + strings.Repeat("y", 30)
	got := Labels([]string{a, b}, nil, 16)
	if !strings.Contains(got[0], "alph") || !strings.Contains(got[1], "beta") {
		t.Errorf("labels %q lost the differing middle", got)
	}
}

// TestLabelsStayDistinct is the bad input: names of 1 to 200
// characters that differ only at the end, in the middle, by a digit or by
// case, ten options, widths from a Compare column at 60 columns to 250.
func TestLabelsStayDistinct(t *testing.T) {
	rng := rand.New(rand.NewPCG(22, 22))
	makers := []func(base string, i int) string{
		func(b string, i int) string { return b + fmt.Sprintf(" v%d", i) },                      // at the end
		func(b string, i int) string { return b[:len(b)/2] + fmt.Sprint(i) + b[len(b)/2:] },     // in the middle
		func(b string, i int) string { return fmt.Sprint(i) + b },                               // at the start
		func(b string, i int) string { return strings.Replace(b, "5", fmt.Sprint(i), 1) + "5" }, // a digit
		func(b string, i int) string { // by case
			r := []rune(b)
			for k := range r {
				if i>>(k%4)&1 == 1 {
					r[k] = []rune(strings.ToUpper(string(r[k])))[0]
				}
			}
			return string(r) + strings.Repeat("z", i/16)
		},
	}
	for trial := 0; trial < 60; trial++ {
		n := 1 + rng.IntN(200)
		base := strings.Repeat("prompted claude opus 5.5 ", 9)[:n]
		mk := makers[trial%len(makers)]
		names := make([]string, 10)
		for i := range names {
			names[i] = mk(base, i)
		}
		for _, total := range []int{60, 80, 120, 160, 200, 250} {
			for _, width := range []int{total / 10, (total - 24) / 4, total / 2, total} {
				labels := Labels(names, nil, width)
				seen := map[string]int{}
				for i, l := range labels {
					if w := ansi.StringWidth(l); w > width {
						t.Fatalf("names %q width %d: label %q is %d cells", names, width, l, w)
					}
					if j, ok := seen[l]; ok {
						t.Fatalf("width %d: %q and %q both labelled %q", width, names[j], names[i], l)
					}
					seen[l] = i
				}
			}
		}
	}
}

// FuzzLabels: any names (split at "|") at any width get labels that fit
// and are pairwise different, whenever the names themselves are.
func FuzzLabels(f *testing.F) {
	f.Add("Prompted Claude Opus 5.5 standard|Prompted Claude Opus 5.5 cached|Prompted Claude Opus 5.5 batch", 12)
	f.Add("a|b|客服微调助手|客服微调助手2", 3)
	f.Fuzz(func(t *testing.T, joined string, w int) {
		names := strings.Split(strings.ToValidUTF8(joined, "?"), "|")
		if len(names) > 12 {
			names = names[:12]
		}
		seen := map[string]bool{}
		for _, n := range names {
			if seen[n] {
				return // twins are refused by the parser
			}
			seen[n] = true
		}
		w = w%200 + 1
		if w < 1 {
			w += 200
		}
		if w < 4 && len(names) > 9 {
			return // "10·" needs three cells
		}
		labels := Labels(names, nil, w)
		got := map[string]bool{}
		for _, l := range labels {
			if ansi.StringWidth(l) > w {
				t.Fatalf("names %q at %d: label %q is too wide", names, w, l)
			}
			if got[l] {
				t.Fatalf("names %q at %d: two labels %q", names, w, l)
			}
			got[l] = true
		}
	})
}
