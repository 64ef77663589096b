package model

import (
	"errors"
	"strings"
	"testing"
)

// qualityScenario is one option over h months of 100,000 queries with
// quality priced: cost_per_error c, value_per_success v (the Has flags as a
// file that writes both keys sets them).
func qualityScenario(h float64, c, v float64, o Option) Scenario {
	s := testScenario()
	s.HorizonMonths = h
	s.Workload.CostPerError, s.Workload.HasCostPerError = c, true
	s.Workload.ValuePerSuccess, s.Workload.HasValuePerSuccess = v, true
	s.Options = []Option{o}
	return s
}

func withAccuracy(o Option, acc, decay float64) Option {
	o.Accuracy, o.HasAccuracy, o.AccuracyDecayPerMonth = acc, true, decay
	return o
}

// F25 with re-tunes every 3 months, F26 every month.
func TestDecayWithRetunesF25F26(t *testing.T) {
	o := withAccuracy(managedOption(), 0.9, 0.02)
	o.RetuneEveryMonths = 3
	res := evaluate(t, qualityScenario(12, 1, 0, o))
	// t(m) = 0, 0, 0, 3, 3, 3, 6, …: acc = 0.9, 0.88, 0.86, 0.9, 0.88, 0.86, …
	// errors(m) = 100,000 · (1 − acc) · 1 = 10,000, 12,000, 14,000, 10,000, …
	wantAcc := []float64{0.9, 0.88, 0.86, 0.9, 0.88, 0.86}
	wantErr := []float64{10000, 12000, 14000, 10000, 12000, 14000}
	for m := range wantAcc {
		near(t, "acc", res.Options[0].Months()[m].Accuracy, wantAcc[m])
		near(t, "errors", res.Options[0].Months()[m].Errors, wantErr[m])
	}
	// Σ errors = 4 · (10,000 + 12,000 + 14,000) = 144,000, inside the total.
	q := res.Options[0].Quality
	near(t, "Σ errors", q.Errors, 144000)
	plain := evaluate(t, func() Scenario {
		s := testScenario()
		s.HorizonMonths = 12
		s.Options = []Option{o}
		s.Options[0].HasAccuracy = false
		return s
	}())
	near(t, "total − total without quality", res.Options[0].Total-plain.Options[0].Total, 144000)
	near(t, "cost without errors", q.CostWithoutErrors, plain.Options[0].Total)
	if got := res.Options[0].Recurring(1) - plain.Options[0].Recurring(1); got != 12000 {
		t.Errorf("errors are recurring: month 1 recurring grew by %g, want 12000", got)
	}
}

// F25's floor: accuracy never goes below 0.
func TestDecayFloorAtZeroF25(t *testing.T) {
	o := withAccuracy(managedOption(), 0.1, 0.05) // never re-tuned
	res := evaluate(t, qualityScenario(6, 2, 0, o))
	// acc = 0.1, 0.05, max(0, 0.1 − 0.1) = 0, then 0 (not −0.05, −0.1, …)
	for m, want := range []float64{0.1, 0.05, 0, 0, 0, 0} {
		near(t, "acc", res.Options[0].Months()[m].Accuracy, want)
	}
	// month 5: 100,000 · (1 − 0) · 2 = 200,000
	near(t, "errors(5)", res.Options[0].Months()[5].Errors, 200000)
}

// promptOnly: inference (1,500 · 2 + 200 · 10) / 1e6 = 0.005 per query → 500
// a month; labour 4 · 100 = 400; month 0 adds (40 + 40) · 100 = 8,000 setup.
// Months cost 8,900, then 900; over 12 months 8,900 + 11 · 900 = 18,800.
func TestValueROIPaybackF27(t *testing.T) {
	res := evaluate(t, qualityScenario(12, 0, 0.05, withAccuracy(promptOption(), 0.8, 0)))
	q := res.Options[0].Quality
	near(t, "total", res.Options[0].Total, 18800)
	// V(m) = 100,000 · 0.8 · 0.05 = 4,000; value = 48,000.
	near(t, "value", q.Value, 48000)
	// ROI = (48,000 − 18,800) / 18,800
	near(t, "roi", q.ROI, 29200.0/18800)
	// running net: 4,000 − 8,900 = −4,900; −4,900 + 3,100 = −1,800; +3,100 = 1,300 ≥ 0 → month 2
	if !q.HasPayback || q.PaybackMonth != 2 {
		t.Errorf("payback = %v %d, want month 2", q.HasPayback, q.PaybackMonth)
	}
	// cost per 1k good answers = 18,800 / (12 · 80,000) · 1000
	near(t, "cost per 1k good", q.CostPer1kGood, 18800.0/960000*1000)
	if q.HasBestRetune {
		t.Error("a prompted option has no re-tune cadence")
	}
}

