package model

import (
	"math"
	"testing"
)

// FuzzEvaluate drives the engine with arbitrary numbers on a valid-by-construction
// scenario: whatever the values, Evaluate returns an error or a result with no
// NaN or Inf, non-negative totals and a non-decreasing cumulative cost.
func FuzzEvaluate(f *testing.F) {
	f.Add(100000.0, 0.05, 500.0, 200.0, 16.0, 10000.0, 6.0, 0.6, 12.0, uint8(0))
	f.Add(1e15, 10.0, 1e7, 1e7, 65536.0, 1e15, 1e4, 1e-300, 120.0, uint8(7))
	f.Add(1e-9, 0.0, 0.0, 0.0, 1.0, 0.0, 1.0, 1.0, 1.0, uint8(3))
	f.Fuzz(func(t *testing.T, q, g, in, out, rank, examples, cycles, util, horizon float64, flags uint8) {
		s := testScenario()
		s.Workload.QueriesPerMonth, s.Workload.MonthlyGrowth = q, g
		s.Workload.InputTokens, s.Workload.OutputTokens = in, out
		s.HorizonMonths = horizon
		lora := &s.Options[2]
		lora.LoraRank, lora.TrainExamples, lora.ExperimentCycles, lora.Utilization = rank, examples, cycles, util
		lora.Merged = flags&1 == 0
		lora.Method = []string{"lora", "qlora", "full", "lora"}[flags>>1&3]
		lora.Adapters = float64(flags>>3) + 1
		s.Options = append(s.Options, managedOption())
		res, err := Evaluate(s, fuzzCatalog)
		sameAsASample(t, s, fuzzCatalog, res, err)
		if err != nil {
			return
		}
		sameAsStored(t, s, fuzzCatalog, &res)
		for _, o := range res.Options {
			prev := 0.0
			for _, m := range o.Months() {
				if math.IsNaN(m.Cumulative) || math.IsInf(m.Cumulative, 0) || m.Total < 0 || m.Cumulative < prev {
					t.Fatalf("%s month %d: total %v cumulative %v after %v", o.Name, m.Month, m.Total, m.Cumulative, prev)
				}
				prev = m.Cumulative
			}
			if o.Total < 0 || math.IsNaN(o.CostPer1k) || math.IsInf(o.MarginalPer1k, 0) {
				t.Fatalf("%s: total %v per1k %v marginal %v", o.Name, o.Total, o.CostPer1k, o.MarginalPer1k)
			}
		}
	})
}

// FuzzEvaluateV2 drives v2's inputs: a mixture-of-experts base, the
// micro-batch, the memory overhead, sharding, checkpointing, fp8 training and
// serving, the KV precision and tensor_parallel; the same guarantees hold.
func FuzzEvaluateV2(f *testing.F) {
	f.Add(4096.0, 1.0, 16.0, 3.3, uint8(0), uint8(0))
	f.Add(1e7, 1000.0, 100000.0, 30.4, uint8(255), uint8(255))
	f.Add(1.0, 0.0, 1.0, 1e-9, uint8(0x55), uint8(0xaa))
	f.Fuzz(func(t *testing.T, microBatch, overhead, batch, activeB float64, flags, choice uint8) {
		cat := v2Catalog()
		cat.OpenModels["moe"] = OpenModel{ID: "moe", ParamsB: 30.5, ActiveParamsB: activeB, Layers: 48, Hidden: 2048, Heads: 32, KVHeads: 4,
			HeadDim: 128, Vocab: 151936, Experts: 128, ExpertsPerToken: 8, ExpertIntermediate: 768}
		s := testScenario()
		lora := &s.Options[2]
		lora.BaseModel = []string{"m8", "m8v", "moe", "moe"}[choice&3]
		lora.Method = []string{"lora", "qlora", "full", "lora"}[choice>>2&3]
		lora.TrainOffer = []string{"c/g80x1", "c/f80x8"}[choice>>4&1]
		lora.ServeOffer = []string{"c/g80x1", "c/f80x8"}[choice>>5&1]
		lora.LoraTargets = []string{"all-linear", "attention"}[choice>>6&1]
		lora.MicroBatchTokens, lora.MemoryOverheadGB, lora.Batch = microBatch, overhead, batch
		lora.GradientCheckpointing = flags&1 == 0
		lora.Sharding = []string{"zero3", "none"}[flags>>1&1]
		lora.TrainPrecision = []string{"bf16", "fp8"}[flags>>2&1]
		lora.ServePrecision = []string{"bf16", "fp8", "int8", "int4", "nf4", "bf16", "bf16", "bf16"}[flags>>3&7]
		lora.KVPrecision = []string{"bf16", "fp8"}[flags>>6&1]
		lora.TensorParallel = []float64{0, 2}[flags>>7&1]
		lora.Merged = choice>>7 == 0
		res, err := Evaluate(s, cat)
		sameAsASample(t, s, cat, res, err)
		if err != nil {
			return
		}
		sameAsStored(t, s, cat, &res)
		for _, o := range res.Options {
			if !finite(o.Total) || o.Total < 0 || !finite(o.LatencyMs) {
				t.Fatalf("%s: total %v latency %v", o.Name, o.Total, o.LatencyMs)
			}
			if tr := o.Training; tr != nil && !tr.Managed && (!finite(tr.MemoryPerGPUGB) || tr.MemoryPerGPUGB <= 0) {
				t.Fatalf("%s: memory per GPU %v", o.Name, tr.MemoryPerGPUGB)
			}
		}
	})
}

// fuzzEvaluator prices every fuzzed scenario in turn, as a Monte Carlo
// worker prices its samples: what it remembers from one (texts that
// passed, numbers that passed, catalog look-ups) must not change the next.
var fuzzEvaluator Evaluator

// fuzzCatalog is one catalog for every input of FuzzEvaluate, so that the
// Evaluator keeps what it remembered of it from input to input.
var fuzzCatalog = testCatalog()

// sameAsASample fails unless the Evaluator refuses s as Evaluate did (the
// same message), or gives the figures an analysis reads to the bit.
func sameAsASample(t *testing.T, s Scenario, cat Catalog, want Result, wantErr error) {
	t.Helper()
	got, err := fuzzEvaluator.Lean(s, cat)
	if (err == nil) != (wantErr == nil) || (err != nil && err.Error() != wantErr.Error()) {
		t.Fatalf("a sample says %v, Evaluate %v", err, wantErr)
	}
	if err != nil {
		return
	}
	if got.Cheapest != want.Cheapest {
		t.Fatalf("cheapest %d, Evaluate's %d", got.Cheapest, want.Cheapest)
	}
	for i := range want.Options {
		g, w := &got.Options[i], &want.Options[i]
		for _, pair := range [][2]float64{{g.Total, w.Total}, {g.CostPer1k, w.CostPer1k}, {g.OneTime, w.OneTime}} {
			if math.Float64bits(pair[0]) != math.Float64bits(pair[1]) {
				t.Fatalf("%s: a sample's %v, Evaluate's %v", w.Name, pair[0], pair[1])
			}
		}
	}
}
