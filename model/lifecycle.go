package model

import "time"

// Stage is where an option's API model stands in its lifecycle over the
// horizon (MODEL.md §8), the first of these that applies.
type Stage int

const (
	StageCurrent    Stage = iota // nothing announced before the horizon ends
	StageRetired                 // retires on or before today: an error
	StageRetiring                // retires before the horizon's end: a warning
	StageDeprecated              // deprecated before the horizon's end: a warning
)

// Lifecycle is what §8 says about one option's API model.
type Lifecycle struct {
	Stage     Stage
	Model     string    // the api_model id
	Date      time.Time // retires (StageRetired, StageRetiring) or deprecated (StageDeprecated)
	Month     int       // StageRetiring: the month m the date falls in (shown as m + 1)
	End       time.Time // the horizon's end E
	Successor string    // as the sheet names it; "" = none named

	// Retiring managed fine-tunes: the cost of tuning again on the successor
	// (adapters · (F11 + F12) at its train_per_mtok and ft_min_charge), a
	// one-time cost the totals leave out. HasRetune is false when there is
	// none to price, and NoRetune then says why.
	HasRetune bool
	Retune    float64
	NoRetune  string
}

// LifecycleOf applies §8's lifecycle rule to the option's serving model, if
// it is an API model, on today (a date at midnight UTC). A zero today
// means no date to count from: StageCurrent.
func LifecycleOf(s *Scenario, o *Option, cat *Catalog, today time.Time) Lifecycle {
	if today.IsZero() {
		return Lifecycle{}
	}
	return lifecycleOf(s, o, cat, today, HorizonEnd(today, int(s.HorizonMonths)))
}

// lifecycleOf is LifecycleOf with the horizon's end E worked out by the
// caller, once for every option of an evaluation.
func lifecycleOf(s *Scenario, o *Option, cat *Catalog, today, end time.Time) Lifecycle {
	id := o.ServingModelID()
	api, ok := cat.APIModels[id]
	if !ok || today.IsZero() {
		return Lifecycle{}
	}
	months := int(s.HorizonMonths)
	l := Lifecycle{Model: id, Successor: api.Successor, End: end}
	switch {
	case !api.Retires.IsZero() && !api.Retires.After(today):
		l.Stage, l.Date = StageRetired, api.Retires
	case !api.Retires.IsZero() && api.Retires.Before(l.End):
		l.Stage, l.Date = StageRetiring, api.Retires
		l.Month, _ = MonthOf(today, api.Retires, months)
		if o.Kind.Trains() {
			l.retuneOnSuccessor(s, o, cat)
		}
	case !api.Deprecated.IsZero() && api.Deprecated.Before(l.End):
		l.Stage, l.Date = StageDeprecated, api.Deprecated
	}
	return l
}

// retuneOnSuccessor prices tuning the option again on its model's successor,
// or says why it cannot.
func (l *Lifecycle) retuneOnSuccessor(s *Scenario, o *Option, cat *Catalog) {
	succ, found := cat.APIModels[l.Successor]
	switch {
	case l.Successor == "":
		l.NoRetune = "no successor named"
	case !found:
		l.NoRetune = "successor " + quote(l.Successor) + " is not in the catalog"
	case !succ.Managed():
		l.NoRetune = "successor " + quote(l.Successor) + " has no managed fine-tuning (no train_per_mtok)"
	default:
		l.HasRetune, l.Retune = true, RetuneCost(s, o, succ)
	}
}

// RetuneCost is §8's cost of tuning a managed fine-tune again on another
// model: adapters · (F11 + F12), F10's run cost at that model's
// train_per_mtok and ft_min_charge.
func RetuneCost(s *Scenario, o *Option, on APIModel) float64 {
	rate := s.Team.HourlyRate
	d := o.TrainExamples * o.TokensPerExample * o.Epochs                   // F5
	run := max(d*on.TrainPerMtok/1e6, on.FTMinCharge)                      // F10, managed
	data := o.CurationHours*rate + o.TrainExamples*o.LabelCostPerExample + // F11
		o.GoldenSetExamples*o.ReviewMinutesPerExample/60*s.Team.ExpertHourlyRate
	experiments := o.ExperimentCycles * (run + o.EvalHours()*rate) // F12
	return o.Adapters * (data + experiments)
}
