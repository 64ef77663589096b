package uncertainty

import (
	"math"
	"testing"

	"github.com/tunecost/tunecost/model"
)

// testCatalog is model's hand-checkable test catalog (round numbers), plus
// "cheap", an API model for break-even cases.
func testCatalog() model.Catalog {
	c := model.NewCatalog("USD")
	c.GPUs["g80"] = model.GPU{ID: "g80", MemoryGB: 80, BF16TFLOPS: 1000, BandwidthGBs: 2000}
	c.Offers["c/g80x1"] = model.Offer{ID: "c/g80x1", GPU: "g80", GPUs: 1, OnDemandHourly: 2, SpotHourly: 1, BillingMinutes: 60}
	c.Offers["c/g80x8"] = model.Offer{ID: "c/g80x8", GPU: "g80", GPUs: 8, OnDemandHourly: 16, BillingMinutes: 1}
	c.OpenModels["m8"] = model.OpenModel{ID: "m8", ParamsB: 8, Layers: 32, Hidden: 4096, Intermediate: 14336, Heads: 32, KVHeads: 8}
	c.APIModels["big"] = model.APIModel{ID: "big", InputPerMtok: 2, OutputPerMtok: 10, CachedInputPerMtok: 1, TTFTms: 500, OutputTokensPerS: 50}
	c.APIModels["cheap"] = model.APIModel{ID: "cheap", InputPerMtok: 0.5, OutputPerMtok: 2}
	c.Embeddings["e"] = model.Embedding{ID: "e", PerMtok: 0.1, Dim: 1000}
	c.VectorDBs["v"] = model.VectorDB{ID: "v", MonthlyBase: 50, PerGBMonth: 1, PerMQuery: 10}
	return c
}

// testScenario: 12 months of 100,000 queries (no growth), 500 in / 200 out
// tokens, engineers at 100/h and experts at 150/h; options prompt (API),
// rag (API generator) and lora (self-hosted m8), as in model's tests.
func testScenario() model.Scenario {
	return model.Scenario{
		Name: "hand", Currency: "USD", HorizonMonths: 12,
		Workload: model.Workload{QueriesPerMonth: 100000, InputTokens: 500, OutputTokens: 200, PeakToAverage: 3},
		Team:     model.Team{HourlyRate: 100, ExpertHourlyRate: 150},
		Options:  []model.Option{promptOption(), ragOption(), loraOption()},
	}
}

// promptOption costs (1500·2 + 200·10)/1e6 = 0.005 a query, 8000 of setup
// (40 h prompt engineering + 40 h integration at 100) and 400 a month of
// labour: 18,800 over 12 months of 100,000 queries.
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
