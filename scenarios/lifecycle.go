package scenarios

import (
	"fmt"
	"time"

	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/model"
)

// lifecycle reports what MODEL.md §8 says about the option's API model, the
// first rule that applies: retired on or before today (an error naming the
// successor), retiring inside the horizon (a warning naming the date, its
// month, the successor and, for a managed fine-tune, the cost of tuning
// again on it), or deprecated before the horizon's end (a warning). Then
// F10's ft_jobs_end for a managed fine-tune. o is the filled option.
func (r *resolver) lifecycle(ov OptionValues, label string, s *model.Scenario, o *model.Option) {
	l := model.LifecycleOf(s, o, r.cat, s.Today)
	field := ov.Kind.ServingField()
	at, name := ov.Values[field].Loc(), label+"."+field+" "+quoteShort(l.Model)
	day := func(t time.Time) string { return t.Format(time.DateOnly) }
	switch l.Stage {
	case model.StageRetired:
		r.errorf(at, "option."+field, "%s retired on %s (on or before today, %s); %s",
			name, day(l.Date), day(s.Today), successorAdvice(l.Successor))
	case model.StageRetiring:
		msg := fmt.Sprintf("%s retires on %s, in month %d of the %g-month horizon: the option must migrate (%s)",
			name, day(l.Date), l.Month+1, s.HorizonMonths, successorAdvice(l.Successor))
		if o.Kind.Trains() {
			msg += "; " + retuneWords(l, s.Currency)
		}
		r.warnf(at, "option."+field, "%s", msg)
	case model.StageDeprecated:
		r.warnf(at, "option."+field, "%s is deprecated on %s, before the end of the %g-month horizon (%s)",
			name, day(l.Date), s.HorizonMonths, day(l.End))
	}
	if o.Kind.TunedAPIRates() {
		r.jobsEnd(ov, label, s, o)
	}
}

// successorAdvice names the successor the sheet lists, or says there is none.
func successorAdvice(successor string) string {
	if successor == "" {
		return "no successor named"
	}
	return "its successor is " + quoteShort(successor)
}

// retuneWords is §8's cost of tuning a fine-tune again on the successor, a
// one-time cost the totals leave out, or why it has none.
func retuneWords(l model.Lifecycle, currency string) string {
	switch {
	case !l.HasRetune && l.Successor == "":
		return "the fine-tune must be tuned again on another model (not priced)"
	case !l.HasRetune:
		return "the fine-tune must be tuned again (not priced: " + l.NoRetune + ")"
	}
	return fmt.Sprintf("tuning it again on %s costs %s once (adapters · (F11 + F12)), which the totals do not include",
		quoteShort(l.Successor), format.Money(l.Retune, currency))
}

// jobsEnd is F10's rule for a managed fine-tune whose provider stopped new
// tuning jobs on or before today: an error.
func (r *resolver) jobsEnd(ov OptionValues, label string, s *model.Scenario, o *model.Option) {
	api, ok := r.cat.APIModels[o.BaseModel]
	if !ok || api.FTJobsEnd.IsZero() || s.Today.IsZero() || api.FTJobsEnd.After(s.Today) {
		return // inside the horizon, F10's warning about re-tunes needs F28's result: lint's jobsEnd
	}
	r.errorf(ov.Values["base_model"].Loc(), "option.base_model",
		"%s.base_model %s: its provider stopped new fine-tuning jobs on %s (on or before today, %s); choose a model whose provider still tunes",
		label, quoteShort(o.BaseModel), api.FTJobsEnd.Format(time.DateOnly), s.Today.Format(time.DateOnly))
}
