package scenarios

import (
	"sort"
	"strings"
	"time"
)

// Today is the date the deprecation warning compares with (today plus
// horizon_months); a test whose catalog has a deprecated model pins it.
var Today = time.Now

// hardware checks what v2 asks of the GPUs an option names (MODEL.md §4, §7):
// fp8 compute needs a GPU with fp8_tflops (and is not for qlora, whose
// 4-bit base computes in bf16); tensor_parallel cannot exceed the offer.
func (r *resolver) hardware(ov OptionValues, label string, h hosting) {
	if !h.self {
		return
	}
	if v, ok := ov.Values["train_precision"]; ok && v.Text == "fp8" && ov.Kind.Trains() {
		if h.method == "qlora" {
			r.errorf(v.Loc(), "option.train_precision", "%s.train_precision = \"fp8\": a qlora fine-tune computes in bf16 (its 4-bit base is dequantised to bf16); use \"bf16\" or method \"lora\"", label)
		} else {
			r.needFP8(ov, label, v, "train_precision", "train_offer")
		}
	}
	if v, ok := ov.Values["serve_precision"]; ok && v.Text == "fp8" {
		r.needFP8(ov, label, v, "serve_precision", "serve_offer")
	}
	if v, ok := ov.Values["tensor_parallel"]; ok && v.Num > 0 {
		if off, found := r.cat.Offers[ov.Values["serve_offer"].Text]; found && float64(off.GPUs) < v.Num {
			r.errorf(v.Loc(), "option.tensor_parallel", "%s.tensor_parallel = %g: offer %s has %s per instance; use at most %d, or 0 for the fewest that fit",
				label, v.Num, quoteShort(off.ID), gpuCount(off.GPUs), largestDegree(off.GPUs))
		}
	}
}

// needFP8 reports an fp8 precision whose offer's GPU has no fp8_tflops.
func (r *resolver) needFP8(ov OptionValues, label string, v Value, key, offerKey string) {
	off, found := r.cat.Offers[ov.Values[offerKey].Text]
	if !found {
		return // a missing or unknown offer is reported elsewhere
	}
	gpu, found := r.cat.GPUs[off.GPU]
	if !found || gpu.HasFP8() {
		return
	}
	var with []string
	for id, g := range r.cat.GPUs {
		if g.HasFP8() {
			with = append(with, id)
		}
	}
	sort.Strings(with)
	alt := "no GPU in the price catalog has fp8_tflops"
	if len(with) > 0 {
		alt = "GPUs with FP8: " + strings.Join(with, ", ")
	}
	r.errorf(v.Loc(), "option."+key, "%s.%s = \"fp8\": gpu %s of %s %s has no fp8_tflops; use \"bf16\" or an offer whose GPU has FP8 (%s)",
		label, key, quoteShort(gpu.ID), offerKey, quoteShort(off.ID), alt)
}

func gpuCount(n int) string {
	if n == 1 {
		return "1 GPU"
	}
	return itoa(n) + " GPUs"
}

// largestDegree is the largest tensor-parallel degree (1, 2, 4, 8) within gpus.
func largestDegree(gpus int) int {
	best := 1
	for _, d := range []int{2, 4, 8} {
		if d <= gpus {
			best = d
		}
	}
	return best
}

// apiTier checks F19's batch tier: only for an API model that has batch
// prices, never for a managed fine-tune.
func (r *resolver) apiTier(ov OptionValues, label string, h hosting) {
	v, ok := ov.Values["api_tier"]
	if !ok || h.self || v.Text != "batch" {
		return
	}
	if ov.Kind.TunedAPIRates() {
		r.errorf(v.Loc(), "option.api_tier", "%s.api_tier = \"batch\": a managed fine-tuned model has no batch tier; use \"standard\"", label)
		return
	}
	if m, found := r.cat.APIModels[h.model]; found && m.HasBatch() && !m.HasBatchCached() {
		if c, on := ov.Values["cached_prompt"]; on && c.Flag {
			r.warnf(c.Loc(), "option.cached_prompt", "%s.cached_prompt has no effect in the batch tier: api_model %s has no batch_cached_input_per_mtok, so the prompt overhead is priced at batch_input_per_mtok; add that price with --prices if the provider stacks both discounts, or compare api_tier = \"standard\" with caching",
				label, quoteShort(h.model))
		}
	}
	if m, found := r.cat.APIModels[h.model]; found && !m.HasBatch() {
		var with []string
		for id, a := range r.cat.APIModels {
			if a.HasBatch() {
				with = append(with, id)
			}
		}
		sort.Strings(with)
		alt := ""
		if len(with) > 0 {
			alt = "; models with batch prices: " + strings.Join(firstN(with, 8), ", ")
		}
		r.errorf(v.Loc(), "option.api_tier", "%s.api_tier = \"batch\": api_model %s has no batch prices (batch_input_per_mtok, batch_output_per_mtok); use \"standard\"%s",
			label, quoteShort(h.model), alt)
	}
}

func firstN(ss []string, n int) []string {
	if len(ss) > n {
		return append(ss[:n:n], "…")
	}
	return ss
}
