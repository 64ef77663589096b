package model

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestFusedSumsAreTheMonthByMonthOnes: F23's marginal cost, the serving
// peak and §9's errors and good answers, now gathered in the month loop,
// are to the bit what separate passes over the months in their order give
// (the code before issue 19's speed work), on random volumes, growths,
// accuracies and prices of testScenario's three kinds.
func TestFusedSumsAreTheMonthByMonthOnes(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 6))
	for run := range 200 {
		s := testScenario()
		s.HorizonMonths = float64(1 + rng.IntN(60))
		s.Workload.QueriesPerMonth = math.Floor(math.Pow(10, 2+5*rng.Float64()))
		s.Workload.MonthlyGrowth = rng.Float64() * 0.2
		s.Workload.CostPerError, s.Workload.HasCostPerError = rng.Float64()*3, true
		s.Workload.ValuePerSuccess, s.Workload.HasValuePerSuccess = rng.Float64(), rng.IntN(2) == 0
		for i := range s.Options {
			o := &s.Options[i]
			o.Accuracy, o.HasAccuracy = 0.5+rng.Float64()/2, true
			if o.Kind == FineTune {
				o.AccuracyDecayPerMonth = rng.Float64() * 0.02
			}
		}
		res, err := EvaluateLean(s, testCatalog())
		if err != nil {
			t.Fatalf("run %d: %v", run, err)
		}
		for i := range res.Options {
			o := &res.Options[i]
			var marginal, peak, errs, good float64
			for k := range o.Months() {
				m := &o.Months()[k]
				marginal += m.sum(marginalOf)
				peak = math.Max(peak, m.Instances)
				errs += m.Errors
				good += m.Queries * m.Accuracy
			}
			same := func(what string, got, want float64) {
				if math.Float64bits(got) != math.Float64bits(want) {
					t.Fatalf("run %d, %s: %s %v, the month-by-month pass %v", run, o.Name, what, got, want)
				}
			}
			same("marginal per 1k", o.MarginalPer1k, marginal/res.TotalQueries*1000)
			if o.Serving != nil {
				same("peak instances", o.Serving.PeakInstances, peak)
			}
			if o.Quality == nil {
				t.Fatalf("run %d, %s: no quality", run, o.Name)
			}
			same("errors", o.Quality.Errors, errs)
			same("good answers", o.Quality.GoodAnswers, good)
		}
	}
}

// TestEntryListKeepsOrderPastSix: an option naming more entries than the
// six kept in place still lists each once, in the order named.
func TestEntryListKeepsOrderPastSix(t *testing.T) {
	cat := testCatalog()
	var l entryList
	for _, id := range []string{"a", "b", "c", "a", "d", "e", "f", "g", "c", "h", "g"} {
		l.add(&cat, TableGPU, id)
	}
	var got string
	for _, r := range append(l.refs[:l.n], l.more...) {
		got += r.ID
	}
	if got != "abcdefgh" {
		t.Errorf("entries %q, want abcdefgh", got)
	}
}

// TestLeanSummariesAreEvaluates: an Evaluator's sample keeps no months and
// no §9 summaries, so every figure an analysis reads comes from the month
// loop's sums; they are Evaluate's, bit for bit, on random scenarios
// (growth, quality with and without value, re-tunes: the errors are in
// the totals).
func TestLeanSummariesAreEvaluates(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 12))
	var e Evaluator
	for run := range 300 {
		s := testScenario()
		s.Options = append(s.Options, managedOption())
		s.HorizonMonths = float64(1 + rng.IntN(60))
		s.Workload.QueriesPerMonth = math.Floor(math.Pow(10, 2+5*rng.Float64()))
		s.Workload.MonthlyGrowth = rng.Float64() * 0.2
		s.Workload.CostPerError, s.Workload.HasCostPerError = rng.Float64()*3, rng.IntN(4) > 0
		s.Workload.ValuePerSuccess, s.Workload.HasValuePerSuccess = rng.Float64()*0.2, rng.IntN(2) == 0
		for i := range s.Options {
			o := &s.Options[i]
			o.Accuracy, o.HasAccuracy = 0.5+rng.Float64()/2, s.QualityModelled() || rng.IntN(2) == 0
			o.AccuracyDecayPerMonth = rng.Float64() * 0.02
		}
		want, err := Evaluate(s, testCatalog())
		if err != nil {
			t.Fatalf("run %d: %v", run, err)
		}
		got, err := e.Lean(s, testCatalog())
		if err != nil {
			t.Fatalf("run %d: %v", run, err)
		}
		for i := range want.Options {
			w, g := want.Options[i], got.Options[i]
			if g.Months() != nil {
				t.Fatalf("run %d, %s: a sample kept its months", run, w.Name)
			}
			sameBits(t, w.Name+" summary", []float64{g.Total, g.CostPer1k, g.OneTime}, []float64{w.Total, w.CostPer1k, w.OneTime})
			if (w.Serving == nil) != (g.Serving == nil) || (w.Serving != nil && *w.Serving != *g.Serving) {
				t.Fatalf("run %d, %s: serving %+v, Evaluate's %+v", run, w.Name, g.Serving, w.Serving)
			}
			if g.Quality != nil {
				t.Fatalf("run %d, %s: a sample summed §9's figures", run, w.Name)
			}
		}
		if got.Cheapest != want.Cheapest || got.QualityModelled != want.QualityModelled || got.ValueModelled != want.ValueModelled {
			t.Fatalf("run %d: cheapest %d (quality %v, value %v), Evaluate's %d (%v, %v)", run,
				got.Cheapest, got.QualityModelled, got.ValueModelled, want.Cheapest, want.QualityModelled, want.ValueModelled)
		}
	}
}