func TestPaybackNeverReachedF27(t *testing.T) {
	// V(m) = 100,000 · 0.8 · 0.01 = 800 < 900 a month: the net only falls.
	q := evaluate(t, qualityScenario(12, 0, 0.01, withAccuracy(promptOption(), 0.8, 0))).Options[0].Quality
	if q.HasPayback {
		t.Errorf("payback month %d, want none", q.PaybackMonth)
	}
	near(t, "roi", q.ROI, (9600-18800)/18800.0)
}

func TestROIWithZeroTotalF27(t *testing.T) {
	cat := testCatalog()
	cat.APIModels["free"] = APIModel{ID: "free"}
	o := withAccuracy(promptOption(), 0, 0)
	o.Model, o.PromptEngineeringHours, o.MaintenanceHoursPerMonth, o.IntegrationHours = "free", 0, 0, 0
	res, err := Evaluate(qualityScenario(4, 0, 1, o), cat)
	if err != nil {
		t.Fatal(err)
	}
	q := res.Options[0].Quality
	// total 0: ROI is null, not ±Inf or NaN; accuracy 0: no good answer, so
	// cost per 1k good answers is null too; running net 0 ≥ 0 pays back at once.
	if q.HasROI || q.HasCostPer1kGood {
		t.Errorf("roi %v / cost per 1k good %v, want both null", q.HasROI, q.HasCostPer1kGood)
	}
	if !q.HasPayback || q.PaybackMonth != 0 {
		t.Errorf("payback = %v %d, want month 0", q.HasPayback, q.PaybackMonth)
	}
}

// F28 over 3 months, each re-tune R = 250 h · 100 = 25,000 (no cycles),
// 100,000 queries, accuracy 0.5 losing 0.125 a month, an error costs 1:
//
//	never (0): errors 50,000 + 62,500 + 75,000           = 187,500
//	every 1:   errors 3 · 50,000 + re-tunes 2 · 25,000   = 200,000
//	every 2:   errors 50,000 + 62,500 + 50,000 + 25,000  = 187,500
//
// 0 and 2 tie: the smaller, never, wins; against the file's 1 it saves 12,500.
func TestBestRetuneCadenceTieF28(t *testing.T) {
	o := withAccuracy(managedOption(), 0.5, 0.125)
	o.RetuneEveryMonths, o.RetuneCurationHours, o.RetuneCycles = 1, 250, 0
	q := evaluate(t, qualityScenario(3, 1, 0, o)).Options[0].Quality
	if !q.HasBestRetune || q.BestRetuneEvery != 0 {
		t.Fatalf("best cadence = %v %d, want 0", q.HasBestRetune, q.BestRetuneEvery)
	}
	near(t, "saves", q.BestRetuneSaves, 12500)

	o.RetuneEveryMonths = 0 // the file already has the best: it saves nothing
	q = evaluate(t, qualityScenario(3, 1, 0, o)).Options[0].Quality
	if q.BestRetuneEvery != 0 || q.BestRetuneSaves != 0 {
		t.Errorf("best = %d saving %g, want 0 saving 0", q.BestRetuneEvery, q.BestRetuneSaves)
	}
}

// F28 when staleness costs money: one point a month at 1 per error on
// 100,000 queries costs 1,000 · months since tuning; a re-tune costs 25,000.
// Over 24 months never: Σ_{m<24} 1,000·m = 276,000 in decay; every 6:
// 4 · (0+1+…+5) · 1,000 = 60,000 + 3 re-tunes 75,000 = 135,000; every 7
// (re-tunes at 7, 14, 21): (0+…+6)·3 + (0+1+2) = 66 → 66,000 + 75,000 =
// 141,000; every 5 (at 5, 10, 15, 20): 4·10 + (0+…+3) = 46 → 46,000 +
// 100,000 = 146,000; every 8 (at 8, 16): 3 · 28 = 84 → 84,000 + 50,000 =
// 134,000; every 9 (9, 18): 36·2 + 15 = 87 → 87,000 + 50,000 = 137,000;
// every 12: 2 · 66 = 132 → 132,000 + 25,000 = 157,000. Best: every 8.
func TestBestRetuneCadenceF28(t *testing.T) {
	o := withAccuracy(managedOption(), 0.9, 0.01)
	o.RetuneCurationHours, o.RetuneCycles = 250, 0
	q := evaluate(t, qualityScenario(24, 1, 0, o)).Options[0].Quality
	if q.BestRetuneEvery != 8 {
		t.Fatalf("best cadence = %d, want 8", q.BestRetuneEvery)
	}
	// against the file's never: 276,000 − 134,000 = 142,000
	near(t, "saves", q.BestRetuneSaves, 142000)
}

