package model

import (
	"math"
	"slices"
	"testing"
)

func TestQueriesF1(t *testing.T) {
	// F1: Q(m) = 1000 · 1.1^m → 1000, 1100, 1210; Qtot = 3310.
	q := make([]float64, 3)
	total := queries(Workload{QueriesPerMonth: 1000, MonthlyGrowth: 0.1}, q)
	near(t, "Q(0)", q[0], 1000)
	near(t, "Q(1)", q[1], 1100)
	near(t, "Q(2)", q[2], 1210)
	near(t, "Qtot", total, 3310)
}

func TestPromptOptionF17F18F19(t *testing.T) {
	res := evaluate(t, testScenario())
	o := res.Options[0]
	// F17: in = 500 + 1000 = 1500. F19: (1500·2 + 200·10)/1e6 = 0.005 per query;
	// 100,000 queries → 500 a month.
	near(t, "inference(0)", o.Months()[0].Inference, 500)
	// Setup: integration 40·100 + F18 prompt engineering 40·100 = 8000, month 0 only.
	near(t, "setup(0)", o.Months()[0].Setup, 8000)
	near(t, "setup(1)", o.Months()[1].Setup, 0)
	// Labour: 4 h · 100 = 400 every month.
	near(t, "labour(5)", o.Months()[5].Labour, 400)
	// F23: total = 8000 + 12·(500 + 400) = 18,800; Qtot = 1.2e6;
	// per 1k = 18800 / 1.2e6 · 1000 = 15.666…; marginal = 12·500 / 1.2e6 · 1000 = 5.
	near(t, "total", o.Total, 18800)
	near(t, "cost per 1k", o.CostPer1k, 18800.0/1200)
	near(t, "marginal per 1k", o.MarginalPer1k, 5)
	near(t, "one-time", o.OneTime, 8000)
	// F19 latency: 500 + 200/50·1000 = 4500 ms.
	near(t, "latency", o.LatencyMs, 4500)
	if o.Serving != nil || o.Training != nil {
		t.Error("an API prompt option has no serving or training summary")
	}
}

func TestCachedPromptF17(t *testing.T) {
	s := testScenario()
	s.Options = []Option{promptOption()}
	s.Options[0].CachedPrompt = true
	o := evaluate(t, s).Options[0]
	// F17 cached: (500·2 + 1000·1 + 200·10)/1e6 = 0.004 → 400 a month.
	near(t, "inference(0)", o.Months()[0].Inference, 400)
}

func TestRAGOptionF14F15F16(t *testing.T) {
	o := evaluate(t, testScenario()).Options[1]
	// F14: in = 500 + 4·500 = 2500; F19: (2500·2 + 200·10)/1e6 = 0.007 → 700 a month.
	near(t, "inference(0)", o.Months()[0].Inference, 700)
	// F15: build 80·100 + 10e6·0.1/1e6 = 8001; setup adds integration 4000 → 12,001.
	near(t, "setup(0)", o.Months()[0].Setup, 12001)
	// F16: churn 10e6·0.1·0.1/1e6 = 0.1; queries 1e5·500·0.1/1e6 = 5; base 50;
	// storage ceil(10e6/500)·1000·4/1e9 = 0.08 GB · 1 = 0.08; per query 1e5/1e6·10 = 1 → 56.18.
	near(t, "retrieval(3)", o.Months()[3].Retrieval, 56.18)
	// Labour 16·100 = 1600. Total = 12001 + 12·(700 + 56.18 + 1600) = 40,275.16.
	near(t, "total", o.Total, 40275.16)
	// Latency: 500 + 4000 + 50 retrieval = 4550 ms.
	near(t, "latency", o.LatencyMs, 4550)
}

