package model

import (
	"fmt"
	"math"
)

// servedTokens returns in and out, the tokens per query that the serving
// model sees: F14 for RAG, F17 for prompt options (overhead included), plain
// input_tokens for fine-tunes; out = output_tokens.
func servedTokens(s *Scenario, o *Option) (in, out float64) {
	in = s.Workload.InputTokens
	if o.Kind.Retrieves() {
		in += o.TopK * o.ChunkTokens // F14
	}
	if o.Kind.PromptOverhead() {
		in += o.PromptOverheadTokens // F17
	}
	return in, s.Workload.OutputTokens
}

// retrievalSeconds is the latency retrieval adds to a query.
func retrievalSeconds(o *Option) float64 {
	if o.Kind.Retrieves() {
		return o.RetrievalLatencyMs / 1000
	}
	return 0
}

// servingCosts fills the inference (and hosting) costs of any option.
func servingCosts(s *Scenario, o *Option, cat *Catalog, r *OptionResult, c *costs, t *tracer) error {
	var buf APIModel
	if api, ok := cat.apiModelAt(o.ServingModelID(), &buf); ok {
		apiServing(s, o, api, r, c, t)
		return nil
	}
	return selfHostedServing(s, o, cat, r, c, t)
}

// apiServing is F19: per-query price, managed fine-tune hosting and latency.
func apiServing(s *Scenario, o *Option, api *APIModel, r *OptionResult, c *costs, t *tracer) {
	in, out := servedTokens(s, o)
	tuned := o.Kind.TunedAPIRates()
	pIn, pOut := api.InputPerMtok, api.OutputPerMtok
	if tuned {
		pIn, pOut = api.FTInputPerMtok, api.FTOutputPerMtok
	}
	perQuery := (in*pIn + out*pOut) / 1e6
	expr := "(in · input_per_mtok + out · output_per_mtok) / 1e6"
	terms := []Term{tokens("in", in), tokens("out", out), money("input_per_mtok", pIn), money("output_per_mtok", pOut)}
	var cached [6]Term // F17's terms, on this stack
	if o.Kind.PromptOverhead() && o.CachedPrompt && api.HasCached() {
		// F17: the overhead tokens are priced at the cached rate.
		perQuery, expr, cached = cachedPromptQuery(s, o, out, rate{"input_per_mtok", pIn}, rate{"cached_input_per_mtok", api.CachedInputPerMtok}, rate{"output_per_mtok", pOut},
			"(input_tokens · input_per_mtok + prompt_overhead_tokens · cached_input_per_mtok + out · output_per_mtok) / 1e6")
		terms = cached[:]
	}
	if tuned {
		expr = "(in · ft_input_per_mtok + out · ft_output_per_mtok) / 1e6"
		terms[2].Name, terms[3].Name = "ft_input_per_mtok", "ft_output_per_mtok"
	}
	batchTier := o.APITier == "batch" && !tuned
	if batchTier {
		// F19's batch tier: every input token at the batch rate (no cached
		// rate unless the sheet gives batch_cached_input_per_mtok).
		pIn, pOut = api.BatchInputPerMtok, api.BatchOutputPerMtok
		perQuery = (in*pIn + out*pOut) / 1e6
		expr = "(in · batch_input_per_mtok + out · batch_output_per_mtok) / 1e6 (batch tier)"
		terms = []Term{tokens("in", in), tokens("out", out), money("batch_input_per_mtok", pIn), money("batch_output_per_mtok", pOut)}
		if o.Kind.PromptOverhead() && o.CachedPrompt && api.HasBatchCached() {
			// F17 inside F19's batch tier, where the sheet prices cache reads there.
			perQuery, expr, cached = cachedPromptQuery(s, o, out, rate{"batch_input_per_mtok", pIn}, rate{"batch_cached_input_per_mtok", api.BatchCachedInputPerMtok},
				rate{"batch_output_per_mtok", pOut},
				"(input_tokens · batch_input_per_mtok + prompt_overhead_tokens · batch_cached_input_per_mtok + out · batch_output_per_mtok) / 1e6 (batch tier, cached prompt)")
			terms = cached[:]
		}
	}
	if longContext(o, api, in) {
		perQuery, expr, terms = longContextQuery(s, o, api, in, out, batchTier)
	}
	if t != nil {
		t.add("inference.per_query", "API price of one query", "F19", expr, UnitMoney, perQuery, terms...)
	}
	c.apiPerQuery = perQuery
	if tuned {
		managedHosting(o, api, c, t)
	}
	if api.HasLatency() && !batchTier { // a batch job returns within hours: no latency
		r.HasLatency = true
		r.LatencyMs = api.TTFTms + out/api.OutputTokensPerS*1000 + retrievalSeconds(o)*1000
		if t != nil {
			t.add("latency", "latency of one query", "F19", "ttft_ms + out / output_tokens_per_s · 1000 (+ retrieval_latency_ms)", UnitMs, r.LatencyMs,
				Term{Name: "ttft_ms", Value: api.TTFTms, Unit: UnitMs}, tokens("out", out), count("output_tokens_per_s", api.OutputTokensPerS),
				Term{Name: "retrieval_latency_ms", Value: retrievalSeconds(o) * 1000, Unit: UnitMs})
		}
	}
}

