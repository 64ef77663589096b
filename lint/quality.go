package lint

import (
	"strconv"

	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/present"
)

// Quality rules (MODEL.md §9), on fine-tunes with accuracy:
//
//	| # | field | warns when | why |
//	|---|---|---|---|
//	| 4 | `retune_every_months` | = 0 (rule 4) with `accuracy_decay_per_month` set | the message adds what the decay costs |
//	| 9 | `retune_every_months` | F28's best cadence differs and saves > 5 % of the total | re-tuning is priced against staleness |
//	| 10 | `accuracy` | above every prompted/RAG option's with `golden_set_examples` = 0 | nothing measures that claim |

// minCadenceSaving is the share of the total a better cadence must save
// to be worth a warning.
const minCadenceSaving = 0.05

// qualityOf is option i's §9 figures from the lint's result, nil when the
// result does not hold them.
func (c *checker) qualityOf(i int, name string) *model.Quality {
	if r := c.in.Result.Options; i < len(r) && r[i].Name == name {
		return r[i].Quality
	}
	return nil
}

// decayWords is what rule 4 adds when the fine-tune's accuracy decays:
// what the decay costs over the horizon in bad answers (and lost value
// where the file prices a success), and the best cadence when it is not
// "never". Σ Q(m) · (accuracy − acc(m)) · (cost_per_error + value_per_success).
func (c *checker) decayWords(i int, o *model.Option) string {
	q := c.qualityOf(i, o.Name)
	if q == nil || o.AccuracyDecayPerMonth <= 0 {
		return ""
	}
	w := c.in.Scenario.Workload
	if w.CostPerError+w.ValuePerSuccess == 0 {
		return "" // nothing priced: the decay costs no money to name
	}
	months := c.in.Result.Options[i].Months()
	lost := 0.0
	for k := range months {
		lost += months[k].Queries * (o.Accuracy - months[k].Accuracy)
	}
	what := "in bad answers"
	if w.HasValuePerSuccess && w.ValuePerSuccess > 0 {
		what = "in bad answers and lost value"
	}
	cur := c.currency()
	words := "; its accuracy decay (accuracy_decay_per_month = " + plain(o.AccuracyDecayPerMonth) + ") costs " +
		format.Money(lost*(w.CostPerError+w.ValuePerSuccess), cur) + " " + what
	if q.HasBestRetune && q.BestRetuneEvery > 0 {
		words += ", and re-tuning " + present.CadenceText(q.BestRetuneEvery) + " would save " + format.Money(q.BestRetuneSaves, cur)
	}
	return words
}

// retuneCadence is rule 9: F28 found a cadence that saves more than 5 %
// of the option's total. A file that never re-tunes is told by rule 4.
func retuneCadence(c *checker, i int, o *model.Option) {
	q := c.qualityOf(i, o.Name)
	if q == nil || !q.HasBestRetune || q.BestRetuneSaves == 0 || int(o.RetuneEveryMonths) == q.BestRetuneEvery {
		return
	}
	if o.RetuneEveryMonths == 0 && c.in.Scenario.HorizonMonths > maxHorizonNoRetune {
		return // rule 4's line already names the best cadence
	}
	total := c.in.Result.Options[i].Total
	if q.BestRetuneSaves <= minCadenceSaving*total {
		return
	}
	cur := c.currency()
	c.warnOption(i, o, "retune_every_months",
		"retune_every_months = %s: re-tuning %s would cost %s less over %s months (%s of the option's total), given its accuracy decay and cost_per_error; set retune_every_months = %d",
		format.Number(o.RetuneEveryMonths, 0), present.CadenceText(q.BestRetuneEvery), format.Money(q.BestRetuneSaves, cur),
		format.Number(c.in.Scenario.HorizonMonths, 0), format.Percent(q.BestRetuneSaves/total), q.BestRetuneEvery)
}

// unmeasuredAccuracy is rule 10: a fine-tune claimed to answer better than
// every prompted and RAG option, with no golden set to measure it.
func unmeasuredAccuracy(c *checker, i int, o *model.Option) {
	if !o.HasAccuracy || o.GoldenSetExamples > 0 {
		return
	}
	best, found := 0.0, false
	for k := range c.in.Scenario.Options {
		other := &c.in.Scenario.Options[k]
		if !other.Kind.Trains() && other.HasAccuracy {
			best, found = max(best, other.Accuracy), true
		}
	}
	if !found || o.Accuracy <= best {
		return
	}
	c.warnOption(i, o, "accuracy",
		"accuracy = %s is above every prompted and RAG option's (at most %s) but golden_set_examples = 0: nothing measures that claim; budget a golden validation set of at least %d expert-reviewed examples",
		plain(o.Accuracy), plain(best), minGoldenSet)
}

// plain writes an accuracy as typed: 0.9, 0.015.
func plain(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
