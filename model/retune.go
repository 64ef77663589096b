package model

import "math"

// This file is F28's search: the re-tune cadence with the lowest total.
// The candidates' totals differ only in re-tunes (F13) and errors (F26).
// Month by month that is H sums of H months; instead the errors of one
// cadence are summed per tuning block from prefix sums of Q(m) and
// m · Q(m), O(H / cadence) each and O(H log H) in all. Those sums round
// differently from the month-by-month ones, so they only rank: a decision
// they leave in doubt, and the two totals reported, are summed month by
// month exactly as F28 is written (total), so every figure is the same to
// the last bit.

// cadences holds one option's F28 inputs and its prefix sums.
type cadences struct {
	queries []float64 // Q(m), F1
	p       qualityParams
	h       int
	fixed   float64 // the total without re-tunes and errors
	each    float64 // F13's cost of one re-tune
	// q[m] = Σ_{j<m} Q(j), mq[m] = Σ_{j<m} j · Q(j)
	q, mq []float64
	// clamp: the months since tuning from which acc(m) is 0 (F25's max)
	clamp int
	// slack bounds how far a ranking sum may be from the exact one.
	slack float64
}

// newCadences works out the prefix sums, in buf when it is long enough,
// for the option r priced from the costs priced over the volumes q.
func newCadences(r *OptionResult, priced *costs, q []float64, p qualityParams, buf []float64) cadences {
	h := len(q)
	sums := buf[:0]
	if cap(buf) < 2*(h+1) {
		sums = make([]float64, 0, 2*(h+1))
	}
	sums = sums[:2*(h+1)]
	c := cadences{queries: q, p: p, h: h, fixed: r.Total, each: r.retuneEach, clamp: h,
		q: sums[:h+1], mq: sums[h+1:]}
	c.q[0], c.mq[0] = 0, 0
	// The file's re-tunes and errors, month by month as the month loop
	// priced them, come off the total.
	clock := tuningClock{every: priced.retuneEvery}
	for m, qm := range q {
		_, errors := p.errorsAt(qm, &clock)
		c.fixed -= priced.retuneIn(&clock, m) + errors
		c.q[m+1] = c.q[m] + qm
		c.mq[m+1] = c.mq[m] + float64(m)*qm
		clock.tick()
	}
	if p.decay != 0 || p.accuracy <= 0 {
		for since := range h {
			if p.accuracy-p.decay*float64(since) <= 0 { // accuracyAt's max(0, …) is 0 from here
				c.clamp = since
				break
			}
		}
	}
	scale := math.Abs(c.fixed) + math.Abs(c.each)*float64(h) +
		math.Abs(p.costPerError)*c.q[h]*(1+math.Abs(p.accuracy)+math.Abs(p.decay)*float64(h))
	c.slack = 1e-10 * scale
	return c
}

// total is a cadence's total summed month by month: F28 as written.
func (c *cadences) total(every int) float64 {
	sum := c.fixed
	clock := tuningClock{every: every}
	for m, qm := range c.queries {
		if clock.retunes(m) {
			sum += c.each
		}
		sum += errorsCost(qm, accuracySince(c.p.accuracy, c.p.decay, clock.since), c.p.costPerError)
		clock.tick()
	}
	return sum
}

// estimate is a cadence's total from the prefix sums, to rank cadences:
// within slack of total.
func (c *cadences) estimate(every int) float64 {
	block, retunes := c.h, 0
	if every > 0 {
		block, retunes = every, (c.h-1)/every
	}
	a, d := c.p.accuracy, c.p.decay
	bad := 0.0 // Σ Q(m) · (1 − acc(m))
	for start := 0; start < c.h; start += block {
		end := min(start+block, c.h)
		mid := min(start+c.clamp, end) // acc = accuracy − decay · (m − start) before mid, 0 from mid
		q := c.q[mid] - c.q[start]
		bad += (1-a)*q + d*(c.mq[mid]-c.mq[start]-float64(start)*q) + (c.q[end] - c.q[mid])
	}
	return c.fixed + float64(retunes)*c.each + bad*c.p.costPerError
}

// best is F28's choice, the same as comparing every cadence's total in
// order and keeping a later one only when it is lower by more than 1e-9 of
// the best so far (sums in another order must not pick a cadence by a
// rounding residue): cadences whose estimate settles the comparison are
// never summed month by month.
func (c *cadences) best() (every int, total float64) {
	bestEstimate, exact, bestExact := c.estimate(0), false, 0.0
	for e := 1; e < c.h; e++ {
		est := c.estimate(e)
		threshold := bestEstimate - 1e-9*math.Max(1, math.Abs(bestEstimate))
		switch {
		case est > threshold+c.slack:
			continue // clearly not lower
		case est < threshold-c.slack:
			every, bestEstimate, exact = e, est, false
			continue // clearly lower
		}
		if !exact {
			bestExact, exact = c.total(every), true
			bestEstimate = bestExact
		}
		if t := c.total(e); t < bestExact-1e-9*math.Max(1, math.Abs(bestExact)) {
			every, bestExact, bestEstimate = e, t, t
		}
	}
	if !exact {
		bestExact = c.total(every)
	}
	return every, bestExact
}
