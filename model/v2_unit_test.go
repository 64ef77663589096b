package model

import (
	"errors"
	"strings"
	"testing"
)

// v2Catalog is testCatalog with an FP8 GPU, a model with a vocabulary and
// an API model with batch prices.
func v2Catalog() Catalog {
	c := testCatalog()
	c.GPUs["f80"] = GPU{ID: "f80", MemoryGB: 80, BF16TFLOPS: 1000, FP8TFLOPS: 2000, BandwidthGBs: 2000}
	c.Offers["c/f80x8"] = Offer{ID: "c/f80x8", GPU: "f80", GPUs: 8, OnDemandHourly: 16, BillingMinutes: 1}
	// m8v is m8 with a 100,000-token untied vocabulary: Pemb = 100,000 · 4096 · 2 = 819,200,000.
	m := testCatalog().OpenModels["m8"]
	m.ID, m.Vocab = "m8v", 100000
	c.OpenModels["m8v"] = m
	c.APIModels["bt"] = APIModel{ID: "bt", InputPerMtok: 2, OutputPerMtok: 10, BatchInputPerMtok: 1, BatchOutputPerMtok: 5, TTFTms: 500, OutputTokensPerS: 50}
	return c
}

func evalV2(t *testing.T, o Option) OptionResult {
	t.Helper()
	s := testScenario()
	s.Options = []Option{o}
	res, err := Evaluate(s, v2Catalog())
	if err != nil {
		t.Fatal(err)
	}
	return res.Options[0]
}

func TestShardingNoneF7(t *testing.T) {
	o := loraOption()
	o.Sharding, o.TrainOffer = "none", "c/g80x8"
	tr := evalV2(t, o).Training
	// none: gmin = 1; every one of the 8 GPUs holds S + A + O = 16,671,088,640 + 1,761,607,680 + 1e9
	// = 19,432,696,320 B; the whole run is 8 times that.
	near(t, "min gpus", tr.MinGPUs, 1)
	near(t, "per gpu", tr.MemoryPerGPUGB, 19.43269632)
	near(t, "whole", tr.MemoryGB, 8*19.43269632)
}

func TestNoCheckpointingF6F7(t *testing.T) {
	o := loraOption()
	o.GradientCheckpointing = false
	tr := evalV2(t, o).Training
	// F6 without recomputation: (4·8e9 + 6·41,943,040)·3e7 = 32,251,658,240·3e7.
	near(t, "flops", tr.FLOPs, 32251658240*3e7)
	// F7: A = 4096 · 32 · 167,936 = 22,011,707,392 B; per GPU = 16,671,088,640 + A + 1e9 = 39,682,796,032 B.
	near(t, "per gpu", tr.MemoryPerGPUGB, 39.682796032)
}

func TestTrainingDoesNotFitF7(t *testing.T) {
	o := loraOption()
	o.GradientCheckpointing, o.MicroBatchTokens = false, 16384
	// A = 16,384 · 32 · 167,936 = 88,046,829,568 B > 80e9 − 1e9: nothing fits, however many GPUs.
	s := testScenario()
	s.Options = []Option{o}
	_, err := Evaluate(s, v2Catalog())
	var ie *InputError
	if !errors.As(err, &ie) || ie.Field != "micro_batch_tokens" || !strings.Contains(ie.Msg, "88.0 GB") || !strings.Contains(ie.Msg, "gradient_checkpointing = true") {
		t.Errorf("err = %v", err)
	}
	o = loraOption()
	o.Method, o.Sharding = "full", "none"
	// full, none: 16 · 8e9 + A + O = 130.8 GB > 80 GB on every GPU.
	s.Options = []Option{o}
	_, err = Evaluate(s, v2Catalog())
	if !errors.As(err, &ie) || ie.Field != "sharding" || !strings.Contains(ie.Msg, "130.8 GB") {
		t.Errorf("err = %v", err)
	}
}

