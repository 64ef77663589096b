package views

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/tunecost/tunecost/workspace"
)

// At 80×24 every screen's help line shows tab, ? and q whole: the screen's
// own keys give way, never the way out (issue 10: the help bar was cut so
// ?, tab and q never showed).
func TestHelpBarKeepsGlobalKeysAt80(t *testing.T) {
	for _, keys := range [][]string{nil, {"l", "e"}, {to("Timeline")}, {to("Timeline"), "t"}, {to("Assumptions")}, {to("Risk")},
		{to("Catalog")}} {
		for _, files := range [][]string{{"support.toml"}, {"four.toml", "support.toml"}} {
			docs, _ := fixtureDocs(t, files...)
			m := press(t, sized(newModel(docs, testConfig()), 80, 24), keys...)
			lines := strings.Split(m.View(), "\n")
			help := lines[len(lines)-1]
			for _, want := range []string{"tab next screen", "? help", "q quit"} {
				if !strings.Contains(help, want) {
					t.Errorf("%v keys %v: help line %q lacks %q", files, keys, help, want)
				}
			}
			if strings.Contains(help, "…") {
				t.Errorf("%v keys %v: help line is cut: %q", files, keys, help)
			}
		}
	}
}

// At 80×24 the Compare screen shows the verdict without scrolling, and the
// option names whole or with an ellipsis, never split inside a word.
func TestCompareAt80ShowsVerdictAndWholeNames(t *testing.T) {
	m := sized(newModel(mustFixture(t), testConfig()), 80, 24)
	v := m.View()
	if !strings.Contains(v, "★ RAG gpt-4.1-mini is the cheapest option over 36 months") {
		t.Errorf("no verdict at 80×24:\n%s", v)
	}
	for _, l := range strings.Split(v, "\n") {
		if strings.HasSuffix(strings.TrimRight(l, " "), "-") {
			t.Errorf("a name is split mid-word at %q:\n%s", l, v)
		}
	}
	if !strings.Contains(v, "Llama-3.1-8B") {
		t.Errorf("the fine-tune's name is not whole:\n%s", v)
	}
}

// The Assumptions totals line names every option at 80 columns, shortening
// names rather than hiding the third option (issue 10).
func TestAssumptionsTotalsShowEveryOptionAt80(t *testing.T) {
	m := press(t, sized(newModel(mustFixture(t), testConfig()), 80, 24), to("Assumptions"))
	line := strings.Split(m.View(), "\n")[2]
	// The three totals in full (model v3: lora's mfu 0.45 shortens the runs), each after its (shortened) name.
	for _, want := range []string{"$235,059", "★ $182,262", "$290,643", "LoRA", "RAG", "Prompted"} {
		if !strings.Contains(line, want) {
			t.Errorf("totals line %q lacks %q", line, want)
		}
	}
}

func TestShareRoomCutsTheLongestFirst(t *testing.T) {
	// 17 + 16 + 5 = 38 cells into 30: the two long names are cut to 12.
	got := shareRoom([]string{"LoRA Llama-3.1-8B", "RAG gpt-4.1-mini", "short"}, nil, 30)
	want := []string{"LoRA Llama-…", "RAG gpt-4.1…", "short"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("shareRoom = %q, want %q", got, want)
			break
		}
	}
}

// The month table names four options over two lines at 80 columns rather
// than cutting them to "Managed fi…".
func TestTimelineTableFourOptions(t *testing.T) {
	framesAt(t, [][2]int{{80, 24}}, func(t *testing.T) ([]document, string) { return fixtureDocs(t, "four.toml") },
		to("Timeline"), "t")
}

// Risk at 80 columns: long option names continue on the line of their
// figures instead of being cut, keeping what tells it from "Prompted gpt-4.1"
// (present.Labels): "…-mini with the" / "long house prompt".
func TestRiskLongNamesAt80(t *testing.T) {
	ds, _ := fixtureDocs(t, "four.toml")
	m := analysed(t, press(t, sized(newModel(ds, testConfig()), 80, 24), toRisk...))
	v := m.View()
	for _, want := range []string{"\n  …-mini with the ", "\n  long house prompt $153.9k"} {
		if !strings.Contains(v, want) {
			t.Errorf("risk at 80×24 lacks %q:\n%s", want, v)
		}
	}
}

// The subtitle never ends in a cut file name: the folder, then "unsaved"
// give way first (it read "(built-in exampl…" at 80 columns).
func TestSubtitleKeepsTheFileNameWhole(t *testing.T) {
	m := sized(newModel([]document{builtinDoc(t)}, testConfig()), 80, 24)
	sub := strings.TrimRight(strings.Split(m.View(), "\n")[1], " ")
	if !strings.HasSuffix(sub, "· (built-in)") {
		t.Errorf("subtitle %q, want it to end with the whole file name", sub)
	}
	m = sized(m, 120, 40)
	if sub := strings.TrimRight(strings.Split(m.View(), "\n")[1], " "); !strings.HasSuffix(sub, "· (built-in example)") {
		t.Errorf("subtitle %q at 120 columns, want the full name", sub)
	}
}

