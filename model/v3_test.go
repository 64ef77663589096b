package model

import (
	"errors"
	"strings"
	"testing"
)

// v3Catalog is MODEL.md F9a's worked example: A100 80GB SXM (memory_gb 85.9,
// bf16 312, link_gbs 300) in 8-GPU instances with network_gbps 400, one
// 1-GPU offer with a 100 Gb/s network, and Llama-2-70B (params_b 68.98).
func v3Catalog() Catalog {
	c := testCatalog()
	c.GPUs["a100"] = GPU{ID: "a100", MemoryGB: 85.9, BF16TFLOPS: 312, BandwidthGBs: 2039, LinkGBs: 300}
	c.Offers["c/a100x8"] = Offer{ID: "c/a100x8", GPU: "a100", GPUs: 8, OnDemandHourly: 32, BillingMinutes: 1, NetworkGbps: 400}
	c.Offers["c/a100x1"] = Offer{ID: "c/a100x1", GPU: "a100", GPUs: 1, OnDemandHourly: 4, BillingMinutes: 1, NetworkGbps: 100}
	c.OpenModels["llama2-70b"] = OpenModel{ID: "llama2-70b", ParamsB: 68.98, Layers: 80, Hidden: 8192, Intermediate: 28672,
		Heads: 64, KVHeads: 8, Vocab: 32000}
	return c
}

// f9aOption is the worked example's run: full, 8,000 examples of 2,048
// tokens, one epoch, micro_batch_tokens 2,048, zero3, checkpointing, mfu
// 0.45 on 16 GPUs.
func f9aOption() Option {
	o := loraOption()
	o.Name, o.BaseModel, o.Method, o.TrainOffer, o.ServeOffer = "f9a", "llama2-70b", "full", "c/a100x8", "c/a100x8"
	o.TrainExamples, o.TokensPerExample, o.Epochs, o.MicroBatchTokens, o.MFU, o.TrainGPUs = 8000, 2048, 1, 2048, 0.45, 16
	return o
}

func evalV3(t *testing.T, o Option) OptionResult {
	t.Helper()
	s := testScenario()
	s.Options = []Option{o}
	res, err := Evaluate(s, v3Catalog())
	if err != nil {
		t.Fatalf("Evaluate: %v", err)
	}
	return res.Options[0]
}

func TestWorkedExampleF9a(t *testing.T) {
	r := evalV3(t, f9aOption())
	tr := r.Training
	// F7: S = 16 · 68.98e9 = 1103.68 GB; A = 2048 · (80 · 2 · 8192 + 331,776) = 3.364 GB; gmin 14;
	// train_gpus 16 → F8: 2 instances of 8.
	near(t, "gpus", tr.GPUs, 16)
	near(t, "instances", tr.Instances, 2)
	// F6: (6 + 2) · 68.98e9 · 16,384,000 = 9.0414…e18 FLOPs.
	d := 8000.0 * 2048
	flops := 8 * 68.98e9 * d
	// F9: compute_hours = FLOPs / (312e12 · 0.45) / 16 / 3600 = 1.118 h.
	compute := flops / (312e12 * 0.45) / 16 / 3600
	near(t, "compute hours", tr.ComputeHours, compute)
	// F9a: R = 16,384,000 / (2048 · 16) = 500; Wg = Gg = 2 · 68.98e9 = 137.96 GB;
	// V = (2 · 137.96 + 137.96) GB · 15/16 = 388.0125 GB; B = 0.8 · min(300, 400/8) = 40 GB/s;
	// comm_hours = 500 · 388.0125e9 / 40e9 / 3600 = 1.3473 h.
	comm := 500 * (3 * 137.96e9 * 15 / 16) / 40e9 / 3600
	near(t, "comm hours", tr.CommHours, comm)
	if compute < 1.117 || compute > 1.119 || comm < 1.347 || comm > 1.348 {
		t.Errorf("compute %.4f h, comm %.4f h; MODEL.md says 1.118 and 1.347", compute, comm)
	}
	// h = max(1.118, 1.347) + 0.25 = 1.597 h; billed by the minute: ceil(95.84) / 60 = 1.6 h.
	near(t, "h", tr.Hours, comm+0.25)
	near(t, "billed", tr.BilledHours, 96.0/60)
	dh, _ := r.Derivation("training.hours")
	if want := "communication-bound: the GPUs wait 1.21× their compute time on the network (2 instances, 400 Gb/s)"; !strings.Contains(dh.Expr, want) {
		t.Errorf("training.hours says %q, want it to contain %q", dh.Expr, want)
	}
	dc, _ := r.Derivation("training.comm_hours")
	if dc.Formula != "F9a" || !strings.Contains(dc.Expr, "R · V / B / 3600") || !hasTerm(dc, "R", 500) || !hasTerm(dc, "B", 40) {
		t.Errorf("comm derivation %+v", dc)
	}
}

