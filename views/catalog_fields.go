package views

import (
	"strconv"
	"time"

	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/pricing"
)

// entryFields lists every field of a catalog entry under its name in the
// sheet, with its unit; an optional field the sheet leaves out shows "—".
func entryFields(e pricing.Entry, cur string) [][2]string {
	num := func(v float64) string { return count(v) }
	opt := func(v float64, show func(float64) string) string {
		if v == 0 {
			return "—"
		}
		return show(v)
	}
	price := func(v float64) string { return money(v, cur) }
	perMtok := func(v float64) string { return money(v, cur) + " per million tokens" }
	yes := func(b bool) string {
		if b {
			return "yes"
		}
		return "no"
	}
	rows := [][2]string{{"id", clean(e.ID)}, {"name", orDash(clean(e.Name))}}
	switch v := e.Item.(type) {
	case model.GPU:
		rows = append(rows, [][2]string{
			{"memory_gb", num(v.MemoryGB) + " GB"}, {"bf16_tflops", num(v.BF16TFLOPS) + " TFLOPS"},
			{"bandwidth_gbs", num(v.BandwidthGBs) + " GB/s"}}...)
	case model.Offer:
		hourly := func(v float64) string { return money(v, cur) + " per instance-hour" }
		rows = append(rows, [][2]string{
			{"gpu", clean(v.GPU)}, {"gpus", strconv.Itoa(v.GPUs) + " per instance"},
			{"on_demand_hourly", hourly(v.OnDemandHourly)}, {"spot_hourly", opt(v.SpotHourly, hourly)},
			{"reserved_hourly", opt(v.ReservedHourly, hourly)}, {"billing_minutes", num(v.BillingMinutes) + " min"}}...)
	case model.OpenModel:
		rows = append(rows, [][2]string{
			{"params_b", num(v.ParamsB) + " billion"}, {"layers", strconv.Itoa(v.Layers)},
			{"hidden", strconv.Itoa(v.Hidden)}, {"intermediate", strconv.Itoa(v.Intermediate)},
			{"heads", strconv.Itoa(v.Heads)}, {"kv_heads", strconv.Itoa(v.KVHeads)},
			{"head_dim", headDim(v)}}...)
	case model.APIModel:
		rows = append(rows, [][2]string{
			{"input_per_mtok", perMtok(v.InputPerMtok)}, {"output_per_mtok", perMtok(v.OutputPerMtok)},
			{"cached_input_per_mtok", opt(v.CachedInputPerMtok, perMtok)},
			{"ttft_ms", opt(v.TTFTms, func(x float64) string { return num(x) + " ms" })},
			{"output_tokens_per_s", opt(v.OutputTokensPerS, num)},
			{"train_per_mtok", opt(v.TrainPerMtok, perMtok)},
			{"ft_input_per_mtok", opt(v.FTInputPerMtok, perMtok)}, {"ft_output_per_mtok", opt(v.FTOutputPerMtok, perMtok)},
			{"ft_hosting_hourly", opt(v.FTHostingHourly, func(x float64) string { return price(x) + " per hour" })},
			{"closed", yes(v.Closed)}, {"ft_closed", yes(v.FTClosed)}}...)
		rows = append(rows, apiV3Fields(v, price, perMtok)...)
	case model.Embedding:
		rows = append(rows, [][2]string{{"per_mtok", perMtok(v.PerMtok)}, {"dim", strconv.Itoa(v.Dim)}}...)
	case model.VectorDB:
		rows = append(rows, [][2]string{
			{"monthly_base", price(v.MonthlyBase) + " per month"}, {"per_gb_month", price(v.PerGBMonth) + " per GB-month"},
			{"per_mquery", price(v.PerMQuery) + " per million queries"}}...)
	}
	return rows
}

// headDim says when the head size is derived rather than given.
func headDim(m model.OpenModel) string {
	if m.HeadDim > 0 {
		return strconv.Itoa(m.HeadDim)
	}
	return count(m.HeadDimension()) + " (hidden / heads)"
}

// apiV3Fields are an api model's MODEL.md v3 §1 fields, listed only when the
// sheet gives them (most entries have none of them).
func apiV3Fields(v model.APIModel, price, perMtok func(float64) string) [][2]string {
	var rows [][2]string
	day := func(k string, t time.Time) {
		if !t.IsZero() {
			rows = append(rows, [2]string{k, t.Format(time.DateOnly)})
		}
	}
	day("deprecated", v.Deprecated)
	day("retires", v.Retires)
	if v.Successor != "" {
		rows = append(rows, [2]string{"successor", clean(v.Successor)})
	}
	if v.HasLongContext() {
		rows = append(rows, [][2]string{{"long_context_threshold", count(float64(v.LongContextThreshold)) + " prompt tokens"},
			{"long_input_per_mtok", perMtok(v.LongInputPerMtok)}, {"long_output_per_mtok", perMtok(v.LongOutputPerMtok)}}...)
	}
	if v.FTStorageMonthly > 0 {
		rows = append(rows, [2]string{"ft_storage_monthly", price(v.FTStorageMonthly) + " per month"})
	}
	if v.FTMinCharge > 0 {
		rows = append(rows, [2]string{"ft_min_charge", price(v.FTMinCharge) + " per job"})
	}
	day("ft_jobs_end", v.FTJobsEnd)
	return rows
}
