package model

// This file is an option's month loop: F13's re-tunes, F16's retrieval,
// F19–F22's serving and §9's F25–F27 month by month, with every sum the
// summaries need (F23, F26, F27's payback, the serving peak, the check
// that no figure overflowed) gathered as the months go, in month order,
// which is the order the summaries used to sum the stored months in: the
// same bits. Evaluate and a derivation's replay keep the months; a Monte
// Carlo sample, which reads only the summaries, does not write them.

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

// priceMonths prices the months of q (Q(m), F1) from the kind's costs c,
// F25–F27's inputs qp and the monthly labour, into months when it is not
// nil. peak is the serving peak the kind's cost function set (F22), which
// the months can only raise; value says the file has value_per_success.
// The sums are kept in locals, which stay in registers.
func (c *costs) priceMonths(q []float64, qp qualityParams, labour, peak float64, value bool, months []Month) monthSums {
	var cum, marginal, valueOverflow float64
	var errs, good, all float64
	var pb paybackSearch
	clock := tuningClock{every: c.retuneEvery}
	for m := range q {
		mo := Month{Month: m, Queries: q[m], Labour: labour, Hosting: c.hostingMonthly}
		if m == 0 {
			mo.Data, mo.Experiments, mo.Setup = c.oneTimeData, c.oneTimeExperiments, c.oneTimeSetup
		}
		if clock.retunes(m) {
			mo.Training = c.retuneCost // F13
		}
		mo.Inference, mo.Instances = c.inference(q[m])
		mo.Retrieval = c.retrieval(q[m])
		if qp.on { // F25–F27
			mo.Accuracy = accuracySince(qp.accuracy, qp.decay, clock.since)
			mo.Errors = errorsCost(q[m], mo.Accuracy, qp.costPerError)
			mo.Value = q[m] * mo.Accuracy * qp.valueOf
		}
		// Every category of costCategories, in its order; written out, as this
		// is the engine's hottest line (TestCostCategoriesDecideEveryFigure
		// fails if a category is missing here).
		mo.Total = mo.Data + mo.Experiments + mo.Training + mo.Inference + mo.Retrieval + mo.Hosting + mo.Labour + mo.Setup + mo.Errors
		cum += mo.Total
		mo.Cumulative = cum
		marginal += marginalCost(&mo)  // F23's
		peak = max(peak, mo.Instances) // builtin max: math.Max inlined, NaN kept
		valueOverflow += mo.Value - mo.Value
		if qp.on {
			errs += mo.Errors
			good += mo.Queries * mo.Accuracy
			all += mo.Queries
			if value {
				pb.add(m, mo.Value, mo.Total, cum)
			}
		}
		if months != nil {
			months[m] = mo
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