// unmergedAdapters reports whether an option serves its adapters unmerged.
func unmergedAdapters(o *Option) bool {
	return o.Kind.Adapters() && o.Method != "full" && !o.Merged
}

// selfHostedServing is F20–F22 for an open model on serve_offer.
func selfHostedServing(s *Scenario, o *Option, cat *Catalog, r *OptionResult, c *costs, t *tracer) error {
	m := cat.openModel(o.ServingModelID())
	off := cat.offer(o.ServeOffer)
	gpu := cat.gpu(off.GPU)
	hourly, ok := off.Hourly(Pricing(o.ServePricing))
	if !ok {
		return inputErr(o.Name, "serve_pricing", "offer %q has no %s price", off.ID, o.ServePricing)
	}
	in, out := servedTokens(s, o)
	n, nact := m.Params(), m.ActiveParams()
	kv := kvBytesPerToken(m, o.KVPrecision) // F2
	unmerged := unmergedAdapters(o)
	if t != nil {
		t.add("serving.kv_bytes", "KV-cache bytes per token", "F2", "2 · layers · kv_heads · head_dim · kvb", UnitBytes, kv,
			count("layers", float64(m.Layers)), count("kv_heads", float64(m.KVHeads)), count("head_dim", m.HeadDimension()),
			Term{Name: "kvb", Value: kvBytes(o.KVPrecision), Unit: UnitBytes})
	}

	// F20: memory of one replica and the GPUs it needs.
	precision := o.ServePrecision
	w0 := baseWeightBytes(m, precision)
	w := w0
	if unmerged {
		tp, _ := loraParams(m, o.Method, o.LoraTargets, o.LoraRank)
		w += o.Adapters * tp * 2
	}
	traceWeights(o, m, precision, w0, w, t)
	need := w + o.Batch*(in+out)*kv
	rg, err := chooseReplicaGPUs(o, need, w, gpu, off)
	if err != nil {
		return err
	}
	if t != nil {
		t.add("serving.memory_gb", "serving memory per replica", "F20", "W + batch · (in + out) · kv", UnitGB, need/1e9,
			gbOf("W", w), count("batch", o.Batch), tokens("in", in), tokens("out", out),
			Term{Name: "kv", Value: kv, Unit: UnitBytes})
	}
	rgExpr := "smallest of 1, 2, 4, 8 with gpus · memory_gb · 0.9 ≥ need"
	if o.TensorParallel > 0 {
		rgExpr = "tensor_parallel (it fits: gpus · memory_gb · 0.9 ≥ need)"
	}
	if t != nil {
		t.add("serving.replica_gpus", "GPUs per replica", "F20", rgExpr, UnitGPUs, rg,
			gbOf("need", need), gb("memory_gb", gpu.MemoryGB), count("offer.gpus", float64(off.GPUs)), count("tensor_parallel", o.TensorParallel))
	}

	// F21: busy seconds per query and latency.
	eb, pe := o.BandwidthEfficiency, o.PrefillEfficiency
	bw := rg * gpu.BandwidthGBs * 1e9 * eb
	peak, peakName := gpu.BF16TFLOPS, "bf16_tflops"
	if precision == "fp8" {
		peak, peakName = fp8Peak(o, gpu), "fp8_efficiency · fp8_tflops" // F4a
		if t != nil {
			t.add("serving.peak_tflops", "FP8 compute peak serving reaches", "F4a", "fp8_efficiency · fp8_tflops", UnitTFLOPs, peak,
				count("fp8_efficiency", o.FP8Efficiency), count("fp8_tflops", gpu.FP8TFLOPS))
		}
	}
	fl := rg * peak * 1e12 * 0.5
	fp := rg * peak * 1e12 * pe
	tpLatency := tensorParallelSeconds(m, rg)
	if t != nil { // its strings are built even when nothing is traced
		t.add("serving.bandwidth", "memory bandwidth one replica reaches (BW)", "F21", "replica_gpus · bandwidth_gbs · bandwidth_efficiency", UnitGBs, bw/1e9,
			count("replica_gpus", rg), count("bandwidth_gbs", gpu.BandwidthGBs), count("bandwidth_efficiency ("+precisionName(precision)+")", eb))
		if rg > 1 {
			t.add("serving.tp_seconds", "tensor-parallel latency per forward pass (tp)", "F21", "layers · 0.00001 (two all-reduces per layer of about 5 µs)", UnitSeconds, tpLatency,
				count("layers", float64(m.Layers)), count("replica_gpus", rg))
		}
	}
	wr := weightsRead(m, w0, w, o.Batch)
	if m.MoE() {
		cov := expertCoverage(m, o.Batch)
		if t != nil {
			t.add("serving.weights_read_gb", "weights read per decode step (Wr)", "F21",
				"W0 · (Pshared + Pexp · (1 − (1 − k/E)^batch)) / N + (W − W0)", UnitGB, wr/1e9,
				gbOf("W0", w0), Term{Name: "Pshared", Value: m.SharedParams(), Unit: UnitParams}, Term{Name: "Pexp", Value: m.ExpertParams(), Unit: UnitParams},
				count("expert coverage 1 − (1 − k/E)^batch", cov), count("k", float64(m.ExpertsPerToken)), count("E", float64(m.Experts)),
				count("batch", o.Batch), Term{Name: "N", Value: n, Unit: UnitParams}, gbOf("W", w))
		}
	}
	step := math.Max((wr+o.Batch*(in+out/2)*kv)/bw, 2*nact*o.Batch/fl) + decodeStepOverhead + tpLatency
	if t != nil { // its strings are built even when nothing is traced
		t.add("serving.step_seconds", "seconds per decode step", "F21",
			"max((Wr + batch · (in + out/2) · kv) / BW, 2 · Nact · batch / FL) + 0.001"+tpTerm(rg), UnitSeconds, step,
			gbOf("Wr", wr), count("batch", o.Batch), tokens("in", in), tokens("out", out), Term{Name: "kv", Value: kv, Unit: UnitBytes},
			Term{Name: "BW", Value: bw / 1e9, Unit: UnitGBs}, Term{Name: "Nact", Value: nact, Unit: UnitParams},
			Term{Name: "FL = replica_gpus · " + peakName + " · 0.5", Value: fl / 1e12, Unit: UnitTFLOPs}, Term{Name: "tp", Value: tpLatency, Unit: UnitSeconds})
	}
	prefill := 2*nact*in/fp + tpLatency
	if t != nil { // its strings are built even when nothing is traced
		t.add("serving.prefill_seconds", "prefill seconds per query", "F21", "2 · Nact · in / FP"+tpTerm(rg), UnitSeconds, prefill,
			Term{Name: "Nact", Value: nact, Unit: UnitParams}, tokens("in", in), Term{Name: "FP = replica_gpus · " + peakName + " · prefill_efficiency", Value: fp / 1e12, Unit: UnitTFLOPs},
			count("prefill_efficiency", pe), Term{Name: "tp", Value: tpLatency, Unit: UnitSeconds})
	}
	busy := prefill + out*step/o.Batch
	latency := prefill + out*step + retrievalSeconds(o)
	if unmerged {
		busy *= 1 + o.UnmergedOverhead
		latency *= 1 + o.UnmergedOverhead
	}
	latency += requestOverhead
	if t != nil {
		t.add("serving.busy_seconds", "replica-seconds per query", "F21", busyExpr(unmerged), UnitSeconds, busy,
			Term{Name: "prefill", Value: prefill, Unit: UnitSeconds}, tokens("out", out), Term{Name: "step", Value: step, Unit: UnitSeconds},
			count("batch", o.Batch), count("unmerged_overhead", overheadIf(unmerged, o.UnmergedOverhead)))
	}
	r.HasLatency, r.LatencyMs = true, latency*1000
	if t != nil {
		t.add("latency", "latency of one query", "F21", latencyExpr(unmerged), UnitMs, r.LatencyMs,
			Term{Name: "prefill", Value: prefill, Unit: UnitSeconds}, tokens("out", out), Term{Name: "step", Value: step, Unit: UnitSeconds},
			Term{Name: "retrieval_latency_ms", Value: retrievalSeconds(o) * 1000, Unit: UnitMs}, count("unmerged_overhead", overheadIf(unmerged, o.UnmergedOverhead)))
	}

	// F22: deployments, replicas and instances per month.
	deployments := 1.0
	if o.Kind.Adapters() && !unmerged && o.Adapters > 1 {
		deployments = o.Adapters
	}
	perInstance := math.Floor(float64(off.GPUs) / rg)
	wl := s.Workload
	util, minReplicas := o.Utilization, o.MinReplicas
	c.selfHosted = true
	c.fleet = fleetParams{deployments: deployments, minReplicas: minReplicas, peakToAverage: wl.PeakToAverage,
		busy: busy, utilization: util, perInstance: perInstance, hourly: hourly}
	c.serving = Serving{ReplicaGPUs: rg, MemoryGB: need / 1e9, WeightsGB: w / 1e9, BusySeconds: busy, Deployments: deployments, Unmerged: unmerged,
		StepSeconds: step, PrefillSeconds: prefill, OutputTokens: out}
	r.Serving = &c.serving
	if t != nil { // month 1's fleet, as a derivation shows it
		q0 := wl.QueriesPerMonth / deployments
		rep0 := math.Max(minReplicas, ceil(wl.PeakToAverage*q0/(HoursPerMonth*3600)*busy/util))
		t.add("serving.replicas", "replicas per deployment in month 1", "F22",
			"max(min_replicas, ceil(peak_to_average · q / (730 · 3600) · s / utilization))", UnitCount, rep0,
			count("min_replicas", minReplicas), count("peak_to_average", wl.PeakToAverage), Term{Name: "q", Value: q0, Unit: UnitQueries},
			Term{Name: "s", Value: busy, Unit: UnitSeconds}, count("utilization", util))
		cost0, inst0 := c.fleet.inference(wl.QueriesPerMonth)
		t.add("inference", "serving cost in month 1", "F22", "deployments · ceil(replicas / floor(offer.gpus / replica_gpus)) · hourly · 730", UnitMoney, cost0,
			count("deployments", deployments), count("replicas", rep0), count("offer.gpus", float64(off.GPUs)), count("replica_gpus", rg),
			money("hourly", hourly), count("instances", inst0))
	}
	return nil
}