func hasTerm(d Derivation, name string, v float64) bool {
	for _, in := range d.Inputs {
		if in.Name == name {
			return in.Value > v*(1-1e-9) && in.Value < v*(1+1e-9)
		}
	}
	return false
}

func TestCommunicationBySharding(t *testing.T) {
	// lora of m8 (8e9 params, T = 41,943,040) on two 8-GPU A100 instances, D = 3e7, micro_batch_tokens 4096:
	// R = 3e7 / (4096 · 16) = 457.763…; B = 0.8 · min(300, 400 / 8) = 40 GB/s.
	o := loraOption()
	o.TrainOffer, o.TrainGPUs, o.Sharding = "c/a100x8", 16, "none"
	r := evalV3(t, o)
	tp := r.Training.TrainableParams
	near(t, "T", tp, 41943040)
	rounds := 3e7 / (4096 * 16)
	// none: V = 2 · Gg · 15/16, Gg = 2 · T (the gradients all-reduced).
	near(t, "none comm", r.Training.CommHours, rounds*(2*2*tp*15/16)/40e9/3600)
	// zero3: V = (2 · Wg + Gg) · 15/16 with lora's Wg = 2 · N + 2 · T.
	o.Sharding = "zero3"
	r = evalV3(t, o)
	wg := 2*8e9 + 2*tp
	near(t, "zero3 comm", r.Training.CommHours, rounds*((2*wg+2*tp)*15/16)/40e9/3600)

	// model: activations move instead; mfu covers them: no communication term.
	o.Sharding = "model"
	r = evalV3(t, o)
	near(t, "model comm", r.Training.CommHours, 0)
	if d, _ := r.Derivation("training.comm_hours"); !strings.Contains(d.Expr, `sharding = "model"`) {
		t.Errorf("model comm derivation %q", d.Expr)
	}

	// One instance of 8: only the link bounds, B = 0.8 · 300 = 240 GB/s; R = 3e7 / (4096 · 8); V · 7/8.
	o.Sharding, o.TrainGPUs = "zero3", 8
	r = evalV3(t, o)
	near(t, "one instance comm", r.Training.CommHours, 3e7/(4096*8)*((2*wg+2*tp)*7/8)/240e9/3600)
	if d, _ := r.Derivation("training.hours"); !strings.Contains(d.Expr, "(1 instance, link 300 GB/s)") {
		t.Errorf("one instance: %q", d.Expr)
	}
}

// A sheet without link_gbs and network_gbps gives v2's hours (F9a absent),
// and the derivation says why.
func TestCommunicationNotModelledWithoutFields(t *testing.T) {
	cat := v3Catalog()
	g := cat.GPUs["a100"]
	g.LinkGBs = 0
	cat.GPUs["a100"] = g
	off := cat.Offers["c/a100x8"]
	off.NetworkGbps = 0
	cat.Offers["c/a100x8"] = off
	s := testScenario()
	s.Options = []Option{f9aOption()}
	res, err := Evaluate(s, cat)
	if err != nil {
		t.Fatal(err)
	}
	tr := res.Options[0].Training
	near(t, "comm", tr.CommHours, 0)
	near(t, "h", tr.Hours, tr.ComputeHours+0.25)
	d, _ := res.Options[0].Derivation("training.comm_hours")
	if !strings.Contains(d.Expr, `not modelled: gpu "a100" has no link_gbs and offer "c/a100x8" no network_gbps`) {
		t.Errorf("comm derivation %q", d.Expr)
	}
}

