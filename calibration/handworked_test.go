package calibration

import (
	"math"
	"path/filepath"
	"testing"
)

// TestHandWorkedCases checks that the suite reads the engine's figures as
// MODEL.md defines them, on three cases worked out by hand from the pinned
// sheet (testdata/calibration/sheet.toml).
func TestHandWorkedCases(t *testing.T) {
	for _, tc := range []struct {
		id   string
		want float64
	}{
		// Llama-2-7B bf16 on one A100, batch 1, 5 in / 200 out (F21):
		// W = 6.74e9 · 2 = 13.48e9 bytes; kv = 2 · 32 layers · 4,096 · 2 = 524,288 bytes;
		// step = (W + 1 · (5 + 200/2) · kv) / (2,039e9 · 0.75) + 0.001 = 0.0098507 s.
		{"gptfast_l2_7b_bf16_a100", 1 / ((13.48e9+105*524288)/(2039e9*0.75) + 0.001)},
		// Llama-2-70B LoRA r16 on attention, FP8 on 8 H100, no checkpointing (F3, F6, F9):
		// T = 80 · 16 · ((8,192 + 8,192) + 2 · (8,192 + 1,024) + (8,192 + 8,192)) = 65,536,000;
		// D = 3,072 · 8,192 = 25,165,824; FLOPs = (4 · 68.98e9 + 6 · T) · D;
		// v3: peak = F4a's fp8_efficiency 0.8 · 1,979 and lora's mfu 0.45 (tensor parallelism as
		// sharding = "model", so F9a moves nothing): minutes = FLOPs / (0.8 · 1,979e12 · 0.45) / 8 GPUs / 60 = 20.33.
		{"mlperf40_nvidia_8xH100_fp8", (4*68.98e9 + 6*65536000) * 25165824 / (0.8 * 1979e12 * 0.45) / 8 / 60},
		// Llama-3.1-8B QLoRA r8 all-linear on one RTX 4090, checkpointing on (F3, F7):
		// Pemb = 128,256 · 4,096 · 2 = 1,050,673,152; T = 32 · 8 · (8,192 + 2 · 5,120 + 8,192 + 2 · 18,432 + 18,432) = 20,971,520;
		// S = 4.127/8 · (8.03e9 − Pemb) + 2 · Pemb + 16 · T;
		// a = 2 · (4 · 4,096 + 2 · 4,096 + 2 · 1,024 + 4 · 14,336) = 167,936;
		// A = 4,096 · (32 · 2 · 4,096 + a) = 1,761,607,680; O = 1e9; memory = (S + A + O) / 1e9 = 8.80 GB.
		{"torchtune_l31_8b_qlora_4090_mem", (4.127/8*(8.03e9-1050673152) + 2*1050673152 + 16*20971520 + 1761607680 + 1e9) / 1e9},
	} {
		c, err := loadCase(filepath.Join(casesDir, tc.id))
		if err != nil {
			t.Fatal(err)
		}
		o := run(c)
		if o.Err != nil {
			t.Errorf("%s: %v", tc.id, o.Err)
			continue
		}
		if math.Abs(o.Predicted-tc.want) > 1e-9*tc.want {
			t.Errorf("%s: predicted %.10g, worked out by hand %.10g", tc.id, o.Predicted, tc.want)
		}
	}
}

// TestHandWorkedBand checks a case's P10–P90 against §10 worked by hand:
// Llama-2-7B bf16 at batch 1 on one A100 only varies bandwidth_efficiency
// (bf16: P10 0.64, P90 0.89; prefill_efficiency does not touch decode), so
// the decode band is 1 / (W' / (2,039e9 · eb) + 0.001) at those two, with
// W' = 13.48e9 + 105 · 524,288 bytes (see TestHandWorkedCases):
// P10 = 1 / (13.535e9 / 1,304.96e9 + 0.001) = 87.9 tokens/s,
// P90 = 1 / (13.535e9 / 1,814.71e9 + 0.001) = 118.2 tokens/s.
// 1,000 samples place a percentile within about 1 % of the triangle's.
func TestHandWorkedBand(t *testing.T) {
	c, err := loadCase(filepath.Join(casesDir, "gptfast_l2_7b_bf16_a100"))
	if err != nil {
		t.Fatal(err)
	}
	o := run(c)
	if o.Err != nil || !o.Band.Known {
		t.Fatalf("no band: %v", o.Err)
	}
	w := 13.48e9 + 105*524288.0
	lo, hi := 1/(w/(2039e9*0.64)+0.001), 1/(w/(2039e9*0.89)+0.001)
	if math.Abs(o.Band.Low/lo-1) > 0.02 || math.Abs(o.Band.High/hi-1) > 0.02 {
		t.Errorf("band %.4g – %.4g, worked out by hand %.4g – %.4g", o.Band.Low, o.Band.High, lo, hi)
	}
	if !o.Covered() { // 104.9 published
		t.Errorf("published %g outside %.4g – %.4g", o.Published, o.Band.Low, o.Band.High)
	}
}
