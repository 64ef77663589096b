package pricing

import (
	"time"

	"github.com/tunecost/tunecost/model"
)

// Field is one of an entry's own fields, by its sheet key. Value is a
// float64, an int, a bool, a YYYY-MM-DD string or an id string.
type Field struct {
	Key   string
	Value any
}

// FieldKeys lists every table's own keys, tables in listing order, for
// column headers.
var FieldKeys = []string{
	"memory_gb", "bf16_tflops", "fp8_tflops", "bandwidth_gbs",
	"gpu", "gpus", "on_demand_hourly", "spot_hourly", "reserved_hourly", "billing_minutes",
	"params_b", "layers", "hidden", "intermediate", "heads", "kv_heads", "head_dim", "vocab", "tied_embeddings",
	"experts", "experts_per_token", "active_params_b", "expert_intermediate",
	"input_per_mtok", "output_per_mtok", "cached_input_per_mtok", "batch_input_per_mtok", "batch_output_per_mtok",
	"long_context_threshold", "long_input_per_mtok", "long_output_per_mtok",
	"deprecated", "retires", "successor", "ttft_ms", "output_tokens_per_s", "train_per_mtok", "ft_input_per_mtok", "ft_output_per_mtok",
	"ft_hosting_hourly", "ft_storage_monthly", "ft_min_charge", "ft_jobs_end", "closed", "ft_closed",
	"per_mtok", "dim",
	"monthly_base", "per_gb_month", "per_mquery",
}

// Fields returns the entry's own fields (beyond id, name, source, as_of and
// note) that are set, in FieldKeys order: optional ones left out of the
// sheet are left out here too.
func (e Entry) Fields() []Field {
	var out []Field
	num := func(k string, v float64, always bool) {
		if always || v != 0 {
			out = append(out, Field{k, v})
		}
	}
	whole := func(k string, v int, always bool) {
		if always || v != 0 {
			out = append(out, Field{k, v})
		}
	}
	date := func(k string, v time.Time) {
		if !v.IsZero() {
			out = append(out, Field{k, v.Format(time.DateOnly)})
		}
	}
	flag := func(k string, v bool) {
		if v {
			out = append(out, Field{k, true})
		}
	}
	switch it := e.Item.(type) {
	case model.GPU:
		num("memory_gb", it.MemoryGB, true)
		num("bf16_tflops", it.BF16TFLOPS, true)
		num("fp8_tflops", it.FP8TFLOPS, false)
		num("bandwidth_gbs", it.BandwidthGBs, true)
	case model.Offer:
		out = append(out, Field{"gpu", it.GPU})
		whole("gpus", it.GPUs, true)
		num("on_demand_hourly", it.OnDemandHourly, true)
		num("spot_hourly", it.SpotHourly, false)
		num("reserved_hourly", it.ReservedHourly, false)
		num("billing_minutes", it.BillingMinutes, true)
	case model.OpenModel:
		num("params_b", it.ParamsB, true)
		for _, f := range []struct {
			k string
			v int
		}{{"layers", it.Layers}, {"hidden", it.Hidden}, {"intermediate", it.Intermediate}, {"heads", it.Heads}, {"kv_heads", it.KVHeads}} {
			whole(f.k, f.v, f.k != "intermediate" || !it.MoE()) // a mixture of experts may leave it out
		}
		whole("head_dim", it.HeadDim, false)
		whole("vocab", it.Vocab, false)
		flag("tied_embeddings", it.TiedEmbeddings)
		whole("experts", it.Experts, false)
		whole("experts_per_token", it.ExpertsPerToken, false)
		num("active_params_b", it.ActiveParamsB, false)
		whole("expert_intermediate", it.ExpertIntermediate, false)
	case model.APIModel:
		num("input_per_mtok", it.InputPerMtok, true)
		num("output_per_mtok", it.OutputPerMtok, true)
		num("cached_input_per_mtok", it.CachedInputPerMtok, false)
		num("batch_input_per_mtok", it.BatchInputPerMtok, false)
		num("batch_output_per_mtok", it.BatchOutputPerMtok, false)
		whole("long_context_threshold", it.LongContextThreshold, false)
		num("long_input_per_mtok", it.LongInputPerMtok, false)
		num("long_output_per_mtok", it.LongOutputPerMtok, false)
		date("deprecated", it.Deprecated)
		date("retires", it.Retires)
		if it.Successor != "" {
			out = append(out, Field{"successor", it.Successor})
		}
		num("ttft_ms", it.TTFTms, false)
		num("output_tokens_per_s", it.OutputTokensPerS, false)
		num("train_per_mtok", it.TrainPerMtok, false)
		if it.Managed() {
			num("ft_input_per_mtok", it.FTInputPerMtok, true)
			num("ft_output_per_mtok", it.FTOutputPerMtok, true)
		}
		num("ft_hosting_hourly", it.FTHostingHourly, false)
		num("ft_storage_monthly", it.FTStorageMonthly, false)
		num("ft_min_charge", it.FTMinCharge, false)
		date("ft_jobs_end", it.FTJobsEnd)
		flag("closed", it.Closed)
		flag("ft_closed", it.FTClosed)
	case model.Embedding:
		num("per_mtok", it.PerMtok, true)
		whole("dim", it.Dim, true)
	case model.VectorDB:
		num("monthly_base", it.MonthlyBase, true)
		num("per_gb_month", it.PerGBMonth, true)
		num("per_mquery", it.PerMQuery, true)
	}
	return out
}