// Every screen, the explain panel and the catalog's entry view fit the
// smallest window the planner accepts, with four long-named options.
func TestScreensFitTheSmallestWindow(t *testing.T) {
	for _, keys := range [][]string{nil, {"e"}, {"j", "j", "j", "j", "j", "j", "j", "j", "e"}, {to("Timeline")}, {to("Timeline"), "t"},
		{to("Assumptions")}, {to("Risk")}, {to("Catalog")}, {to("Catalog"), "enter"}} {
		docs, _ := fixtureDocs(t, "four.toml")
		m := press(t, sized(newModel(docs, testConfig()), minWidth, minHeight), keys...)
		checkFrame(t, m.View(), minWidth, minHeight)
	}
}

// At the smallest width the tabs show every screen's name whole.
func TestTabsWholeAtTheSmallestWidth(t *testing.T) {
	m := sized(newModel(mustFixture(t), testConfig()), minWidth, minHeight)
	if tabs := strings.Split(m.View(), "\n")[0]; !strings.Contains(tabs, " Catalog") || strings.Contains(tabs, "…") {
		t.Errorf("tabs %q", tabs)
	}
}

// The Risk screen's ranges wrap instead of running off the screen: two
// lines at 80×24, all seven ranges of a file at 120×40; a longer list (the
// built-in example models quality: 13 ranges) stops at five lines with an
// ellipsis, since the tornado below names every ranged input again.
func TestRiskRangesWrap(t *testing.T) {
	risk := func(path string, w, h int) []string {
		ws, err := workspace.Load([]string{path}, workspace.Options{Now: now})
		if err != nil || ws[0].Err != nil {
			t.Fatalf("%s: %v %v", path, err, ws[0].Err)
		}
		m := press(t, sized(newModel([]document{newDocument(ws[0])}, testConfig()), w, h), toRisk...)
		return strings.Split(m.View(), "\n")
	}
	seven := filepath.Join("testdata", "ranges", "seven.toml")
	for _, sz := range [][3]int{{80, 24, 2}, {120, 40, 4}} {
		lines := risk(seven, sz[0], sz[1])
		got := strings.Join(lines[2:2+sz[2]], "\n")
		if !strings.HasPrefix(got, "Ranges from the file (7): workload.queries_per_month 400k–900k") {
			t.Errorf("%dx%d: ranges start %q", sz[0], sz[1], got)
		}
		if sz[0] == 120 && !strings.Contains(got, "prompt_overhead_tokens 1.8k–4k") {
			t.Errorf("120x40: not every range shows:\n%s", got)
		}
		if !blankOrComputing(lines[2+sz[2]]) {
			t.Errorf("%dx%d: the ranges take more than %d lines:\n%s", sz[0], sz[1], sz[2], strings.Join(lines, "\n"))
		}
	}
	lines := risk(filepath.Join("..", "examples", "support-assistant.toml"), 120, 40)
	if !strings.HasPrefix(lines[2], "Ranges from the file (13): ") || !strings.HasSuffix(strings.TrimRight(lines[6], " "), "…") ||
		!blankOrComputing(lines[7]) {
		t.Errorf("13 ranges at 120x40: five lines ending in an ellipsis:\n%s", strings.Join(lines[:9], "\n"))
	}
}

// A column is as wide as the kind written under the name: options named
// "a" and "b" showed "prompted …" with most of the 80 columns empty.
func TestCompareColumnsShowKindsWhole(t *testing.T) {
	docs, _ := fixtureDocs(t, "short.toml")
	m := sized(newModel(docs, testConfig()), 80, 24)
	if v := m.View(); strings.Count(v, "prompted model") != 2 {
		t.Errorf("the kinds are cut:\n%s", v)
	}
}

// A one-month horizon shows "Recurring/mo, month 1" once on Compare (the
// first and the last month are one; it showed the row twice).
func TestCompareOneMonthRecurringOnce(t *testing.T) {
	m := press(t, sized(newModel([]document{builtinDoc(t)}, testConfig()), 120, 40),
		to("Assumptions"), "enter", "ctrl+u", "1", "enter", to("Compare"))
	v := m.View()
	if !strings.Contains(v, "over 1 month") {
		t.Fatalf("the horizon did not become one month:\n%s", v)
	}
	if n := strings.Count(v, "Recurring/mo, month 1"); n != 1 {
		t.Errorf("Recurring/mo, month 1 shows %d times:\n%s", n, v)
	}
}

// blankOrComputing is the line under the ranges: blank, or saying the
// analysis is running.
func blankOrComputing(l string) bool {
	l = strings.TrimSpace(l)
	return l == "" || l == "computing…"
}
