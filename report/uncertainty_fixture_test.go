package report

import (
	"context"
	"strings"
	"testing"

	"github.com/tunecost/tunecost/uncertainty"
)

// testMC keeps the Monte Carlo small and fixed: 2,000 samples, seed 7.
var testMC = uncertainty.Config{Samples: 2000, Seed: 7}

// ranges are inputs as "path" → low, high around the scenario's value.
type ranges map[string][2]float64

// withUncertainty attaches uncertainty.Summarize's analysis to s, with the
// given ranges (none: the ±25 % tornado and no Monte Carlo).
func withUncertainty(t testing.TB, s Scenario, paths []string, r ranges) Scenario {
	t.Helper()
	var ranged []uncertainty.Input
	for _, p := range paths {
		in, err := uncertainty.ParseInputPath(&s.Input, p)
		if err != nil {
			t.Fatalf("ParseInputPath(%q): %v", p, err)
		}
		in.Low, in.High = r[p][0], r[p][1]
		ranged = append(ranged, in)
	}
	cat := testCatalog(s.Input.Currency)
	sum, err := uncertainty.Summarize(context.Background(), s.Input, cat, ranged, testMC)
	if err != nil {
		t.Fatalf("Summarize(%s): %v", s.Input.Name, err)
	}
	s.Uncertainty = &sum
	return s
}

// handUncertain is the hand scenario with its volume, growth and lora's
// curation hours as ranges.
func handUncertain(t testing.TB) Scenario {
	paths := []string{"workload.queries_per_month", "workload.monthly_growth", "lora.curation_hours"}
	return withUncertainty(t, handScenario(t), paths, ranges{
		"workload.queries_per_month": {250000, 600000},
		"workload.monthly_growth":    {0.02, 0.08},
		"lora.curation_hours":        {60, 200},
	})
}

// handNoRanges is the hand scenario analysed without ranges.
func handNoRanges(t testing.TB) Scenario {
	return withUncertainty(t, handScenario(t), nil, nil)
}

// hostileUncertain ranges an input of the option whose name tries to break
// Markdown, so its name reaches the tornado's labels.
func hostileUncertain(t testing.TB) Scenario {
	s := hostileScenario(t)
	p := hostileRAGName() + ".top_k"
	return withUncertainty(t, s, []string{p, "workload.output_tokens"}, ranges{
		p:                        {2, 8},
		"workload.output_tokens": {30, 90},
	})
}

func hostileRAGName() string { return hostileInput().Options[1].Name }

// hostileLabels are the tornado labels that carry an option name.
func hostileLabels(s *Scenario) []string {
	var out []string
	for _, bars := range s.Uncertainty.Tornado {
		for _, sw := range bars {
			if strings.HasPrefix(sw.Label, "option ") {
				out = append(out, sw.Label)
			}
		}
	}
	return out
}
