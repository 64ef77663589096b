package model

import "testing"

// Every category total has a derivation that ends at it: the explain of a
// category shown on a screen must reach the figure shown, not stop at the
// per-month or per-re-tune part (issue 10).
func TestHorizonDerivationsEndAtTheCategoryTotals(t *testing.T) {
	s := testScenario()
	s.HorizonMonths = 24
	res := evaluate(t, s)
	lora := res.Options[2]

	// F13: each re-tune 25·100 + 2·(4 + 4·100) = 3,308, in months 6, 12 and 18
	// (0-based; month 24 is past the horizon): 3 · 3,308 = 9,924.
	d, ok := lora.Derivation("category.training")
	if !ok {
		t.Fatal("no derivation for the training category")
	}
	near(t, "training over 24 months", d.Result, 9924)
	// Months counted from 1: 0-based 6, 12, 18 are months 7, 13 and 19.
	if want := "re-tuning over the horizon, in months 7, 13 and 19"; d.Label != want {
		t.Errorf("label %q, want %q", d.Label, want)
	}
	near(t, "training category", lora.CategoryTotal("training"), 9924)
	wantTerms := map[string]float64{"each_retune": 3308, "retunes": 3, "retune_every_months": 6, "months": 24}
	for _, term := range d.Inputs {
		if want, ok := wantTerms[term.Name]; ok {
			near(t, term.Name, term.Value, want)
			delete(wantTerms, term.Name)
		}
	}
	if len(wantTerms) > 0 {
		t.Errorf("inputs %v missing from %+v", wantTerms, d.Inputs)
	}
	// The per-re-tune figure keeps its own id.
	if d, ok := lora.Derivation("training.retune"); !ok || d.Result != 3308 {
		t.Errorf("training.retune = %+v, %v", d, ok)
	}

	// Labour: 8 h · 100 = 800 a month, · 24 = 19,200.
	d, _ = lora.Derivation("category.labour")
	near(t, "lora labour", d.Result, 19200)

	// Prompted API: in 1,500 · 2 + out 200 · 10 = 5,000 per Mtok-query → $0.005 a
	// query; 24 · 100,000 queries · 0.005 = 12,000.
	d, _ = res.Options[0].Derivation("category.inference")
	near(t, "prompt inference", d.Result, 12000)

	// One-time: data 16,500 + experiments 2,424 + setup 40 h · 100 = 22,924.
	d, _ = lora.Derivation("one_time")
	near(t, "lora one-time", d.Result, 22924)

	for _, o := range res.Options {
		for id, want := range map[string]float64{"recurring.first": o.Recurring(0), "recurring.last": o.Recurring(23), "one_time": o.OneTime} {
			d, ok := o.Derivation(id)
			if !ok {
				t.Errorf("%s: no derivation %s", o.Name, id)
			}
			near(t, o.Name+" "+id, d.Result, want)
		}
		for _, c := range Categories {
			want := o.CategoryTotal(c)
			if want == 0 {
				continue
			}
			id := "category." + c
			if c == "data" || c == "experiments" || c == "setup" {
				id = c // one-time: its own derivation is the total
			}
			d, ok := o.Derivation(id)
			if !ok {
				t.Errorf("%s: no derivation %s for %s = %.2f", o.Name, id, c, want)
				continue
			}
			near(t, o.Name+" "+id, d.Result, want)
		}
	}
	if d, ok := lora.Derivation("serving.peak_instances"); !ok || d.Result != lora.Serving.PeakInstances {
		t.Errorf("serving.peak_instances = %+v, want %v", d, lora.Serving.PeakInstances)
	}
}