// TestMonthSumsFiniteIsEveryMonthFinite: the month loop's overflow check
// (the cumulative cost, the peak and Σ (V − V), or for a sample the bound
// on V) says what checking every month's total, cumulative, instances,
// errors and value says, on months
// pushed to overflow one figure at a time (valid inputs cannot reach it:
// the check is the engine's promise of no NaN or Inf for any input).
func TestMonthSumsFiniteIsEveryMonthFinite(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	huge := func() float64 { return []float64{1, 1e10, 1e200, math.MaxFloat64, math.Inf(1)}[rng.IntN(5)] }
	refused := 0
	for run := range 5000 {
		q := make([]float64, 1+rng.IntN(24))
		for m := range q {
			q[m] = []float64{1e5, 1e150, 1e300, -1e300}[rng.IntN(4)]
		}
		c := costs{apiPerQuery: huge() * 1e-12, retuneEvery: rng.IntN(4), retuneCost: huge() * 1e-10, hostingMonthly: 10}
		if rng.IntN(2) == 0 {
			c.selfHosted = true
			c.fleet = fleetParams{deployments: 1, minReplicas: 1, peakToAverage: 3, busy: huge() * 1e-6, utilization: 0.6, perInstance: 1, hourly: []float64{0, 2}[rng.IntN(2)]}
		}
		qp := qualityParams{on: rng.IntN(2) == 0, accuracy: 0.9, decay: 0.01, costPerError: huge() * 1e-8, valueOf: huge() * 1e-9}
		months := make([]Month, len(q))
		value := rng.IntN(2) == 0
		sums := c.priceOptionMonths(q, largest(q), qp, 100, 0, value, monthsOut{full: true, months: months})
		sample := c.priceOptionMonths(q, largest(q), qp, 100, 0, value, monthsOut{}) // a Monte Carlo sample's: V(m) bounded at once
		every := true
		for i := range months {
			mo := &months[i]
			every = every && finite(mo.Total) && finite(mo.Cumulative) && finite(mo.Instances) && finite(mo.Errors) && finite(mo.Value)
		}
		if sums.finite() != every || sample.finite() != every {
			t.Fatalf("run %d: the sums say finite = %v, a sample's %v, the months %v", run, sums.finite(), sample.finite(), every)
		}
		if !every {
			refused++
		}
	}
	if refused < 500 || refused > 4500 {
		t.Errorf("%d of 5000 runs overflowed: the test should mix both", refused)
	}
}

func sameBits(t *testing.T, what string, got, want []float64) {
	t.Helper()
	for i := range want {
		if math.Float64bits(got[i]) != math.Float64bits(want[i]) {
			t.Fatalf("%s %d: %v, want %v", what, i, got[i], want[i])
		}
	}
}

