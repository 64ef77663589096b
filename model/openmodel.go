package model

import "math"

// kvBytesPerToken is F2: kv = 2 · layers · kv_heads · head_dim · kvb (a key
// and a value per layer and KV head), kvb = 1 for an fp8 cache, else 2.
func kvBytesPerToken(m OpenModel, kvPrecision string) float64 {
	return 2 * float64(m.Layers) * float64(m.KVHeads) * m.HeadDimension() * kvBytes(kvPrecision)
}

// kvBytes is F2's kvb: bf16 2 (the default), fp8 1.
func kvBytes(kvPrecision string) float64 {
	if kvPrecision == "fp8" {
		return 1
	}
	return 2
}

// attentionDims returns qd = heads · head_dim and kvd = kv_heads · head_dim.
func attentionDims(m OpenModel) (qd, kvd float64) {
	hd := m.HeadDimension()
	return float64(m.Heads) * hd, float64(m.KVHeads) * hd
}

// loraParams is F3: T = layers · Σ r · (d_in + d_out) over the adapted
// matrices, and Tact, the adapter parameters one token uses. "attention"
// adapts q, k, v, o; "all-linear" also the MLP: gate, up, down of a dense
// model, or of each of E routed experts of a mixture of experts, of which a
// token uses k (Tact: E replaced by k). Full fine-tuning trains every
// parameter: T = N, Tact = Nact.
func loraParams(m OpenModel, method, targets string, rank float64) (t, tact float64) {
	if method == "full" {
		return m.Params(), m.ActiveParams()
	}
	hidden := float64(m.Hidden)
	qd, kvd := attentionDims(m)
	attn := (hidden + qd) + // q
		(hidden + kvd) + // k
		(hidden + kvd) + // v
		(qd + hidden) // o
	mlp, mlpActive := 0.0, 0.0
	switch {
	case targets == "attention":
	case m.MoE():
		perExpert := 3 * (hidden + float64(m.ExpertIntermediate)) // gate, up, down
		mlp, mlpActive = float64(m.Experts)*perExpert, float64(m.ExpertsPerToken)*perExpert
	default:
		mlp = 3 * (hidden + float64(m.Intermediate)) // gate, up, down
		mlpActive = mlp
	}
	layers := float64(m.Layers)
	return layers * rank * (attn + mlp), layers * rank * (attn + mlpActive)
}

// bytesPerParam is F4: bf16 2, fp8 1, int8 1, int4 0.5, nf4 4.127/8
// (QLoRA's NF4 with double-quantised constants).
func bytesPerParam(precision string) float64 {
	switch precision {
	case "fp8", "int8":
		return 1
	case "int4":
		return 0.5
	case "nf4":
		return nf4Bytes
	}
	return 2
}

// nf4Bytes is 4.127 bits per parameter (QLoRA §3) in bytes.
const nf4Bytes = 4.127 / 8

// baseWeightBytes is F20's W0: N · 2 in bf16; quantised, the embeddings and
// the output head stay in 16 bits: (N − Pemb) · bytes + Pemb · 2.
func baseWeightBytes(m OpenModel, precision string) float64 {
	n := m.Params()
	if precision == "bf16" || precision == "" {
		return n * 2
	}
	pemb := m.EmbeddingParams()
	return (n-pemb)*bytesPerParam(precision) + pemb*2
}

// mlpWidth is F7's Imlp: intermediate for a dense model, k ·
// expert_intermediate for a mixture of experts (the experts a token visits).
func mlpWidth(m OpenModel) float64 {
	if m.MoE() {
		return float64(m.ExpertsPerToken) * float64(m.ExpertIntermediate)
	}
	return float64(m.Intermediate)
}

// activationBytes is F7's a, the activation bytes one token keeps per layer
// in 16 bits: 2 · (4·hidden + 2·qd + 2·kvd + 4·Imlp).
func activationBytes(m OpenModel) float64 {
	qd, kvd := attentionDims(m)
	return 2 * (4*float64(m.Hidden) + 2*qd + 2*kvd + 4*mlpWidth(m))
}

// expertCoverage is the share of routed-expert weights a decode step of
// batch sequences reads (F21): 1 − (1 − k/E)^batch, the chance that at
// least one sequence routes to a given expert.
func expertCoverage(m OpenModel, batch float64) float64 {
	if !m.MoE() {
		return 1
	}
	return 1 - math.Pow(1-float64(m.ExpertsPerToken)/float64(m.Experts), batch)
}

// bandwidthEfficiency is F21's eb by serve_precision: dequantising
// kernels reach less of the peak bandwidth.
func bandwidthEfficiency(precision string) float64 {
	switch precision {
	case "fp8", "int8":
		return 0.65
	case "int4":
		return 0.45
	case "nf4":
		return 0.40
	}
	return 0.75
}
