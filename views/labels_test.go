package views

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/tunecost/tunecost/workspace"

	"github.com/charmbracelet/lipgloss"
)

// TestOptionsNamedAlikeAreToldApart is issue 22's golden case on every
// screen that names options in columns, a legend or a bar: three options
// named "Prompted Claude Opus 5.5 standard", "… cached" and "… batch" show
// what tells them apart ("standard", "cached", "batch") at 80×24 and
// 120×40, never a label cut before it, and no line wider than the window.
func TestOptionsNamedAlikeAreToldApart(t *testing.T) {
	eachColumnScreen(t, "alike.toml", func(screen string, sz [2]int, v string) {
		for _, tier := range []string{"standard", "cached", "batch"} {
			if !strings.Contains(v, tier) {
				t.Errorf("%s at %dx%d: no label shows %q:\n%s", screen, sz[0], sz[1], tier, v)
			}
		}
		if strings.Contains(v, "Opus 5.…") || strings.Contains(v, "Opus 5.5…") || strings.Contains(v, "Prompted C…") {
			t.Errorf("%s at %dx%d: a label is cut before the difference:\n%s", screen, sz[0], sz[1], v)
		}
		for _, l := range strings.Split(v, "\n") {
			if lipgloss.Width(l) > sz[0] {
				t.Errorf("%s at %dx%d: a line of %d cells", screen, sz[0], sz[1], lipgloss.Width(l))
			}
		}
	})
}

// eachColumnScreen draws every screen that names options in columns, a
// legend or a bar (the Risk screen analysed) at 80×24 and 120×40 for the
// fixture scenario file, handing each frame to check.
func eachColumnScreen(t *testing.T, file string, check func(screen string, sz [2]int, v string)) {
	t.Helper()
	for _, sz := range [][2]int{{80, 24}, {120, 40}} {
		for _, screen := range []string{"Compare", "Timeline", "Assumptions", "Risk"} {
			ds, _ := fixtureDocs(t, "ux-prices.toml", file)
			m := press(t, sized(newModel(ds, testConfig()), sz[0], sz[1]), to(screen))
			if screen == "Risk" {
				m = analysed(t, m)
			}
			v := m.View()
			if testing.Verbose() {
				t.Logf("%s %v\n%s", screen, sz, v)
			}
			check(screen, sz, v)
		}
	}
}

// TestNoFigureIsCutOnTheLegalScenario: the user's scenario at 80×24 read
// "[$1,033,619,8…" and "($706,7…" on Compare and the totals bar. A figure
// that does not fit becomes compact ($1.03B); none ends in "…".
func TestNoFigureIsCutOnTheLegalScenario(t *testing.T) {
	cut := regexp.MustCompile(`(^|[\s\[(])[$€£]?[0-9][0-9,.]*…`)
	eachColumnScreen(t, "legal.toml", func(screen string, sz [2]int, v string) {
		for _, l := range strings.Split(v, "\n") {
			if c := cut.FindString(l); c != "" {
				t.Errorf("%s at %dx%d cuts a figure (%q): %s", screen, sz[0], sz[1], c, l)
			}
		}
	})
}

// TestExplainSaysWhyAFigureIsEmpty: the user's report (M1) pressed e on
// the "—" latency of the RAG option (its model has no speed figures in the
// sheet) and of the batch option (the batch tier has none) and read the
// same "Nothing in this figure" for both.
func TestExplainSaysWhyAFigureIsEmpty(t *testing.T) {
	ds, _ := fixtureDocs(t, "ux-prices.toml", "legal.toml")
	m := press(t, sized(newModel(ds, testConfig()), 120, 40), to("Compare"))
	row := -1
	for i, f := range m.compare.figs {
		if f.ShortLabel() == "Latency" {
			row = i
		}
	}
	if row < 0 {
		t.Fatal("no Latency row")
	}
	for i := 0; i < row; i++ {
		m = press(t, m, "j")
	}
	for col, want := range map[int]string{
		1: `api_model "gpt-5.4-mini" has no ttft_ms or output_tokens_per_s in the price sheets`,
		3: "the batch tier returns results within hours",
	} {
		n := m
		for i := 0; i < col; i++ {
			n = press(t, n, "l")
		}
		v := press(t, n, "e").View()
		if !strings.Contains(strings.Join(strings.Fields(v), " "), want) {
			t.Errorf("explain on option %d's latency lacks %q:\n%s", col, want, v)
		}
	}
}

// TestRangeHintsAreNotCutMidNumber: at 80 columns the built-in example's
// hint read "queries (range 400,000–90…", which reads as 90k.
func TestRangeHintsAreNotCutMidNumber(t *testing.T) {
	cut := regexp.MustCompile(`(^|[\s\[(–])[$€£]?[0-9][0-9,.]*…`)
	m := press(t, sized(newModel([]document{builtinDoc(t)}, testConfig()), 80, 24), to("Assumptions"))
	for i := 0; i < 12; i++ {
		m = press(t, m, "j")
		for _, l := range strings.Split(m.View(), "\n") {
			if c := cut.FindString(l); c != "" {
				t.Fatalf("a figure is cut (%q): %s", c, l)
			}
		}
	}
}

// TestQuitQuestionKeepsItsKeysAt80: the question read "… ctrl+s sa…" at 80
// columns, dropping "esc stays".
func TestQuitQuestionKeepsItsKeysAt80(t *testing.T) {
	ds, _ := fixtureDocs(t, "ux-prices.toml", "legal.toml")
	m := press(t, sized(newModel(ds, testConfig()), 80, 24), to("Assumptions"), "j", "j", "enter", "ctrl+u", "6", "enter", "q")
	if v := m.View(); !strings.Contains(v, "esc stays") {
		t.Errorf("the quit question lost its keys:\n%s", v)
	}
}

