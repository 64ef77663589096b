package model

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestCostCategoriesDecideEveryFigure: every month's total is the sum of
// the categories the table lists, the one-time figure the first month's
// one-time categories, the recurring cost the rest, and the marginal cost
// per 1k the marginal categories over the horizon. Worked for the prompt
// option of testScenario (F17): 0.005 a query · 100,000 = 500 inference and
// 400 labour a month, 8,000 of setup in month 1: month 1 totals 8,900,
// recurring 900; marginal = 12 · 500 / 1,200,000 · 1000 = 5.
func TestCostCategoriesDecideEveryFigure(t *testing.T) {
	r := evaluate(t, testScenario())
	p := &r.Options[0]
	near(t, "month 1 total", p.Months()[0].Total, 8900)
	near(t, "one-time", p.OneTime, 8000)
	near(t, "recurring, month 1", p.Recurring(0), 900)
	near(t, "marginal per 1k", p.MarginalPer1k, 5)
	for i := range r.Options {
		o := &r.Options[i]
		for m := range o.Months() {
			mo := &o.Months()[m]
			sum, oneTime := 0.0, 0.0
			for _, c := range CostCategories() {
				sum += mo.Category(c.Name)
				if c.Timing == OneTime {
					oneTime += c.Of(mo)
				}
			}
			near(t, o.Name+" total = Σ categories", mo.Total, sum)
			near(t, o.Name+" recurring = total − one-time", o.Recurring(m), mo.Total-oneTime)
			if m > 0 && oneTime != 0 {
				t.Errorf("%s: one-time costs %g in month %d", o.Name, oneTime, m+1)
			}
		}
	}
}

// TestCategoryNames: without quality the categories are the eight of §8,
// in report order; with it, errors comes last; every one has a chain.
func TestCategoryNames(t *testing.T) {
	want := []string{"data", "experiments", "training", "inference", "retrieval", "hosting", "labour", "setup"}
	r := Result{}
	if got := r.CategoryNames(); len(got) != len(want) {
		t.Fatalf("CategoryNames = %q, want %q", got, want)
	}
	for i, n := range want {
		if r.CategoryNames()[i] != n {
			t.Errorf("category %d = %q, want %q", i, r.CategoryNames()[i], n)
		}
	}
	r.QualityModelled = true
	if got := r.CategoryNames(); got[len(got)-1] != "errors" || len(got) != len(want)+1 {
		t.Errorf("with quality: %q", got)
	}
	for _, c := range CostCategories() {
		if len(CategoryChain(c.Name)) == 0 {
			t.Errorf("%s has no derivation chain", c.Name)
		}
	}
}

// TestKindSpecs: every kind has a label, and its serving field is an option
// field of the table that applies to it and is what ServingModelID reads.
func TestKindSpecs(t *testing.T) {
	opts := map[Kind]Option{FineTune: loraOption(), RAG: ragOption(), Prompt: promptOption()}
	for _, k := range Kinds {
		spec, ok := k.Spec()
		if !ok || spec.Label == "" {
			t.Fatalf("%s: no spec or label", k)
		}
		f, ok := FieldByPath("option." + k.ServingField())
		if !ok || f.Type != Text || (f.Kinds != nil && !containsKind(f.Kinds, k)) {
			t.Errorf("%s: serving field %q is not a text field of its kind", k, k.ServingField())
			continue
		}
		o := opts[k]
		if got, want := o.ServingModelID(), *f.Text(nil, &o); got != want || got == "" {
			t.Errorf("%s: ServingModelID = %q, the field says %q", k, got, want)
		}
	}
	if got := Kind("distill").Label(); got != "distill" {
		t.Errorf("unknown kind label = %q", got)
	}
	if _, ok := Kind("distill").Spec(); ok {
		t.Error("an unknown kind has a spec")
	}
}

// TestMarginalCostIsTheRegistrySum: the written-out marginal sum is the
// table's, bit for bit, on random months (negative zeros and NaN-free
// extremes among them), and names the table's marginal categories.
func TestMarginalCostIsTheRegistrySum(t *testing.T) {
	var names []string
	for _, c := range costCategories {
		if c.Marginal {
			names = append(names, c.Name)
		}
	}
	if got := strings.Join(names, " "); got != "inference retrieval hosting errors" {
		t.Fatalf("the marginal categories are %q: write them into marginalCost, in this order", got)
	}
	rng := rand.New(rand.NewPCG(19, 6))
	pick := func() float64 {
		switch rng.IntN(6) {
		case 0:
			return 0
		case 1:
			return math.Copysign(0, -1)
		case 2:
			return rng.Float64() * 1e300
		default:
			return (rng.Float64() - 0.3) * math.Pow(10, rng.Float64()*12)
		}
	}
	for range 20000 {
		m := Month{Data: pick(), Experiments: pick(), Training: pick(), Inference: pick(), Retrieval: pick(),
			Hosting: pick(), Labour: pick(), Setup: pick(), Errors: pick()}
		if got, want := marginalCost(&m), m.sum(marginalOf); math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("marginalCost(%+v) = %v, the registry's sum %v", m, got, want)
		}
	}
}

// TestOneTimeCostIsTheRegistrySum: the same for the one-time categories,
// which the month loop sums written out.
func TestOneTimeCostIsTheRegistrySum(t *testing.T) {
	var names []string
	for _, c := range costCategories {
		if c.Timing == OneTime {
			names = append(names, c.Name)
		}
	}
	if got := strings.Join(names, " "); got != "data experiments setup" {
		t.Fatalf("the one-time categories are %q: write them into oneTimeCost, in this order", got)
	}
	rng := rand.New(rand.NewPCG(6, 19))
	for range 20000 {
		v := func() float64 { return (rng.Float64() - 0.3) * math.Pow(10, rng.Float64()*300) }
		m := Month{Data: v(), Experiments: v(), Training: v(), Inference: v(), Setup: v(), Labour: v()}
		if got, want := oneTimeCost(&m), m.sum(oneTimeOf); math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("oneTimeCost(%+v) = %v, the registry's sum %v", m, got, want)
		}
	}
}
