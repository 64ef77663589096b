package pricing

import (
	"math"
	"strings"
	"time"

	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/model"
)

// Field is one of an entry's own fields, by its sheet key. Value is a
// float64, an int, a bool or a string (text, or a YYYY-MM-DD date).
type Field struct {
	Key   string
	Value any
}

// FieldType is how a field is written in a sheet.
type FieldType int

const (
	Number FieldType = iota // a float: 0.075
	Whole                   // an integer: 48
	Flag                    // true or false
	Date                    // YYYY-MM-DD
	Text                    // a string: a GPU's id
)

// FieldSpec is one field a catalog entry can hold: every renderer of an
// entry — the planner's Catalog detail, `prices` text, CSV and JSON, the
// sheet's JSON Schema — draws from EntryFields, so a new sheet field is one
// entry there (TestEveryDecodedFieldHasASpec fails until it is).
type FieldSpec struct {
	Table Table
	Key   string
	Type  FieldType
	// Required: every entry of the table gives it (the decoder's "missing
	// required field"); a field required only with another is not.
	Required bool
	// Unit follows the value in the detail: "GB", "per instance-hour".
	// Money: the value is a price in the sheet's currency.
	Unit  string
	Money bool
	// Short is the field in an entry's one-line summary, "{}" standing for
	// the value (with its currency when Money): "{} TFLOPS fp8", "in {}/Mtok".
	Short string
	// value is the field's value in the entry's item and whether the entry
	// has it: an optional field left out of the sheet has not.
	value func(item any) (any, bool)
	// show, when set, writes the bare value instead of the type's form.
	show func(v any) string
	// unset is what the detail shows when the entry has no value: "—", or
	// what the engine uses instead (head_dim: hidden / heads).
	unset func(item any) string
}