// Six 1-GPU instances with a 100 Gb/s network: B = 0.8 · min(300, 12.5) = 10 GB/s,
// so a full fine-tune of an 8 B model waits on the network.
func TestSixOneGPUInstancesAreCommunicationBound(t *testing.T) {
	o := loraOption()
	o.Method, o.TrainOffer, o.TrainGPUs, o.MFU = "full", "c/a100x1", 6, 0.45
	r := evalV3(t, o)
	tr := r.Training
	near(t, "instances", tr.Instances, 6)
	// R = 3e7 / (4096 · 6); V = 3 · 16e9 · 5/6 = 40 GB; comm = R · V / 10e9 / 3600.
	want := 3e7 / (4096 * 6) * (3 * 16e9 * 5 / 6) / 10e9 / 3600
	near(t, "comm", tr.CommHours, want)
	if tr.CommHours <= tr.ComputeHours {
		t.Errorf("comm %.3f h ≤ compute %.3f h: six 1-GPU instances must be communication-bound", tr.CommHours, tr.ComputeHours)
	}
}

func TestTrainableStateBytesF7(t *testing.T) {
	o := f9aOption()
	o.TrainableStateBytes = 8
	r := evalV3(t, o)
	// F7 full with k = 8: S = 8 · 68.98e9 = 551.84 GB.
	s, _ := r.Derivation("training.states_gb")
	near(t, "states", s.Result, 8*68.98)
	if s.Expr != "k · N" || !hasTerm(s, "k = trainable_state_bytes", 8) {
		t.Errorf("states derivation %+v", s)
	}
}

// F9: a mixture-of-experts base model without a written mfu computes at
// mfu · I_e / (I_e + 4000); a written mfu is mfu′ itself.
func TestMixtureOfExpertsMFUFactorF9(t *testing.T) {
	cat := v2Catalog()
	cat.OpenModels["moe"] = OpenModel{ID: "moe", ParamsB: 30.5, ActiveParamsB: 3.3, Layers: 48, Hidden: 2048, Heads: 32, KVHeads: 4, HeadDim: 128,
		Vocab: 151936, Experts: 128, ExpertsPerToken: 8, ExpertIntermediate: 768}
	o := loraOption()
	o.BaseModel, o.TrainOffer, o.MFU = "moe", "c/f80x8", 0.45
	s := testScenario()
	s.Options = []Option{o}
	res, err := Evaluate(s, cat)
	if err != nil {
		t.Fatal(err)
	}
	m := cat.OpenModels["moe"]
	ie := float64(m.ExpertIntermediate)
	d, ok := res.Options[0].Derivation("training.mfu")
	if !ok || !hasTerm(d, "factor", ie/(ie+4000)) {
		t.Fatalf("training.mfu %+v", d)
	}
	near(t, "mfu′", d.Result, 0.45*ie/(ie+4000))
	tr := res.Options[0].Training
	o.MFUSet = true
	s.Options = []Option{o}
	res, _ = Evaluate(s, cat)
	if _, ok := res.Options[0].Derivation("training.mfu"); ok {
		t.Error("a written mfu gets no factor")
	}
	// Same FLOPs, mfu 0.45 instead of mfu′: compute hours shrink by the factor.
	near(t, "written mfu hours", res.Options[0].Training.ComputeHours, tr.ComputeHours*ie/(ie+4000))
}

