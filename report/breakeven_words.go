package report

import (
	"math"
	"sort"

	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/uncertainty"
)

// This file turns the break-even volumes into sentences for the text and
// Markdown reports and the verdict. name renders a file-originated name for
// the target format; the sentences are otherwise plain.

// breakEvenNote says what the volumes are: the first month's, since growth
// applies on top of workload.queries_per_month.
const breakEvenNote = "Volumes are workload.queries_per_month, the first month's volume; monthly growth applies on top. " +
	"A break-even is where the totals over the horizon are equal."

// breakEvenSentences states every pair's break-even, the pairs involving a
// fine-tune first (that is the question the tool answers), otherwise in the
// analysis's order.
func breakEvenSentences(s *Scenario, name func(string) string) []string {
	bes := append([]uncertainty.BreakEven(nil), s.Uncertainty.BreakEven...)
	sort.SliceStable(bes, func(i, j int) bool {
		return involvesFineTune(&s.Result, bes[i]) && !involvesFineTune(&s.Result, bes[j])
	})
	out := make([]string, 0, len(bes))
	for _, be := range bes {
		out = append(out, breakEvenSentence(s, be, name))
	}
	return out
}

func involvesFineTune(r *model.Result, be uncertainty.BreakEven) bool {
	a, b := optionByName(r, be.A), optionByName(r, be.B)
	return (a != nil && a.Kind == model.FineTune) || (b != nil && b.Kind == model.FineTune)
}

// breakEvenSentence is "A and B cost the same at N queries a month (now M)."
// or, when the order never changes in the bracket searched, which one stays
// cheaper across it, or, when the solver failed, its error: a failure says
// nothing about the order, so it must not read as "never".
func breakEvenSentence(s *Scenario, be uncertainty.BreakEven, name func(string) string) string {
	pair := name(be.A) + " and " + name(be.B)
	if be.Failed() {
		return "The break-even of " + pair + " could not be solved: " + name(be.Err.Error()) + "."
	}
	if be.Found {
		return pair + " cost the same at " + at(s, be, name) + "."
	}
	out := pair + " never cost the same within " + within(be, name)
	a, b := optionByName(&s.Result, be.A), optionByName(&s.Result, be.B)
	switch {
	case a == nil || b == nil || a.Total == b.Total:
	case a.Total < b.Total:
		out += "; " + name(be.A) + " stays cheaper"
	default:
		out += "; " + name(be.B) + " stays cheaper"
	}
	return out + "."
}

// at is where a break-even lies, with today's value for queries a month.
// Another input's label may name an option, so it goes through name.
func at(s *Scenario, be uncertainty.BreakEven, name func(string) string) string {
	if be.Input != uncertainty.BreakEvenInput {
		return name(be.Input) + " = " + plainNumber(be.Value)
	}
	return volume(be.Value) + " queries a month (now " + volume(s.Input.Workload.QueriesPerMonth) + ")"
}

// within is the bracket a break-even was searched in.
func within(be uncertainty.BreakEven, name func(string) string) string {
	if be.Input != uncertainty.BreakEvenInput {
		return name(be.Input) + " from " + plainNumber(be.Lo) + " to " + plainNumber(be.Hi)
	}
	return volume(be.Lo) + " to " + volume(be.Hi) + " queries a month"
}

// volume is a query volume: whole queries, a decimal below ten unless whole.
func volume(v float64) string {
	if v < 10 && v > -10 && v != math.Trunc(v) {
		return format.Number(v, 1)
	}
	return format.Number(v, 0)
}

// optionByName is the result of the option called n, nil if none is.
func optionByName(r *model.Result, n string) *model.OptionResult {
	for i := range r.Options {
		if r.Options[i].Name == n {
			return &r.Options[i]
		}
	}
	return nil
}

// findBreakEven is the break-even of options a and b, in either order.
func findBreakEven(sum *uncertainty.Summary, a, b string) (uncertainty.BreakEven, bool) {
	for _, be := range sum.BreakEven {
		if (be.A == a && be.B == b) || (be.A == b && be.B == a) {
			return be, true
		}
	}
	return uncertainty.BreakEven{}, false
}