// EntryFields lists every table's own fields (beyond id, name, source,
// as_of and note), tables in listing order: the order of FieldKeys, the CSV
// columns and the detail's rows. A new field is one line: numField,
// priceField (a price in the sheet's currency), wholeField, textField
// (req or opt), flagField or dateField, with its unit and its words in the
// one-line summary; when, always, derived and shownAs adjust when it is
// known and how it reads.
var EntryFields = []FieldSpec{
	numField(TableGPU, "memory_gb", req, "GB", "{} GB", func(g model.GPU) float64 { return g.MemoryGB }),
	numField(TableGPU, "bf16_tflops", req, "TFLOPS", "{} TFLOPS bf16", func(g model.GPU) float64 { return g.BF16TFLOPS }),
	numField(TableGPU, "fp8_tflops", opt, "TFLOPS", "{} TFLOPS fp8", func(g model.GPU) float64 { return g.FP8TFLOPS }),
	numField(TableGPU, "bandwidth_gbs", req, "GB/s", "{} GB/s", func(g model.GPU) float64 { return g.BandwidthGBs }),
	// F9a: what one GPU sends to the others of its instance, one direction.
	numField(TableGPU, "link_gbs", opt, "GB/s", "link {} GB/s", func(g model.GPU) float64 { return g.LinkGBs }),

	textField(TableOffer, "gpu", req, "", "{}", func(o model.Offer) string { return o.GPU }),
	wholeField(TableOffer, "gpus", req, "per instance", "{} per instance", func(o model.Offer) int { return o.GPUs }),
	priceField(TableOffer, "on_demand_hourly", req, "per instance-hour", "{}/h", func(o model.Offer) float64 { return o.OnDemandHourly }),
	priceField(TableOffer, "spot_hourly", opt, "per instance-hour", "spot {}/h", func(o model.Offer) float64 { return o.SpotHourly }),
	priceField(TableOffer, "reserved_hourly", opt, "per instance-hour", "reserved {}/h", func(o model.Offer) float64 { return o.ReservedHourly }),
	// Optional in the sheet (1 when left out), so always known.
	shownAs(always(numField(TableOffer, "billing_minutes", opt, "", "billed per {}", func(o model.Offer) float64 { return o.BillingMinutes })),
		billingPeriod),
	// F9a: the instance's GPU network, all NICs together, one direction.
	numField(TableOffer, "network_gbps", opt, "Gb/s", "network {} Gb/s", func(o model.Offer) float64 { return o.NetworkGbps }),

	numField(TableOpenModel, "params_b", req, "billion", "{}B params", func(m model.OpenModel) float64 { return m.ParamsB }),
	wholeField(TableOpenModel, "layers", req, "", "{} layers", func(m model.OpenModel) int { return m.Layers }),
	wholeField(TableOpenModel, "hidden", req, "", "hidden {}", func(m model.OpenModel) int { return m.Hidden }),
	// A mixture of experts may leave intermediate out: its dense parts are in Pshared.
	when(wholeField(TableOpenModel, "intermediate", opt, "", "intermediate {}", func(m model.OpenModel) int { return m.Intermediate }),
		func(m model.OpenModel) bool { return !m.MoE() || m.Intermediate != 0 }),
	wholeField(TableOpenModel, "heads", req, "", "{} heads", func(m model.OpenModel) int { return m.Heads }),
	wholeField(TableOpenModel, "kv_heads", req, "", "{} KV heads", func(m model.OpenModel) int { return m.KVHeads }),
	derived(wholeField(TableOpenModel, "head_dim", opt, "", "head dim {}", func(m model.OpenModel) int { return m.HeadDim }),
		func(m model.OpenModel) string { return format.Exact(m.HeadDimension()) + " (hidden / heads)" }),
	wholeField(TableOpenModel, "vocab", opt, "tokens", "vocab {}", func(m model.OpenModel) int { return m.Vocab }),
	flagField(TableOpenModel, "tied_embeddings", "tied embeddings", func(m model.OpenModel) bool { return m.TiedEmbeddings }),
	wholeField(TableOpenModel, "experts", opt, "", "{} experts", func(m model.OpenModel) int { return m.Experts }),
	wholeField(TableOpenModel, "experts_per_token", opt, "", "{} experts per token", func(m model.OpenModel) int { return m.ExpertsPerToken }),
	numField(TableOpenModel, "active_params_b", opt, "billion", "{}B active", func(m model.OpenModel) float64 { return m.ActiveParamsB }),
	wholeField(TableOpenModel, "expert_intermediate", opt, "", "expert intermediate {}", func(m model.OpenModel) int { return m.ExpertIntermediate }),

	priceField(TableAPIModel, "input_per_mtok", req, "per million tokens", "in {}/Mtok", func(m model.APIModel) float64 { return m.InputPerMtok }),
	priceField(TableAPIModel, "output_per_mtok", req, "per million tokens", "out {}/Mtok", func(m model.APIModel) float64 { return m.OutputPerMtok }),
	priceField(TableAPIModel, "cached_input_per_mtok", opt, "per million tokens", "cached in {}/Mtok", func(m model.APIModel) float64 { return m.CachedInputPerMtok }),
	priceField(TableAPIModel, "batch_input_per_mtok", opt, "per million tokens", "batch in {}/Mtok", func(m model.APIModel) float64 { return m.BatchInputPerMtok }),
	priceField(TableAPIModel, "batch_output_per_mtok", opt, "per million tokens", "batch out {}/Mtok", func(m model.APIModel) float64 { return m.BatchOutputPerMtok }),
	priceField(TableAPIModel, "batch_cached_input_per_mtok", opt, "per million tokens", "batch cached in {}/Mtok", func(m model.APIModel) float64 { return m.BatchCachedInputPerMtok }),
	// Long-context prices (F19): all three or none.
	wholeField(TableAPIModel, "long_context_threshold", opt, "prompt tokens", "above {} prompt tokens", func(m model.APIModel) int { return m.LongContextThreshold }),
	priceField(TableAPIModel, "long_input_per_mtok", opt, "per million tokens", "long in {}/Mtok", func(m model.APIModel) float64 { return m.LongInputPerMtok }),
	priceField(TableAPIModel, "long_output_per_mtok", opt, "per million tokens", "long out {}/Mtok", func(m model.APIModel) float64 { return m.LongOutputPerMtok }),
	dateField(TableAPIModel, "deprecated", "deprecated {}", func(m model.APIModel) time.Time { return m.Deprecated }),
	dateField(TableAPIModel, "retires", "retires {}", func(m model.APIModel) time.Time { return m.Retires }),
	textField(TableAPIModel, "successor", opt, "", "successor {}", func(m model.APIModel) string { return m.Successor }),
	numField(TableAPIModel, "ttft_ms", opt, "ms", "TTFT {} ms", func(m model.APIModel) float64 { return m.TTFTms }),
	numField(TableAPIModel, "output_tokens_per_s", opt, "tokens/s", "{} tokens/s", func(m model.APIModel) float64 { return m.OutputTokensPerS }),
	priceField(TableAPIModel, "train_per_mtok", opt, "per million tokens", "tuning {}/Mtok", func(m model.APIModel) float64 { return m.TrainPerMtok }),
	// Required with train_per_mtok, and then 0 is a price.
	when(priceField(TableAPIModel, "ft_input_per_mtok", opt, "per million tokens", "tuned in {}/Mtok", func(m model.APIModel) float64 { return m.FTInputPerMtok }),
		model.APIModel.Managed),
	when(priceField(TableAPIModel, "ft_output_per_mtok", opt, "per million tokens", "tuned out {}/Mtok", func(m model.APIModel) float64 { return m.FTOutputPerMtok }),
		model.APIModel.Managed),
	priceField(TableAPIModel, "ft_hosting_hourly", opt, "per hour", "hosting {}/h", func(m model.APIModel) float64 { return m.FTHostingHourly }),
	priceField(TableAPIModel, "ft_storage_monthly", opt, "per tuned model and month", "storage {}/month", func(m model.APIModel) float64 { return m.FTStorageMonthly }),
	priceField(TableAPIModel, "ft_min_charge", opt, "per tuning job", "least job {}", func(m model.APIModel) float64 { return m.FTMinCharge }),
	dateField(TableAPIModel, "ft_jobs_end", "no new tuning jobs from {}", func(m model.APIModel) time.Time { return m.FTJobsEnd }),
	flagField(TableAPIModel, "closed", "closed to new users", func(m model.APIModel) bool { return m.Closed }),
	flagField(TableAPIModel, "ft_closed", "fine-tuning closed to new users", func(m model.APIModel) bool { return m.FTClosed }),

	priceField(TableEmbedding, "per_mtok", req, "per million tokens", "{} per Mtok", func(m model.Embedding) float64 { return m.PerMtok }),
	wholeField(TableEmbedding, "dim", req, "dimensions", "{} dims", func(m model.Embedding) int { return m.Dim }),

	priceField(TableVectorDB, "monthly_base", req, "per month", "{}/month", func(v model.VectorDB) float64 { return v.MonthlyBase }),
	priceField(TableVectorDB, "per_gb_month", req, "per GB-month", "{}/GB-month", func(v model.VectorDB) float64 { return v.PerGBMonth }),
	priceField(TableVectorDB, "per_mquery", req, "per million queries", "{} per M queries", func(v model.VectorDB) float64 { return v.PerMQuery }),
}

