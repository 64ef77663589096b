package present

import (
	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/model"
)

// qualityFigures are MODEL.md §9's figures, when r models quality:
// accuracy, the cost of errors and the cost without them, cost per 1k good
// answers, then value, ROI and payback where the file prices a success, and
// each fine-tune's best re-tune cadence. "—" where a figure is null.
func qualityFigures(r *model.Result) []Figure {
	if !r.QualityModelled {
		return nil
	}
	cur := r.Currency
	money := func(v float64) string { return format.Money(v, cur) }
	q := func(show func(q *model.Quality) string) func(*model.OptionResult) string {
		return func(o *model.OptionResult) string {
			if o.Quality == nil {
				return "—"
			}
			return show(o.Quality)
		}
	}
	none := func(o *model.OptionResult) bool { return o.Quality == nil }
	fs := []Figure{
		{Label: "Accuracy", JSON: "accuracy", Explain: []string{"accuracy"}, Zero: none,
			Cell: q(func(q *model.Quality) string { return format.Percent(q.Accuracy) })},
		{Label: "Per 1k good answers", JSON: "cost_per_1k_good_answers", Explain: []string{"good_answers", "cost_per_1k_good"},
			Zero: func(o *model.OptionResult) bool { return o.Quality == nil || !o.Quality.HasCostPer1kGood },
			Cell: q(func(q *model.Quality) string {
				if !q.HasCostPer1kGood {
					return "—"
				}
				return money(q.CostPer1kGood)
			})},
	}
	if r.ValueModelled {
		fs = append(fs,
			Figure{Label: "Value of good answers", JSON: "value", In: Reports, Explain: []string{"good_answers", "value"}, Zero: none,
				Cell: q(func(q *model.Quality) string { return money(q.Value) })},
			Figure{Label: "ROI", JSON: "roi", Explain: []string{"good_answers", "value", "net", "roi"},
				Zero: func(o *model.OptionResult) bool { return o.Quality == nil || !o.Quality.HasROI },
				Cell: q(func(q *model.Quality) string {
					if !q.HasROI {
						return "—"
					}
					return format.Percent(q.ROI)
				})},
			Figure{Label: "Payback", JSON: "payback_month", Explain: []string{"value", "net", "payback_month"}, Zero: none, Unreached: neverPaysBack,
				Cell: q(func(q *model.Quality) string {
					if !q.HasPayback {
						return "never"
					}
					return format.MonthName(q.PaybackMonth)
				})})
	}
	noBest := func(o *model.OptionResult) bool { return o.Quality == nil || !o.Quality.HasBestRetune }
	cadence := func(q *model.Quality) string {
		if !q.HasBestRetune {
			return "—"
		}
		return CadenceText(q.BestRetuneEvery)
	}
	if anyBestRetune(r) {
		fs = append(fs, Figure{Label: "Best re-tune cadence", JSON: "best_retune_every_months", In: Reports, Explain: []string{"retune.best", "retune.best_saves"},
			Zero: noBest, Cell: q(func(q *model.Quality) string {
				if !q.HasBestRetune {
					return "—"
				}
				return cadence(q) + savesText(q.BestRetuneSaves, cur)
			})})
	}
	fs = append(fs,
		Figure{Label: "Best re-tune", JSON: "best_retune_every_months", In: Screen, Explain: []string{"retune.best"}, Zero: noBest, Cell: q(cadence)},
		Figure{Label: "Best re-tune saves", JSON: "best_retune_saves", In: Screen, Explain: []string{"retune.best", "retune.best_saves"},
			Zero: func(o *model.OptionResult) bool { return o.Quality == nil || o.Quality.BestRetuneSaves == 0 },
			Cell: q(func(q *model.Quality) string {
				if !q.HasBestRetune {
					return "—"
				}
				return money(q.BestRetuneSaves)
			})})
	return everywhereUnlessSet(SectionQuality, fs)
}

func anyBestRetune(r *model.Result) bool {
	for i := range r.Options {
		if q := r.Options[i].Quality; q != nil && q.HasBestRetune {
			return true
		}
	}
	return false
}

func savesText(saves float64, cur string) string {
	if saves == 0 {
		return " (as the file)"
	}
	return " (saves " + format.Money(saves, cur) + ")"
}

// neverPaysBack says why an option's payback is "never": its running net
// value stays below zero through the last month (F27 records no month).
func neverPaysBack(o *model.OptionResult) string {
	if o.Quality == nil || !o.Quality.HasValue || o.Quality.HasPayback {
		return ""
	}
	return "The running net value (value − cost to date) stays below 0 in every one of the " +
		format.Plural(float64(len(o.Months())), "month") + ": no month pays back."
}

// spendFigures are F26's split of the total and F23's per 1k queries into
// money spent and the modelled cost of bad answers, shown beside the total
// and the cost per 1k when the scenario models quality (none otherwise):
// a $4,531 per 1k that is $30 of API bill and $4,500 of errors must not
// read as one figure.
func spendFigures(r *model.Result, afterTotal bool) []Figure {
	if !r.QualityModelled {
		return nil
	}
	money := func(get func(q *model.Quality) float64) func(*model.OptionResult) string {
		return func(o *model.OptionResult) string {
			if o.Quality == nil {
				return "—"
			}
			return format.Money(get(o.Quality), r.Currency)
		}
	}
	none := func(o *model.OptionResult) bool { return o.Quality == nil }
	if afterTotal {
		return []Figure{
			{Label: "Total without errors", Short: "Without errors", Explain: []string{"errors", "cost_without_errors"}, Zero: none,
				Cell: money(func(q *model.Quality) float64 { return q.CostWithoutErrors })},
			{Label: "Cost of errors", Short: "Cost of errors", JSON: "months.errors", Explain: []string{"errors"}, Zero: none,
				Cell: money(func(q *model.Quality) float64 { return q.Errors })},
		}
	}
	return []Figure{
		{Label: "Per 1k queries, spend only", Short: "Per 1k, spend", JSON: "spend_per_1k_queries", Zero: none,
			Explain: []string{"errors", "cost_without_errors", "spend_per_1k"},
			Cell:    money(func(q *model.Quality) float64 { return q.SpendPer1k })},
		{Label: "Per 1k queries, errors only", Short: "Per 1k, errors", JSON: "errors_per_1k_queries", Zero: none,
			Explain: []string{"errors", "errors_per_1k"},
			Cell:    money(func(q *model.Quality) float64 { return q.ErrorsPer1k })},
	}
}
