package model

// longContext reports whether F19's long-context prices bill a request of in
// input tokens: the model has them, the request's prompt (every input token,
// cached overhead included) is longer than the threshold, and it is not a
// managed fine-tune (which keeps its ft_* prices at every length).
func longContext(o *Option, api *APIModel, in float64) bool {
	return !o.Kind.TunedAPIRates() && api.HasLongContext() && in > float64(api.LongContextThreshold)
}

// longFactors are F19's λ_in = long_input_per_mtok / input_per_mtok and
// λ_out = long_output_per_mtok / output_per_mtok. A base price of zero has
// no ratio: its λ is 1 (docs/model.md), so nothing divides by zero.
func longFactors(api *APIModel) (lamIn, lamOut float64) {
	lamIn, lamOut = 1, 1
	if api.InputPerMtok > 0 {
		lamIn = api.LongInputPerMtok / api.InputPerMtok
	}
	if api.OutputPerMtok > 0 {
		lamOut = api.LongOutputPerMtok / api.OutputPerMtok
	}
	return lamIn, lamOut
}

// longContextQuery is F19's price of one query whose prompt crosses the
// threshold: one token over it reprices the whole request. The standard
// tier is billed at the long prices themselves; the batch tier at its
// prices times λ; cached overhead tokens at cached_input_per_mtok · λ_in.
func longContextQuery(s *Scenario, o *Option, api *APIModel, in, out float64, batch bool) (perQuery float64, expr string, terms []Term) {
	lamIn, lamOut := longFactors(api)
	threshold := tokens("long_context_threshold", float64(api.LongContextThreshold))
	switch {
	case batch:
		pIn, pOut := api.BatchInputPerMtok*lamIn, api.BatchOutputPerMtok*lamOut
		perQuery = (in*pIn + out*pOut) / 1e6
		expr = "(in · batch_input_per_mtok · λ_in + out · batch_output_per_mtok · λ_out) / 1e6 (batch tier, long context: in > long_context_threshold)"
		terms = []Term{tokens("in", in), tokens("out", out), money("batch_input_per_mtok", api.BatchInputPerMtok),
			money("batch_output_per_mtok", api.BatchOutputPerMtok), count("λ_in", lamIn), count("λ_out", lamOut), threshold}
	case o.Kind.PromptOverhead() && o.CachedPrompt && api.HasCached():
		fresh := s.Workload.InputTokens
		perQuery = (fresh*api.LongInputPerMtok + o.PromptOverheadTokens*api.CachedInputPerMtok*lamIn + out*api.LongOutputPerMtok) / 1e6
		expr = "(input_tokens · long_input_per_mtok + prompt_overhead_tokens · cached_input_per_mtok · λ_in + out · long_output_per_mtok) / 1e6 (long context: in > long_context_threshold)"
		terms = []Term{tokens("input_tokens", fresh), tokens("prompt_overhead_tokens", o.PromptOverheadTokens), tokens("out", out),
			money("long_input_per_mtok", api.LongInputPerMtok), money("cached_input_per_mtok", api.CachedInputPerMtok), count("λ_in", lamIn),
			money("long_output_per_mtok", api.LongOutputPerMtok), threshold}
	default:
		perQuery = (in*api.LongInputPerMtok + out*api.LongOutputPerMtok) / 1e6
		expr = "(in · long_input_per_mtok + out · long_output_per_mtok) / 1e6 (long context: in > long_context_threshold)"
		terms = []Term{tokens("in", in), tokens("out", out), money("long_input_per_mtok", api.LongInputPerMtok),
			money("long_output_per_mtok", api.LongOutputPerMtok), threshold}
	}
	return perQuery, expr, terms
}
