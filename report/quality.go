package report

import (
	"github.com/tunecost/tunecost/present"
	"math"
	"strconv"

	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/uncertainty"
)

// This file renders MODEL.md §9 (quality) for every format. A result that
// models no quality gets none of it, so its output is byte for byte what it
// was before quality existed.

// qualityRows are the §9 figures of the side-by-side table: accuracy, the
// cost of errors, the cost without them, cost per 1k good answers, then
// value, ROI and payback where the file prices a success, and the best
// re-tune cadence of each fine-tune. "—" where a figure is null.
func qualityRows(s *Scenario) []present.Row {
	r := &s.Result
	if !r.QualityModelled {
		return nil
	}
	cur := r.Currency
	cell := func(f func(q *model.Quality) string) func(o *model.OptionResult) string {
		return func(o *model.OptionResult) string {
			if o.Quality == nil {
				return "—"
			}
			return f(o.Quality)
		}
	}
	rows := []present.Row{
		present.OptionRow(r, "Accuracy", cell(func(q *model.Quality) string { return format.Percent(q.Accuracy) })),
		present.OptionRow(r, "Cost of errors", cell(func(q *model.Quality) string { return format.Money(q.Errors, cur) })),
		present.OptionRow(r, "Total without errors", cell(func(q *model.Quality) string { return format.Money(q.CostWithoutErrors, cur) })),
		present.OptionRow(r, "Per 1k good answers", cell(func(q *model.Quality) string {
			if !q.HasCostPer1kGood {
				return "—"
			}
			return format.Money(q.CostPer1kGood, cur)
		})),
	}
	if r.ValueModelled {
		rows = append(rows,
			present.OptionRow(r, "Value of good answers", cell(func(q *model.Quality) string { return format.Money(q.Value, cur) })),
			present.OptionRow(r, "ROI", cell(func(q *model.Quality) string {
				if !q.HasROI {
					return "—"
				}
				return format.Percent(q.ROI)
			})),
			present.OptionRow(r, "Payback", cell(paybackText)))
	}
	if anyBestRetune(r) {
		rows = append(rows, present.OptionRow(r, "Best re-tune cadence", cell(func(q *model.Quality) string {
			if !q.HasBestRetune {
				return "—"
			}
			return present.CadenceText(q.BestRetuneEvery) + savesText(q.BestRetuneSaves, cur)
		})))
	}
	return rows
}

func anyBestRetune(r *model.Result) bool {
	for i := range r.Options {
		if q := r.Options[i].Quality; q != nil && q.HasBestRetune {
			return true
		}
	}
	return false
}

// paybackText is the payback month counted from 1, or "never".
func paybackText(q *model.Quality) string {
	if !q.HasPayback {
		return "never"
	}
	return "month " + strconv.Itoa(q.PaybackMonth+1)
}

func savesText(saves float64, cur string) string {
	if saves == 0 {
		return " (as the file)"
	}
	return " (saves " + format.Money(saves, cur) + ")"
}

// JSONQuality is §9's per-option JSON, embedded in jsonOption only when the
// scenario models quality (a nil pointer adds no key; exported because
// encoding/json skips embedded pointers to unexported types). Every figure is null
// for an option without accuracy.
type JSONQuality struct {
	Accuracy              *float64 `json:"accuracy"`
	Value                 *float64 `json:"value"`
	ROI                   *float64 `json:"roi"`
	PaybackMonth          *int     `json:"payback_month"`
	CostPer1kGoodAnswers  *float64 `json:"cost_per_1k_good_answers"`
	BestRetuneEveryMonths *int     `json:"best_retune_every_months"`
	BestRetuneSaves       *float64 `json:"best_retune_saves"`
}

func qualityJSON(r *model.Result, o *model.OptionResult) *JSONQuality {
	if !r.QualityModelled {
		return nil
	}
	j := &JSONQuality{}
	q := o.Quality
	if q == nil {
		return j
	}
	j.Accuracy = ptr(q.Accuracy)
	if q.HasCostPer1kGood {
		j.CostPer1kGoodAnswers = ptr(q.CostPer1kGood)
	}
	if q.HasValue {
		j.Value = ptr(q.Value)
		if q.HasROI {
			j.ROI = ptr(q.ROI)
		}
		if q.HasPayback {
			j.PaybackMonth = &q.PaybackMonth
		}
	}
	if q.HasBestRetune {
		j.BestRetuneEveryMonths, j.BestRetuneSaves = &q.BestRetuneEvery, ptr(q.BestRetuneSaves)
	}
	return j
}

func anyQuality(scenarios []Scenario) bool {
	for i := range scenarios {
		if scenarios[i].Result.QualityModelled {
			return true
		}
	}
	return false
}

// AccuracyBreakEvenWords is the break-even on an option's accuracy said as
// the decision it settles: "LoRA costs less than RAG only if its accuracy
// is above 0.86 (now 0.88)." More accuracy only ever lowers an option's
// errors (F26), so the option whose accuracy moves wins above the value.
// "" for any other input or when the order never changes.
func AccuracyBreakEvenWords(s *model.Scenario, in uncertainty.Input, be uncertainty.BreakEven) string {
	if !be.Found || in.Field == nil || in.Field.Key != "accuracy" || in.Option < 0 || in.Option >= len(s.Options) {
		return ""
	}
	who := s.Options[in.Option].Name
	other := be.B
	if who == be.B {
		other = be.A
	}
	return format.Sanitize(who) + " costs less than " + format.Sanitize(other) + " only if its accuracy is above " +
		accuracyText(be.Value) + " (now " + accuracyText(s.Options[in.Option].Accuracy) + ")."
}

// accuracyText is an accuracy to three decimals, trailing zeros dropped:
// 0.827, 0.88.
func accuracyText(v float64) string {
	return strconv.FormatFloat(math.Round(v*1000)/1000, 'f', -1, 64)
}

// summaryRows are the comparison's headline rows, then §9's when the
// scenario models quality.
func summaryRows(s *Scenario) []present.Row {
	return append(present.SummaryRows(s), qualityRows(s)...)
}
