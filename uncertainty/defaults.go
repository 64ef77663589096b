package uncertainty

import (
	"math"

	"github.com/tunecost/tunecost/model"
)

// DefaultSpread is the relative half-width DefaultInputs gives every input.
const DefaultSpread = 0.25

// DefaultInputs ranges every numeric input of s that applies and is not zero
// at ±DefaultSpread around its value, for a scenario whose file gives no
// ranges: workload and team fields first, then each option's fields that
// apply to its kind, hosting and method (selfHosted tells hosting; nil means
// API-served). Ends are rounded for whole-number fields and clamped to the
// field's range. horizon_months is the frame of the comparison, not an
// estimate, so it is skipped; so is any input whose range rounds or clamps
// to a single value (adapters = 1 stays 1), since it cannot move anything.
func DefaultInputs(s model.Scenario, selfHosted func(o *model.Option) bool) []Input {
	var out []Input
	fields := model.Fields()
	add := func(f *model.Field, option int, o *model.Option) {
		if f.Type != model.Number {
			return
		}
		v := *f.Num(&s, o)
		if v == 0 || !finite(v) {
			return
		}
		in := Input{Field: f, Option: option, Likely: v,
			Low:  fit(f, v*(1-DefaultSpread)),
			High: fit(f, v*(1+DefaultSpread))}
		if in.Low == in.High {
			return
		}
		in.Low, in.High = math.Min(in.Low, v), math.Max(in.High, v)
		out = append(out, in)
	}
	for i := range fields {
		if sec := fields[i].Section; sec == model.SectionWorkload || sec == model.SectionTeam {
			add(&fields[i], -1, nil)
		}
	}
	for j := range s.Options {
		o := &s.Options[j]
		hosted := selfHosted != nil && selfHosted(o)
		for i := range fields {
			f := &fields[i]
			if f.Section == model.SectionOption && f.AppliesTo(o.Kind, hosted, o.Method) {
				add(f, j, o)
			}
		}
	}
	return out
}

// DefaultBracket is where SolveBreakEven looks when the user names none:
// [current/1000, current·1000], three orders of magnitude either way, cut
// to the field's valid range (whole numbers for integer fields). A current
// value of 0 (or less) gives [the field's minimum, min(its maximum, 1000)].
func DefaultBracket(f *model.Field, current float64) (lo, hi float64) {
	if f == nil {
		return 0, 0
	}
	minV, maxV := bounds(f)
	lo, hi = minV, min(maxV, 1000)
	if current > 0 && finite(current) {
		lo, hi = max(minV, current/1000), min(maxV, current*1000)
	}
	if f.Integer {
		lo, hi = math.Ceil(lo), math.Floor(hi)
	}
	if lo > hi { // a current value outside the field's range
		lo, hi = minV, maxV
	}
	return lo, hi
}
