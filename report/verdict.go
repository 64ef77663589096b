package report

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/model"
)

// verdict is the one-paragraph answer: the cheapest option, by how much it
// beats the next, and every crossover in words. name and money render a
// file-originated name and an amount for the target format (sanitized for
// text, escaped for Markdown). With an uncertainty analysis it ends with the
// volume at which fine-tuning starts to pay (fineTuneWords).
//
// Months are counted from 1 for people: the model's month index m (month 0
// is the first month) is written "month m+1".
func verdict(s *Scenario, name func(string) string, money func(float64) string) string {
	r := &s.Result
	opts := r.Options
	if len(opts) == 0 {
		return "The scenario has no options to compare."
	}
	best := r.Cheapest
	if best < 0 || best >= len(opts) {
		best = 0
	}
	b := &opts[best]
	horizon := months(r.HorizonMonths)
	var sb strings.Builder
	if len(opts) == 1 {
		sb.WriteString(name(b.Name) + " is the only option: " + money(b.Total) + " over " + horizon + ".")
	} else {
		next := &opts[runnerUp(opts, best)]
		gap := next.Total - b.Total
		if gap == 0 {
			sb.WriteString(name(b.Name) + " and " + name(next.Name) + " tie as the cheapest options at " +
				money(b.Total) + " over " + horizon + ".")
		} else {
			sb.WriteString(name(b.Name) + " is the cheapest option over " + horizon + " at " + money(b.Total) + ", " +
				money(gap) + gapPercent(gap, next.Total) + " less than " + name(next.Name) + " (" + money(next.Total) + ").")
		}
	}
	if words := QualityVerdict(r, name, money); words != "" {
		sb.WriteString(" " + words)
	}
	if words := crossoverWords(r, name); words != "" {
		sb.WriteString(" " + words)
	}
	if words := fineTuneWords(s, best, name); words != "" {
		sb.WriteString(" " + words)
	}
	return sb.String()
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

// crossoverWords turns the crossovers into a sentence, in month order:
// "RAG's cumulative cost overtakes lora's in month 16." The option named
// first is the one that has just become the more expensive.
func crossoverWords(r *model.Result, name func(string) string) string {
	if len(r.Crossovers) == 0 {
		return ""
	}
	cs := append([]model.Crossover(nil), r.Crossovers...)
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].Month < cs[j].Month })
	parts := make([]string, 0, len(cs))
	for _, c := range cs {
		up, down := c.A, c.B
		if !costlier(r, c.A, c.B, c.Month) {
			up, down = c.B, c.A
		}
		parts = append(parts, name(up)+"'s cumulative cost overtakes "+name(down)+"'s in month "+strconv.Itoa(c.Month+1))
	}
	return "Crossovers: " + strings.Join(parts, "; ") + "."
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
		if o.Name == option && m >= 0 && m < len(o.Months) {
			return o.Months[m].Cumulative, true
		}
	}
	return 0, false
}
