package uncertainty

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/tunecost/tunecost/model"
)

// Swing is one bar of a tornado chart: option j's total with one input at
// its low and at its high end, every other input at likely.
type Swing struct {
	Label                   string
	Low, High               float64 // input values used (rounded and clamped as in sampling)
	TotalAtLow, TotalAtHigh float64
	Swing                   float64 // |TotalAtHigh − TotalAtLow|
	// Err is why the bar could not be drawn (the input is invalid, or the
	// engine refused one of its ends); the totals and Swing are then zero
	// and mean nothing. Failed bars rank last.
	Err error
}

// Failed reports whether the bar could not be computed.
func (sw Swing) Failed() bool { return sw.Err != nil }

// Tornado moves each input that can change option's total alone to its low
// and high end, the others at likely, and ranks the inputs by how far the
// total swings (descending; equal swings by label). Inputs that can change
// the total are the scenario-wide ones (workload, team and a ranged
// horizon_months) and option's own; other options' inputs are left out.
// An input that fails is kept as a bar with Err set, so a report can say so;
// the error returned is only for an option that does not exist.
func Tornado(s model.Scenario, cat model.Catalog, inputs []Input, option int) ([]Swing, error) {
	if option < 0 || option >= len(s.Options) {
		return nil, fmt.Errorf("the scenario has no option %d", option)
	}
	// Price option alone: its total does not depend on the others, and
	// their mistakes must not fail its chart.
	base := only(&s, option)
	var own []Input
	var failed []Swing
	for _, in := range inputs {
		if in.Field != nil && in.Field.Section == model.SectionOption && !in.appliesTo(option) {
			continue // another option's input cannot move this total
		}
		if err := in.check(&s); err != nil {
			failed = append(failed, Swing{Label: in.Label(&s), Err: err})
			continue
		}
		if in.Field.Section == model.SectionOption {
			in.Option, in.Shared = 0, nil
		}
		own = append(own, in)
	}
	for _, in := range own {
		in.set(&base, in.Likely)
	}
	out := make([]Swing, 0, len(own)+len(failed))
	p := pricer{cat: cat, scratch: make([]model.Option, len(base.Options))}
	for _, in := range own {
		out = append(out, p.swingOf(&base, in))
	}
	out = append(out, failed...)
	slices.SortStableFunc(out, func(a, b Swing) int {
		if a.Failed() != b.Failed() {
			return cmp.Compare(boolRank(a.Failed()), boolRank(b.Failed()))
		}
		if c := cmp.Compare(b.Swing, a.Swing); c != 0 {
			return c
		}
		return cmp.Compare(a.Label, b.Label)
	})
	return out, nil
}

// pricer prices a tornado's ends reusing one evaluator and one copy of the
// options, so that a bar allocates nothing per end.
type pricer struct {
	cat     model.Catalog
	ev      model.Evaluator
	scratch []model.Option
}

// swingOf is in's bar on base's first option, or the reason it has none.
func (p *pricer) swingOf(base *model.Scenario, in Input) Swing {
	label := in.Label(base)
	barLo, barHi := in.bar()
	lo, totalLo, err := p.totalWith(base, in, barLo)
	if err != nil {
		return Swing{Label: label, Low: lo, High: barHi, Err: fmt.Errorf("at its low end %g: %w", lo, err)}
	}
	hi, totalHi, err := p.totalWith(base, in, barHi)
	if err != nil {
		return Swing{Label: label, Low: lo, High: hi, Err: fmt.Errorf("at its high end %g: %w", hi, err)}
	}
	return Swing{Label: label, Low: lo, High: hi, TotalAtLow: totalLo, TotalAtHigh: totalHi, Swing: math.Abs(totalHi - totalLo)}
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

// totalWith is the total of base's first option with in set to v, and the
// value actually set. base itself is left alone.
func (p *pricer) totalWith(base *model.Scenario, in Input, v float64) (float64, float64, error) {
	s := *base
	s.Options = p.scratch[:len(base.Options)]
	copy(s.Options, base.Options)
	v = in.set(&s, v)
	res, err := p.ev.Lean(s, p.cat)
	if err != nil {
		return v, 0, err
	}
	return v, res.Options[0].Total, nil
}
