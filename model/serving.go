package model

import "math"

// servedTokens returns in and out, the tokens per query that the serving
// model sees: F14 for RAG, F17 for prompt options (overhead included), plain
// input_tokens for fine-tunes; out = output_tokens.
func servedTokens(s *Scenario, o *Option) (in, out float64) {
	in = s.Workload.InputTokens
	switch o.Kind {
	case RAG:
		in += o.TopK * o.ChunkTokens // F14
	case Prompt:
		in += o.PromptOverheadTokens // F17
	}
	return in, s.Workload.OutputTokens
}

// retrievalSeconds is the latency retrieval adds to a RAG query.
func retrievalSeconds(o *Option) float64 {
	if o.Kind == RAG {
		return o.RetrievalLatencyMs / 1000
	}
	return 0
}

// servingCosts fills the inference (and hosting) costs of any option.
func servingCosts(s *Scenario, o *Option, cat *Catalog, r *OptionResult, c *costs, t *tracer) error {
	if api, ok := cat.APIModels[o.ServingModelID()]; ok {
		apiServing(s, o, api, r, c, t)
		return nil
	}
	return selfHostedServing(s, o, cat, r, c, t)
}

// apiServing is F19: per-query price, managed fine-tune hosting and latency.
func apiServing(s *Scenario, o *Option, api APIModel, r *OptionResult, c *costs, t *tracer) {
	in, out := servedTokens(s, o)
	pIn, pOut := api.InputPerMtok, api.OutputPerMtok
	if o.Kind == FineTune {
		pIn, pOut = api.FTInputPerMtok, api.FTOutputPerMtok
	}
	perQuery := (in*pIn + out*pOut) / 1e6
	expr := "(in · input_per_mtok + out · output_per_mtok) / 1e6"
	terms := []Term{tokens("in", in), tokens("out", out), money("input_per_mtok", pIn), money("output_per_mtok", pOut)}
	if o.Kind == Prompt && o.CachedPrompt && api.HasCached() {
		// F17: the overhead tokens are priced at the cached rate.
		fresh := s.Workload.InputTokens
		perQuery = (fresh*pIn + o.PromptOverheadTokens*api.CachedInputPerMtok + out*pOut) / 1e6
		expr = "(input_tokens · input_per_mtok + prompt_overhead_tokens · cached_input_per_mtok + out · output_per_mtok) / 1e6"
		terms = []Term{tokens("input_tokens", fresh), tokens("prompt_overhead_tokens", o.PromptOverheadTokens), tokens("out", out),
			money("input_per_mtok", pIn), money("cached_input_per_mtok", api.CachedInputPerMtok), money("output_per_mtok", pOut)}
	}
	if o.Kind == FineTune {
		expr = "(in · ft_input_per_mtok + out · ft_output_per_mtok) / 1e6"
		terms[2].Name, terms[3].Name = "ft_input_per_mtok", "ft_output_per_mtok"
	}
	t.add("inference.per_query", "API price of one query", "F19", expr, UnitMoney, perQuery, terms...)
	c.apiPerQuery = perQuery
	if o.Kind == FineTune && api.FTHostingHourly > 0 {
		c.hostingMonthly = o.Adapters * api.FTHostingHourly * HoursPerMonth
		t.add("hosting", "hosting of deployed fine-tuned models per month", "F19", "adapters · ft_hosting_hourly · 730", UnitMoney, c.hostingMonthly,
			count("adapters", o.Adapters), money("ft_hosting_hourly", api.FTHostingHourly))
	}
	if api.HasLatency() {
		r.HasLatency = true
		r.LatencyMs = api.TTFTms + out/api.OutputTokensPerS*1000 + retrievalSeconds(o)*1000
		t.add("latency", "latency of one query", "F19", "ttft_ms + out / output_tokens_per_s · 1000 (+ retrieval_latency_ms)", UnitMs, r.LatencyMs,
			Term{Name: "ttft_ms", Value: api.TTFTms, Unit: UnitMs}, tokens("out", out), count("output_tokens_per_s", api.OutputTokensPerS),
			Term{Name: "retrieval_latency_ms", Value: retrievalSeconds(o) * 1000, Unit: UnitMs})
	}
}

// unmergedAdapters reports whether a fine-tune serves its adapters unmerged.
func unmergedAdapters(o *Option) bool {
	return o.Kind == FineTune && o.Method != "full" && !o.Merged
}

