package report

import (
	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/uncertainty"
)

// This file renders MODEL.md §9 (quality) for the machine formats and the
// break-even on accuracy; its rows in text and Markdown are present's
// figures (present.SummaryRows). A result that models no quality gets none
// of it.

// JSONQuality is §9's per-option JSON, embedded in jsonOption only when the
// scenario models quality (a nil pointer adds no key; exported because
// encoding/json skips embedded pointers to unexported types). Every figure is null
// for an option without accuracy.
type JSONQuality struct {
	Accuracy             *float64 `json:"accuracy"`
	Value                *float64 `json:"value"`
	ROI                  *float64 `json:"roi"`
	PaybackMonth         *int     `json:"payback_month"`
	CostPer1kGoodAnswers *float64 `json:"cost_per_1k_good_answers"`
	// Spend and the cost of errors apart (F26), in total and per 1k
	// queries (F23): added in the v3 exports, after the keys above.
	Spend                 *float64 `json:"spend"`
	CostOfErrors          *float64 `json:"cost_of_errors"`
	SpendPer1kQueries     *float64 `json:"spend_per_1k_queries"`
	ErrorsPer1kQueries    *float64 `json:"errors_per_1k_queries"`
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
	j.Spend, j.CostOfErrors = ptr(q.CostWithoutErrors), ptr(q.Errors)
	j.SpendPer1kQueries, j.ErrorsPer1kQueries = ptr(q.SpendPer1k), ptr(q.ErrorsPer1k)
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

// accuracyText is an accuracy to three decimals: 0.827, 0.88.
func accuracyText(v float64) string { return format.Decimals(v, 3) }