// FieldKeys lists every table's own keys in EntryFields order, for column
// headers (a key two tables share is listed once).
var FieldKeys = fieldKeys()

func fieldKeys() []string {
	var keys []string
	seen := map[string]bool{}
	for _, f := range EntryFields {
		if !seen[f.Key] {
			seen[f.Key] = true
			keys = append(keys, f.Key)
		}
	}
	return keys
}

// TableFields are the fields of one table, in EntryFields order.
func TableFields(t Table) []FieldSpec {
	var out []FieldSpec
	for _, f := range EntryFields {
		if f.Table == t {
			out = append(out, f)
		}
	}
	return out
}

// Value is the field's value in e and whether e has it.
func (f FieldSpec) Value(e Entry) (any, bool) {
	if e.Table != f.Table {
		return nil, false
	}
	return f.value(e.Item)
}

// Text is the field's value in e with its unit, as the detail shows it:
// "1,979 TFLOPS", "$2.5 per million tokens", "yes"; "—" when e has none.
func (f FieldSpec) Text(e Entry, cur string) string {
	v, ok := f.Value(e)
	switch {
	case !ok && f.Type == Flag:
		return "no"
	case !ok && f.unset != nil:
		return f.unset(e.Item)
	case !ok:
		return "—"
	case f.Type == Flag:
		return "yes"
	}
	s := f.bare(v, cur)
	if f.Unit != "" {
		s += " " + f.Unit
	}
	return s
}

// Summary is the field in an entry's one-line summary ("1,979 TFLOPS fp8"),
// or "" when e has no value.
func (f FieldSpec) Summary(e Entry, cur string) string {
	v, ok := f.Value(e)
	if !ok {
		return ""
	}
	return strings.ReplaceAll(f.Short, "{}", f.bare(v, cur))
}