func TestFP8ServingAndQuantisedEmbeddingsF20F21(t *testing.T) {
	o := loraOption()
	o.BaseModel, o.ServeOffer, o.ServePrecision, o.TensorParallel = "m8v", "c/f80x8", "fp8", 1
	o.BandwidthEfficiency = 0.65 // F21's default for fp8 (the scenarios package fills it by serve_precision)
	r := evalV2(t, o)
	// F20 fp8: W0 = (8e9 − 819,200,000) · 1 + 819,200,000 · 2 = 8,819,200,000 B.
	w0 := (8e9-819200000)*1 + 819200000*2
	near(t, "weights", r.Serving.WeightsGB, w0/1e9)
	// F21 fp8: eb 0.65, peak = F4a's fp8_efficiency 0.8 · fp8_tflops 2000 = 1600: BW = 2000e9 · 0.65 = 1.3e12;
	// FL = 1600e12 · 0.5 = 8e14; FP = 1600e12 · 0.6 = 9.6e14; one GPU, so tp = 0.
	step := max((w0+16*600*131072)/1.3e12, 2*8e9*16/8e14) + 0.001
	prefill := 2 * 8e9 * 500 / 9.6e14
	near(t, "busy", r.Serving.BusySeconds, prefill+200*step/16)
	// int4 keeps the embeddings in 16 bits too: (8e9 − 819,200,000) · 0.5 + 819,200,000 · 2.
	o.ServePrecision = "int4"
	near(t, "int4 weights", evalV2(t, o).Serving.WeightsGB, ((8e9-819200000)*0.5+819200000*2)/1e9)
}

func TestFP8TrainingPeakF9(t *testing.T) {
	o := loraOption()
	o.TrainOffer, o.TrainPrecision = "c/f80x8", "fp8"
	tr := evalV2(t, o).Training
	// F9 with F4a: peak = fp8_efficiency 0.8 · fp8_tflops 2000 = 1600:
	// h = 1.4475497472e18 / (1600e12 · 0.35) / 8 / 3600 + 0.25 (the sheet has no link_gbs: F9a not counted).
	near(t, "hours", tr.Hours, 1.4475497472e18/(1600e12*0.35)/8/3600+0.25)
	near(t, "comm hours", tr.CommHours, 0)
}

func TestTensorParallelF20(t *testing.T) {
	o := loraOption()
	o.ServeOffer, o.TensorParallel = "c/g80x8", 4
	r := evalV2(t, o)
	near(t, "replica gpus", r.Serving.ReplicaGPUs, 4)
	// F21 at 4 GPUs: BW = 4 · 2000e9 · 0.75 = 6e12; FL = 4 · 1000e12 · 0.5 = 2e15; FP = 2.4e15;
	// tensor parallelism pays tp = 32 layers · 0.00001 = 0.00032 s per forward pass (each step and the prefill).
	step := max((16e9+16*600*131072)/6e12, 2*8e9*16/2e15) + 0.001 + 0.00032
	near(t, "busy", r.Serving.BusySeconds, 2*8e9*500/2.4e15+0.00032+200*step/16)
	// tensor_parallel = 1 with batch 1024: need = 16e9 + 1024 · 700 · 131,072 = 109.95 GB
	// > 0.9 · 80 GB; two GPUs (144 GB) would hold it.
	o.TensorParallel, o.Batch = 1, 1024
	s := testScenario()
	s.Options = []Option{o}
	_, err := Evaluate(s, v2Catalog())
	var ie *InputError
	if !errors.As(err, &ie) || ie.Field != "tensor_parallel" || !strings.Contains(ie.Msg, "the fewest that fit are 2") {
		t.Errorf("err = %v", err)
	}
}

func TestBatchTierF19(t *testing.T) {
	o := promptOption()
	o.Model, o.APITier, o.CachedPrompt = "bt", "batch", true
	r := evalV2(t, o)
	// F19 batch: (1500 · 1 + 200 · 5) / 1e6 = 0.0025 → 250 a month, no latency.
	near(t, "inference", r.Months()[0].Inference, 250)
	if r.HasLatency {
		t.Error("batch tier has a latency")
	}
}

func TestV2RulesAreErrors(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(*Option)
		field string
	}{
		{"fp8 train on a GPU without fp8", func(o *Option) { o.TrainPrecision = "fp8" }, "train_precision"},
		{"fp8 qlora", func(o *Option) { o.TrainOffer, o.TrainPrecision, o.Method = "c/f80x8", "fp8", "qlora" }, "train_precision"},
		{"fp8 serving on a GPU without fp8", func(o *Option) { o.ServePrecision = "fp8" }, "serve_precision"},
		{"tensor_parallel beyond the offer", func(o *Option) { o.TensorParallel = 2 }, "tensor_parallel"},
		{"tensor_parallel not a degree", func(o *Option) { o.ServeOffer, o.TensorParallel = "c/g80x8", 3 }, "tensor_parallel"},
	}
	for _, c := range cases {
		o := loraOption()
		c.edit(&o)
		s := testScenario()
		s.Options = []Option{o}
		_, err := Evaluate(s, v2Catalog())
		var ie *InputError
		if !errors.As(err, &ie) || ie.Field != c.field {
			t.Errorf("%s: err = %v, want one on %s", c.name, err, c.field)
		}
	}
	p := promptOption()
	p.APITier = "batch" // "big" has no batch prices
	s := testScenario()
	s.Options = []Option{p}
	if _, err := Evaluate(s, v2Catalog()); err == nil || !strings.Contains(err.Error(), "api_tier") {
		t.Errorf("batch without batch prices: %v", err)
	}
	m := managedOption()
	m.APITier = "batch"
	s.Options = []Option{m}
	if _, err := Evaluate(s, v2Catalog()); err == nil || !strings.Contains(err.Error(), "api_tier") {
		t.Errorf("batch on a managed fine-tune: %v", err)
	}
}