// F21's fixed costs: a millisecond of launch and scheduling per decode
// step, and 8 ms per request (tokenising, scheduling, first launch).
const (
	decodeStepOverhead = 0.001
	requestOverhead    = 0.008
)

// tensorParallelSeconds is F21's tp: 10 µs per layer per forward pass when a
// replica spans GPUs (two all-reduces per layer of about 5 µs), else 0.
func tensorParallelSeconds(m OpenModel, replicaGPUs float64) float64 {
	if replicaGPUs <= 1 {
		return 0
	}
	return float64(m.Layers) * 0.00001
}

func tpTerm(replicaGPUs float64) string {
	if replicaGPUs > 1 {
		return " + tp"
	}
	return ""
}

// chooseReplicaGPUs is F20's replica size: tensor_parallel when set (it
// must fit in the offer and hold need), else the smallest of 1, 2, 4, 8.
func chooseReplicaGPUs(o *Option, need, w float64, gpu GPU, off Offer) (float64, error) {
	if tp := o.TensorParallel; tp > 0 {
		if tp > float64(off.GPUs) || tp*gpu.MemoryGB*1e9*0.9 < need {
			fit := replicaGPUs(need, gpu.MemoryGB, off.GPUs)
			alt := "no degree of offer " + quote(off.ID) + " fits: a GPU with more memory, a smaller batch or a lower serve_precision"
			if fit > 0 {
				alt = fmt.Sprintf("the fewest that fit are %g (or tensor_parallel = 0)", fit)
			}
			if tp > float64(off.GPUs) {
				return 0, inputErr(o.Name, "tensor_parallel", "%g is more than the %d GPUs of offer %q; %s", tp, off.GPUs, off.ID, alt)
			}
			return 0, inputErr(o.Name, "tensor_parallel", "a replica needs %.1f GB (weights %.1f GB + KV cache for batch %g), more than 90 %% of %s × %g GB; %s",
				need/1e9, w/1e9, o.Batch, gpuCount(tp), gpu.MemoryGB, alt)
		}
		return tp, nil
	}
	rg := replicaGPUs(need, gpu.MemoryGB, off.GPUs)
	if rg == 0 {
		return 0, inputErr(o.Name, "serve_offer", "a replica needs %.1f GB (weights %.1f GB + KV cache for batch %g), more than 90 %% of up to %d × %g GB GPUs that offer %q has",
			need/1e9, w/1e9, o.Batch, min(off.GPUs, 8), gpu.MemoryGB, off.ID)
	}
	return rg, nil
}

