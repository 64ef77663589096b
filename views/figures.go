package views

import (
	"github.com/tunecost/tunecost/report"
	"strconv"
	"strings"

	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/model"
)

// figure is one row of the comparison: a label, how to show an option's
// value, and which derivations explain it (the first found is the headline).
type figure struct {
	label   string
	section string // starts a new group when set
	cell    func(r *model.Result, o *model.OptionResult) string
	explain []string
	zero    func(o *model.OptionResult) bool // the value is absent or zero: drawn muted
}

// figures lists the comparison's rows. The horizon appears in labels, so it
// is built per result.
func figures(r *model.Result) []figure {
	cur := r.Currency
	m := func(get func(o *model.OptionResult) float64) func(*model.Result, *model.OptionResult) string {
		return func(_ *model.Result, o *model.OptionResult) string { return money(get(o), cur) }
	}
	last := max(r.HorizonMonths, 1)
	fs := []figure{
		{label: "Total, " + plural(float64(r.HorizonMonths), "month"), section: "Cost",
			cell: m(func(o *model.OptionResult) float64 { return o.Total }), explain: []string{"total"}},
		{label: "Per 1k queries", cell: m(func(o *model.OptionResult) float64 { return o.CostPer1k }),
			explain: []string{"cost_per_1k", "total"}},
		{label: "Per 1k, marginal", cell: m(func(o *model.OptionResult) float64 { return o.MarginalPer1k }),
			explain: []string{"marginal_per_1k", "inference.per_query", "inference", "retrieval", "hosting"}},
		{label: "One-time", cell: m(func(o *model.OptionResult) float64 { return o.OneTime }),
			explain: []string{"data", "experiments", "setup", "rag.build", "prompt.engineering"}},
		{label: "Recurring/mo, month 1", cell: m(func(o *model.OptionResult) float64 { return o.Recurring(0) }),
			explain: []string{"inference", "retrieval", "hosting", "labour"}},
		{label: "Recurring/mo, month " + strconv.Itoa(last),
			cell:    m(func(o *model.OptionResult) float64 { return o.Recurring(len(o.Months) - 1) }),
			explain: []string{"inference", "retrieval", "hosting", "labour", "training"}},
	}
	for i, c := range model.Categories {
		f := figure{label: capitalise(c), cell: func(_ *model.Result, o *model.OptionResult) string {
			if v := o.CategoryTotal(c); v != 0 {
				return money(v, cur)
			}
			return "—"
		},
			explain: []string{c}, zero: func(o *model.OptionResult) bool { return o.CategoryTotal(c) == 0 }}
		if i == 0 {
			f.section = "By category, over the horizon"
		}
		if c == "training" {
			f.explain = []string{"training", "training.cost"}
		}
		fs = append(fs, f)
	}
	fs = append(fs,
		figure{label: "Latency", section: "Resources", explain: []string{"latency", "serving.busy_seconds", "serving.step_seconds", "serving.prefill_seconds", "serving.bandwidth", "serving.weights_read_gb"},
			cell: func(_ *model.Result, o *model.OptionResult) string {
				if !o.HasLatency {
					return "—"
				}
				return format.Duration(o.LatencyMs)
			},
			zero: func(o *model.OptionResult) bool { return !o.HasLatency }},
		figure{label: "Training run", explain: []string{"training.billed_hours", "training.instances", "training.min_gpus", "training.memory_per_gpu_gb", "training.memory_gb",
			"training.states_gb", "training.activations_gb", "training.activation_bytes", "training.flops", "training.tokens", "training.trainable_params",
			"training.active_params", "training.active_trainable_params"},
			cell: func(_ *model.Result, o *model.OptionResult) string { return report.TrainingSummary(o) },
			zero: func(o *model.OptionResult) bool { return o.Training == nil }},
		figure{label: "Training run cost", explain: []string{"training.cost"},
			cell: func(_ *model.Result, o *model.OptionResult) string {
				if o.Training == nil {
					return "—"
				}
				return money(o.Training.Cost, cur)
			},
			zero: func(o *model.OptionResult) bool { return o.Training == nil }},
		figure{label: "Serving GPUs", explain: []string{"serving.replica_gpus", "serving.memory_gb", "serving.weights_gb", "serving.kv_bytes"},
			cell: func(_ *model.Result, o *model.OptionResult) string {
				if o.Serving == nil {
					return "API"
				}
				return plural(o.Serving.ReplicaGPUs, "GPU") + "/replica"
			}},
		figure{label: "Peak instances", explain: []string{"serving.replicas", "serving.busy_seconds"},
			cell: func(_ *model.Result, o *model.OptionResult) string {
				if o.Serving == nil {
					return "—"
				}
				return count(o.Serving.PeakInstances)
			},
			zero: func(o *model.OptionResult) bool { return o.Serving == nil }},
		figure{label: "Warnings",
			cell: func(_ *model.Result, o *model.OptionResult) string {
				if len(o.Warnings) == 0 {
					return "none"
				}
				return "⚠ " + strconv.Itoa(len(o.Warnings))
			},
			zero: func(o *model.OptionResult) bool { return len(o.Warnings) == 0 }},
	)
	return fs
}

func plural(v float64, unit string) string {
	if v == 1 {
		return "1 " + unit
	}
	return count(v) + " " + unit + "s"
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