func TestMoEArchitectureRules(t *testing.T) {
	base := OpenModel{ParamsB: 30.5, ActiveParamsB: 3.3, Layers: 48, Hidden: 2048, Heads: 32, KVHeads: 4, HeadDim: 128,
		Vocab: 151936, Experts: 128, ExpertsPerToken: 8, ExpertIntermediate: 768}
	if f, msg := base.ArchitectureProblem(); f != "" {
		t.Fatalf("Qwen3-30B-A3B refused: %s %s", f, msg)
	}
	// Pexp = 27.2e9 · 128 / 120 = 29,013,333,333.3…; Pshared = 1,486,666,666.6…
	near(t, "Pexp", base.ExpertParams(), 27.2e9*128/120)
	near(t, "Pshared", base.SharedParams(), 30.5e9-27.2e9*128/120)
	for _, c := range []struct {
		edit  func(*OpenModel)
		field string
	}{
		{func(m *OpenModel) { m.ExpertsPerToken = 128 }, "experts_per_token"},
		{func(m *OpenModel) { m.ActiveParamsB = 31 }, "active_params_b"},
		{func(m *OpenModel) { m.ExpertIntermediate = 0 }, "expert_intermediate"},
		{func(m *OpenModel) { m.ActiveParamsB = 0.5 }, "active_params_b"}, // Pshared < Pemb
		{func(m *OpenModel) { m.Experts, m.ActiveParamsB, m.ExpertIntermediate, m.ExpertsPerToken = 0, 0, 0, 2 }, "experts_per_token"},
		{func(m *OpenModel) {
			m.Experts, m.ActiveParamsB, m.ExpertIntermediate, m.ExpertsPerToken, m.Vocab = 0, 0, 0, 0, 8e6
		}, "vocab"},
	} {
		m := base
		c.edit(&m)
		if f, _ := m.ArchitectureProblem(); f != c.field {
			t.Errorf("%+v: problem on %q, want %q", m, f, c.field)
		}
	}
}

// TestBatchTierCachedF19: where the sheet prices cache reads in the batch
// tier, cached_prompt is priced there too (the user's report, M2).
func TestBatchTierCachedF19(t *testing.T) {
	o := promptOption()
	o.Model, o.APITier, o.CachedPrompt = "btc", "batch", true
	s := testScenario()
	s.Options = []Option{o}
	cat := v2Catalog()
	m := cat.APIModels["bt"]
	m.ID, m.BatchCachedInputPerMtok = "btc", 0.5
	cat.APIModels["btc"] = m
	res, err := Evaluate(s, cat)
	if err != nil {
		t.Fatal(err)
	}
	// (500 input · 1 + 1000 overhead · 0.5 + 200 · 5) / 1e6 = 0.002 a query → 200 a month
	// (the uncached batch query is 0.0025: TestBatchTierF19).
	near(t, "inference", res.Options[0].Months()[0].Inference, 200)
}

// TestEvalChecksAddTheirHoursF12: each eval_checks entry adds
// eval_check_hours to a cycle's evaluation, only when the file gives them.
func TestEvalChecksAddTheirHoursF12(t *testing.T) {
	plain := evalV2(t, loraOption())
	o := loraOption()
	o.EvalChecks = "general_knowledge, diversity"
	noHours := evalV2(t, o)
	near(t, "checks without eval_check_hours", noHours.Months()[0].Experiments, plain.Months()[0].Experiments)
	o.EvalCheckHours = 3
	checked := evalV2(t, o)
	// F12: 6 cycles · (4 + 2 · 3) h · $100 against 6 · 4 h · $100: 6 · 6 · 100 = $3,600 more.
	near(t, "experiments", checked.Months()[0].Experiments-plain.Months()[0].Experiments, 3600)
}