// §9: pricing an error requires every option's accuracy.
func TestQualityNeedsAccuracy(t *testing.T) {
	s := qualityScenario(12, 1, 0, promptOption())
	_, err := Evaluate(s, testCatalog())
	var ie *InputError
	if !errors.As(err, &ie) || ie.Field != "accuracy" || ie.Option != "prompt" {
		t.Fatalf("err = %v, want an InputError on option prompt's accuracy", err)
	}
}

// An option without accuracy in a file that models quality elsewhere has
// no §9 figures and no errors; the cheapest without errors can differ.
func TestCheapestWithoutErrorsF26(t *testing.T) {
	s := testScenario()
	s.Workload.CostPerError, s.Workload.HasCostPerError = 0.5, true
	for i := range s.Options {
		s.Options[i] = withAccuracy(s.Options[i], 0.99, 0)
	}
	s.Options[0].Accuracy = 0.5 // the prompt option answers badly: 50,000 errors a month · 0.5
	res := evaluate(t, s)
	if !res.QualityModelled || res.ValueModelled {
		t.Fatalf("modelled = %v, value = %v", res.QualityModelled, res.ValueModelled)
	}
	if res.Options[0].Quality.HasValue {
		t.Error("value without value_per_success")
	}
	if res.CheapestWithoutErrors == res.Cheapest {
		t.Errorf("cheapest %d equals cheapest without errors %d; the prompt option's errors (300,000) should reorder them",
			res.Cheapest, res.CheapestWithoutErrors)
	}
}

// The engine stays total with quality: extreme but valid §9 inputs on
// every kind and horizon give finite figures or an error, never NaN/Inf.
func TestQualityExtremesStayFinite(t *testing.T) {
	for _, h := range []float64{1, 2, 120} {
		for _, acc := range []float64{0, 1} {
			for _, money := range []float64{0, maxQualityMoney} {
				s := testScenario()
				s.HorizonMonths = h
				s.Workload.CostPerError, s.Workload.HasCostPerError = money, true
				s.Workload.ValuePerSuccess, s.Workload.HasValuePerSuccess = money, true
				for i := range s.Options {
					s.Options[i] = withAccuracy(s.Options[i], acc, 1)
				}
				res, err := Evaluate(s, testCatalog())
				if err != nil {
					continue // an overflow is refused as an error: fine
				}
				for _, o := range res.Options {
					q := o.Quality
					if !qualityFinite(q) || !finite(o.Total) {
						t.Fatalf("h=%g acc=%g money=%g: %s not finite: %+v", h, acc, money, o.Name, q)
					}
					if o.Kind == FineTune && (!q.HasBestRetune || q.BestRetuneEvery >= int(h)) {
						t.Errorf("h=%g: best cadence %d outside 0…H−1", h, q.BestRetuneEvery)
					}
				}
			}
		}
	}
}

// derivation fails the test unless o records figure id; it returns it.
func derivation(t *testing.T, o *OptionResult, id string) Derivation {
	t.Helper()
	d, ok := o.Derivation(id)
	if !ok {
		t.Fatalf("%s: no derivation %q", o.Name, id)
	}
	return d
}

// input returns the value of a derivation's input by name.
func input(t *testing.T, d Derivation, name string) float64 {
	t.Helper()
	for _, in := range d.Inputs {
		if in.Name == name {
			return in.Value
		}
	}
	t.Fatalf("%s: no input %q in %+v", d.Figure, name, d.Inputs)
	return 0
}

