package present

import (
	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/model"
)

// This file holds the rows of the side-by-side comparison. Cells are plain,
// unescaped text; each renderer sanitizes or escapes names itself.

// Row is one line of a side-by-side table: a label and one cell per option.
// A row without cells is a heading.
type Row struct {
	Label string
	Cells []string
}

// CategoryCell is an option's cost in one category over the horizon, a
// dash when there is none: most categories are empty for most kinds, and a
// dash reads faster.
func CategoryCell(r *model.Result, o *model.OptionResult, category string) string {
	v := o.CategoryTotal(category)
	if v == 0 {
		return "—"
	}
	return format.Money(v, r.Currency)
}

// OptionRow is a row of one cell per option.
func OptionRow(r *model.Result, label string, cell func(o *model.OptionResult) string) Row {
	cells := make([]string, len(r.Options))
	for i := range r.Options {
		cells[i] = cell(&r.Options[i])
	}
	return Row{Label: label, Cells: cells}
}

// LatencyCell is the option's latency, a dash when the sheet lacks the
// speed figures.
func LatencyCell(o *model.OptionResult) string {
	if !o.HasLatency {
		return "—"
	}
	return format.Duration(o.LatencyMs)
}

// TrainingSummary says what one training run takes: "4 GPUs × 12.5 h".
func TrainingSummary(o *model.OptionResult) string {
	t := o.Training
	switch {
	case t == nil:
		return "—"
	case t.Managed:
		return "managed (API)"
	}
	return format.Plural(t.GPUs, "GPU") + " × " + format.Number(t.BilledHours, 1) + " h"
}

// ServingCell says what serving takes: "1 GPU/replica, peak 3".
func ServingCell(o *model.OptionResult) string {
	sv := o.Serving
	if sv == nil {
		return "API"
	}
	return ReplicaGPUs(o) + ", peak " + format.Count(sv.PeakInstances)
}

// ReplicaGPUs is "2 GPUs/replica", or "API" for an API-served option.
func ReplicaGPUs(o *model.OptionResult) string {
	if o.Serving == nil {
		return "API"
	}
	return format.Plural(o.Serving.ReplicaGPUs, "GPU") + "/replica"
}

// KindName is an option kind as people say it.
func KindName(k model.Kind) string { return k.Label() }
