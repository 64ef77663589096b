package report

import (
	"math"
	"strings"
	"testing"

	xgolden "github.com/charmbracelet/x/exp/golden"

	"github.com/tunecost/tunecost/diag"
	"github.com/tunecost/tunecost/internal/fixture"
	"github.com/tunecost/tunecost/model"
)

// golden compares got with the golden file testdata/<test>/<name>.golden,
// printing a diff when they differ; go test -update rewrites it.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	t.Run(strings.TrimSuffix(name, ".golden"), func(t *testing.T) { xgolden.RequireEqual(t, got) })
}

// testCatalog is the shared hand-worked catalog (internal/fixture).
func testCatalog(currency string) model.Catalog { return fixture.Catalog(currency) }

func promptOption() model.Option  { return fixture.Prompt() }
func ragOption() model.Option     { return fixture.RAG() }
func loraOption() model.Option    { return fixture.LoRA() }
func managedOption() model.Option { return fixture.Managed() }

// handInput: 24 months of 400,000 queries growing 5 % a month, 500 in / 200
// out tokens, and one option of each kind plus a managed fine-tune.
func handInput() model.Scenario {
	return model.Scenario{
		Name: "support bot", Currency: "USD", HorizonMonths: 24,
		Workload: model.Workload{QueriesPerMonth: 400000, MonthlyGrowth: 0.05, InputTokens: 500, OutputTokens: 200, PeakToAverage: 3},
		Team:     model.Team{HourlyRate: 100, ExpertHourlyRate: 150},
		Options:  []model.Option{loraOption(), ragOption(), promptOption(), managedOption()},
	}
}

// hostileInput names everything with text that tries to break out: terminal
// escapes, Markdown table and HTML syntax, CSV formulas, mermaid quotes.
func hostileInput() model.Scenario {
	s := model.Scenario{
		Name:     "evil\x1b]52;c;cm0gLXJmIH4=\x07 | <script>alert(1)</script> `x` *b* _i_ [l](http://x) \x1b[2J\x1b]0;pwned\x07",
		Currency: "EUR", HorizonMonths: 3,
		Workload: model.Workload{QueriesPerMonth: 1000, InputTokens: 100, OutputTokens: 50, PeakToAverage: 2},
		Team:     model.Team{HourlyRate: 50, ExpertHourlyRate: 50},
	}
	p := promptOption()
	p.Name = "=HYPERLINK(\"http://x\") | a\nb"
	r := ragOption()
	r.Name = "rag \"quoted\" ```\n## heading & <b>bold</b>"
	s.Options = []model.Option{p, r}
	return s
}

// evaluated runs the engine and wraps the result as a report.Scenario.
func evaluated(t testing.TB, file string, in model.Scenario, warnings diag.List) Scenario {
	t.Helper()
	res, err := model.Evaluate(in, testCatalog(in.Currency))
	if err != nil {
		t.Fatalf("Evaluate(%s): %v", in.Name, err)
	}
	return Scenario{File: file, Input: in, Result: res, Warnings: warnings}
}

func handScenario(t testing.TB) Scenario {
	var w diag.List
	w.Warnf("scenarios/support.toml", 12, 3, "workload.monthly_growth", "growth of 5%% a month compounds to 3.2× over 24 months")
	s := evaluated(t, "scenarios/support.toml", handInput(), w)
	// The engine gives no option warning for this input; add one to render.
	s.Result.Options[1].Warnings = append(s.Result.Options[1].Warnings, diag.Diagnostic{File: "fixture.toml", Line: 31, Col: 1, Severity: diag.Warning, Field: "option.rag.top_k", Message: "top_k × chunk_tokens is 2,000 tokens of context per query"})
	return s
}

func hostileScenario(t testing.TB) Scenario {
	var w diag.List
	w.Warnf("evil\x1b[2J.toml", 1, 1, "name", "odd name\x1b]0;title\x07")
	return evaluated(t, "evil\x1b[2J.toml", hostileInput(), w)
}

// The fixtures every report golden renders evaluate to figures worked by
// hand, so a golden can only change with the engine or the renderer.
func TestFixtureEvaluates(t *testing.T) {
	s := handScenario(t)
	r := &s.Result
	names := []string{"lora", "rag", "prompt", "managed"}
	if len(r.Options) != len(names) {
		t.Fatalf("%d options, want %d", len(r.Options), len(names))
	}
	for i, n := range names {
		if r.Options[i].Name != n {
			t.Errorf("option %d is %q, want %q", i, r.Options[i].Name, n)
		}
	}
	// prompt: 24 months of 400,000 queries growing 5 %: 400,000·(1.05²⁴−1)/0.05
	// = 17,800,799.55 queries at (1500·2 + 200·10)/1e6 = 0.005 = 89,004.00;
	// setup (40 h prompt engineering + 40 h integration)·100 = 8,000;
	// maintenance 4 h·100·24 months = 9,600: 106,604.00.
	queries := 400000 * (math.Pow(1.05, 24) - 1) / 0.05
	near(t, "prompt total", r.Options[2].Total, queries*0.005+8000+9600)
	near(t, "prompt one-time", r.Options[2].OneTime, 8000)
	// The cheapest is the lowest total (lora's, 87,088 against prompt's
	// 106,604), and lora crosses below prompt within the horizon.
	low := 0
	for i := range r.Options {
		if r.Options[i].Total < r.Options[low].Total {
			low = i
		}
	}
	if r.Cheapest != low || r.Options[low].Name != "lora" {
		t.Errorf("cheapest %d, want %d (lora)", r.Cheapest, low)
	}
	crosses := false
	for _, c := range r.Crossovers {
		crosses = crosses || (c.A == "lora" && c.B == "prompt")
	}
	if !crosses {
		t.Errorf("no lora/prompt crossover in %+v", r.Crossovers)
	}
	if len(s.Warnings) != 1 || len(r.Options[1].Warnings) != 1 {
		t.Errorf("warnings: %d scenario, %d rag; want one each", len(s.Warnings), len(r.Options[1].Warnings))
	}

	h := hostileScenario(t)
	// The hostile prompt: 3 months of 1,000 queries at (1100·2 + 50·10)/1e6
	// = 0.0027 = 8.10; setup 80 h·50 = 4,000; maintenance 4 h·50·3 = 600:
	// 4,608.10. Its names reach the renderers untouched.
	near(t, "hostile prompt total", h.Result.Options[0].Total, 4608.1)
	if h.Result.Options[0].Name != hostileInput().Options[0].Name || h.Result.Scenario != hostileInput().Name {
		t.Errorf("the hostile names were changed before rendering: %q", h.Result.Options[0].Name)
	}
}

// near fails unless got is within a relative 1e-9 of want.
func near(t *testing.T, what string, got, want float64) {
	t.Helper()
	if math.Abs(got-want) > 1e-9*math.Max(1, math.Abs(want)) {
		t.Errorf("%s = %.10g, want %.10g", what, got, want)
	}
}