// TestMonthTotalIsTheCategorySum: the month loop's totals, cumulative
// costs and F23 sums are, bit for bit, the sums of each stored month's
// categories as the loop added them before it shortened its chain of
// additions (the table's categories from the first, in table order),
// on costs with zeros of both signs, where a shortened sum could differ.
func TestMonthTotalIsTheCategorySum(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 4))
	negativeZero := math.Copysign(0, -1)
	zeros := false // a run of signed zeros only, where the sign of a total's zero is at stake
	pick := func() float64 {
		if zeros {
			return []float64{0, negativeZero, negativeZero}[rng.IntN(3)]
		}
		return []float64{0, negativeZero, 1e-300, 3.25, 1e12, rng.Float64() * 1e6}[rng.IntN(6)]
	}
	for run := range 5000 {
		zeros = run%3 == 0
		q := make([]float64, 1+rng.IntN(14))
		for m := range q {
			q[m] = []float64{0, negativeZero, 1, 1e5 * rng.Float64()}[rng.IntN(4)]
			if zeros {
				q[m] = pick()
			}
		}
		c := costs{oneTimeData: pick(), oneTimeExperiments: pick(), oneTimeSetup: pick(), hostingMonthly: pick(),
			retuneEvery: rng.IntN(4), retuneCost: pick(), apiPerQuery: pick(),
			hasRetrieval: rng.IntN(2) == 0, retrievalFixed: pick(), queryTokens: pick(), embedPerMtok: pick(), dbPerMQuery: pick()}
		qp := qualityParams{on: rng.IntN(2) == 0, accuracy: []float64{1, 0.9, 0}[rng.IntN(3)], decay: pick() * 1e-7, costPerError: pick(), valueOf: pick()}
		months := make([]Month, len(q))
		sums := c.priceOptionMonths(q, largest(q), qp, pick(), 0, rng.IntN(2) == 0, monthsOut{full: true, months: months})
		cum, marginal := 0.0, 0.0
		for m := range months {
			mo := &months[m]
			want := costCategories[0].Of(mo) // data + experiments + … + errors, in table order
			for _, c := range costCategories[1:] {
				want += c.Of(mo)
			}
			cum += want
			marginal += mo.sum(marginalOf)
			if math.Float64bits(mo.Total) != math.Float64bits(want) || math.Float64bits(mo.Cumulative) != math.Float64bits(cum) {
				t.Fatalf("run %d, month %d: total %v, cumulative %v; the categories sum to %v, %v", run, m, mo.Total, mo.Cumulative, want, cum)
			}
		}
		if math.Float64bits(sums.cum) != math.Float64bits(cum) || math.Float64bits(sums.marginal) != math.Float64bits(marginal) ||
			math.Float64bits(sums.oneTime) != math.Float64bits(months[0].sum(oneTimeOf)) {
			t.Fatalf("run %d: sums %v, %v, %v; the months' %v, %v, %v", run, sums.cum, sums.marginal, sums.oneTime, cum, marginal, months[0].sum(oneTimeOf))
		}
	}
}

// largest is the largest |v| of q (NaN if one is NaN), a sample's bound.
func largest(q []float64) float64 {
	most := 0.0
	for _, v := range q {
		most = max(most, math.Abs(v))
	}
	return most
}

// TestPeakTakenBeforeTheLoopIsTheMonthByMonthMax: the serving peak an
// option's month loop returns is, to the bit, the running max over its
// months of the peak it was handed and each month's instances, as the
// loop took it before issue 19 moved it off the chain of additions: for
// an API-served option (instances +0 every month) whatever peak it is
// handed (NaN, −0, negative, positive), and for F22 priced by its steps.
func TestPeakTakenBeforeTheLoopIsTheMonthByMonthMax(t *testing.T) {
	negativeZero := math.Copysign(0, -1)
	q := []float64{1e5, 2e5, 4e5, 8e5, 1.6e6, 3.2e6}
	for _, selfHosted := range []bool{false, true} {
		c := costs{apiPerQuery: 1e-3}
		if selfHosted {
			c.selfHosted = true
			c.fleet = fleetParams{deployments: 1, minReplicas: 1, peakToAverage: 3, busy: 2, utilization: 0.6, perInstance: 1, hourly: 2}
		}
		for _, peak := range []float64{0, negativeZero, -1, 0.5, 7, math.NaN(), math.Inf(1)} {
			months := make([]Month, len(q))
			got := c.priceOptionMonths(q, largest(q), qualityParams{}, 100, peak, false, monthsOut{full: true, months: months}).peak
			want := peak
			for m := range months {
				want = max(want, months[m].Instances)
			}
			if math.Float64bits(got) != math.Float64bits(want) {
				t.Errorf("self-hosted %v, peak handed %v: %v, month by month %v", selfHosted, peak, got, want)
			}
		}
	}
}
