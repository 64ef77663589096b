package uncertainty

import (
	"math"
	"testing"

	"github.com/tunecost/tunecost/internal/fixture"
	"github.com/tunecost/tunecost/model"
)

// testCatalog is the shared hand-worked catalog (internal/fixture), plus
// "cheap", an API model for break-even cases.
func testCatalog() model.Catalog {
	c := fixture.Catalog("USD")
	c.APIModels["cheap"] = model.APIModel{ID: "cheap", InputPerMtok: 0.5, OutputPerMtok: 2}
	return c
}

// testScenario is the shared one: 12 months of 100,000 queries (no
// growth), 500 in / 200 out tokens, engineers at 100/h and experts at
// 150/h; options prompt (API), rag (API generator) and lora (self-hosted
// m8). prompt costs (1500·2 + 200·10)/1e6 = 0.005 a query, 8000 of setup
// (40 h prompt engineering + 40 h integration at 100) and 400 a month of
// labour: 18,800 over 12 months of 100,000 queries.
func testScenario() model.Scenario { return fixture.Scenario() }

func ragOption() model.Option  { return fixture.RAG() }
func loraOption() model.Option { return fixture.LoRA() }

// selfHosted answers DefaultInputs' hosting question from testCatalog.
func selfHosted(o *model.Option) bool {
	cat := testCatalog()
	return o.SelfHosted(&cat)
}

// field finds a registry field or fails the test.
func field(t testing.TB, path string) *model.Field {
	t.Helper()
	f, ok := model.FieldByPath(path)
	if !ok {
		t.Fatalf("no field %s", path)
	}
	return f
}

// ranged is an input of field path (option −1 for non-option fields).
func ranged(t testing.TB, path string, option int, low, likely, high float64) Input {
	return Input{Field: field(t, path), Option: option, Low: low, Likely: likely, High: high}
}

// sixInputs ranges two workload inputs, the team rate and one input of
// each option of testScenario.
func sixInputs(t testing.TB) []Input {
	return []Input{
		ranged(t, "workload.queries_per_month", -1, 50000, 100000, 200000),
		ranged(t, "workload.output_tokens", -1, 150, 200, 300),
		ranged(t, "team.hourly_rate", -1, 80, 100, 150),
		ranged(t, "option.prompt_overhead_tokens", 0, 500, 1000, 2000),
		ranged(t, "option.top_k", 1, 2, 4, 8),
		ranged(t, "option.train_examples", 2, 5000, 10000, 30000),
	}
}

// nearRel fails unless got is within a relative tol of want.
func nearRel(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if math.Abs(got-want) > tol*math.Max(1, math.Abs(want)) {
		t.Errorf("%s = %.12g, want %.12g (±%g relative)", what, got, want, tol)
	}
}
