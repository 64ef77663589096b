package model

import (
	"math"
	"strings"
	"testing"
)

func TestEvaluateRefusesBadInput(t *testing.T) {
	cases := []struct {
		name   string
		mutate func(s *Scenario)
		want   string
	}{
		{"currency", func(s *Scenario) { s.Currency = "EUR" }, "the scenario is in EUR but the price catalog is in USD"},
		{"no options", func(s *Scenario) { s.Options = nil }, "at least one option"},
		{"horizon", func(s *Scenario) { s.HorizonMonths = 0 }, "horizon_months: 0 is out of range: must be a whole number from 1 to 120"},
		{"nan queries", func(s *Scenario) { s.Workload.QueriesPerMonth = math.NaN() }, "queries_per_month"},
		{"duplicate names", func(s *Scenario) { s.Options[1].Name = "prompt" }, `two options are named "prompt"`},
		{"dangling model", func(s *Scenario) { s.Options[0].Model = "nope" }, `no open_model or api_model "nope"`},
		{"no spot price", func(s *Scenario) { s.Options[2].TrainOffer = "c/g80x8"; s.Options[2].Pricing = "spot" }, `offer "c/g80x8" has no spot price`},
		{"negative rank", func(s *Scenario) { s.Options[2].LoraRank = -4 }, "lora_rank: -4 is out of range"},
		{"fraction", func(s *Scenario) { s.Options[2].Utilization = 1.5 }, "utilization: 1.5 is out of range: must be a number greater than 0 and at most 1"},
		{"nf4 on lora", func(s *Scenario) { s.Options[2].ServePrecision = "nf4" }, `"nf4" serving applies to method "qlora" only`},
		{"api base without tuning", func(s *Scenario) { s.Options[2].BaseModel = "big" }, `api_model "big" offers no managed fine-tuning`},
		{"does not fit", func(s *Scenario) { s.Options[2].Batch = 5000 }, `a replica needs`},
		{"overflow", func(s *Scenario) {
			// 1e15 queries growing 11× a month for 120 months is ~1e139 queries in the last
			// month; at the 1e300-per-Mtok price below, money overflows float64.
			s.Workload.QueriesPerMonth, s.Workload.MonthlyGrowth, s.HorizonMonths = 1e15, 10, 120
			s.Options = s.Options[:1]
			s.Options[0].Model = "absurd"
		}, "too large to price"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := testScenario()
			c.mutate(&s)
			cat := testCatalog()
			cat.APIModels["absurd"] = APIModel{ID: "absurd", InputPerMtok: 1e300, OutputPerMtok: 1e300}
			_, err := Evaluate(s, cat)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v, want it to contain %q", err, c.want)
			}
		})
	}
}

func TestDerivationsNameTheirFormula(t *testing.T) {
	o := evaluate(t, testScenario()).Options[2]
	d, ok := o.Derivation("training.cost")
	if !ok || d.Formula != "F10" || d.Result != 4 {
		t.Fatalf("training.cost derivation = %+v", d)
	}
	// instances · hourly · billed_hours = 1 · 2 · 2.
	want := []Term{{"instances", 1, ""}, {"hourly", 2, UnitMoney}, {"billed_hours", 2, UnitHours}}
	for i, term := range want {
		if d.Inputs[i] != term {
			t.Errorf("input %d = %+v, want %+v", i, d.Inputs[i], term)
		}
	}
	for _, fig := range []string{"total", "cost_per_1k", "marginal_per_1k", "data", "experiments", "setup", "labour", "serving.replica_gpus", "latency"} {
		if _, ok := o.Derivation(fig); !ok {
			t.Errorf("no derivation for %s", fig)
		}
	}
}

func TestDerivationsReplayTheEvaluatedInputs(t *testing.T) {
	s := testScenario()
	res := evaluate(t, s)
	s.Options[2].TrainExamples = 1 // the caller reuses its slice after Evaluate
	d, ok := res.Options[2].Derivation("training.tokens")
	// F5 with the evaluated inputs: 10,000 · 1,000 · 3 = 3e7.
	if !ok || d.Result != 3e7 {
		t.Fatalf("training.tokens = %+v", d)
	}
}