// replicaGPUs is F20's choice: the smallest of 1, 2, 4, 8 GPUs whose memory
// (90 % usable) holds need, within the offer's GPUs; 0 when none does.
func replicaGPUs(need, memoryGB float64, offerGPUs int) float64 {
	for _, g := range []int{1, 2, 4, 8} {
		if g > offerGPUs {
			break
		}
		if float64(g)*memoryGB*1e9*0.9 >= need {
			return float64(g)
		}
	}
	return 0
}

// weightsRead is F21's Wr: every weight for a dense model; for a mixture
// of experts the shared weights and the experts the batch touches, plus
// any unmerged adapters (W − W0), which are all read.
func weightsRead(m OpenModel, w0, w, batch float64) float64 {
	if !m.MoE() {
		return w
	}
	return w0*(m.SharedParams()+m.ExpertParams()*expertCoverage(m, batch))/m.Params() + (w - w0)
}

// traceWeights records F20's W0 and W.
func traceWeights(o *Option, m OpenModel, precision string, w0, w float64, t *tracer) {
	if t == nil {
		return
	}
	expr := "N · 2 (bf16)"
	if precision != "bf16" && precision != "" {
		expr = "(N − Pemb) · bytes(" + precision + ") + Pemb · 2 (embeddings and head stay 16-bit)"
	}
	if w != w0 {
		expr += " + adapters · T · 2 (unmerged)"
	}
	if w == w0 {
		t.add("serving.weights_gb", "weights of one replica (W)", "F20", expr, UnitGB, w/1e9,
			Term{Name: "N", Value: m.Params(), Unit: UnitParams}, Term{Name: "Pemb", Value: m.EmbeddingParams(), Unit: UnitParams},
			Term{Name: "bytes", Value: bytesPerParam(precision), Unit: UnitBytes})
		return
	}
	tp, _ := loraParams(m, o.Method, o.LoraTargets, o.LoraRank)
	t.add("serving.weights_gb", "weights of one replica (W)", "F20", expr, UnitGB, w/1e9,
		Term{Name: "N", Value: m.Params(), Unit: UnitParams}, Term{Name: "Pemb", Value: m.EmbeddingParams(), Unit: UnitParams},
		Term{Name: "bytes", Value: bytesPerParam(precision), Unit: UnitBytes}, gbOf("W0", w0), count("adapters", o.Adapters),
		Term{Name: "T", Value: tp, Unit: UnitParams})
}