// Every §9 figure the screens show has a derivation ending at it (issue 10's
// explain meets issue 15). promptOnly (see TestValueROIPaybackF27): 500
// inference + 400 labour a month, 8,000 setup in month 1; 100,000 queries a
// month at accuracy 0.8, an error costs 0.5, a good answer is worth 0.2.
func TestQualityDerivationsEndAtTheFigures(t *testing.T) {
	res := evaluate(t, qualityScenario(12, 0.5, 0.2, withAccuracy(promptOption(), 0.8, 0)))
	o := &res.Options[0]
	// errors 100,000 · 0.2 · 0.5 = 10,000 a month, 120,000 over 12 months;
	// total 18,800 + 120,000 = 138,800.
	near(t, "total", o.Total, 138800)

	d := derivation(t, o, "accuracy")
	near(t, "accuracy", d.Result, 0.8)
	if d.Unit != UnitFraction {
		t.Errorf("accuracy unit %q, want %q", d.Unit, UnitFraction)
	}
	// good answers 12 · 100,000 · 0.8 = 960,000; bad 12 · 20,000 = 240,000
	near(t, "good answers", derivation(t, o, "good_answers").Result, 960000)
	d = derivation(t, o, "errors")
	near(t, "errors", d.Result, 120000)
	near(t, "bad answers", input(t, d, "bad_answers"), 240000)
	// without errors: 138,800 − 120,000 = 18,800
	near(t, "cost without errors", derivation(t, o, "cost_without_errors").Result, 18800)
	// per 1k good answers: 138,800 / 960,000 · 1000 = 144.58333…
	near(t, "cost per 1k good", derivation(t, o, "cost_per_1k_good").Result, 138800.0/960)
	// value 960,000 · 0.2 = 192,000; net 192,000 − 138,800 = 53,200
	near(t, "value", derivation(t, o, "value").Result, 192000)
	near(t, "net", derivation(t, o, "net").Result, 53200)
	d = derivation(t, o, "roi")
	near(t, "roi", d.Result, 53200.0/138800) // 38.3 %
	if d.Unit != UnitFraction {
		t.Errorf("roi unit %q, want %q (shown as a percent)", d.Unit, UnitFraction)
	}
	// Months cost 8,900 + 10,000 = 18,900, then 10,900, and earn 16,000:
	// running net −2,900, then −2,900 + 5,100 = 2,200 ≥ 0: 0-based month 1.
	d = derivation(t, o, "payback_month")
	if d.Result != 1 || d.Unit != UnitMonth {
		t.Errorf("payback_month = %g %q, want 1 %q", d.Result, d.Unit, UnitMonth)
	}
	near(t, "value to date", input(t, d, "value_to_date"), 32000)
	near(t, "cost to date", input(t, d, "cost_to_date"), 29800)
	near(t, "net to date", input(t, d, "net_to_date"), 2200)
	near(t, "net the month before", input(t, d, "net_the_month_before"), -2900)

	// The recurring cost of a month includes its errors: 500 + 400 + 10,000.
	for _, id := range []string{"recurring.first", "recurring.last"} {
		d = derivation(t, o, id)
		near(t, id, d.Result, 10900)
		near(t, id+" errors", input(t, d, "errors"), 10000)
	}
	if _, ok := o.Derivation("retune.best"); ok {
		t.Error("a prompted option has no re-tune cadence to explain")
	}
}

// Payback never reached (TestPaybackNeverReachedF27): no payback month to
// derive, and the net over the horizon says why: 9,600 − 18,800 = −9,200.
func TestPaybackNeverHasNoMonthDerivation(t *testing.T) {
	o := evaluate(t, qualityScenario(12, 0, 0.01, withAccuracy(promptOption(), 0.8, 0))).Options[0]
	if d, ok := o.Derivation("payback_month"); ok {
		t.Errorf("payback_month derived as %g, want none", d.Result)
	}
	near(t, "net", derivation(t, &o, "net").Result, -9200)
}

// F28's derivations (TestBestRetuneCadenceF28): every 8 months is best at
// 134,000 in decay and re-tunes; the file's never costs 276,000: it saves
// 142,000. The cadence and both totals are named, and they subtract.
func TestBestRetuneDerivationsF28(t *testing.T) {
	o := withAccuracy(managedOption(), 0.9, 0.01)
	o.RetuneCurationHours, o.RetuneCycles = 250, 0
	r := evaluate(t, qualityScenario(24, 1, 0, o)).Options[0]
	best := derivation(t, &r, "retune.best")
	if best.Result != 8 || best.Unit != UnitCadence {
		t.Errorf("retune.best = %g %q, want 8 %q", best.Result, best.Unit, UnitCadence)
	}
	near(t, "cadences evaluated", input(t, best, "cadences_evaluated"), 24)
	near(t, "each re-tune", input(t, best, "each_retune"), 25000)
	near(t, "file cadence", input(t, best, "file_cadence"), 0)
	saves := derivation(t, &r, "retune.best_saves")
	near(t, "saves", saves.Result, 142000)
	near(t, "saves = file − best", input(t, saves, "total_at_file_cadence")-input(t, saves, "total_at_best_cadence"), 142000)
	// The file's cadence prices the file's total: the total at never is the total.
	near(t, "total at the file's cadence", input(t, saves, "total_at_file_cadence"), r.Total)
	near(t, "same as the figure", saves.Result, r.Quality.BestRetuneSaves)
}

// A file without quality explains its months as before §9: no errors term,
// no §9 derivation (its JSON must not change by a byte).
func TestNoQualityNoQualityDerivations(t *testing.T) {
	res := evaluate(t, testScenario())
	for i := range res.Options {
		o := &res.Options[i]
		d := derivation(t, o, "recurring.first")
		if strings.Contains(d.Expr, "errors") || len(d.Inputs) != 5 {
			t.Errorf("%s: recurring.first %q with %d inputs, want no errors", o.Name, d.Expr, len(d.Inputs))
		}
		for _, id := range []string{"accuracy", "good_answers", "errors", "cost_without_errors", "net", "payback_month", "retune.best"} {
			if _, ok := o.Derivation(id); ok {
				t.Errorf("%s: derivation %q without quality", o.Name, id)
			}
		}
	}
}
