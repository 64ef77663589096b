package model

import "testing"

// longCatalog gives "big" (input 2, output 10, cached 1 per Mtok) long-context
// prices above 1,000 prompt tokens (4 and 15: λ_in = 2, λ_out = 1.5) and a
// batch tier (1 and 5).
func longCatalog(threshold int) Catalog {
	c := testCatalog()
	m := c.APIModels["big"]
	m.LongContextThreshold, m.LongInputPerMtok, m.LongOutputPerMtok = threshold, 4, 15
	m.BatchInputPerMtok, m.BatchOutputPerMtok = 1, 5
	c.APIModels["big"] = m
	return c
}

func evalWith(t *testing.T, cat Catalog, o Option) *OptionResult {
	t.Helper()
	s := testScenario()
	s.Options = []Option{o}
	res, err := Evaluate(s, cat)
	if err != nil {
		t.Fatal(err)
	}
	return &res.Options[0]
}

// F19, long context: the prompt option sends in = 500 + 1,000 overhead =
// 1,500 tokens, over the 1,000-token threshold, so the whole request is
// billed at the long prices.
func TestLongContextF19(t *testing.T) {
	cat := longCatalog(1000)
	// standard: (1,500 · 4 + 200 · 15) / 1e6 = 0.009 per query; 100,000 queries a month.
	r := evalWith(t, cat, promptOption())
	near(t, "standard", r.Months()[0].Inference, 100000*0.009)

	// cached overhead: (500 · 4 + 1,000 · 1 · λ_in 2 + 200 · 15) / 1e6 = 0.007.
	o := promptOption()
	o.CachedPrompt = true
	near(t, "cached", evalWith(t, cat, o).Months()[0].Inference, 100000*0.007)

	// batch: (1,500 · 1 · 2 + 200 · 5 · 1.5) / 1e6 = 0.0045.
	o = promptOption()
	o.APITier = "batch"
	near(t, "batch", evalWith(t, cat, o).Months()[0].Inference, 100000*0.0045)

	// in = 1,500 is not over a 1,500 threshold: (1,500 · 2 + 200 · 10) / 1e6 = 0.005.
	near(t, "at the threshold", evalWith(t, longCatalog(1500), promptOption()).Months()[0].Inference, 100000*0.005)

	var got Derivation
	for _, d := range r.Derivations() {
		if d.Figure == "inference.per_query" {
			got = d
		}
	}
	if got.Expr != "(in · long_input_per_mtok + out · long_output_per_mtok) / 1e6 (long context: in > long_context_threshold)" {
		t.Errorf("derivation %q", got.Expr)
	}
}

// F19: a managed fine-tune keeps its ft_* prices at every length.
func TestLongContextSparesManagedFineTunesF19(t *testing.T) {
	cat := testCatalog()
	m := cat.APIModels["ftapi"]
	m.LongContextThreshold, m.LongInputPerMtok, m.LongOutputPerMtok = 100, 9, 99
	cat.APIModels["ftapi"] = m
	// (500 · 3 + 200 · 12) / 1e6 = 0.0039 per query.
	near(t, "managed", evalWith(t, cat, managedOption()).Months()[0].Inference, 100000*0.0039)
}

// F10: a managed run costs at least ft_min_charge; F19: ft_storage_monthly
// joins the hosting category.
func TestManagedMinChargeAndStorageF10F19(t *testing.T) {
	cat := testCatalog()
	m := cat.APIModels["ftapi"]
	m.FTMinCharge, m.FTStorageMonthly = 1000, 2
	cat.APIModels["ftapi"] = m
	r := evalWith(t, cat, managedOption())
	// D = 10,000 · 1,000 · 3 = 3e7 tokens; 3e7 · 25 / 1e6 = 750 < 1,000.
	near(t, "run cost", r.Training.Cost, 1000)
	// F12: 6 cycles · (1,000 + 4 h · 100) = 8,400.
	near(t, "experiments", r.Months()[0].Experiments, 8400)
	// hosting: 1 · (1 · 730 + 2) = 732 a month.
	near(t, "hosting", r.Months()[5].Hosting, 732)

	m.FTMinCharge = 500 // below 750: the tokens decide
	cat.APIModels["ftapi"] = m
	near(t, "run cost over the minimum", evalWith(t, cat, managedOption()).Training.Cost, 750)
}
