package uncertainty

import (
	"context"

	"github.com/tunecost/tunecost/model"
)

// AccuracyBreakEven is MODEL.md §9's break-even on a fine-tune's accuracy
// against another option: the accuracy above which the fine-tune costs
// less once errors count. Option is the fine-tune's index in the scenario.
type AccuracyBreakEven struct {
	BreakEven
	Option int
}

// accuracyBreakEvens solves, for every fine-tune with accuracy, its
// accuracy against every other option with accuracy over [0, 1]. Nothing
// when the scenario prices no error (accuracy then moves no total).
func accuracyBreakEvens(ctx context.Context, s model.Scenario, cat model.Catalog) []AccuracyBreakEven {
	if !s.Workload.HasCostPerError || s.Workload.CostPerError == 0 {
		return nil
	}
	fd, ok := model.FieldByPath("option.accuracy")
	if !ok {
		return nil
	}
	var out []AccuracyBreakEven
	for a := range s.Options {
		if !s.Options[a].Kind.Trains() || !s.Options[a].HasAccuracy {
			continue
		}
		in := Input{Field: fd, Option: a, Low: s.Options[a].Accuracy, Likely: s.Options[a].Accuracy, High: s.Options[a].Accuracy}
		t := newTotals(&s, cat, in)
		for b := range s.Options {
			if b == a || !s.Options[b].HasAccuracy || ctx.Err() != nil {
				continue
			}
			be, err := solveBreakEven(s, cat, a, b, in, 0, 1, t)
			if err != nil {
				be = BreakEven{A: s.Options[a].Name, B: s.Options[b].Name, Input: in.Label(&s), Lo: 0, Hi: 1, Err: err}
			}
			out = append(out, AccuracyBreakEven{BreakEven: be, Option: a})
		}
	}
	return out
}
