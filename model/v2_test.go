package model_test

import (
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/pricing"
	"github.com/tunecost/tunecost/scenarios"
)

// loadV2 evaluates a scenario of testdata/v2 against that folder's own sheet
// (pinned: the built-in catalog never moves these numbers).
func loadV2(t *testing.T, name string) model.Result {
	t.Helper()
	dir := filepath.Join("testdata", "v2")
	data, err := os.ReadFile(filepath.Join(dir, "sheet.toml"))
	if err != nil {
		t.Fatal(err)
	}
	sh, diags := pricing.Parse("sheet.toml", data)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	cat, diags := pricing.Layer(sh)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	path := filepath.Join(dir, name)
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, diags := scenarios.Parse(path, src)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	s, diags := f.Resolve(&cat.Catalog)
	if diags.HasErrors() { // warnings are the scenarios package's to test (the batch option's cached_prompt has one)
		t.Fatal(diags)
	}
	res, err := model.Evaluate(s, cat.Catalog)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func within(t *testing.T, what string, got, want float64) {
	t.Helper()
	if math.Abs(got-want) > 1e-12*math.Max(1, math.Abs(want)) {
		t.Errorf("%s = %.15g, want %.15g", what, got, want)
	}
}

// derived checks that the option explains a figure and returns its value.
func derived(t *testing.T, o *model.OptionResult, figure string) float64 {
	t.Helper()
	d, ok := o.Derivation(figure)
	if !ok {
		t.Errorf("%s: no derivation of %s", o.Name, figure)
	}
	return d.Result
}

// TestQLoRALlama8BOn24GB is the first case: QLoRA of Llama-3.1-8B
// (config.json: vocab 128,256, untied) on one 24 GB GPU, served in nf4.
func TestQLoRALlama8BOn24GB(t *testing.T) {
	res := loadV2(t, "qlora-8b-24gb.toml")
	o := &res.Options[0]
	tr := o.Training
	// §3: Pemb = 128,256 · 4,096 · 2 = 1,050,673,152. F3: T = 41,943,040 (dense, r 16, all-linear).
	pemb := 128256.0 * 4096 * 2
	// F7 qlora: S = 0.515875 · (8.03e9 − Pemb) + 2 · Pemb + 16 · T = 6,372,895,181.712 B.
	states := 0.515875*(8.03e9-pemb) + 2*pemb + 16*41943040
	within(t, "states_gb", derived(t, o, "training.states_gb"), states/1e9)
	// a = 2 · (4·4096 + 2·4096 + 2·1024 + 4·14336) = 167,936;
	// checkpointing: A = 4096 · (32·2·4096 + 167,936) = 1,761,607,680 B.
	within(t, "activation bytes", derived(t, o, "training.activation_bytes"), 167936)
	act := 4096 * (32*2*4096 + 167936.0)
	within(t, "activations_gb", derived(t, o, "training.activations_gb"), act/1e9)
	// zero3: gmin = ceil(S / (24e9 − A − 1e9)) = ceil(0.30006…) = 1; per GPU S + A + O = 9,134,502,861.712 B:
	// it fits one 24 GB GPU.
	within(t, "min gpus", tr.MinGPUs, 1)
	within(t, "memory per gpu", tr.MemoryPerGPUGB, (states+act+1e9)/1e9)
	within(t, "memory", tr.MemoryGB, (states+act+1e9)/1e9)
	// F6: (4 · 8.03e9 + 6 · T + 2 · 8.03e9) · 3e7 = 48,431,658,240 · 3e7 = 1.4529497472e18.
	flops := (4*8.03e9 + 6*41943040 + 2*8.03e9) * 3e7
	within(t, "flops", tr.FLOPs, flops)
	// F9 (v3's qlora mfu 0.36, bf16 peak 165): h = 1.4529…e18 / (165e12 · 0.36) / 1 / 3600 + 0.25
	// = 7.0446… h → billed 8 h → F10: 8 · 0.5 = 4 (v2, at mfu 0.25: 10.03 h, 5.5).
	within(t, "hours", tr.Hours, flops/(165e12*0.36)/3600+0.25)
	within(t, "cost", tr.Cost, 4)

	// F20 nf4: W0 = (N − Pemb) · 0.515875 + Pemb · 2 = 5,701,806,541.712 B;
	// need = W0 + 16 · 700 · 131,072 = 7,169,812,941.712 B ≤ 0.9 · 24e9: 1 GPU.
	w0 := (8.03e9-pemb)*0.515875 + 2*pemb
	sv := o.Serving
	within(t, "weights", sv.WeightsGB, w0/1e9)
	within(t, "serving memory", sv.MemoryGB, (w0+16*700*131072)/1e9)
	within(t, "replica gpus", sv.ReplicaGPUs, 1)
	// F21 nf4: eb = 0.40 → BW = 1000e9 · 0.4 = 4e11; FL = 165e12 · 0.5; FP = 165e12 · 0.6.
	// step = max((W0 + 16·600·131,072)/4e11, 2·8.03e9·16/8.25e13) + 0.001
	// = max(0.0174002…, 0.0031146…) + 0.001 = 0.0184002…; prefill = 2·8.03e9·500/9.9e13 = 0.081111…
	within(t, "bandwidth GB/s", derived(t, o, "serving.bandwidth"), 400)
	step := (w0+16*600*131072)/4e11 + 0.001
	prefill := 2 * 8.03e9 * 500 / (165e12 * 0.6)
	within(t, "step", derived(t, o, "serving.step_seconds"), step)
	within(t, "busy", sv.BusySeconds, prefill+200*step/16)
	// latency = 0.008 + prefill + 200 · step = 3.769… s.
	within(t, "latency", o.LatencyMs, (0.008+prefill+200*step)*1000)
}

// TestMoEFineTuneQwen3_30B is the second case: a LoRA fine-tune of
// Qwen3-30B-A3B (config.json) in fp8 on 8 H100s, served with
// tensor_parallel = 2 and an fp8 KV cache.
func TestMoEFineTuneQwen3_30B(t *testing.T) {
	res := loadV2(t, "moe-qwen3-30b.toml")
	o := &res.Options[0]
	tr := o.Training
	// §3: Nact = 3.3e9. F3 all-linear on a MoE adapts q, k, v, o and each routed expert's gate, up, down:
	// per layer r·[(2048+4096) + 2·(2048+512) + (4096+2048)] = 16·17,408 plus 128·3·16·(2048+768) = 16·1,081,344;
	// T = 48 · 16 · 1,098,752 = 843,841,536; Tact (E → k = 8): 48 · 16 · (17,408 + 8·3·2,816) = 65,273,856.
	within(t, "T", tr.TrainableParams, 843841536)
	within(t, "Nact", derived(t, o, "training.active_params"), 3.3e9)
	within(t, "Tact", derived(t, o, "training.active_trainable_params"), 65273856)
	// F6 with checkpointing: (4 · 3.3e9 + 6 · 65,273,856 + 2 · 3.3e9) · 3e7 = 20,191,643,136 · 3e7.
	flops := (4*3.3e9 + 6*65273856 + 2*3.3e9) * 3e7
	within(t, "flops", tr.FLOPs, flops)
	// F7 lora: S = 2 · 30.5e9 + 16 · 843,841,536 = 74,501,464,576 B.
	// a = 2 · (4·2048 + 2·4096 + 2·512 + 4 · 8·768) = 83,968 (Imlp = k · expert_intermediate);
	// A = 4096 · (48·2·2048 + 83,968) = 1,149,239,296 B.
	states, act := 74501464576.0, 4096*(48*2*2048+83968.0)
	within(t, "activation bytes", derived(t, o, "training.activation_bytes"), 83968)
	// zero3: gmin = ceil(S / (85.5e9 − A − 1e9)) = ceil(0.8938…) = 1; the offer has 8 → 8 GPUs.
	within(t, "min gpus", tr.MinGPUs, 1)
	within(t, "gpus", tr.GPUs, 8)
	// §8: per GPU S/8 + A + O = 11,461,922,368 B; whole run S + 8 · (A + O) = 91,695,378,944 B.
	within(t, "memory per gpu", tr.MemoryPerGPUGB, (states/8+act+1e9)/1e9)
	within(t, "memory", tr.MemoryGB, (states+8*(act+1e9))/1e9)
	// F9 fp8 with F4a: peak = 0.8 · 1979 = 1583.2; the file writes no mfu, so the mixture-of-experts
	// factor applies to lora's 0.45: mfu′ = 0.45 · 768 / (768 + 4000) = 0.072483…;
	// h = flops / (1583.2e12 · mfu′) / 8 / 3600 + 0.25 = 0.4333… h → billed 1 h → 24.
	mfu := 0.45 * 768 / (768 + 4000.0)
	within(t, "mfu′", derived(t, o, "training.mfu"), mfu)
	within(t, "hours", tr.Hours, flops/(0.8*1979e12*mfu)/8/3600+0.25)
	within(t, "cost", tr.Cost, 24)

	// F20 bf16: W0 = 2 · 30.5e9 = 61e9; F2 fp8: kv = 2 · 48 · 4 · 128 · 1 = 49,152 B;
	// need = 61e9 + 16 · 700 · 49,152 = 61,550,502,400 B; tensor_parallel = 2 holds it (2 · 85.5e9 · 0.9).
	sv := o.Serving
	within(t, "kv", derived(t, o, "serving.kv_bytes"), 49152)
	within(t, "need", sv.MemoryGB, 61.5505024)
	within(t, "replica gpus", sv.ReplicaGPUs, 2)
	// F21: Pexp = (30.5e9 − 3.3e9) · 128/120 = 29,013,333,333.3…; Pshared = 1,486,666,666.6…;
	// coverage = 1 − (1 − 8/128)^16 = 0.64392…; Wr = 61e9 · (Pshared + Pexp · coverage) / 30.5e9.
	pexp := (30.5e9 - 3.3e9) * 128 / 120
	cov := 1 - math.Pow(1-8.0/128, 16)
	wr := 61e9 * ((30.5e9 - pexp) + pexp*cov) / 30.5e9
	within(t, "weights read", derived(t, o, "serving.weights_read_gb"), wr/1e9)
	// BW = 2 · 3350e9 · 0.75; FL = 2 · 989e12 · 0.5; FP = 2 · 989e12 · 0.6 (bf16 weights: bf16 peak);
	// two GPUs per replica: tp = 48 layers · 0.00001 = 0.00048 s per forward pass.
	// step = max((Wr + 16 · 600 · 49,152) / BW, 2 · 3.3e9 · 16 / FL) + 0.001 + tp = 0.00960…;
	// prefill = 2 · 3.3e9 · 500 / FP + tp.
	step := math.Max((wr+16*600*49152)/(2*3350e9*0.75), 2*3.3e9*16/(2*989e12*0.5)) + 0.001 + 0.00048
	prefill := 2*3.3e9*500/(2*989e12*0.6) + 0.00048
	within(t, "busy", sv.BusySeconds, prefill+200*step/16)
	within(t, "latency", o.LatencyMs, (0.008+prefill+200*step)*1000)

	// F19 batch tier: every input token at 1, every output token at 4 (the cached rate
	// does not apply): (1500 · 1 + 200 · 4) / 1e6 = 0.0023 → 230 a month; no latency.
	b := &res.Options[1]
	within(t, "batch inference", b.Months()[0].Inference, 230)
	if b.HasLatency {
		t.Error("a batch-tier option has no latency")
	}
}
