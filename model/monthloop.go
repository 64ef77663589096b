package model

import "math"

// This file is an option's month loop: F13's re-tunes, F16's retrieval,
// F19–F22's serving and §9's F25–F27 month by month, with every sum the
// summaries need (F23, F26, F27's payback, the serving peak, the check
// that no figure overflowed) gathered as the months go, in month order,
// which is the order the summaries used to sum the stored months in: the
// same bits. A replay (OptionResult.Months, a derivation's) and
// EvaluateLean keep the months; Evaluate keeps only their cumulative costs
// and the summaries; a Monte Carlo sample only the summaries it reads.

// monthSums is what one pass over an option's months gathers.
type monthSums struct {
	cum      float64 // F23: the cumulative cost at the last month, the total
	marginal float64 // F23: Σ of the marginal categories (marginalCost)
	peak     float64 // the most serving instances in a month
	oneTime  float64 // month 0's one-time categories (oneTimeCost)
	// §9, summed only for an option with accuracy
	errs, good, queries float64 // F26's Σ errors, F25's Σ Q · acc, Σ Q
	value               float64 // F27's Σ V(m), with value_per_success
	payback             payback
	// valueOverflow is Σ (V(m) − V(m)): 0 while every month's value is
	// finite, NaN from the first that is not (see finite).
	valueOverflow float64
}

// payback is F27's first month whose running net value (value − cost to
// date) is ≥ 0, with the running sums at that month for its derivation.
type payback struct {
	running                 float64
	month                   int
	found                   bool
	before, valueTo, costTo float64
}

// monthsOut is what the month loop keeps beyond the total, the peak and
// the overflow check a Monte Carlo sample reads (its zero value).
type monthsOut struct {
	// full: F23's marginal cost and §9's sums (errors, good answers, value,
	// payback), which a result's readers need and a sample does not.
	full bool
	// months, when not nil, is where every month's figures are stored: a
	// replay's (OptionResult.Months, a derivation's) and EvaluateLean's.
	months []Month
	// cums, when not nil, is where every month's cumulative cost is
	// stored: Evaluate's, for F24's crossovers.
	cums []float64
}

// priceMonths prices the months of q (Q(m), F1) from the kind's costs c,
// F25–F27's inputs qp and the monthly labour, keeping what out asks for.
// peak is the serving peak the kind's cost function set (F22), which the
// months can only raise; value says the file has value_per_success.
// fleet, when not nil, is F22's months already priced (fleetMonths).
// A month's figures and the sums are kept in locals, which stay in
// registers; the Month is built only to be stored.
func (c *costs) priceMonths(q []float64, most float64, qp qualityParams, labour, peak float64, value bool, out monthsOut, fleet *fleetPrices) monthSums {
	var cum, marginal, valueOverflow float64
	var errs, good, all float64
	var pb paybackSearch
	// A sample needs only the total, the peak and the overflow check, for
	// which F27's V(m) are bounded at once when they can be.
	full, months, cums := out.full, out.months, out.cums
	values := qp.on && (full || !valuesBound(most, qp))
	peak = peakBeforeLoop(c, fleet, len(q), peak)
	clock := tuningClock{every: c.retuneEvery}
	for m, qm := range q {
		training := c.retuneIn(&clock, m)             // F13
		inference, instances := qm*c.apiPerQuery, 0.0 // F19
		switch {
		case fleet != nil:
			inference, instances = fleet.cost[m], fleet.instances[m] // F22, priced by its steps
		case c.selfHosted:
			inference, instances = c.fleet.inference(qm) // F22
			peak = max(peak, instances)                  // builtin max: math.Max inlined, NaN kept
		}
		retrieval := c.retrieval(qm)
		var accuracy, errors, val float64
		if qp.on { // F25–F27
			accuracy, errors = qp.errorsAt(qm, &clock)
			if values {
				val = qm * accuracy * qp.valueOf
				valueOverflow += val - val
			}
		}
		total := monthTotal(c, m, training, inference, retrieval, labour, errors)
		cum += total
		if full { // what a reader of the result and §9's summaries needs
			marginal += marginalSum(inference, retrieval, c.hostingMonthly, errors) // F23's
			if qp.on {
				errs += errors
				good += qm * accuracy
				all += qm
				if value {
					pb.add(m, val, total, cum)
				}
			}
			if cums != nil {
				cums[m] = cum
			}
			if months != nil {
				months[m] = Month{Month: m, Queries: qm, Training: training, Inference: inference, Retrieval: retrieval,
					Hosting: c.hostingMonthly, Labour: labour, Total: total, Cumulative: cum, Instances: instances,
					Errors: errors, Accuracy: accuracy, Value: val}
				if m == 0 {
					months[m].Data, months[m].Experiments, months[m].Setup = c.oneTimeData, c.oneTimeExperiments, c.oneTimeSetup
				}
			}
		}
		clock.tick()
	}
	sums := monthSums{cum: cum, marginal: marginal, peak: peak, errs: errs, good: good, queries: all,
		value: pb.value, payback: pb.payback, valueOverflow: valueOverflow}
	if len(q) > 0 { // month 0's one-time categories, as the loop set them
		sums.oneTime = oneTimeCost(&Month{Data: c.oneTimeData, Experiments: c.oneTimeExperiments, Setup: c.oneTimeSetup})
	}
	return sums
}

