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
func TestQualityTimeline(t *testing.T) { frames(t, quality, "tab", "v", "t") }

// Timeline (v): cumulative net value, crossing zero at each payback month.
func TestQualityNetChart(t *testing.T) { frames(t, quality, "tab", "v") }

// Risk: the best re-tune cadence and the break-even on accuracy.
func TestQualityRisk(t *testing.T) {
	for _, sz := range sizes {
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
	m := press(t, sized(newModel(ds, testConfig()), 200, 60), "tab", "v")
	if v := m.View(); strings.Contains(v, "acc.") || strings.Contains(v, "net value") {
		t.Error("v opened the quality table on a file without quality")
	}
	m = press(t, m, "shift+tab")
	if strings.Contains(m.View(), "Quality") {
		t.Error("Compare shows a Quality group on a file without quality")
	}
}
