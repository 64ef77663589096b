package views

import (
	"strconv"

	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/present"
)

// figure is one row of the comparison: a label, how to show an option's
// value, and which derivations explain it, in the order they build on each
// other: the last one found ends at the figure shown.
type figure struct {
	label   string
	section string // starts a new group when set
	cell    func(r *model.Result, o *model.OptionResult) string
	explain []string
	zero    func(o *model.OptionResult) bool // the value is absent or zero: drawn muted
	// unreached, when set and not "", says why the figure is a month that
	// never comes ("never"): no derivation can end there, so the explain
	// closes with this reason and the figure as shown.
	unreached func(r *model.Result, o *model.OptionResult) string
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
		{label: "Total, " + present.Months(r.HorizonMonths), section: "Cost",
			cell: m(func(o *model.OptionResult) float64 { return o.Total }), explain: []string{"total"}},
		{label: "Per 1k queries", cell: m(func(o *model.OptionResult) float64 { return o.CostPer1k }),
			explain: []string{"total", "cost_per_1k"}},
		{label: "Per 1k, marginal", cell: m(func(o *model.OptionResult) float64 { return o.MarginalPer1k }),
			explain: []string{"category.inference", "category.retrieval", "category.hosting", "errors", "marginal_per_1k"}},
		{label: "One-time", cell: m(func(o *model.OptionResult) float64 { return o.OneTime }),
			explain: []string{"data", "experiments", "rag.build", "prompt.engineering", "setup", "one_time"}},
		{label: "Recurring/mo, month 1", cell: m(func(o *model.OptionResult) float64 { return o.Recurring(0) }),
			explain: []string{"recurring.first"}},
	}
	if last > 1 { // a one-month horizon has no other month to show
		fs = append(fs, figure{label: "Recurring/mo, month " + strconv.Itoa(last),
			cell:    m(func(o *model.OptionResult) float64 { return o.Recurring(len(o.Months) - 1) }),
			explain: []string{"recurring.last"}})
	}
	fs = append(fs, qualityFigures(r)...) // §9, only when quality is modelled
	for i, c := range r.CategoryNames() {
		f := figure{label: present.CategoryName(c), cell: func(r *model.Result, o *model.OptionResult) string {
			return present.CategoryCell(r, o, c)
		},
			explain: model.CategoryChain(c), zero: func(o *model.OptionResult) bool { return o.CategoryTotal(c) == 0 }}
		if i == 0 {
			f.section = "By category, over the horizon"
		}
		fs = append(fs, f)
	}
	fs = append(fs,
		figure{label: "Latency", section: "Resources", explain: []string{"serving.weights_read_gb", "serving.bandwidth", "serving.peak_tflops", "serving.tp_seconds", "serving.prefill_seconds", "serving.step_seconds", "serving.busy_seconds", "latency"},
			cell: func(_ *model.Result, o *model.OptionResult) string { return present.LatencyCell(o) },
			zero: func(o *model.OptionResult) bool { return !o.HasLatency }},
		figure{label: "Training run", explain: []string{"training.tokens", "training.trainable_params", "training.active_params", "training.active_trainable_params",
			"training.flops", "training.activation_bytes", "training.activations_gb", "training.states_gb", "training.memory_per_gpu_gb", "training.memory_gb",
			"training.min_gpus", "training.instances", "training.peak_tflops", "training.mfu", "training.compute_hours", "training.comm_hours",
			"training.hours", "training.billed_hours"},
			cell: func(_ *model.Result, o *model.OptionResult) string { return present.TrainingSummary(o) },
			zero: func(o *model.OptionResult) bool { return o.Training == nil }},
		figure{label: "Training run cost", explain: []string{"training.hours", "training.billed_hours", "training.cost"},
			cell: func(_ *model.Result, o *model.OptionResult) string {
				if o.Training == nil {
					return "—"
				}
				return money(o.Training.Cost, cur)
			},
			zero: func(o *model.OptionResult) bool { return o.Training == nil }},
		figure{label: "Serving GPUs", explain: []string{"serving.kv_bytes", "serving.weights_gb", "serving.memory_gb", "serving.replica_gpus"},
			cell: func(_ *model.Result, o *model.OptionResult) string { return present.ReplicaGPUs(o) }},
		figure{label: "Peak instances", explain: []string{"serving.busy_seconds", "serving.replicas", "serving.peak_instances"},
			cell: func(_ *model.Result, o *model.OptionResult) string {
				if o.Serving == nil {
					return "—"
				}
				return present.Count(o.Serving.PeakInstances)
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

// chain returns the figure's derivations that the option records, in
// order (the option replays its formulas once to list them).
func (f figure) chain(o *model.OptionResult) []model.Derivation {
	all := o.Derivations()
	var out []model.Derivation
	for _, id := range f.explain {
		for _, d := range all {
			if d.Figure == id {
				out = append(out, d)
				break
			}
		}
	}
	return out
}

// plural is a count with its unit, in the reports' rule (present.Plural).
func plural(v float64, unit string) string { return present.Plural(v, unit) }
