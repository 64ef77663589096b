package model

import "testing"

// Published facts the formulas must reproduce.

func TestLoRAParamsLlama3_8B(t *testing.T) {
	// PEFT's print_trainable_parameters for Llama-3-8B, r=16, all linear layers:
	// "trainable params: 41,943,040". Per layer: q 16·(4096+4096) + k, v 16·(4096+1024) each
	// + o 16·(4096+4096) + gate, up, down 16·(4096+14336) each = 1,310,720; · 32 layers.
	m := OpenModel{ParamsB: 8.03, Layers: 32, Hidden: 4096, Intermediate: 14336, Heads: 32, KVHeads: 8, HeadDim: 128}
	tp, tact := loraParams(m, "lora", "all-linear", 16)
	near(t, "T", tp, 41943040)
	near(t, "Tact (dense: T)", tact, 41943040)
}

func TestLoRAParamsGPT3PaperTable5(t *testing.T) {
	// LoRA paper (arXiv 2106.09685) Table 5: GPT-3 175B with an 18M budget adapts
	// Wq, Wk, Wv, Wo at r = 2: 96 layers · 4 · 2 · (12288 + 12288) = 18,874,368 ≈ 18M.
	gpt3 := OpenModel{ParamsB: 175, Layers: 96, Hidden: 12288, Intermediate: 49152, Heads: 96, KVHeads: 96}
	tp, _ := loraParams(gpt3, "lora", "attention", 2)
	near(t, "T", tp, 18874368)
}

func TestBytesPerParamF4(t *testing.T) {
	// QLoRA (arXiv 2305.14314) §3: NF4 with double quantisation is 4.127 bits per parameter.
	near(t, "nf4", bytesPerParam("nf4"), 0.515875)
	near(t, "bf16", bytesPerParam("bf16"), 2)
	near(t, "int8", bytesPerParam("int8"), 1)
	near(t, "int4", bytesPerParam("int4"), 0.5)
	near(t, "fp8", bytesPerParam("fp8"), 1)
}

func TestFullFineTuneSixteenBytesPerParamF7(t *testing.T) {
	// ZeRO (arXiv 1910.02054) §3.1: mixed-precision Adam keeps 16 bytes per parameter.
	near(t, "full states", trainingStates("full", 1e9, 0, 1e9, 16), 16e9)
	// QLoRA: a 65B model's NF4 weights are 65e9 · 0.515875 = 33.5 GB, within one 48 GB GPU
	// (counting every weight as 4-bit, Pemb = 0).
	near(t, "qlora 65B weights", trainingStates("qlora", 65e9, 0, 0, 16), 33531875000)
	// v2 keeps the embeddings and the head in 16 bits: LLaMA-65B's vocab 32,000 · hidden 8,192 · 2
	// (untied) = 524,288,000 embedding parameters → (65e9 − 524,288,000)·0.515875 + 2·524,288,000
	// = 33,261,411,423.2 + 1,048,576,000 = 34,309,987,423.2 B.
	near(t, "qlora 65B with 16-bit embeddings", trainingStates("qlora", 65e9, 524288000, 0, 16), (65e9-524288000)*0.515875+2*524288000)
}

func TestKVCacheF2(t *testing.T) {
	// Llama-3-8B: 2 · 32 layers · 8 KV heads · 128 · 2 bytes = 131,072 bytes per token.
	m := OpenModel{Layers: 32, Hidden: 4096, Heads: 32, KVHeads: 8}
	near(t, "kv", kvBytesPerToken(m, "bf16"), 131072)
	// An fp8 cache stores one byte per value: half.
	near(t, "kv fp8", kvBytesPerToken(m, "fp8"), 65536)
}