func TestBadV3InputsAreRefused(t *testing.T) {
	cases := []struct {
		edit  func(*Option)
		field string
		says  string
	}{
		{func(o *Option) { o.TrainableStateBytes = 0 }, "trainable_state_bytes", "greater than 0"},
		{func(o *Option) { o.FP8Efficiency = 1.2 }, "fp8_efficiency", "greater than 0 and at most 1"},
		{func(o *Option) { o.BandwidthEfficiency = 0 }, "bandwidth_efficiency", "greater than 0 and at most 1"},
		{func(o *Option) { o.PrefillEfficiency = -0.1 }, "prefill_efficiency", "greater than 0 and at most 1"},
		{func(o *Option) { o.HasAccuracy, o.Accuracy, o.AccuracyCorrect, o.AccuracyOf = true, 1, 21, 20 }, "accuracy", "more than of"},
		{func(o *Option) { o.HasAccuracy, o.AccuracyCorrect, o.AccuracyOf = true, 3, 0.5 }, "accuracy", "at least 1"},
	}
	for _, c := range cases {
		o := loraOption()
		c.edit(&o)
		s := testScenario()
		s.Options = []Option{o}
		_, err := Evaluate(s, testCatalog())
		var ie *InputError
		if !errors.As(err, &ie) || ie.Field != c.field || !strings.Contains(ie.Msg, c.says) {
			t.Errorf("%s: err = %v, want one naming it and saying %q", c.field, err, c.says)
		}
	}
	cat := v3Catalog()
	g := cat.GPUs["a100"]
	g.LinkGBs = -1
	cat.GPUs["a100"] = g
	s := testScenario()
	s.Options = []Option{f9aOption()}
	if _, err := Evaluate(s, cat); err == nil || !strings.Contains(err.Error(), "link_gbs must be > 0") {
		t.Errorf("link_gbs -1: err = %v", err)
	}
}

// Every new term of v3 has its derivation: F4a's peaks, F9's compute hours,
// F21's tensor-parallel latency and its efficiencies.
func TestV3Derivations(t *testing.T) {
	o := loraOption()
	o.TrainOffer, o.TrainPrecision = "c/f80x8", "fp8"
	o.ServeOffer, o.ServePrecision, o.TensorParallel, o.BandwidthEfficiency, o.PrefillEfficiency = "c/f80x8", "fp8", 2, 0.5, 0.4
	r := evalV2(t, o)
	// F4a: 0.8 · 2000 = 1600 TFLOPS in training and serving.
	for _, fig := range []string{"training.peak_tflops", "serving.peak_tflops"} {
		d, ok := r.Derivation(fig)
		if !ok || d.Formula != "F4a" || d.Result != 1600 || !hasTerm(d, "fp8_efficiency", 0.8) {
			t.Errorf("%s: %+v", fig, d)
		}
	}
	// F9: compute_hours = 1.4475497472e18 / (1600e12 · 0.35) / 8 / 3600.
	d, _ := r.Derivation("training.compute_hours")
	near(t, "compute_hours", d.Result, 1.4475497472e18/(1600e12*0.35)/8/3600)
	// F21: tp = 32 layers · 0.00001 = 0.00032 s on two GPUs.
	d, ok := r.Derivation("serving.tp_seconds")
	if !ok || d.Result != 32*0.00001 {
		t.Errorf("serving.tp_seconds %+v", d)
	}
	// BW = 2 · 2000 · 0.5 = 2000 GB/s; FP = 2 · 1600 · 0.4 = 1280 TFLOP/s.
	d, _ = r.Derivation("serving.bandwidth")
	near(t, "BW", d.Result, 2000)
	d, _ = r.Derivation("serving.prefill_seconds")
	if !hasTerm(d, "prefill_efficiency", 0.4) || !hasTerm(d, "FP = replica_gpus · fp8_efficiency · fp8_tflops · prefill_efficiency", 1280) {
		t.Errorf("prefill derivation %+v", d)
	}
	near(t, "prefill", d.Result, 2*8e9*500/1280e12+0.00032)
}