// bare is the value alone: exact digits, money with its currency.
func (f FieldSpec) bare(v any, cur string) string {
	if f.show != nil {
		return f.show(v)
	}
	switch x := v.(type) {
	case float64:
		if f.Money {
			return format.MoneyExact(x, cur)
		}
		return format.Exact(x)
	case int:
		return format.Exact(float64(x))
	case string:
		return format.Sanitize(x)
	}
	return ""
}

// Fields returns the entry's own fields that it has, in FieldKeys order:
// optional ones left out of the sheet are left out here too.
func (e Entry) Fields() []Field {
	var out []Field
	for _, f := range EntryFields {
		if v, ok := f.Value(e); ok {
			out = append(out, Field{f.Key, v})
		}
	}
	return out
}

// Summary is the entry's fields in a line, as `tunecost prices`, the diff
// of price sheets and the planner's Catalog list show it.
func (e Entry) Summary(cur string) string {
	var parts []string
	for _, f := range EntryFields {
		if s := f.Summary(e, cur); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}

// presence: a required field is always shown, an optional one when set.
type fieldPresence bool

const (
	req fieldPresence = true
	opt fieldPresence = false
)

// spec builds a FieldSpec whose value is read from a T item.
func spec[T any](t Table, key string, typ FieldType, p fieldPresence, unit, short string, get func(T) (any, bool)) FieldSpec {
	return FieldSpec{Table: t, Key: key, Type: typ, Required: bool(p), Unit: unit, Short: short,
		value: func(item any) (any, bool) {
			it, ok := item.(T)
			if !ok {
				return nil, false
			}
			return get(it)
		}}
}

func numField[T any](t Table, key string, p fieldPresence, unit, short string, get func(T) float64) FieldSpec {
	return spec(t, key, Number, p, unit, short, func(it T) (any, bool) { v := get(it); return v, bool(p) || v != 0 })
}

func priceField[T any](t Table, key string, p fieldPresence, unit, short string, get func(T) float64) FieldSpec {
	f := numField(t, key, p, unit, short, get)
	f.Money = true
	return f
}

func wholeField[T any](t Table, key string, p fieldPresence, unit, short string, get func(T) int) FieldSpec {
	return spec(t, key, Whole, p, unit, short, func(it T) (any, bool) { v := get(it); return v, bool(p) || v != 0 })
}

func textField[T any](t Table, key string, p fieldPresence, unit, short string, get func(T) string) FieldSpec {
	return spec(t, key, Text, p, unit, short, func(it T) (any, bool) { v := get(it); return v, bool(p) || v != "" })
}

func flagField[T any](t Table, key, short string, get func(T) bool) FieldSpec {
	return spec(t, key, Flag, opt, "", short, func(it T) (any, bool) { v := get(it); return v, v })
}

func dateField[T any](t Table, key, short string, get func(T) time.Time) FieldSpec {
	return spec(t, key, Date, opt, "", short, func(it T) (any, bool) {
		d := get(it)
		return d.Format(time.DateOnly), !d.IsZero()
	})
}

// when makes a field known exactly when has says (a field required only
// together with another, and then 0 is a value).
func when[T any](f FieldSpec, has func(T) bool) FieldSpec {
	value := f.value
	f.value = func(item any) (any, bool) {
		v, _ := value(item)
		it, ok := item.(T)
		return v, ok && has(it)
	}
	return f
}

// always makes an optional field with a default always known.
func always(f FieldSpec) FieldSpec {
	value := f.value
	f.value = func(item any) (any, bool) { v, _ := value(item); return v, v != nil }
	return f
}

// shownAs writes the field's value with show.
func shownAs(f FieldSpec, show func(v any) string) FieldSpec {
	f.show = show
	return f
}

// billingPeriod is a billing increment in the unit people use: "1 s" for
// per-second billing (1/60 of a minute), "1 min", "60 min".
func billingPeriod(v any) string {
	m, _ := v.(float64)
	if m < 1 {
		return format.Exact(math.Round(m*60*1000)/1000) + " s"
	}
	return format.Exact(m) + " min"
}

// derived gives the detail what the engine uses when the sheet leaves the
// field out.
func derived[T any](f FieldSpec, show func(T) string) FieldSpec {
	f.unset = func(item any) string {
		if it, ok := item.(T); ok {
			return show(it)
		}
		return "—"
	}
	return f
}
