package present

import (
	"strconv"

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

// SummaryRows are the headline figures of every option, one row each (the
// quality rows, when the scenario models quality, follow them: see
// QualityRows).
func SummaryRows(s *Scenario) []Row {
	r := &s.Result
	cur := r.Currency
	last := r.HorizonMonths
	rows := []Row{
		OptionRow(r, "Kind", func(o *model.OptionResult) string { return KindName(o.Kind) }),
		OptionRow(r, "Total over "+Months(r.HorizonMonths), func(o *model.OptionResult) string { return format.Money(o.Total, cur) }),
		OptionRow(r, "Per 1k queries, all-in", func(o *model.OptionResult) string { return format.Money(o.CostPer1k, cur) }),
		OptionRow(r, "Per 1k queries, marginal", func(o *model.OptionResult) string { return format.Money(o.MarginalPer1k, cur) }),
		OptionRow(r, "One-time", func(o *model.OptionResult) string { return format.Money(o.OneTime, cur) }),
		OptionRow(r, "Recurring / month, month 1", func(o *model.OptionResult) string { return format.Money(o.Recurring(0), cur) }),
	}
	if last > 1 { // a one-month horizon has no other month to show
		rows = append(rows, OptionRow(r, "Recurring / month, month "+strconv.Itoa(last), func(o *model.OptionResult) string {
			return format.Money(o.Recurring(len(o.Months)-1), cur)
		}))
	}
	return append(rows,
		OptionRow(r, "Latency", LatencyCell),
		OptionRow(r, "Training run", TrainingSummary),
		OptionRow(r, "Training run cost", func(o *model.OptionResult) string {
			if o.Training == nil {
				return "—"
			}
			return format.Money(o.Training.Cost, cur)
		}),
		OptionRow(r, "Serving", ServingCell),
	)
}

// CategoryRows are each option's cost by category over the horizon, then the total.
func CategoryRows(s *Scenario) []Row {
	r := &s.Result
	rows := make([]Row, 0, len(r.CategoryNames())+1)
	for _, c := range r.CategoryNames() {
		rows = append(rows, OptionRow(r, CategoryName(c), func(o *model.OptionResult) string { return CategoryCell(r, o, c) }))
	}
	rows = append(rows, OptionRow(r, "Total", func(o *model.OptionResult) string { return format.Money(o.Total, r.Currency) }))
	return rows
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
	return Plural(t.GPUs, "GPU") + " × " + format.Number(t.BilledHours, 1) + " h"
}

// ServingCell says what serving takes: "1 GPU/replica, peak 3".
func ServingCell(o *model.OptionResult) string {
	sv := o.Serving
	if sv == nil {
		return "API"
	}
	return ReplicaGPUs(o) + ", peak " + Count(sv.PeakInstances)
}

// ReplicaGPUs is "2 GPUs/replica", or "API" for an API-served option.
func ReplicaGPUs(o *model.OptionResult) string {
	if o.Serving == nil {
		return "API"
	}
	return Plural(o.Serving.ReplicaGPUs, "GPU") + "/replica"
}

// KindName is an option kind as people say it.
func KindName(k model.Kind) string { return k.Label() }