// selfHostedServing is F20–F22 for an open model on serve_offer.
func selfHostedServing(s *Scenario, o *Option, cat *Catalog, r *OptionResult, c *costs, t *tracer) error {
	m := cat.OpenModels[o.ServingModelID()]
	off := cat.Offers[o.ServeOffer]
	gpu := cat.GPUs[off.GPU]
	hourly, ok := off.Hourly(Pricing(o.ServePricing))
	if !ok {
		return inputErr(o.Name, "serve_pricing", "offer %q has no %s price", off.ID, o.ServePricing)
	}
	in, out := servedTokens(s, o)
	n := m.Params()
	kv := kvBytesPerToken(m) // F2
	unmerged := unmergedAdapters(o)

	// F20: memory of one replica and the GPUs it needs.
	w := n * bytesPerParam(o.ServePrecision)
	if unmerged {
		w += o.Adapters * loraParams(m, o.Method, o.LoraTargets, o.LoraRank) * 2
	}
	need := w + o.Batch*(in+out)*kv
	rg := replicaGPUs(need, gpu.MemoryGB, off.GPUs)
	if rg == 0 {
		return inputErr(o.Name, "serve_offer", "a replica needs %.1f GB (weights %.1f GB + KV cache for batch %g), more than 90 %% of up to %d × %g GB GPUs that offer %q has",
			need/1e9, w/1e9, o.Batch, min(off.GPUs, 8), gpu.MemoryGB, off.ID)
	}
	t.add("serving.memory_gb", "serving memory per replica", "F20", "W + batch · (in + out) · kv", UnitGB, need/1e9,
		Term{Name: "W", Value: w / 1e9, Unit: UnitGB}, count("batch", o.Batch), tokens("in", in), tokens("out", out),
		Term{Name: "kv", Value: kv, Unit: UnitBytes})
	t.add("serving.replica_gpus", "GPUs per replica", "F20", "smallest of 1, 2, 4, 8 with gpus · memory_gb · 0.9 ≥ need", UnitGPUs, rg,
		Term{Name: "need", Value: need / 1e9, Unit: UnitGB}, Term{Name: "memory_gb", Value: gpu.MemoryGB, Unit: UnitGB}, count("offer.gpus", float64(off.GPUs)))

	// F21: busy seconds per query and latency.
	bw := rg * gpu.BandwidthGBs * 1e9 * 0.8
	fl := rg * gpu.BF16TFLOPS * 1e12 * 0.5
	step := math.Max((w+o.Batch*(in+out/2)*kv)/bw, 2*n*o.Batch/fl)
	prefill := 2 * n * in / fl
	busy := prefill + out*step/o.Batch
	latency := prefill + out*step + retrievalSeconds(o)
	if unmerged {
		busy *= 1 + o.UnmergedOverhead
		latency *= 1 + o.UnmergedOverhead
	}
	t.add("serving.busy_seconds", "replica-seconds per query", "F21", busyExpr(unmerged), UnitSeconds, busy,
		Term{Name: "prefill", Value: prefill, Unit: UnitSeconds}, tokens("out", out), Term{Name: "step", Value: step, Unit: UnitSeconds},
		count("batch", o.Batch), count("unmerged_overhead", overheadIf(unmerged, o.UnmergedOverhead)))
	r.HasLatency, r.LatencyMs = true, latency*1000
	t.add("latency", "latency of one query", "F21", latencyExpr(unmerged), UnitMs, r.LatencyMs,
		Term{Name: "prefill", Value: prefill, Unit: UnitSeconds}, tokens("out", out), Term{Name: "step", Value: step, Unit: UnitSeconds},
		Term{Name: "retrieval_latency_ms", Value: retrievalSeconds(o) * 1000, Unit: UnitMs}, count("unmerged_overhead", overheadIf(unmerged, o.UnmergedOverhead)))

	// F22: deployments, replicas and instances per month.
	deployments := 1.0
	if o.Kind == FineTune && !unmerged && o.Adapters > 1 {
		deployments = o.Adapters
	}
	perInstance := math.Floor(float64(off.GPUs) / rg)
	wl := s.Workload
	util, minReplicas := o.Utilization, o.MinReplicas
	c.selfHosted = true
	c.fleet = fleetParams{deployments: deployments, minReplicas: minReplicas, peakToAverage: wl.PeakToAverage,
		busy: busy, utilization: util, perInstance: perInstance, hourly: hourly}
	r.Serving = &Serving{ReplicaGPUs: rg, MemoryGB: need / 1e9, WeightsGB: w / 1e9, BusySeconds: busy, Deployments: deployments, Unmerged: unmerged}
	q0 := wl.QueriesPerMonth / deployments
	rep0 := math.Max(minReplicas, math.Ceil(wl.PeakToAverage*q0/(HoursPerMonth*3600)*busy/util))
	t.add("serving.replicas", "replicas per deployment in month 1", "F22",
		"max(min_replicas, ceil(peak_to_average · q / (730 · 3600) · s / utilization))", UnitCount, rep0,
		count("min_replicas", minReplicas), count("peak_to_average", wl.PeakToAverage), Term{Name: "q", Value: q0, Unit: UnitQueries},
		Term{Name: "s", Value: busy, Unit: UnitSeconds}, count("utilization", util))
	cost0, inst0 := c.inference(wl.QueriesPerMonth)
	t.add("inference", "serving cost in month 1", "F22", "deployments · ceil(replicas / floor(offer.gpus / replica_gpus)) · hourly · 730", UnitMoney, cost0,
		count("deployments", deployments), count("replicas", rep0), count("offer.gpus", float64(off.GPUs)), count("replica_gpus", rg),
		money("hourly", hourly), count("instances", inst0))
	return nil
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
		return "(prefill + out · step + retrieval) · (1 + unmerged_overhead)"
	}
	return "prefill + out · step (+ retrieval)"
}
