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
	for i := range r.Months {
		fixed -= r.Months[i].Training + r.Months[i].Errors
	}
	total := func(every int) float64 {
		sum := fixed
		for m := range r.Months {
			if every > 0 && m >= 1 && m%every == 0 {
				sum += r.retuneEach
			}
			sum += errorsCost(r.Months[m].Queries, accuracyAt(p.accuracy, p.decay, every, m), p.costPerError)
		}
		return sum
	}
	bestTotal := total(0)
	for e := 1; e < len(r.Months); e++ {
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
	r := OptionResult{Months: make([]Month, h), retuneEach: pick(0, 25000, rng.Float64()*1e5, 1e-3)}
	q0, growth := pick(1e5, rng.Float64()*1e7), pick(0, 0.05, rng.Float64()/10)
	for m := range r.Months {
		mo := &r.Months[m]
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
		h := len(r.Months)
		if h < 3 || p.decay == 0 || p.costPerError == 0 {
			continue
		}
		for m := range r.Months { // the file never re-tunes: the total does not depend on the price of one
			r.Total -= r.Months[m].Training + r.Months[m].Errors
			r.Months[m].Training = 0
			r.Months[m].Errors = errorsCost(r.Months[m].Queries, accuracyAt(p.accuracy, p.decay, 0, m), p.costPerError)
			r.Total += r.Months[m].Errors
		}
		r.retuneEach = 0
		free := newCadences(&r, p, nil)
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

func sameBestRetune(t *testing.T, i int, r OptionResult, p qualityParams, file int) {
	t.Helper()
	wantEvery, wantSaves := bestRetuneBySum(&r, p, file)
	r.Quality = &Quality{}
	bestRetune(&r, p, file, nil)
	if got := r.Quality; got.BestRetuneEvery != wantEvery || got.BestRetuneSaves != wantSaves {
		t.Fatalf("case %d (H %d, accuracy %g, decay %g, cost_per_error %g, each %.17g, file %d): best %d saving %.17g, month by month %d saving %.17g",
			i, len(r.Months), p.accuracy, p.decay, p.costPerError, r.retuneEach, file, got.BestRetuneEvery, got.BestRetuneSaves, wantEvery, wantSaves)
	}
}

// TestBestRetuneEstimateWithinSlack: the ranking sums stay within the
// slack of the month-by-month ones, far inside it in practice.
func TestBestRetuneEstimateWithinSlack(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 28))
	for range 500 {
		r, p, _ := randomRetune(rng)
		c := newCadences(&r, p, nil)
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
		r := OptionResult{Months: make([]Month, h), retuneEach: 25000}
		p := qualityParams{on: true, accuracy: 0.88, decay: 0.005, costPerError: 0.6}
		for m := range r.Months {
			r.Months[m].Queries = 300000 * math.Pow(1.03, float64(m))
			r.Months[m].Errors = errorsCost(r.Months[m].Queries, p.accuracy, p.costPerError)
			r.Total += r.Months[m].Errors + 5000
		}
		b.Run(fmt.Sprintf("search/H=%d", h), func(b *testing.B) {
			for b.Loop() {
				r.Quality = &Quality{}
				bestRetune(&r, p, 0, nil)
			}
		})
		b.Run(fmt.Sprintf("month-by-month/H=%d", h), func(b *testing.B) {
			for b.Loop() {
				bestRetuneBySum(&r, p, 0)
			}
		})
	}
}