func precisionName(p string) string {
	if p == "" {
		return "bf16"
	}
	return p
}

func gpuCount(n float64) string {
	if n == 1 {
		return "1 GPU"
	}
	return fmt.Sprintf("%g GPUs", n)
}

func quote(s string) string { return fmt.Sprintf("%q", s) }

func overheadIf(unmerged bool, v float64) float64 {
	if unmerged {
		return v
	}
	return 0
}

func busyExpr(unmerged bool) string {
	if unmerged {
		return "(prefill + out · step / batch) · (1 + unmerged_overhead)"
	}
	return "prefill + out · step / batch"
}

func latencyExpr(unmerged bool) string {
	if unmerged {
		return "0.008 + (prefill + out · step) · (1 + unmerged_overhead)"
	}
	return "0.008 + prefill + out · step (+ retrieval)"
}

// rate is a price per million tokens with its name in the sheet.
type rate struct {
	name string
	v    float64
}

// cachedPromptQuery is F17: a query's price when its prompt overhead is
// read from the provider's cache at the cached rate and the user's own
// input tokens at the input rate; expr is its formula in those rates' names
// (a constant at each caller: nothing is built per evaluation).
//
// Its terms come back as an array, which the caller keeps on its stack: a
// slice returned from here would be allocated in every evaluation.
func cachedPromptQuery(s *Scenario, o *Option, out float64, in, cached, output rate, expr string) (float64, string, [6]Term) {
	fresh := s.Workload.InputTokens
	perQuery := (fresh*in.v + o.PromptOverheadTokens*cached.v + out*output.v) / 1e6
	terms := [6]Term{tokens("input_tokens", fresh), tokens("prompt_overhead_tokens", o.PromptOverheadTokens), tokens("out", out),
		money(in.name, in.v), money(cached.name, cached.v), money(output.name, output.v)}
	return perQuery, expr, terms
}
