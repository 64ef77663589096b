package pricing

import (
	"strings"
	"time"

	"github.com/tunecost/tunecost/model"
)

// decoder reads one table's own fields (id, name, source, as_of and note are
// read for every table by Parse) and returns the typed catalog item.
type decoder func(r *entryReader, e *Entry) any

var decoders = map[Table]decoder{
	TableGPU:       decodeGPU,
	TableOffer:     decodeOffer,
	TableOpenModel: decodeOpenModel,
	TableAPIModel:  decodeAPIModel,
	TableEmbedding: decodeEmbedding,
	TableVectorDB:  decodeVectorDB,
}

func decodeGPU(r *entryReader, e *Entry) any {
	g := model.GPU{ID: e.ID, Name: e.Name}
	g.MemoryGB, _ = r.number("memory_gb", required, positive)
	g.BF16TFLOPS, _ = r.number("bf16_tflops", required, positive)
	g.BandwidthGBs, _ = r.number("bandwidth_gbs", required, positive)
	// Absent means the GPU has no FP8; a given value must be a real peak.
	g.FP8TFLOPS, _ = r.number("fp8_tflops", optional, positive)
	// F9a: absent means not known (communication not counted); given, a real rate.
	g.LinkGBs, _ = r.number("link_gbs", optional, positive)
	return g
}

func decodeOffer(r *entryReader, e *Entry) any {
	if provider, instance, ok := strings.Cut(e.ID, "/"); !ok || provider == "" || instance == "" {
		r.errorf("id", "offer id must be \"provider/instance\", got %q", e.ID)
	}
	o := model.Offer{ID: e.ID, BillingMinutes: 1}
	o.GPU = r.text("gpu", required)
	o.GPUs, _ = r.whole("gpus", required, 1)
	o.OnDemandHourly, _ = r.number("on_demand_hourly", required, positive)
	// A zero spot or reserved price would read as "none": leave it out instead.
	o.SpotHourly, _ = r.number("spot_hourly", optional, positive)
	o.ReservedHourly, _ = r.number("reserved_hourly", optional, positive)
	if b, ok := r.number("billing_minutes", optional, positive); ok {
		o.BillingMinutes = b
	}
	// F9a: the instance's GPU network in Gb/s; absent means not known.
	o.NetworkGbps, _ = r.number("network_gbps", optional, positive)
	return o
}

func decodeOpenModel(r *entryReader, e *Entry) any {
	m := model.OpenModel{ID: e.ID}
	before := len(*r.diags)
	m.ParamsB, _ = r.number("params_b", required, positive)
	m.Layers, _ = r.whole("layers", required, 1)
	m.Hidden, _ = r.whole("hidden", required, 1)
	// A mixture of experts may leave intermediate out: its dense parts are in Pshared.
	interPresence := required
	switch experts := r.m["experts"].(type) {
	case int64:
		if experts > 0 {
			interPresence = optional
		}
	case float64:
		if experts > 0 {
			interPresence = optional
		}
	}
	m.Intermediate, _ = r.whole("intermediate", interPresence, 1)
	m.Heads, _ = r.whole("heads", required, 1)
	m.KVHeads, _ = r.whole("kv_heads", required, 1)
	var hasHeadDim bool
	m.HeadDim, hasHeadDim = r.whole("head_dim", optional, 1)
	m.Vocab, _ = r.whole("vocab", optional, 1)
	m.TiedEmbeddings = r.flag("tied_embeddings")
	decodeExperts(r, &m)
	if m.Heads > 0 && m.KVHeads > 0 && m.Heads%m.KVHeads != 0 {
		r.errorf("kv_heads", "heads (%d) must be divisible by kv_heads (%d)", m.Heads, m.KVHeads)
	}
	if !hasHeadDim && m.Heads > 0 && m.Hidden > 0 && m.Hidden%m.Heads != 0 {
		r.errorf("heads", "hidden (%d) is not divisible by heads (%d): set head_dim", m.Hidden, m.Heads)
	}
	if len(*r.diags) == before {
		// MODEL.md §3's constraints between fields, once each field is valid.
		if field, msg := m.ArchitectureProblem(); field != "" {
			if _, given := r.m[field]; given {
				r.errorf(field, "%s", msg)
			} else {
				r.errorAt(r.header(), field, "%s", msg)
			}
		}
	}
	return m
}