// TestRefusalKeepsItsDidYouMeanAt80: an id typed in the planner was
// refused with its suggestion cut off at 80 columns.
func TestRefusalKeepsItsDidYouMeanAt80(t *testing.T) {
	ds, _ := fixtureDocs(t, "ux-prices.toml", "legal.toml")
	m := press(t, sized(newModel(ds, testConfig()), 80, 24), to("Assumptions"))
	for i := 0; i < 10; i++ {
		m = press(t, m, "j")
	}
	m = press(t, m, "enter", "ctrl+u", "qwen3-30b-a3", "enter")
	if v := strings.Join(strings.Fields(m.View()), " "); !strings.Contains(v, `did you mean "qwen3-30b-a3b"?`) {
		t.Errorf("the refusal lost its suggestion:\n%s", m.View())
	}
}

// TestFullHelpNamesEachKeyOnce: Assumptions' full help listed ctrl+s twice.
func TestFullHelpNamesEachKeyOnce(t *testing.T) {
	ds, _ := fixtureDocs(t, "ux-prices.toml", "legal.toml")
	m := press(t, sized(newModel(ds, testConfig()), 120, 40), to("Assumptions"))
	seen := map[string]bool{}
	for _, col := range m.keys().FullHelp() {
		for _, b := range col {
			if k := b.Help().Key; seen[k] {
				t.Errorf("%q listed twice", k)
			} else {
				seen[k] = true
			}
		}
	}
}

// TestIdEditDoesNotOfferARange: the edit box for an id advertised
// "low..likely..high: a range".
func TestIdEditDoesNotOfferARange(t *testing.T) {
	ds, _ := fixtureDocs(t, "ux-prices.toml", "legal.toml")
	m := press(t, sized(newModel(ds, testConfig()), 120, 40), to("Assumptions"))
	for i := 0; i < 10; i++ {
		m = press(t, m, "j")
	}
	if v := press(t, m, "enter").View(); !strings.Contains(v, "put the old one back") || strings.Contains(v, ": a range") {
		t.Errorf("the id's edit box:\n%s", v)
	}
}

// TestTenOptionsNamedAlikeFitEveryWidth is the bad input on the
// screens: ten options whose names (long, differing only at the end, in
// the middle or by a digit) share a prefix, at widths from 60 to
// 250: no line is wider than the window, and the legend, which names
// every option, never names two alike.
func TestTenOptionsNamedAlikeFitEveryWidth(t *testing.T) {
	prices, err := os.ReadFile(filepath.Join("testdata", "fixture", "ux-prices.toml"))
	if err != nil {
		t.Fatal(err)
	}
	base := strings.Repeat("Prompted Claude Opus 5.5 with the house style guide ", 3)
	namers := []func(i int) string{
		func(i int) string { return base + fmt.Sprintf("variant %d", i) },                     // at the end
		func(i int) string { return base[:60] + fmt.Sprint(i) + base[60:] },                   // in the middle
		func(i int) string { return strings.Replace(base, "5.5", fmt.Sprintf("5.%d", i), 1) }, // a digit
		// Names differing only by case are one name to tunecost
		// (format.NameKey): the scenario is refused, so none here.
	}
	for n, name := range namers {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, "ux-prices.toml"), prices, 0o644)
		var b strings.Builder
		b.WriteString("name = \"ten alike\"\nprice_sheets = [\"ux-prices.toml\"]\n[workload]\nqueries_per_month = 100000\ninput_tokens = 500\noutput_tokens = 200\n")
		for i := 0; i < 10; i++ {
			fmt.Fprintf(&b, "[[option]]\nname = %q\nkind = \"prompt\"\nmodel = \"claude-opus-5.5\"\nprompt_overhead_tokens = %d\n", name(i), 1000+100*i)
		}
		path := filepath.Join(dir, "ten.toml")
		os.WriteFile(path, []byte(b.String()), 0o644)
		ws, err := workspace.Load([]string{path}, workspace.Options{Now: now})
		if err != nil || ws[0].Err != nil {
			t.Fatalf("namer %d: %v %v", n, err, ws[0].Err)
		}
		for _, w := range []int{60, 80, 120, 160, 200, 250} {
			for _, screen := range []string{"Compare", "Timeline", "Assumptions"} {
				m := press(t, sized(newModel([]document{newDocument(ws[0])}, testConfig()), w, 30), to(screen))
				for _, l := range strings.Split(m.View(), "\n") {
					if lipgloss.Width(l) > w {
						t.Fatalf("namer %d, %s at %d: a line of %d cells", n, screen, w, lipgloss.Width(l))
					}
				}
			}
			names := shareRoom(func() []string {
				out := make([]string, 10)
				for i := range out {
					out[i] = name(i)
				}
				return out
			}(), nil, w-40)
			seen := map[string]bool{}
			for _, l := range names {
				if seen[l] {
					t.Fatalf("namer %d at %d: two options labelled %q", n, w, l)
				}
				seen[l] = true
			}
		}
	}
}

// TestPaybackLineNamesEveryOptionAt80: the net value chart's payback line
// read "… Prompted gpt-4.…" at 80 columns, the last option's month cut off.
func TestPaybackLineNamesEveryOptionAt80(t *testing.T) {
	m := press(t, sized(newModel([]document{builtinDoc(t)}, testConfig()), 80, 24), to("Timeline"), "v")
	for _, l := range strings.Split(m.View(), "\n") {
		if strings.HasPrefix(l, "✓ payback:") && strings.Count(l, "month 1") != 3 {
			t.Errorf("payback line: %q", l)
		}
	}
}