func TestSelfHostedLoRAF5toF13F20toF22(t *testing.T) {
	o := evaluate(t, testScenario()).Options[2]
	tr := o.Training
	// F5: D = 10,000 · 1,000 · 3 = 3e7.
	near(t, "tokens", tr.Tokens, 3e7)
	// F3 (Llama-3-8B shape, r=16, all-linear) = 41,943,040.
	near(t, "T", tr.TrainableParams, 41943040)
	// F6 with gradient checkpointing (dense: Nact = N, Tact = T):
	// (4·8e9 + 6·41,943,040 + 2·8e9)·3e7 = 48,251,658,240·3e7 = 1.4475497472e18.
	near(t, "FLOPs", tr.FLOPs, 48251658240*3e7)
	// F7: S = 2·8e9 + 16·41,943,040 = 16,671,088,640 B (m8 has no vocab: Pemb = 0).
	// a = 2·(4·4096 + 2·4096 + 2·1024 + 4·14336) = 167,936 B per token and layer;
	// checkpointing: A = 4096·(32·2·4096 + 167,936) = 4096·430,080 = 1,761,607,680 B; O = 1e9.
	// zero3: gmin = ceil(16,671,088,640 / (80e9 − 1,761,607,680 − 1e9)) = ceil(0.2158…) = 1;
	// per GPU on 1 GPU = S + A + O = 19,432,696,320 B; the whole run is the same on one GPU.
	near(t, "memory_per_gpu_gb", tr.MemoryPerGPUGB, 19.43269632)
	near(t, "memory_gb", tr.MemoryGB, 19.43269632)
	near(t, "min gpus", tr.MinGPUs, 1)
	near(t, "instances", tr.Instances, 1)
	// F9: 1.4475497472e18 / (1000e12 · 0.35) / 1 / 3600 + 0.25 = 1.3988…h;
	// hourly billing → 2 h. F10: 1 · 2 · 2 = 4.
	near(t, "hours", tr.Hours, 1.4475497472e18/3.5e14/3600+0.25)
	near(t, "billed hours", tr.BilledHours, 2)
	near(t, "run cost", tr.Cost, 4)
	// F11: 100·100 + 10,000·0.5 + 200·3/60·150 = 10,000 + 5,000 + 1,500 = 16,500.
	near(t, "data", o.Months()[0].Data, 16500)
	// F12: 6 · (4 + 4·100) = 2,424.
	near(t, "experiments", o.Months()[0].Experiments, 2424)
	// F13: month 6 only (12 is past the horizon): 25·100 + 2·(4 + 400) = 3,308.
	near(t, "retune(6)", o.Months()[6].Training, 3308)
	near(t, "retune(5)", o.Months()[5].Training, 0)
	near(t, "retune(0)", o.Months()[0].Training, 0)
	// F20: W = 16e9; kv = 2·32·8·128·2 = 131,072; need = 16e9 + 16·700·131,072 = 17,468,006,400 → 1 GPU.
	sv := o.Serving
	near(t, "serving memory", sv.MemoryGB, 17.4680064)
	near(t, "replica gpus", sv.ReplicaGPUs, 1)
	// F21 (bf16: eb = 0.75): BW = 2000e9·0.75 = 1.5e12, FL = 1000e12·0.5 = 5e14, FP = 6e14;
	// step = max((16e9 + 16·600·131,072)/1.5e12, 2·8e9·16/5e14) + 0.001
	// = max(0.011505527466…, 0.000512) + 0.001 = 0.012505527466…;
	// prefill = 2·8e9·500/6e14 = 0.013333…; s = prefill + 200·step/16 = 0.169652426666…;
	// latency = 0.008 + prefill + 200·step = 2.522438826666… s.
	step := (16e9+16*600*131072)/1.5e12 + 0.001
	prefill := 2 * 8e9 * 500 / 6e14
	near(t, "busy seconds", sv.BusySeconds, prefill+200*step/16)
	near(t, "latency", o.LatencyMs, (0.008+prefill+200*step)*1000)
	// F22: replicas = max(1, ceil(3·1e5/2,628,000·0.16965…/0.6)) = 1 → 1 instance · 2 · 730 = 1,460.
	near(t, "inference(0)", o.Months()[0].Inference, 1460)
	near(t, "peak instances", sv.PeakInstances, 1)
	// Total = (16,500 + 2,424 + 4,000) + 12·(1,460 + 800) + 3,308 = 53,352.
	near(t, "total", o.Total, 53352)
}

func TestManagedFineTuneF10F19Hosting(t *testing.T) {
	s := testScenario()
	s.Options = []Option{managedOption()}
	o := evaluate(t, s).Options[0]
	// F10 managed: 3e7 · 25 / 1e6 = 750 per run; F12: 6·(750 + 400) = 6,900.
	near(t, "run cost", o.Training.Cost, 750)
	if !o.Training.Managed || o.Serving != nil {
		t.Error("a managed fine-tune has no GPUs and no self-hosted serving")
	}
	near(t, "experiments", o.Months()[0].Experiments, 6900)
	// F19 with ft prices: (500·3 + 200·12)/1e6 = 0.0039 → 390 a month; hosting 1·1·730 = 730.
	near(t, "inference", o.Months()[2].Inference, 390)
	near(t, "hosting", o.Months()[2].Hosting, 730)
	// Total = 16,500 + 6,900 + 4,000 + 12·(390 + 730 + 800) = 50,440; marginal = 12·1,120/1.2e6·1000 = 11.2.
	near(t, "total", o.Total, 50440)
	near(t, "marginal", o.MarginalPer1k, 11.2)
	if o.HasLatency {
		t.Error("ftapi has no ttft in the sheet: latency unknown")
	}
}

