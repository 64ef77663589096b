package model

import "math"

// This file is F22 over a horizon's months without pricing each month:
// the serving fleet grows in steps (the built-in example's fine-tune runs
// 1 replica for 27 months, 2 for 8, then 3). When the volumes rise month
// by month and F22's parameters are finite and not negative, every step of
// F22 (a division or product by a non-negative number, ceil, max) is
// non-decreasing in Q, so the instances are too: two months with the same
// instances have the same instances, and so the same cost, in every month
// between them. fleetMonths prices the two ends of a span and fills it when
// they agree, else halves it: a handful of F22's instead of one a month,
// the same numbers (no −0 can arise from positive volumes, so equal values
// are equal bits). TestFleetMonthsArePricedMonths holds it to F22 month by
// month.

// maxFleetMonths is the most months fleetPrices holds (F1's horizons are
// at most 120).
const maxFleetMonths = 128

// fleetPrices is F22's cost and instances of each month, on the stack of
// the option's evaluation.
type fleetPrices struct {
	cost, instances [maxFleetMonths]float64
}

// priceOptionMonths is priceMonths, with a self-hosted option's F22
// priced by its steps first (on this stack: an API-served option does not
// pay for clearing it).
// most is the largest |Q(m)| (see volumes).
func (c *costs) priceOptionMonths(q []float64, most float64, qp qualityParams, labour, peak float64, value bool, out monthsOut) monthSums {
	if !c.selfHosted || len(q) > maxFleetMonths {
		return c.priceMonths(q, most, qp, labour, peak, value, out, nil)
	}
	var fleet fleetPrices
	c.fleet.fleetMonths(q, fleet.cost[:len(q)], fleet.instances[:len(q)])
	return c.priceMonths(q, most, qp, labour, peak, value, out, &fleet)
}

// fleetMonths fills cost[m] and instances[m] with f.inference(q[m]) for
// every month of q, which must hold at most maxFleetMonths months.
func (f *fleetParams) fleetMonths(q, cost, instances []float64) {
	if !f.monotone(q) {
		for m, qm := range q {
			cost[m], instances[m] = f.inference(qm)
		}
		return
	}
	last := len(q) - 1
	cost[0], instances[0] = f.inference(q[0])
	cost[last], instances[last] = f.inference(q[last])
	f.fillSpan(q, cost, instances, 0, last)
}

// fillSpan prices the months strictly between a and b, whose ends are
// priced.
func (f *fleetParams) fillSpan(q, cost, instances []float64, a, b int) {
	if b-a < 2 {
		return
	}
	if instances[a] == instances[b] {
		for m := a + 1; m < b; m++ {
			cost[m], instances[m] = cost[a], instances[a]
		}
		return
	}
	mid := a + (b-a)/2
	cost[mid], instances[mid] = f.inference(q[mid])
	f.fillSpan(q, cost, instances, a, mid)
	f.fillSpan(q, cost, instances, mid, b)
}

// monotone reports volumes that are positive, finite and rise (or stay)
// month by month, and parameters under which F22 cannot fall as they rise.
func (f *fleetParams) monotone(q []float64) bool {
	for _, v := range [...]float64{f.deployments, f.peakToAverage, f.busy, f.utilization, f.perInstance} {
		if !(v > 0 && v <= math.MaxFloat64) {
			return false
		}
	}
	if !(f.minReplicas >= 0 && f.minReplicas <= math.MaxFloat64) || !(f.hourly >= 0 && f.hourly <= math.MaxFloat64) {
		return false
	}
	for m, v := range q {
		if !(v > 0 && v <= math.MaxFloat64) || (m > 0 && v < q[m-1]) {
			return false
		}
	}
	return len(q) > 0 && len(q) <= maxFleetMonths
}
