package uncertainty

import (
	"errors"
	"fmt"
	"math"

	"github.com/tunecost/tunecost/model"
)

// Input is one numeric scenario input with a triangular range, or F25a's
// evaluation counts (a Beta distribution).
type Input struct {
	Field             *model.Field // Section tells workload/team/top/option
	Option            int          // option index for SectionOption, else -1
	Low, Likely, High float64

	// Kind says where the range comes from: the file (the zero value),
	// F25a's counts or §10's default ranges.
	Kind InputKind
	// Shared are more options that one draw is written to: a §10 default
	// range is drawn once per sample for every option it applies to.
	Shared []int
	// BarLow and BarHigh are where the tornado moves a Counts or Default
	// input: its P10 and P90, not the ends of its distribution.
	BarLow, BarHigh float64
	// BetaA and BetaB are a Counts input's Beta(correct + 1, of − correct + 1).
	BetaA, BetaB float64
}

// InputKind says where an input's range comes from.
type InputKind int

// Where ranges come from.
const (
	Written InputKind = iota // x = { low, likely, high } in the file
	Counts                   // accuracy = { correct, of } (F25a)
	Default                  // §10's default range of an efficiency constant
)

// FromFile reports whether the file itself gives the range (a written range
// or evaluation counts), as opposed to §10's default ranges.
func (in Input) FromFile() bool { return in.Kind != Default }

// bar is where the tornado moves the input: the ends of a written range,
// the P10 and P90 of counts and default ranges.
func (in Input) bar() (lo, hi float64) {
	if in.Kind == Written {
		return in.Low, in.High
	}
	return in.BarLow, in.BarHigh
}

// draw is the input's value at u in [0, 1): the inverse CDF of its
// triangle, or of its Beta for counts.
func (in Input) draw(u float64) float64 {
	if in.Kind == Counts {
		return BetaQuantile(u, in.BetaA, in.BetaB)
	}
	return Triangular(u, in.Low, in.Likely, in.High)
}

// appliesTo reports whether an option input is option j's (its own or shared).
func (in Input) appliesTo(j int) bool {
	if in.Option == j {
		return true
	}
	for _, k := range in.Shared {
		if k == j {
			return true
		}
	}
	return false
}

// Label names the input as people read it: "workload.queries_per_month",
// `option "RAG".top_k`. With no scenario (or an index it lacks) the
// option is shown by index.
func (in Input) Label(s *model.Scenario) string {
	if in.Field == nil {
		return "(no field)"
	}
	if in.Kind == Default {
		return in.Field.Key + " (default range)"
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
	for _, k := range in.Shared {
		if in.Field.Section != model.SectionOption || k < 0 || k >= len(s.Options) {
			return fmt.Errorf("%s: the scenario has no option %d", in.Label(s), k)
		}
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
	if in.Kind == Counts {
		if !(in.BetaA > 0 && in.BetaB > 0) || !finite(in.BetaA) || !finite(in.BetaB) {
			return fmt.Errorf("%s: evaluation counts need 0 ≤ correct ≤ of and of ≥ 1", in.Label(s))
		}
		return nil // c = n puts the likely value above P90 (F25a)
	}
	if !(in.Low <= in.Likely && in.Likely <= in.High) {
		return fmt.Errorf("%s: the range needs low ≤ likely ≤ high, got %g, %g, %g", in.Label(s), in.Low, in.Likely, in.High)
	}
	return nil
}

// ptr returns where the input lives in s; the input must have passed
// checkTarget against a scenario with the same options.
func (in *Input) ptr(s *model.Scenario) *float64 {
	if in.Field.Section == model.SectionOption {
		return in.Field.Num(s, &s.Options[in.Option])
	}
	return in.Field.Num(s, nil)
}

// set writes fit(v) into s (and into every option sharing the draw) and
// returns the value written.
func (in Input) set(s *model.Scenario, v float64) float64 {
	lo, hi := bounds(in.Field)
	return in.setWithin(s, v, lo, hi)
}

// setWithin is set with the field's bounds (lo, hi) worked out once by the
// caller: a Monte Carlo run sets every input of every sample.
func (in *Input) setWithin(s *model.Scenario, v, lo, hi float64) float64 {
	v = fitWithin(in.Field, v, lo, hi)
	*in.ptr(s) = v
	for _, k := range in.Shared {
		*in.Field.Num(s, &s.Options[k]) = v
	}
	return v
}

// fit rounds v for whole-number fields and moves it into the field's range.
func fit(f *model.Field, v float64) float64 {
	lo, hi := bounds(f)
	return fitWithin(f, v, lo, hi)
}

// fitWithin is fit with the field's bounds given.
func fitWithin(f *model.Field, v, lo, hi float64) float64 {
	if f.Integer {
		v = math.Round(v)
	}
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