func TestAdaptersMergedVsUnmergedF20F22(t *testing.T) {
	s := testScenario()
	merged := loraOption()
	merged.Name, merged.Adapters = "merged", 3
	unmerged := merged
	unmerged.Name, unmerged.Merged = "unmerged", false
	s.Options = []Option{merged, unmerged}
	res := evaluate(t, s)
	m, u := res.Options[0], res.Options[1]
	// F22: merged with 3 adapters runs 3 deployments of 1 replica → 3 instances · 2 · 730 = 4,380.
	near(t, "merged inference", m.Months()[0].Inference, 4380)
	near(t, "merged deployments", m.Serving.Deployments, 3)
	// Unmerged: one deployment; W adds 3·41,943,040·2 = 251,658,240 bytes; still 1 replica → 1,460.
	near(t, "unmerged inference", u.Months()[0].Inference, 1460)
	near(t, "unmerged weights", u.Serving.WeightsGB, 16.25165824)
	// F21: s × 1.2 with the larger W: step = (16,251,658,240 + 1,258,291,200)/1.5e12 + 0.001
	// = 0.012673299626…; s = (2·8e9·500/6e14 + 200·step/16)·1.2 = 0.206099494…
	step := (16251658240+1258291200)/1.5e12 + 0.001
	near(t, "unmerged busy", u.Serving.BusySeconds, (2*8e9*500/6e14+200*step/16)*1.2)
	// Latency: 0.008 + (prefill + 200·step)·1.2.
	near(t, "unmerged latency", u.LatencyMs, (0.008+(2*8e9*500/6e14+200*step)*1.2)*1000)
	// F11–F13 are per variant: data 3·16,500.
	near(t, "data", u.Months()[0].Data, 49500)
}

func TestFullFineTuneMemoryF7F8(t *testing.T) {
	s := testScenario()
	o := loraOption()
	o.Method, o.TrainOffer, o.MFU = "full", "c/g80x8", 0.4
	s.Options = []Option{o}
	tr := evaluate(t, s).Options[0].Training
	// F7: S = 16 bytes/param (ZeRO §3.1) = 16·8e9 = 128e9 B; A = 1,761,607,680 B, O = 1e9
	// (as in the LoRA test); zero3: gmin = ceil(128e9 / (80e9 − 2,761,607,680)) = ceil(1.657…) = 2.
	near(t, "min gpus", tr.MinGPUs, 2)
	// F8: ceil(2/8) = 1 instance of 8 GPUs.
	near(t, "instances", tr.Instances, 1)
	near(t, "gpus", tr.GPUs, 8)
	// §8: per GPU on 8: 128e9/8 + 2,761,607,680 = 18,761,607,680 B;
	// whole run: 128e9 + 8·2,761,607,680 = 150,092,861,440 B.
	near(t, "memory_per_gpu_gb", tr.MemoryPerGPUGB, 18.76160768)
	near(t, "memory_gb", tr.MemoryGB, 150.09286144)
	// F3 full: T = N; F6 with checkpointing: 6·8e9·3e7 + 2·8e9·3e7 = 1.92e18.
	// F9: 1.92e18/(1e15·0.4)/8/3600 + 0.25 = 0.41666… h = 25 minutes, billed per minute
	// → 25/60 h. F10: 16 · 25/60 = 6.666….
	near(t, "T", tr.TrainableParams, 8e9)
	near(t, "FLOPs", tr.FLOPs, 1.92e18)
	near(t, "hours", tr.Hours, 1.92e18/(1e15*0.4)/8/3600+0.25)
	near(t, "billed hours", tr.BilledHours, 25.0/60)
	near(t, "run cost", tr.Cost, 16*25.0/60)
}

func TestCheapestAndCrossoversF24(t *testing.T) {
	res := evaluate(t, testScenario())
	if res.Options[res.Cheapest].Name != "prompt" {
		t.Errorf("cheapest = %s, want prompt", res.Options[res.Cheapest].Name)
	}
	// Each option's cumulative costs, option after option.
	// A−B = −1, 0, +1, +1, −1: month 1's zero is skipped, month 2 flips from
	// month 0's −: a crossover; month 4 flips back: another.
	// A−C = 0, 0, +2, +2, +2: a start at zero is no crossover.
	// B−C = +1, 0, +1, +1, +3: no change of sign.
	opts := []OptionResult{{Name: "A"}, {Name: "B"}, {Name: "C"}}
	got := crossovers(opts, []float64{1, 2, 5, 6, 7, 2, 2, 4, 5, 8, 1, 2, 3, 4, 5})
	want := []Crossover{{"A", "B", 2}, {"A", "B", 4}}
	if len(got) != len(want) {
		t.Fatalf("crossovers = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("crossover %d = %v, want %v", i, got[i], want[i])
		}
	}
	// Ties: the first listed wins.
	if c := cheapest([]OptionResult{{Total: 5}, {Total: 5}}); c != 0 {
		t.Errorf("tie → %d, want 0", c)
	}
}

