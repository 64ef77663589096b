package uncertainty

import (
	"context"
	"strings"
	"testing"

	"github.com/tunecost/tunecost/model"
)

// twoPrompts is a 1-month scenario of two API prompt options with no
// overhead tokens, engineering or maintenance, 500 in / 200 out tokens:
//
//	A "big":   10 h integration = 1,000 setup; (500·2 + 200·10)/1e6 = 0.003 a query
//	B "cheap": 50 h integration = 5,000 setup; (500·0.5 + 200·2)/1e6 = 0.00065 a query
func twoPrompts() model.Scenario {
	s := testScenario()
	s.HorizonMonths = 1
	a := model.Option{Name: "A", Kind: model.Prompt, Model: "big", IntegrationHours: 10}
	b := model.Option{Name: "B", Kind: model.Prompt, Model: "cheap", IntegrationHours: 50}
	s.Options = []model.Option{a, b, ragOption()}
	return s
}

func TestBreakEvenLinearInQueries(t *testing.T) {
	// 1000 + 0.003·Q = 5000 + 0.00065·Q → Q = 4000/0.00235 = 1,702,127.66.
	s := twoPrompts()
	in, err := ParseInputPath(&s, "workload.queries_per_month")
	if err != nil {
		t.Fatal(err)
	}
	lo, hi := DefaultBracket(in.Field, in.Likely)
	be, err := SolveBreakEven(s, testCatalog(), 0, 1, in, lo, hi)
	if err != nil {
		t.Fatal(err)
	}
	if !be.Found || be.A != "A" || be.B != "B" || be.Input != "workload.queries_per_month" || be.Lo != 100 || be.Hi != 1e8 {
		t.Fatalf("got %+v", be)
	}
	nearRel(t, "break-even queries", be.Value, 4000/0.00235, 1e-6)
}

func TestBreakEvenLinearBracketFromZero(t *testing.T) {
	// In hourly rate r at Q = 100,000: 10·r + 300 = 50·r + 65 → r = 235/40 = 5.875.
	// The bracket starts at 0, so the grid is linear.
	s := twoPrompts()
	in, err := ParseInputPath(&s, "team.hourly_rate")
	if err != nil {
		t.Fatal(err)
	}
	be, err := SolveBreakEven(s, testCatalog(), 1, 0, in, 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	if !be.Found {
		t.Fatalf("not found: %+v", be)
	}
	nearRel(t, "break-even rate", be.Value, 5.875, 1e-6)
}

func TestBreakEvenWholeNumberInput(t *testing.T) {
	// 1 month, 100,000 queries. prompt: 8,000 setup + 400 labour + 500
	// inference = 8,900. rag, with no build, integration or maintenance hours:
	// embedding 10e6·0.1/1e6 = 1; retrieval 0.1 churn + 5 query embeddings
	// + 50 base + 0.08 storage + 1 per-query = 56.18; inference
	// 100,000·((500 + 500·k)·2 + 200·10)/1e6 = 300 + 100·k. Equal at
	// k = (8,900 − 357.18)/100 = 85.43, so the first whole top_k past it is 86.
	s := testScenario()
	s.HorizonMonths = 1
	rag := &s.Options[1]
	rag.BuildHours, rag.IntegrationHours, rag.MaintenanceHoursPerMonth = 0, 0, 0
	in, err := ParseInputPath(&s, "rag.top_k")
	if err != nil {
		t.Fatal(err)
	}
	lo, hi := DefaultBracket(in.Field, in.Likely)
	if lo != 1 || hi != 4000 {
		t.Errorf("bracket = [%g, %g], want [1, 4000]", lo, hi)
	}
	be, err := SolveBreakEven(s, testCatalog(), 0, 1, in, lo, hi)
	if err != nil {
		t.Fatal(err)
	}
	if !be.Found || be.Value != 86 {
		t.Errorf("got %+v, want top_k = 86", be)
	}
}

func TestBreakEvenNever(t *testing.T) {
	// B with 5 h integration (500) is cheaper per query and up front: never equal.
	s := twoPrompts()
	s.Options[1].IntegrationHours = 5
	in, _ := ParseInputPath(&s, "workload.queries_per_month")
	be, err := SolveBreakEven(s, testCatalog(), 0, 1, in, 100, 1e8)
	if err != nil {
		t.Fatal(err)
	}
	if be.Found || be.Lo != 100 || be.Hi != 1e8 {
		t.Errorf("got %+v, want not found within [100, 1e8]", be)
	}
}

func TestBreakEvenErrors(t *testing.T) {
	s := twoPrompts()
	q, _ := ParseInputPath(&s, "workload.queries_per_month")
	topK, _ := ParseInputPath(&s, "rag.top_k")
	cases := []struct {
		name   string
		a, b   int
		in     Input
		lo, hi float64
		want   string
	}{
		{"same option", 1, 1, q, 1, 10, `two different options, got "B" twice`},
		{"no option", 0, 5, q, 1, 10, "no option 5"},
		{"third option's input", 0, 1, topK, 1, 10, `option "rag".top_k belongs to neither "A" nor "B"`},
		{"reversed bracket", 0, 1, q, 10, 1, "[10, 1] must be finite with low ≤ high"},
		{"no field", 0, 1, Input{}, 1, 10, "no field"},
	}
	for _, c := range cases {
		if _, err := SolveBreakEven(s, testCatalog(), c.a, c.b, c.in, c.lo, c.hi); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want %q", c.name, err, c.want)
		}
	}
}

