package model

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// accuracyAt is F25 as MODEL.md writes it: acc(m) = max(0, accuracy −
// decay · (m − t(m))), t(m) the latest tuning month ≤ m (every `every`
// months; 0 = never).
func accuracyAt(accuracy, decay float64, every, m int) float64 {
	if decay == 0 {
		return accuracy
	}
	since := m
	if every > 0 {
		since = m % every
	}
	return math.Max(0, accuracy-decay*float64(since))
}

// bestRetuneBySum is F28 exactly as MODEL.md writes it: every cadence's
// total summed month by month, a later cadence kept only when lower by more
// than 1e-9 of the best so far. The search in retune.go must agree with it.
func bestRetuneBySum(r *OptionResult, p qualityParams, fileEvery int) (every int, saves float64) {
	fixed := r.Total
	for i := range r.months {
		fixed -= r.months[i].Training + r.months[i].Errors
	}
	total := func(every int) float64 {
		sum := fixed
		for m := range r.months {
			if every > 0 && m >= 1 && m%every == 0 {
				sum += r.retuneEach
			}
			sum += errorsCost(r.months[m].Queries, accuracyAt(p.accuracy, p.decay, every, m), p.costPerError)
		}
		return sum
	}
	bestTotal := total(0)
	for e := 1; e < len(r.months); e++ {
		if t := total(e); t < bestTotal-1e-9*math.Max(1, math.Abs(bestTotal)) {
			every, bestTotal = e, t
		}
	}
	if every != fileEvery {
		saves = math.Max(0, total(fileEvery)-bestTotal)
	}
	return every, saves
}

// randomRetune is an option's months and §9 inputs drawn at random, with
// often-met edges: no decay, no cost of an error, free re-tunes, accuracy 0
// or 1, a decay that reaches 0 within months, flat or growing volumes.
func randomRetune(rng *rand.Rand) (OptionResult, qualityParams, int) {
	pick := func(vs ...float64) float64 { return vs[rng.IntN(len(vs))] }
	h := 1 + rng.IntN(120)
	p := qualityParams{on: true,
		accuracy:     pick(0, 1, 0.5, 0.9, rng.Float64()),
		decay:        pick(0, 0.01, 0.125, 0.3, rng.Float64()/20),
		costPerError: pick(0, 1, 0.37, rng.Float64()*100),
	}
	p.every = rng.IntN(h)
	r := OptionResult{months: make([]Month, h), retuneEach: pick(0, 25000, rng.Float64()*1e5, 1e-3)}
	q0, growth := pick(1e5, rng.Float64()*1e7), pick(0, 0.05, rng.Float64()/10)
	for m := range r.months {
		mo := &r.months[m]
		mo.Queries = q0 * math.Pow(1+growth, float64(m))
		mo.Training = 0
		if p.every > 0 && m >= 1 && m%p.every == 0 {
			mo.Training = r.retuneEach
		}
		mo.Errors = errorsCost(mo.Queries, accuracyAt(p.accuracy, p.decay, p.every, m), p.costPerError)
		r.Total += mo.Training + mo.Errors + pick(0, 900, rng.Float64()*1e4)
	}
	return r, p, p.every
}

// TestBestRetuneSearchIsTheMonthByMonthSum: on 1,500 random options the
// search picks the cadence the month-by-month sums pick and saves the same
// amount to the last bit.
func TestBestRetuneSearchIsTheMonthByMonthSum(t *testing.T) {
	rng := rand.New(rand.NewPCG(28, 2026))
	for i := range 1500 {
		r, p, file := randomRetune(rng)
		sameBestRetune(t, i, r, p, file)
	}
}