// peakBeforeLoop is the serving peak over months months where the loop
// need not take it month by month: the most of F22's instances already
// priced (fleet), or, for an API-served option, whose instances are +0 in
// every month, peak and +0's max. The builtin max is exact, NaN-keeping and
// takes +0 over −0 in any order, so taking it here, off the chain of
// additions the month loop waits on, gives the same bits
// (TestFusedSumsAreTheMonthByMonthOnes, TestMonthSumsFiniteIsEveryMonthFinite).
// A self-hosted option priced month by month is left to the loop.
func peakBeforeLoop(c *costs, fleet *fleetPrices, months int, peak float64) float64 {
	switch {
	case fleet != nil:
		for _, n := range fleet.instances[:months] {
			peak = max(peak, n)
		}
	case !c.selfHosted && months > 0:
		peak = max(peak, 0)
	}
	return peak
}

// monthTotal is month m's total: every category of costCategories, in its
// order (TestCostCategoriesDecideEveryFigure fails if one is missing here).
// After month 0 the one-time categories are +0: data + experiments is +0,
// and a sum that starts from +0 is never −0, so adding setup's +0 changes
// no bit; the chain of additions the month waits for is three shorter
// (TestMonthTotalIsTheCategorySum holds both to the sum of a Month's fields).
func monthTotal(c *costs, m int, training, inference, retrieval, labour, errors float64) float64 {
	if m == 0 {
		return c.oneTimeData + c.oneTimeExperiments + training + inference + retrieval + c.hostingMonthly + labour + c.oneTimeSetup + errors
	}
	return 0.0 + training + inference + retrieval + c.hostingMonthly + labour + errors
}

// valuesBound reports that no month's V(m) = Q(m) · acc(m) · value_per_success
// can overflow, from the largest |Q(m)|, most, and the file's accuracy:
// with the inputs finite and not negative, decay only lowers acc(m) (F25),
// and a product's magnitude cannot fall as its factors' rise, so every
// |V(m)| is at most the bound, which is finite.
func valuesBound(most float64, qp qualityParams) bool {
	for _, v := range [...]float64{most, qp.accuracy, qp.decay, qp.valueOf} {
		if !(v >= 0 && v <= math.MaxFloat64) {
			return false
		}
	}
	return most*qp.accuracy*qp.valueOf <= math.MaxFloat64
}

// paybackSearch sums F27's value month by month and finds the payback.
type paybackSearch struct {
	value float64 // Σ V(m) to date
	payback
}

// add is month m's value v and cost (total, cumulative cum).
func (p *paybackSearch) add(m int, v, total, cum float64) {
	p.value += v
	before := p.running
	p.running += v - total
	if p.running >= 0 && !p.found {
		p.month, p.found = m, true
		p.before, p.valueTo, p.costTo = before, p.value, cum
	}
}

// finite reports whether every month's total, cumulative, instances,
// errors and value were finite, as resultFinite asks. A month's errors are
// in its total and its total in the cumulative sum, which once NaN or ±Inf
// stays so to the last month; the peak is NaN or +Inf from the month whose
// instances are; a value is in none of those, so it is checked by itself.
func (s *monthSums) finite() bool {
	return finite(s.cum) && finite(s.peak) && s.valueOverflow == 0
}

// retuneIn is F13's re-tuning cost in month m of clock: one re-tune every
// retune_every_months, none in month 0.
func (c *costs) retuneIn(clock *tuningClock, m int) float64 {
	if clock.retunes(m) {
		return c.retuneCost
	}
	return 0
}

// errorsAt is F25's acc(m) and F26's errors for qm queries, the clock
// telling the months since the last tuning.
func (qp *qualityParams) errorsAt(qm float64, clock *tuningClock) (accuracy, errors float64) {
	accuracy = accuracySince(qp.accuracy, qp.decay, clock.since)
	return accuracy, errorsCost(qm, accuracy, qp.costPerError)
}