func TestDefaultBracket(t *testing.T) {
	cases := []struct {
		path           string
		current        float64
		wantLo, wantHi float64
	}{
		{"workload.queries_per_month", 100000, 100, 1e8},
		{"team.hourly_rate", 100, 0.1, 1e5},
		{"team.hourly_rate", 5000, 5, 1e6},       // max 1e6
		{"option.top_k", 4, 1, 4000},             // whole numbers
		{"option.utilization", 0.6, 0.0006, 1},   // max 1
		{"workload.monthly_growth", 0, 0, 10},    // zero: [min, min(max, 1000)]
		{"option.integration_hours", 0, 0, 1000}, //
		{"option.experiment_cycles", 6, 1, 6000}, // min 1
		{"option.corpus_churn_per_month", 0.05, 5e-5, 1},
	}
	for _, c := range cases {
		lo, hi := DefaultBracket(field(t, c.path), c.current)
		if lo != c.wantLo || hi != c.wantHi {
			t.Errorf("DefaultBracket(%s, %g) = [%g, %g], want [%g, %g]", c.path, c.current, lo, hi, c.wantLo, c.wantHi)
		}
	}
}

func TestBreakEvenSkipsFailingValues(t *testing.T) {
	// Batches above 610 fit no replica of m8 on one 80 GB GPU (F20): the scan
	// skips them; a bracket where every value fails is an error.
	s := testScenario()
	in, err := ParseInputPath(&s, "lora.batch")
	if err != nil {
		t.Fatal(err)
	}
	be, err := SolveBreakEven(s, testCatalog(), 0, 2, in, 1, 5000)
	if err != nil {
		t.Fatalf("partly failing bracket: %v", err)
	}
	if be.Lo != 1 || be.Hi != 5000 {
		t.Errorf("bracket = [%g, %g]", be.Lo, be.Hi)
	}
	_, err = SolveBreakEven(s, testCatalog(), 0, 2, in, 1000, 5000)
	if err == nil || !strings.Contains(err.Error(), `option "lora".batch = 1000`) {
		t.Errorf("failing bracket: err = %v", err)
	}
}

func TestBreakEvenAtTheBracketEnd(t *testing.T) {
	// The rate of TestBreakEvenLinearBracketFromZero as the bracket's low end.
	s := twoPrompts()
	in, _ := ParseInputPath(&s, "team.hourly_rate")
	be, err := SolveBreakEven(s, testCatalog(), 0, 1, in, 5.875, 100)
	if err != nil || !be.Found {
		t.Fatalf("got %+v, %v", be, err)
	}
	nearRel(t, "break-even rate", be.Value, 5.875, 1e-9)
}

// TestSummaryKeepsSolverErrors: when the engine refuses every volume tried
// for a pair (a batch of 5000 fits no replica of lora, F20), the summary
// keeps the pair with the solver's error instead of a bare "not found",
// which the reports would read as "never cost the same". The pair that
// does not involve lora is solved as usual, and lora's tornado bars carry
// the error too.
func TestSummaryKeepsSolverErrors(t *testing.T) {
	s := testScenario()
	s.Options[2].Batch = 5000
	sum, err := Summarize(context.Background(), s, testCatalog(), nil, Config{})
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.BreakEven) != 3 {
		t.Fatalf("%d break-evens, want 3 (every pair)", len(sum.BreakEven))
	}
	for _, be := range sum.BreakEven {
		involvesLora := be.A == "lora" || be.B == "lora"
		if involvesLora != be.Failed() || (be.Failed() && be.Found) {
			t.Errorf("%s/%s: Found %v, Err %v", be.A, be.B, be.Found, be.Err)
		}
		if be.Failed() && !strings.Contains(be.Err.Error(), "batch") {
			t.Errorf("%s/%s: the error does not say why: %v", be.A, be.B, be.Err)
		}
	}
	if len(sum.Tornado[2]) == 0 {
		t.Fatal("lora's tornado is empty: its errors were dropped")
	}
	for _, sw := range sum.Tornado[2] {
		if !sw.Failed() {
			t.Errorf("lora's bar %s computed a total the engine refuses", sw.Label)
		}
	}
}
