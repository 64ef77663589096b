package present

import (
	"strings"

	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/uncertainty"
)

// FineTuneWords says at what volume fine-tuning starts (or stops) paying:
// the break-even of the cheapest option against each fine-tune, or, when a
// fine-tune is the cheapest, against the cheapest option that is not one.
// Empty without an uncertainty analysis or a fine-tune to compare.
func FineTuneWords(s *Scenario, best int, name func(string) string) string {
	sum, r := s.Uncertainty, &s.Result
	if sum == nil || best < 0 || best >= len(r.Options) {
		return ""
	}
	b := &r.Options[best]
	var parts []string
	add := func(ft, other *model.OptionResult) {
		be, ok := FindBreakEven(sum, ft.Name, other.Name)
		if ok && be.Input == uncertainty.BreakEvenInput && !be.Failed() { // a failure is stated with the break-evens
			parts = append(parts, fineTunePays(ft, other, be, s.Input.Workload.QueriesPerMonth, name))
		}
	}
	if b.Kind.Trains() {
		if o := CheapestNotFineTune(r); o != nil {
			add(b, o)
		}
	} else {
		for i := range r.Options {
			if o := &r.Options[i]; o.Kind.Trains() {
				add(o, b)
			}
		}
	}
	return strings.Join(parts, " ")
}

// fineTunePays is one sentence about fine-tune ft against other. Which side
// of the break-even ft wins follows from today's totals: the order at
// today's volume q holds on q's side of the break-even and flips on the other.
func fineTunePays(ft, other *model.OptionResult, be uncertainty.BreakEven, q float64, name func(string) string) string {
	now := ft.Total < other.Total
	if !be.Found {
		verb := " costs more than "
		if now {
			verb = " costs less than "
		}
		return name(ft.Name) + verb + name(other.Name) + " at every volume from " + Within(be, name) + "."
	}
	v := format.Volume(be.Value) + " queries a month (now " + format.Volume(q) + ")"
	if above := now != (q < be.Value); above {
		return "Fine-tuning starts to pay above " + v + ": from there " + name(ft.Name) + " costs less than " + name(other.Name) + "."
	}
	return name(ft.Name) + " costs less than " + name(other.Name) + " only below " + v + "."
}

// CheapestNotFineTune is the option with the lowest total that is not a
// fine-tune, the first listed on a tie; nil if every option is one.
func CheapestNotFineTune(r *model.Result) *model.OptionResult {
	var out *model.OptionResult
	for i := range r.Options {
		o := &r.Options[i]
		if !o.Kind.Trains() && (out == nil || o.Total < out.Total) {
			out = o
		}
	}
	return out
}
