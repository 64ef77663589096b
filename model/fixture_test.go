package model

import (
	"math"
	"testing"
)

// testCatalog is a small catalog with round numbers so that expected values
// can be worked out by hand in the tests' comments.
func testCatalog() Catalog {
	c := NewCatalog("USD")
	c.GPUs["g80"] = GPU{ID: "g80", MemoryGB: 80, BF16TFLOPS: 1000, BandwidthGBs: 2000}
	c.Offers["c/g80x1"] = Offer{ID: "c/g80x1", GPU: "g80", GPUs: 1, OnDemandHourly: 2, SpotHourly: 1, BillingMinutes: 60}
	c.Offers["c/g80x8"] = Offer{ID: "c/g80x8", GPU: "g80", GPUs: 8, OnDemandHourly: 16, BillingMinutes: 1}
	// m8 has Llama-3-8B's shape with a round 8 B parameters.
	c.OpenModels["m8"] = OpenModel{ID: "m8", ParamsB: 8, Layers: 32, Hidden: 4096, Intermediate: 14336, Heads: 32, KVHeads: 8}
	c.APIModels["big"] = APIModel{ID: "big", InputPerMtok: 2, OutputPerMtok: 10, CachedInputPerMtok: 1, TTFTms: 500, OutputTokensPerS: 50}
	c.APIModels["ftapi"] = APIModel{ID: "ftapi", InputPerMtok: 1, OutputPerMtok: 4, TrainPerMtok: 25, FTInputPerMtok: 3, FTOutputPerMtok: 12, FTHostingHourly: 1}
	c.Embeddings["e"] = Embedding{ID: "e", PerMtok: 0.1, Dim: 1000}
	c.VectorDBs["v"] = VectorDB{ID: "v", MonthlyBase: 50, PerGBMonth: 1, PerMQuery: 10}
	return c
}

// testScenario: 12 months of 100,000 queries (no growth), 500 in / 200 out
// tokens, engineers at 100/h and experts at 150/h, and one option of each kind.
func testScenario() Scenario {
	return Scenario{
		Name: "hand", Currency: "USD", HorizonMonths: 12,
		Workload: Workload{QueriesPerMonth: 100000, InputTokens: 500, OutputTokens: 200, PeakToAverage: 3},
		Team:     Team{HourlyRate: 100, ExpertHourlyRate: 150},
		Options:  []Option{promptOption(), ragOption(), loraOption()},
	}
}

func promptOption() Option {
	return Option{Name: "prompt", Kind: Prompt, Model: "big", PromptOverheadTokens: 1000, PromptEngineeringHours: 40,
		MaintenanceHoursPerMonth: 4, IntegrationHours: 40, APITier: "standard"}
}

func ragOption() Option {
	return Option{Name: "rag", Kind: RAG, Generator: "big", CorpusTokens: 10e6, ChunkTokens: 500, TopK: 4,
		Embedding: "e", VectorDB: "v", CorpusChurnPerMonth: 0.1, BuildHours: 80, RetrievalLatencyMs: 50,
		MaintenanceHoursPerMonth: 16, IntegrationHours: 40, APITier: "standard"}
}

func loraOption() Option {
	return Option{Name: "lora", Kind: FineTune, BaseModel: "m8", Method: "lora", LoraRank: 16, LoraTargets: "all-linear",
		TrainExamples: 10000, TokensPerExample: 1000, Epochs: 3, CurationHours: 100, LabelCostPerExample: 0.5,
		GoldenSetExamples: 200, GoldenSetIndependent: true, ReviewMinutesPerExample: 3, ExperimentCycles: 6, EvalHoursPerCycle: 4,
		TrainOffer: "c/g80x1", Pricing: "on_demand", MFU: 0.35, RunOverheadHours: 0.25,
		TrainPrecision: "bf16", GradientCheckpointing: true, MicroBatchTokens: 4096, Sharding: "zero3", MemoryOverheadGB: 1,
		RetuneEveryMonths: 6, RetuneCurationHours: 25, RetuneCycles: 2, MaintenanceHoursPerMonth: 8, IntegrationHours: 40,
		ServeOffer: "c/g80x1", ServePricing: "on_demand", ServePrecision: "bf16", KVPrecision: "bf16", Batch: 16, MinReplicas: 1,
		Utilization: 0.6, Merged: true, Adapters: 1, UnmergedOverhead: 0.2,
		TrainableStateBytes: 16, FP8Efficiency: 0.8, BandwidthEfficiency: 0.75, PrefillEfficiency: 0.6}
}

func managedOption() Option {
	o := loraOption()
	o.Name, o.BaseModel, o.RetuneEveryMonths, o.APITier = "managed", "ftapi", 0, "standard"
	return o
}

// near fails unless got is within a relative 1e-12 of want.
func near(t *testing.T, what string, got, want float64) {
	t.Helper()
	if math.Abs(got-want) > 1e-12*math.Max(1, math.Abs(want)) {
		t.Errorf("%s = %.15g, want %.15g", what, got, want)
	}
}

func evaluate(t *testing.T, s Scenario) Result {
	t.Helper()
	res, err := Evaluate(s, testCatalog())
	if err != nil {
		t.Fatalf("Evaluate: %v", err)
	}
	return res
}
