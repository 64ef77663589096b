package uncertainty

import (
	"errors"
	"fmt"
	"math"

	"github.com/tunecost/tunecost/model"
)

// Input is one numeric scenario input with a triangular range.
type Input struct {
	Field             *model.Field // Section tells workload/team/top/option
	Option            int          // option index for SectionOption, else -1
	Low, Likely, High float64
}

// Label names the input as people read it: "workload.queries_per_month",
// `option "RAG".top_k`. With no scenario (or an index it lacks) the
// option is shown by index.
func (in Input) Label(s *model.Scenario) string {
	if in.Field == nil {
		return "(no field)"
	}
	if in.Field.Section != model.SectionOption {
		return in.Field.Path()
	}
	if s != nil && in.Option >= 0 && in.Option < len(s.Options) {
		return fmt.Sprintf("option %q.%s", s.Options[in.Option].Name, in.Field.Key)
	}
	return fmt.Sprintf("option #%d.%s", in.Option, in.Field.Key)
}

// checkTarget reports whether the input names a number that exists in s.
func (in Input) checkTarget(s *model.Scenario) error {
	if in.Field == nil {
		return errors.New("an input has no field")
	}
	if in.Field.Type != model.Number {
		return fmt.Errorf("%s is not a number", in.Label(s))
	}
	if in.Field.Section == model.SectionOption && (in.Option < 0 || in.Option >= len(s.Options)) {
		return fmt.Errorf("%s: the scenario has no option %d", in.Label(s), in.Option)
	}
	return nil
}

// check validates the input's target and its range.
func (in Input) check(s *model.Scenario) error {
	if err := in.checkTarget(s); err != nil {
		return err
	}
	if !finite(in.Low) || !finite(in.Likely) || !finite(in.High) {
		return fmt.Errorf("%s: the range must be finite numbers", in.Label(s))
	}
	if !(in.Low <= in.Likely && in.Likely <= in.High) {
		return fmt.Errorf("%s: the range needs low ≤ likely ≤ high, got %g, %g, %g", in.Label(s), in.Low, in.Likely, in.High)
	}
	return nil
}

// ptr returns where the input lives in s; the input must have passed
// checkTarget against a scenario with the same options.
func (in Input) ptr(s *model.Scenario) *float64 {
	if in.Field.Section == model.SectionOption {
		return in.Field.Num(s, &s.Options[in.Option])
	}
	return in.Field.Num(s, nil)
}

// set writes fit(v) into s and returns the value written.
func (in Input) set(s *model.Scenario, v float64) float64 {
	v = fit(in.Field, v)
	*in.ptr(s) = v
	return v
}

// fit rounds v for whole-number fields and moves it into the field's range.
func fit(f *model.Field, v float64) float64 {
	if f.Integer {
		v = math.Round(v)
	}
	lo, hi := bounds(f)
	return f.Nearest(min(max(v, lo), hi)) // tensor_parallel: one of 0, 1, 2, 4, 8
}

// bounds is the lowest and highest valid value of a numeric field.
func bounds(f *model.Field) (lo, hi float64) {
	lo, hi = f.Min, f.Max
	if f.Integer {
		lo, hi = math.Ceil(lo), math.Floor(hi)
	}
	if f.MinExclusive && lo <= f.Min {
		if f.Integer {
			lo = f.Min + 1
		} else {
			lo = math.Nextafter(f.Min, math.Inf(1))
		}
	}
	return lo, hi
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