// decodeExperts reads a mixture-of-experts model's fields; experts = 0 or
// absent means dense, and then the others must be absent.
func decodeExperts(r *entryReader, m *model.OpenModel) {
	m.Experts, _ = r.whole("experts", optional, 0)
	m.ExpertsPerToken, _ = r.whole("experts_per_token", optional, 1)
	m.ActiveParamsB, _ = r.number("active_params_b", optional, positive)
	m.ExpertIntermediate, _ = r.whole("expert_intermediate", optional, 1)
	if m.Experts == 0 {
		return
	}
	// intermediate is optional for a mixture of experts (Pshared covers the dense parts).
	for _, key := range []string{"experts_per_token", "active_params_b", "expert_intermediate"} {
		if _, given := r.m[key]; !given {
			r.errorAt(r.header(), key, "a mixture-of-experts model (experts = %d) needs %s", m.Experts, key)
		}
	}
}

func decodeAPIModel(r *entryReader, e *Entry) any {
	m := model.APIModel{ID: e.ID}
	m.InputPerMtok, _ = r.number("input_per_mtok", required, nonNegative)
	m.OutputPerMtok, _ = r.number("output_per_mtok", required, nonNegative)
	// Zero means "absent" to the engine, so a given value must be positive.
	m.CachedInputPerMtok, _ = r.number("cached_input_per_mtok", optional, positive)
	m.BatchInputPerMtok, _ = r.number("batch_input_per_mtok", optional, positive)
	m.BatchOutputPerMtok, _ = r.number("batch_output_per_mtok", optional, positive)
	m.BatchCachedInputPerMtok, _ = r.number("batch_cached_input_per_mtok", optional, positive)
	_, batchIn := r.m["batch_input_per_mtok"]
	_, batchOut := r.m["batch_output_per_mtok"]
	if batchIn != batchOut {
		missing := "batch_output_per_mtok"
		if !batchIn {
			missing = "batch_input_per_mtok"
		}
		r.errorAt(r.header(), missing, "the batch tier needs both batch_input_per_mtok and batch_output_per_mtok; %s is missing", missing)
	}
	m.Deprecated = r.date("deprecated", optional, time.Time{})
	decodeLifecycle(r, &m)
	decodeLongContext(r, &m)
	m.TTFTms, _ = r.number("ttft_ms", optional, positive)
	m.OutputTokensPerS, _ = r.number("output_tokens_per_s", optional, positive)
	m.TrainPerMtok, _ = r.number("train_per_mtok", optional, positive)
	m.FTInputPerMtok, _ = r.number("ft_input_per_mtok", optional, nonNegative)
	m.FTOutputPerMtok, _ = r.number("ft_output_per_mtok", optional, nonNegative)
	m.FTHostingHourly, _ = r.number("ft_hosting_hourly", optional, nonNegative)
	m.FTStorageMonthly, _ = r.number("ft_storage_monthly", optional, nonNegative)
	m.FTMinCharge, _ = r.number("ft_min_charge", optional, nonNegative)
	m.FTJobsEnd = r.date("ft_jobs_end", optional, time.Time{})
	_, managed := r.m["train_per_mtok"]
	for _, key := range []string{"ft_input_per_mtok", "ft_output_per_mtok", "ft_hosting_hourly", "ft_storage_monthly", "ft_min_charge", "ft_jobs_end"} {
		_, given := r.m[key]
		switch {
		case managed && !given && (key == "ft_input_per_mtok" || key == "ft_output_per_mtok"):
			r.errorAt(r.header(), key, "%s is required when train_per_mtok is set", key)
		case !managed && given:
			r.errorf(key, "%s needs train_per_mtok (managed fine-tuning)", key)
		}
	}
	m.Closed = r.flag("closed")
	// A provider may close only fine-tuning to new users while inference goes on.
	m.FTClosed = r.flag("ft_closed")
	if m.FTClosed && !managed {
		r.errorf("ft_closed", "ft_closed needs train_per_mtok (managed fine-tuning)")
	}
	e.Closed, e.FTClosed = m.Closed, m.FTClosed
	return m
}

func decodeEmbedding(r *entryReader, e *Entry) any {
	m := model.Embedding{ID: e.ID}
	m.PerMtok, _ = r.number("per_mtok", required, nonNegative)
	m.Dim, _ = r.whole("dim", required, 1)
	return m
}

func decodeVectorDB(r *entryReader, e *Entry) any {
	v := model.VectorDB{ID: e.ID}
	v.MonthlyBase, _ = r.number("monthly_base", required, nonNegative)
	v.PerGBMonth, _ = r.number("per_gb_month", required, nonNegative)
	v.PerMQuery, _ = r.number("per_mquery", required, nonNegative)
	return v
}