func TestGrowthAndReplicasF22(t *testing.T) {
	s := testScenario()
	s.Workload.QueriesPerMonth = 20e6
	s.Workload.MonthlyGrowth = 0.5
	s.HorizonMonths = 3
	s.Options = []Option{loraOption()}
	o := evaluate(t, s).Options[0]
	// F22 month 0: 3·20e6/2,628,000·0.169652…/0.6 = 6.4556… → 7 replicas → 7 instances → 7·2·730 = 10,220.
	near(t, "inference(0)", o.Months()[0].Inference, 10220)
	// Month 2: Q = 45e6 → 14.525… → 15 → 21,900.
	near(t, "inference(2)", o.Months()[2].Inference, 21900)
	near(t, "peak instances", o.Serving.PeakInstances, 15)
	if math.IsNaN(o.Total) {
		t.Fatal("NaN")
	}
}

func TestEvaluateLeanSameNumbers(t *testing.T) {
	full := evaluate(t, testScenario())
	lean, err := EvaluateLean(testScenario(), testCatalog())
	if err != nil {
		t.Fatal(err)
	}
	for i := range full.Options {
		if full.Options[i].Total != lean.Options[i].Total || lean.Options[i].Derivations() != nil {
			t.Errorf("%s: lean total %v vs %v", full.Options[i].Name, lean.Options[i].Total, full.Options[i].Total)
		}
	}
}

func TestEvaluatorReusesBuffersWithTheSameNumbers(t *testing.T) {
	var e Evaluator
	want := evaluate(t, testScenario())
	for range 3 {
		got, err := e.Lean(testScenario(), testCatalog())
		if err != nil {
			t.Fatal(err)
		}
		for i := range want.Options {
			if got.Options[i].Total != want.Options[i].Total {
				t.Fatalf("%s: %v, want %v", want.Options[i].Name, got.Options[i].Total, want.Options[i].Total)
			}
		}
	}
	// A shorter horizon after a longer one must not keep stale months; the
	// months themselves are not kept (Lean).
	s := testScenario()
	s.HorizonMonths = 2
	got, _ := e.Lean(s, testCatalog())
	short := evaluate(t, s)
	if got.Options[0].Months() != nil || len(got.Queries) != 2 || got.Options[0].Total != short.Options[0].Total {
		t.Errorf("months %d, queries %d, total %v (want none, 2, %v)", len(got.Options[0].Months()), len(got.Queries), got.Options[0].Total, short.Options[0].Total)
	}
}

// TestEvaluatorKeepsVolumesOnlyWhileTheyHold: an Evaluator keeps F1's
// growth factors between runs; runs that change the growth, the volume or
// the horizon in turn give, to the bit, what a fresh evaluation gives.
func TestEvaluatorKeepsVolumesOnlyWhileTheyHold(t *testing.T) {
	var e Evaluator
	for i, w := range []struct{ q, g, h float64 }{
		{100000, 0, 12}, {100000, 0.05, 12}, {250000, 0.05, 12}, {250000, 0.05, 24}, {250000, 0.03, 24}, {250000, 0.03, 24},
	} {
		s := testScenario()
		s.Workload.QueriesPerMonth, s.Workload.MonthlyGrowth, s.HorizonMonths = w.q, w.g, w.h
		want, err := EvaluateLean(s, testCatalog())
		if err != nil {
			t.Fatal(err)
		}
		got, err := e.Lean(s, testCatalog())
		if err != nil {
			t.Fatal(err)
		}
		if got.TotalQueries != want.TotalQueries || !slices.Equal(got.Queries, want.Queries) {
			t.Errorf("run %d: queries %v (Σ %v), want %v (Σ %v)", i, got.Queries, got.TotalQueries, want.Queries, want.TotalQueries)
		}
		for k := range want.Options {
			if got.Options[k].Total != want.Options[k].Total {
				t.Errorf("run %d, %s: %v, want %v", i, want.Options[k].Name, got.Options[k].Total, want.Options[k].Total)
			}
		}
	}
}
