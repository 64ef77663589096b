package views

import (
	"context"
	"strings"
	"testing"

	"github.com/tunecost/tunecost/uncertainty"
)

// When the work budget capped the samples (docs/limits.md), the Risk
// screen's bands say so: briefly at 80 columns, with the reason at 160.
func TestRiskSaysSamplesCapped(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {160, 48}} {
		ds, _ := fixtureDocs(t, "support.toml")
		m := press(t, sized(newModel(ds, testConfig()), sz[0], sz[1]), toRisk...)
		s := m.doc().Snapshot()
		sum, err := uncertainty.Summarize(context.Background(), s.Input, s.Catalog.Catalog, m.doc().RangedInputs(),
			uncertainty.Config{Samples: 2000, Seed: 7, Workers: 1})
		if err != nil {
			t.Fatal(err)
		}
		sum.MC.Requested = 10000 // as MonteCarlo reports a run the budget capped
		m = send(m, riskResultMsg{gen: m.risk.gen, sum: &sum})
		v := m.View()
		checkFrame(t, v, sz[0], sz[1])
		flat := strings.Join(strings.Fields(v), " ")
		want := "(2,000 of 10,000 samples, capped)"
		if sz[0] >= 120 {
			want = "(2,000 samples, capped from 10,000 by the work budget, see docs/limits.md)"
		}
		if !strings.Contains(flat, want) {
			t.Errorf("%dx%d: the bands do not say the samples were capped:\n%s", sz[0], sz[1], v)
		}
	}
}
