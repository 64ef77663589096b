package report

import (
	"math"
	"strconv"
	"strings"

	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/model"
)

// This file holds what the human-readable renderers (text, Markdown) share:
// the rows of the side-by-side comparison. Cells are plain, unescaped text;
// each renderer sanitizes or escapes names itself, so none is done here.

// row is one line of a side-by-side table: a label and one cell per option.
type row struct {
	label string
	cells []string
}

// summaryRows are the headline figures of every option, one row each.
func summaryRows(s *Scenario) []row {
	r := &s.Result
	cur := r.Currency
	last := r.HorizonMonths
	rows := []row{
		optionRow(r, "Kind", func(o *model.OptionResult) string { return KindName(o.Kind) }),
		optionRow(r, "Total over "+months(r.HorizonMonths), func(o *model.OptionResult) string { return format.Money(o.Total, cur) }),
		optionRow(r, "Per 1k queries, all-in", func(o *model.OptionResult) string { return format.Money(o.CostPer1k, cur) }),
		optionRow(r, "Per 1k queries, marginal", func(o *model.OptionResult) string { return format.Money(o.MarginalPer1k, cur) }),
		optionRow(r, "One-time", func(o *model.OptionResult) string { return format.Money(o.OneTime, cur) }),
		optionRow(r, "Recurring / month, month 1", func(o *model.OptionResult) string { return format.Money(o.Recurring(0), cur) }),
		optionRow(r, "Recurring / month, month "+strconv.Itoa(last), func(o *model.OptionResult) string {
			return format.Money(o.Recurring(len(o.Months)-1), cur)
		}),
		optionRow(r, "Latency", func(o *model.OptionResult) string {
			if !o.HasLatency {
				return "—"
			}
			return format.Duration(o.LatencyMs)
		}),
		optionRow(r, "Training run", TrainingSummary),
		optionRow(r, "Training run cost", func(o *model.OptionResult) string {
			if o.Training == nil {
				return "—"
			}
			return format.Money(o.Training.Cost, cur)
		}),
		optionRow(r, "Serving", servingCell),
	}
	return append(rows, qualityRows(s)...)
}

// categoryRows are each option's cost by category over the horizon, then the total.
func categoryRows(s *Scenario) []row {
	r := &s.Result
	rows := make([]row, 0, len(r.CategoryNames())+1)
	for _, c := range r.CategoryNames() {
		rows = append(rows, optionRow(r, categoryName(c), func(o *model.OptionResult) string {
			v := o.CategoryTotal(c)
			if v == 0 {
				return "—" // most categories are empty for most kinds; a dash reads faster
			}
			return format.Money(v, r.Currency)
		}))
	}
	rows = append(rows, optionRow(r, "Total", func(o *model.OptionResult) string { return format.Money(o.Total, r.Currency) }))
	return rows
}

func optionRow(r *model.Result, label string, cell func(o *model.OptionResult) string) row {
	cells := make([]string, len(r.Options))
	for i := range r.Options {
		cells[i] = cell(&r.Options[i])
	}
	return row{label: label, cells: cells}
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
	return plural(t.GPUs, "GPU") + " × " + format.Number(t.BilledHours, 1) + " h"
}

// servingCell says what serving takes: "1 GPU/replica, peak 3".
func servingCell(o *model.OptionResult) string {
	sv := o.Serving
	if sv == nil {
		return "API"
	}
	return plural(sv.ReplicaGPUs, "GPU") + "/replica, peak " + count(sv.PeakInstances)
}

// count formats a count: whole numbers without decimals, others with two.
func count(v float64) string {
	if v == math.Trunc(v) {
		return format.Number(v, 0)
	}
	return format.Number(v, 2)
}

func plural(v float64, unit string) string {
	if v == 1 {
		return "1 " + unit
	}
	return count(v) + " " + unit + "s"
}

func months(n int) string {
	if n == 1 {
		return "1 month"
	}
	return strconv.Itoa(n) + " months"
}

// KindName is an option kind as people say it.
func KindName(k model.Kind) string {
	switch k {
	case model.FineTune:
		return "fine-tune"
	case model.RAG:
		return "RAG"
	case model.Prompt:
		return "prompted model"
	}
	return string(k)
}

// categoryName capitalises a category for a row label.
func categoryName(c string) string {
	if c == "" {
		return c
	}
	return strings.ToUpper(c[:1]) + c[1:]
}