// TestBestRetuneSearchAtTheTieThreshold: re-tune prices that put a cadence
// within a few rounding steps of F28's 1e-9 tie threshold, where only the
// month-by-month sums can decide: the search must still agree.
func TestBestRetuneSearchAtTheTieThreshold(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1e9))
	cases := 0
	for cases < 200 {
		r, p, _ := randomRetune(rng)
		h := len(r.months)
		if h < 3 || p.decay == 0 || p.costPerError == 0 {
			continue
		}
		for m := range r.months { // the file never re-tunes: the total does not depend on the price of one
			r.Total -= r.months[m].Training + r.months[m].Errors
			r.months[m].Training = 0
			r.months[m].Errors = errorsCost(r.months[m].Queries, accuracyAt(p.accuracy, p.decay, 0, m), p.costPerError)
			r.Total += r.months[m].Errors
		}
		r.retuneEach = 0
		c, q := pricedBy(&r, 0)
		free := newCadences(&r, c, q, p, nil)
		e := 1 + rng.IntN(h-1)
		never := free.total(0)
		threshold := never - 1e-9*math.Max(1, math.Abs(never))
		each := (threshold - free.total(e)) / float64((h-1)/e)
		if each <= 0 {
			continue
		}
		cases++
		for k := -4; k <= 4; k++ {
			r.retuneEach = each * (1 + float64(k)*2.2e-16)
			sameBestRetune(t, cases, r, p, 0)
		}
	}
}

// pricedBy is the costs and volumes (F13, F1) that r's months, made by
// hand at the file's cadence every, were priced from.
func pricedBy(r *OptionResult, every int) (*costs, []float64) {
	q := make([]float64, len(r.months))
	for m := range r.months {
		q[m] = r.months[m].Queries
	}
	return &costs{retuneEvery: every, retuneCost: r.retuneEach}, q
}

func sameBestRetune(t *testing.T, i int, r OptionResult, p qualityParams, file int) {
	t.Helper()
	wantEvery, wantSaves := bestRetuneBySum(&r, p, file)
	r.Quality = &Quality{}
	c, q := pricedBy(&r, file)
	bestRetune(&r, c, q, p, file, nil)
	if got := r.Quality; got.BestRetuneEvery != wantEvery || got.BestRetuneSaves != wantSaves {
		t.Fatalf("case %d (H %d, accuracy %g, decay %g, cost_per_error %g, each %.17g, file %d): best %d saving %.17g, month by month %d saving %.17g",
			i, len(r.months), p.accuracy, p.decay, p.costPerError, r.retuneEach, file, got.BestRetuneEvery, got.BestRetuneSaves, wantEvery, wantSaves)
	}
}

// TestBestRetuneEstimateWithinSlack: the ranking sums stay within the
// slack of the month-by-month ones, far inside it in practice.
func TestBestRetuneEstimateWithinSlack(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 28))
	for range 500 {
		r, p, file := randomRetune(rng)
		priced, q := pricedBy(&r, file)
		c := newCadences(&r, priced, q, p, nil)
		for e := range c.h {
			if d := math.Abs(c.estimate(e) - c.total(e)); d > c.slack/100 {
				t.Fatalf("H %d cadence %d: estimate %.17g, sum %.17g, slack %g", c.h, e, c.estimate(e), c.total(e), c.slack)
			}
		}
	}
}

// BenchmarkBestRetune is F28 for one option with decay, by the search and
// by the month-by-month sums it replaces (what §9 cost per fine-tune).
func BenchmarkBestRetune(b *testing.B) {
	for _, h := range []int{36, 120} {
		r := OptionResult{months: make([]Month, h), retuneEach: 25000}
		p := qualityParams{on: true, accuracy: 0.88, decay: 0.005, costPerError: 0.6}
		for m := range r.months {
			r.months[m].Queries = 300000 * math.Pow(1.03, float64(m))
			r.months[m].Errors = errorsCost(r.months[m].Queries, p.accuracy, p.costPerError)
			r.Total += r.months[m].Errors + 5000
		}
		c, q := pricedBy(&r, 0)
		b.Run(fmt.Sprintf("search/H=%d", h), func(b *testing.B) {
			for b.Loop() {
				r.Quality = &Quality{}
				bestRetune(&r, c, q, p, 0, nil)
			}
		})
		b.Run(fmt.Sprintf("month-by-month/H=%d", h), func(b *testing.B) {
			for b.Loop() {
				bestRetuneBySum(&r, p, 0)
			}
		})
	}
}
