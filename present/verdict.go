package present

import (
	"math"
	"sort"
	"strings"

	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/model"
)

// Verdict is the one-paragraph answer: the cheapest option, by how much it
// beats the next, the §9 sentence when errors reorder the cheapest, every
// crossover in words and, with an uncertainty analysis, the volume at which
// fine-tuning starts to pay (FineTuneWords), and every option that must
// migrate off a retiring model (LifecycleWords). name and money render a
// file-originated name and an amount for the target format (sanitized for
// text, escaped for Markdown).
//
// Months are counted from 1 for people: the model's month index m (month 0
// is the first month) is written "month m+1".
func Verdict(s *Scenario, name func(string) string, money func(float64) string) string {
	r := &s.Result
	parts := []string{Headline(r, name, money)}
	if len(r.Options) == 0 {
		return parts[0]
	}
	parts = append(parts, QualityVerdict(r, name, money), SpendSplit(r, name, money), CrossoverWords(r, name), FineTuneWords(s, Best(r), name),
		LifecycleWords(r, name, money))
	return joinSentences(parts)
}

// Best is the index of the cheapest option (F24), 0 when the result's own
// is out of range.
func Best(r *model.Result) int {
	if r.Cheapest < 0 || r.Cheapest >= len(r.Options) {
		return 0
	}
	return r.Cheapest
}

// Headline is the verdict's first sentence: the cheapest option and its
// lead over the runner-up, a tie, or the only option's total.
func Headline(r *model.Result, name func(string) string, money func(float64) string) string {
	opts := r.Options
	if len(opts) == 0 {
		return "The scenario has no options to compare."
	}
	best := Best(r)
	b := &opts[best]
	horizon := format.Months(r.HorizonMonths)
	if len(opts) == 1 {
		return name(b.Name) + " is the only option: " + money(b.Total) + " over " + horizon + "."
	}
	next := &opts[runnerUp(opts, best)]
	gap := next.Total - b.Total
	if gap == 0 {
		return name(b.Name) + " and " + name(next.Name) + " tie as the cheapest options at " +
			money(b.Total) + " over " + horizon + "."
	}
	return name(b.Name) + " is the cheapest option over " + horizon + " at " + money(b.Total) + ", " +
		money(gap) + gapPercent(gap, next.Total) + " less than " + name(next.Name) + " (" + money(next.Total) + ")."
}

func joinSentences(parts []string) string {
	out := parts[0]
	for _, p := range parts[1:] {
		if p != "" {
			out += " " + p
		}
	}
	return out
}

// runnerUp is the option with the lowest total other than best, the first
// listed on a tie.
func runnerUp(opts []model.OptionResult, best int) int {
	next := -1
	for i := range opts {
		if i != best && (next < 0 || opts[i].Total < opts[next].Total) {
			next = i
		}
	}
	return next
}

// gapPercent is " (12.3%)", the gap as a share of the runner-up's total.
func gapPercent(gap, of float64) string {
	if of <= 0 || math.IsInf(gap/of, 0) {
		return ""
	}
	return " (" + format.Percent(gap/of) + ")"
}

// CrossoverWords turns the crossovers into a sentence, in month order:
// "Crossovers: RAG's cumulative cost overtakes lora's in month 16." Empty
// without crossovers.
func CrossoverWords(r *model.Result, name func(string) string) string {
	cs := SortedCrossovers(r)
	if len(cs) == 0 {
		return ""
	}
	parts := make([]string, 0, len(cs))
	for _, c := range cs {
		parts = append(parts, CrossoverSentence(r, c, name))
	}
	return "Crossovers: " + strings.Join(parts, "; ") + "."
}

// SortedCrossovers are the result's crossovers in month order.
func SortedCrossovers(r *model.Result) []model.Crossover {
	cs := append([]model.Crossover(nil), r.Crossovers...)
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].Month < cs[j].Month })
	return cs
}

// CrossoverSentence is one crossover without a full stop: "RAG's cumulative
// cost overtakes lora's in month 16". The option named first is the one
// that has just become the more expensive.
func CrossoverSentence(r *model.Result, c model.Crossover, name func(string) string) string {
	up, down := c.A, c.B
	if !costlier(r, c.A, c.B, c.Month) {
		up, down = c.B, c.A
	}
	return name(up) + "'s cumulative cost overtakes " + name(down) + "'s in " + format.MonthName(c.Month)
}

// costlier reports whether a's cumulative cost exceeds b's in month m.
func costlier(r *model.Result, a, b string, m int) bool {
	ca, okA := cumulative(r, a, m)
	cb, okB := cumulative(r, b, m)
	return okA && okB && ca > cb
}

func cumulative(r *model.Result, option string, m int) (float64, bool) {
	for i := range r.Options {
		o := &r.Options[i]
		if months := o.Months(); o.Name == option && m >= 0 && m < len(months) {
			return months[m].Cumulative, true
		}
	}
	return 0, false
}
