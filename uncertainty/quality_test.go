package uncertainty

import (
	"context"
	"testing"

	"github.com/tunecost/tunecost/model"
)

// twoPromptsWithQuality is twoPrompts at 100,000 queries in one month with
// an error costing 0.1 and every option's accuracy set (the RAG one is not
// compared): A = 1,000 + 300 + 100,000 · (1 − x) · 0.1,
// B = 5,000 + 65 + 100,000 · (1 − 0.9) · 0.1 = 6,065.
func twoPromptsWithQuality() model.Scenario {
	s := twoPrompts()
	s.Workload.CostPerError, s.Workload.HasCostPerError = 0.1, true
	for i := range s.Options {
		s.Options[i].Accuracy, s.Options[i].HasAccuracy = 0.9, true
	}
	return s
}

// Break-even on an option's accuracy (MODEL.md §9 inputs take ranges and
// analyses like any other): 1,300 + 10,000 · (1 − x) = 6,065 →
// 1 − x = 0.4765 → x = 0.5235. A costs less only above it.
func TestBreakEvenOnAccuracy(t *testing.T) {
	s := twoPromptsWithQuality()
	in, err := ParseInputPath(&s, `A.accuracy`)
	if err != nil {
		t.Fatal(err)
	}
	be, err := SolveBreakEven(s, testCatalog(), 0, 1, in, 0, 1)
	if err != nil {
		t.Fatal(err)
	}
	if !be.Found {
		t.Fatalf("not found: %+v", be)
	}
	nearRel(t, "break-even accuracy", be.Value, 0.5235, 1e-6)
}

// A range on accuracy moves the Monte Carlo totals: with accuracy from 0.5
// to 1 the error cost of A spans 0 to 5,000, so its P10 and P90 differ
// while B (fixed accuracy) does not move at all.
func TestMonteCarloSamplesAccuracy(t *testing.T) {
	s := twoPromptsWithQuality()
	in, err := ParseInputPath(&s, `A.accuracy`)
	if err != nil {
		t.Fatal(err)
	}
	in.Low, in.Likely, in.High = 0.5, 0.9, 1
	a, err := MonteCarlo(context.Background(), s, testCatalog(), []Input{in}, Config{Samples: 500, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if a.Options[0].P90-a.Options[0].P10 < 1000 {
		t.Errorf("A's P10–P90 = %g–%g: accuracy's range did not reach the totals", a.Options[0].P10, a.Options[0].P90)
	}
	if a.Options[1].P10 != a.Options[1].P90 {
		t.Errorf("B moved: %g–%g", a.Options[1].P10, a.Options[1].P90)
	}
}

// Summarize states the fine-tune's accuracy break-even against each other
// option. loraOption against A and B over one month at 10 an error: its
// total falls by 10,000 per point of accuracy, so the two lines meet.
func TestSummarizeAccuracyBreakEven(t *testing.T) {
	s := twoPromptsWithQuality()
	s.Workload.CostPerError = 10
	s.Options = append(s.Options[:2], loraOption())
	s.Options[2].Accuracy, s.Options[2].HasAccuracy = 0.9, true
	sum, err := Summarize(context.Background(), s, testCatalog(), nil, Config{Samples: 10, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.AccuracyBreakEven) != 2 {
		t.Fatalf("got %d accuracy break-evens, want 2 (lora vs A, lora vs B)", len(sum.AccuracyBreakEven))
	}
	for _, be := range sum.AccuracyBreakEven {
		if be.Option != 2 || be.A != "lora" {
			t.Errorf("break-even %+v is not on lora's accuracy", be)
		}
		if !be.Found {
			t.Errorf("lora and %s never break even on accuracy within [%g, %g]", be.B, be.Lo, be.Hi)
			continue
		}
		// At the break-even the two totals agree: check it with the engine.
		s2 := s
		s2.Options = append([]model.Option(nil), s.Options...)
		s2.Options[2].Accuracy = be.Value
		res, err := model.EvaluateLean(s2, testCatalog())
		if err != nil {
			t.Fatal(err)
		}
		other := res.Options[0]
		if be.B == "B" {
			other = res.Options[1]
		}
		nearRel(t, "totals at the break-even", res.Options[2].Total, other.Total, 1e-6)
	}
}
