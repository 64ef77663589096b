package report

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/tunecost/tunecost/diag"
	"github.com/tunecost/tunecost/model"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name byte for byte, or rewrites the file
// under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs from the golden file; got:\n%s", name, got)
	}
}

// testCatalog is a small catalog with round numbers (model/fixture_test.go's).
func testCatalog(currency string) model.Catalog {
	c := model.NewCatalog(currency)
	c.GPUs["g80"] = model.GPU{ID: "g80", MemoryGB: 80, BF16TFLOPS: 1000, BandwidthGBs: 2000}
	c.Offers["c/g80x1"] = model.Offer{ID: "c/g80x1", GPU: "g80", GPUs: 1, OnDemandHourly: 2, SpotHourly: 1, BillingMinutes: 60}
	c.Offers["c/g80x8"] = model.Offer{ID: "c/g80x8", GPU: "g80", GPUs: 8, OnDemandHourly: 16, BillingMinutes: 1}
	c.OpenModels["m8"] = model.OpenModel{ID: "m8", ParamsB: 8, Layers: 32, Hidden: 4096, Intermediate: 14336, Heads: 32, KVHeads: 8}
	c.APIModels["big"] = model.APIModel{ID: "big", InputPerMtok: 2, OutputPerMtok: 10, CachedInputPerMtok: 1, TTFTms: 500, OutputTokensPerS: 50}
	c.APIModels["ftapi"] = model.APIModel{ID: "ftapi", InputPerMtok: 1, OutputPerMtok: 4, TrainPerMtok: 25, FTInputPerMtok: 3, FTOutputPerMtok: 12, FTHostingHourly: 1}
	c.Embeddings["e"] = model.Embedding{ID: "e", PerMtok: 0.1, Dim: 1000}
	c.VectorDBs["v"] = model.VectorDB{ID: "v", MonthlyBase: 50, PerGBMonth: 1, PerMQuery: 10}
	return c
}

func promptOption() model.Option {
	return model.Option{Name: "prompt", Kind: model.Prompt, Model: "big", PromptOverheadTokens: 1000, PromptEngineeringHours: 40,
		MaintenanceHoursPerMonth: 4, IntegrationHours: 40, APITier: "standard"}
}

func ragOption() model.Option {
	return model.Option{Name: "rag", Kind: model.RAG, Generator: "big", CorpusTokens: 10e6, ChunkTokens: 500, TopK: 4,
		Embedding: "e", VectorDB: "v", CorpusChurnPerMonth: 0.1, BuildHours: 80, RetrievalLatencyMs: 50,
		MaintenanceHoursPerMonth: 16, IntegrationHours: 40, APITier: "standard"}
}

func loraOption() model.Option {
	return model.Option{Name: "lora", Kind: model.FineTune, BaseModel: "m8", Method: "lora", LoraRank: 16, LoraTargets: "all-linear",
		TrainExamples: 10000, TokensPerExample: 1000, Epochs: 3, CurationHours: 100, LabelCostPerExample: 0.5,
		GoldenSetExamples: 200, ReviewMinutesPerExample: 3, ExperimentCycles: 6, EvalHoursPerCycle: 4,
		TrainOffer: "c/g80x1", Pricing: "on_demand", MFU: 0.35, RunOverheadHours: 0.25,
		TrainPrecision: "bf16", GradientCheckpointing: true, MicroBatchTokens: 4096, Sharding: "zero3", MemoryOverheadGB: 1,
		RetuneEveryMonths: 6, RetuneCurationHours: 25, RetuneCycles: 2, MaintenanceHoursPerMonth: 8, IntegrationHours: 40,
		ServeOffer: "c/g80x1", ServePricing: "on_demand", ServePrecision: "bf16", KVPrecision: "bf16", Batch: 16, MinReplicas: 1,
		Utilization: 0.6, Merged: true, Adapters: 1, UnmergedOverhead: 0.2}
}

func managedOption() model.Option {
	o := loraOption()
	o.Name, o.BaseModel, o.RetuneEveryMonths, o.APITier = "managed", "ftapi", 0, "standard"
	return o
}

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

func TestFixtureEvaluates(t *testing.T) {
	s := handScenario(t)
	t.Logf("cheapest %d crossovers %+v", s.Result.Cheapest, s.Result.Crossovers)
	for _, o := range s.Result.Options {
		t.Logf("%s total %.0f per1k %.3f warnings %q", o.Name, o.Total, o.CostPer1k, o.Warnings)
	}
	h := hostileScenario(t)
	t.Logf("hostile crossovers %+v", h.Result.Crossovers)
}
