package model

import "math"

// This file is the month-by-month table of an Evaluate result, replayed
// when first read: Evaluate prices every month to sum the totals, §9 and
// F24's crossovers, but keeps only the cumulative costs, and the table's
// 16 figures a month (more than half of what an evaluation used to
// allocate) are written by the same month loop from the costs each kind
// priced, which the result keeps: the same operations on the same inputs,
// so the same bits (TestMonthsReplayIsTheStoredMonths).

// Months returns the option's months, month 0 first, each with its costs
// by category (§8) and §9's figures. Evaluate's result replays them for
// every option on the first call and keeps them (safe for concurrent
// use); EvaluateLean's stores them; an analysis's sample (Evaluator.Lean)
// has none. The slice is shared: do not change it.
func (o *OptionResult) Months() []Month {
	if o.months != nil || o.src == nil {
		return o.months
	}
	return o.src.monthsOf(o.index)
}

// SetMonths gives a result built by hand (a test's fake) its months.
func (o *OptionResult) SetMonths(months []Month) { o.months = months }

// monthsOf is option i's months, every option's replayed once.
func (src *explainSource) monthsOf(i int) []Month {
	src.monthsOnce.Do(src.replayMonths)
	h := len(src.queries)
	if i < 0 || (i+1)*h > len(src.months) {
		return nil
	}
	return src.months[i*h : (i+1)*h : (i+1)*h]
}

// replayMonths runs the month loop of every option again, storing the
// months, from the costs Evaluate's run left (the serving peak it raised
// and F28's figures are not read by the loop).
func (src *explainSource) replayMonths() {
	h, n := len(src.queries), len(src.s.Options)
	if len(src.costs) < n {
		return
	}
	months := make([]Month, h*n)
	for i := range n {
		o := &src.s.Options[i]
		out := monthsOut{full: true, months: optionMonths(months, i, h)}
		src.costs[i].priceOptionMonths(src.queries, math.NaN(), newQualityParams(&src.s, o), labourPerMonth(&src.s, o),
			0, src.s.Workload.HasValuePerSuccess, out)
	}
	src.months = months
}
