package model

// kvBytesPerToken is F2: kv = 2 · layers · kv_heads · head_dim · 2 (a bf16 cache
// holds a key and a value per layer and KV head).
func kvBytesPerToken(m OpenModel) float64 {
	return 2 * float64(m.Layers) * float64(m.KVHeads) * m.HeadDimension() * 2
}

// loraParams is F3: T = layers · Σ r · (d_in + d_out) over the adapted
// matrices; q, k, v, o for "attention", plus gate, up, down for "all-linear".
// Full fine-tuning trains every parameter: T = N.
func loraParams(m OpenModel, method, targets string, rank float64) float64 {
	if method == "full" {
		return m.Params()
	}
	hidden, hd := float64(m.Hidden), m.HeadDimension()
	qDim, kvDim := float64(m.Heads)*hd, float64(m.KVHeads)*hd
	perLayer := (hidden + qDim) + // q
		(hidden + kvDim) + // k
		(hidden + kvDim) + // v
		(qDim + hidden) // o
	if targets != "attention" {
		inter := float64(m.Intermediate)
		perLayer += 3 * (hidden + inter) // gate, up, down
	}
	return float64(m.Layers) * rank * perLayer
}

// bytesPerParam is F4: bf16 2, int8 1, int4 0.5, nf4 4.127/8 (QLoRA's NF4
// with double-quantised constants).
func bytesPerParam(precision string) float64 {
	switch precision {
	case "int8":
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
