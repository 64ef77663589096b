package views

import (
	"fmt"
	"strings"
	"testing"
)

// The quality screens (MODEL.md §9) on the support fixture with accuracy,
// decay, cost_per_error and value_per_success set.
func quality(t *testing.T) ([]document, string) { return fixtureDocs(t, "quality.toml") }

// Compare: the Quality rows and, at the end, the verdict's line on errors.
func TestQualityCompare(t *testing.T)    { frames(t, quality) }
func TestQualityCompareEnd(t *testing.T) { frames(t, quality, "G") }

// Timeline (v): accuracy month by month, the fine-tune's saw-tooth of decay
// and quarterly re-tunes, and cumulative net value with the payback month.
func TestQualityTimeline(t *testing.T) { frames(t, quality, to("Timeline"), "v", "t") }

// Timeline (v): cumulative net value, crossing zero at each payback month.
func TestQualityNetChart(t *testing.T) { frames(t, quality, to("Timeline"), "v") }

// Risk: the best re-tune cadence and the break-even on accuracy.
func TestQualityRisk(t *testing.T) {
	for _, sz := range oneSize {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			ds, dir := quality(t)
			cfg := testConfig()
			cfg.Dir = dir
			m := analysed(t, press(t, sized(newModel(ds, cfg), sz[0], sz[1]), toRisk...))
			m = press(t, m, "G")
			screenGolden(t, m, dir)
		})
	}
}

// A file without quality shows none of it: no Quality rows, no v key.
func TestPlainFileShowsNoSection9(t *testing.T) {
	ds, _ := support(t)
	m := press(t, sized(newModel(ds, testConfig()), 200, 60), to("Timeline"), "v")
	if v := m.View(); strings.Contains(v, "acc.") || strings.Contains(v, "net value") {
		t.Error("v opened the quality table on a file without quality")
	}
	m = press(t, m, to("Compare"))
	if strings.Contains(m.View(), "Quality") {
		t.Error("Compare shows a Quality group on a file without quality")
	}
}

// At 80 columns the net value chart's legend names every option: it goes
// on a line of its own, as the cost chart's does, instead of running past
// the edge beside the title (it showed "• LoRA Llama-3.1-8B  ◆ RAG
// gpt-4.1-m…" and never the third option).
func TestQualityNetChartLegendNamesEveryOption(t *testing.T) {
	ds, _ := quality(t)
	m := press(t, sized(newModel(ds, testConfig()), 80, 24), to("Timeline"), "v")
	lines := strings.Split(m.View(), "\n")
	legend := strings.Join(lines[2:4], "\n")
	for _, want := range []string{"• LoRA", "◆ RAG", "▲ Prompted"} {
		if !strings.Contains(legend, want) {
			t.Errorf("the net value chart's head lacks %q:\n%s", want, legend)
		}
	}
}

// Issue 15: the built-in example explains in one screen why its cheapest
// option is the cheapest once errors count: the §9 line is pinned under the
// headline (it sat below the table, out of sight at 80×24 and 120×40), and
// it is not repeated after the table.
func TestQualityVerdictPinned(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {120, 40}, {160, 48}} {
		m := sized(newModel([]document{builtinDoc(t)}, testConfig()), sz[0], sz[1])
		v := m.View()
		if n := strings.Count(v, "! Without the cost of errors"); n != 1 {
			t.Errorf("%dx%d: the §9 verdict shows %d times on the first screen, want once:\n%s", sz[0], sz[1], n, v)
		}
		quality, table := -1, -1
		for i, l := range strings.Split(v, "\n") {
			if strings.HasPrefix(l, "! Without the cost of errors") {
				quality = i
			}
			if strings.HasPrefix(l, "Cost") && table < 0 {
				table = i
			}
		}
		if quality < 0 || quality > table {
			t.Errorf("%dx%d: the §9 verdict is not pinned under the headline:\n%s", sz[0], sz[1], v)
		}
	}
}
