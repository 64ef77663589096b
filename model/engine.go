package model

import (
	"errors"
	"math"
)

// HoursPerMonth is the 730-hour month of MODEL.md's conventions (AWS's).
const HoursPerMonth = 730

// Evaluate prices every option of s against cat over s.HorizonMonths months.
// It never panics: any input it cannot price is an *InputError, and a result
// that would hold NaN or Inf is an error too.
func Evaluate(s Scenario, cat Catalog) (Result, error) {
	return run(s, cat, true)
}

// EvaluateLean is Evaluate without derivations, for the thousands of runs of
// an uncertainty analysis: the same numbers, a fraction of the allocations.
func EvaluateLean(s Scenario, cat Catalog) (Result, error) {
	return run(s, cat, false)
}

func run(s Scenario, cat Catalog, trace bool) (res Result, err error) {
	if err := validateScenario(&s, &cat); err != nil {
		return Result{}, err
	}
	h := int(s.HorizonMonths)
	res = Result{Scenario: s.Name, Currency: s.Currency, HorizonMonths: h}
	res.Queries, res.TotalQueries = queries(s.Workload, h)
	res.Options = make([]OptionResult, len(s.Options))
	months := make([]Month, h*len(s.Options)) // one allocation for every option's months
	for i := range s.Options {
		r, err := evaluateOption(&s, &s.Options[i], &cat, res.Queries, res.TotalQueries, months[i*h:(i+1)*h:(i+1)*h], trace)
		if err != nil {
			return Result{}, err
		}
		res.Options[i] = r
	}
	res.Cheapest = cheapest(res.Options)
	res.Crossovers = crossovers(res.Options)
	if !resultFinite(&res) {
		return Result{}, errors.New("the inputs are too large to price: a cost overflows (check volumes, growth and token counts)")
	}
	return res, nil
}

// queries is F1: Q(m) = Q0 · (1 + g)^m, and Qtot = Σ Q(m).
func queries(w Workload, h int) ([]float64, float64) {
	q := make([]float64, h)
	total := 0.0
	for m := range q {
		q[m] = w.QueriesPerMonth * math.Pow(1+w.MonthlyGrowth, float64(m))
		total += q[m]
	}
	return q, total
}

// costs is what each kind contributes to an option's months.
type costs struct {
	oneTimeData, oneTimeExperiments, oneTimeSetup float64
	retune                                        func(m int) float64
	inference                                     func(q float64) (cost, instances float64) // q = Q(m)
	retrieval                                     func(q float64) float64
	hostingMonthly                                float64
}

func evaluateOption(s *Scenario, o *Option, cat *Catalog, q []float64, qtot float64, months []Month, trace bool) (OptionResult, error) {
	r := OptionResult{Name: o.Name, Kind: o.Kind}
	var t *tracer
	if trace {
		t = newTracer()
	}
	c := costs{}
	var err error
	switch o.Kind {
	case FineTune:
		err = fineTuneCosts(s, o, cat, &r, &c, t)
	case RAG:
		err = ragCosts(s, o, cat, &r, &c, t)
	case Prompt:
		err = promptCosts(s, o, cat, &r, &c, t)
	}
	if err != nil {
		return OptionResult{}, err
	}
	labour := o.MaintenanceHoursPerMonth * s.Team.HourlyRate
	t.add("labour", "maintenance labour per month", "§8", "maintenance_hours_per_month · hourly_rate", UnitMoney, labour,
		hours("maintenance_hours_per_month", o.MaintenanceHoursPerMonth), money("hourly_rate", s.Team.HourlyRate))
	r.Months = months
	cum := 0.0
	for m := range q {
		mo := Month{Month: m, Queries: q[m], Labour: labour, Hosting: c.hostingMonthly}
		if m == 0 {
			mo.Data, mo.Experiments, mo.Setup = c.oneTimeData, c.oneTimeExperiments, c.oneTimeSetup
		}
		if c.retune != nil {
			mo.Training = c.retune(m)
		}
		if c.inference != nil {
			mo.Inference, mo.Instances = c.inference(q[m])
		}
		if c.retrieval != nil {
			mo.Retrieval = c.retrieval(q[m])
		}
		mo.Total = mo.Data + mo.Experiments + mo.Training + mo.Inference + mo.Retrieval + mo.Hosting + mo.Labour + mo.Setup
		cum += mo.Total
		mo.Cumulative = cum
		r.Months[m] = mo
	}
	if r.Serving != nil {
		for _, mo := range r.Months {
			r.Serving.PeakInstances = math.Max(r.Serving.PeakInstances, mo.Instances)
		}
	}
	summarise(&r, qtot, t)
	if t != nil {
		r.Derivations = t.list
	}
	return r, nil
}

// summarise is F23: total, cost per 1k queries all-in and marginal.
func summarise(r *OptionResult, qtot float64, t *tracer) {
	var marginal float64
	for _, m := range r.Months {
		marginal += m.Inference + m.Retrieval + m.Hosting
	}
	r.Total = r.Months[len(r.Months)-1].Cumulative
	r.CostPer1k = r.Total / qtot * 1000
	r.MarginalPer1k = marginal / qtot * 1000
	r.OneTime = r.Months[0].Data + r.Months[0].Experiments + r.Months[0].Setup
	t.add("total", "total over the horizon", "F23", "cumulative cost at the last month", UnitMoney, r.Total,
		money("one_time", r.OneTime), money("recurring", r.Total-r.OneTime))
	t.add("cost_per_1k", "cost per 1k queries, all-in", "F23", "total / total_queries · 1000", UnitMoney, r.CostPer1k,
		money("total", r.Total), Term{Name: "total_queries", Value: qtot, Unit: UnitQueries})
	t.add("marginal_per_1k", "marginal cost per 1k queries", "F23", "Σ (inference + retrieval + hosting) / total_queries · 1000", UnitMoney, r.MarginalPer1k,
		money("inference+retrieval+hosting", marginal), Term{Name: "total_queries", Value: qtot, Unit: UnitQueries})
}

// cheapest is F24's rule: the lowest total, the first listed on a tie.
func cheapest(opts []OptionResult) int {
	best := 0
	for i := range opts {
		if opts[i].Total < opts[best].Total {
			best = i
		}
	}
	return best
}

// crossovers is F24: for each pair A before B, every month m ≥ 1 where the
// sign of cumA − cumB is non-zero and differs from the last non-zero sign
// before m. Zero differences are skipped; a start at zero is no crossover.
func crossovers(opts []OptionResult) []Crossover {
	var out []Crossover
	for a := 0; a < len(opts); a++ {
		for b := a + 1; b < len(opts); b++ {
			last := 0
			for m := range opts[a].Months {
				sign := signOf(opts[a].Months[m].Cumulative - opts[b].Months[m].Cumulative)
				if sign == 0 {
					continue
				}
				if m >= 1 && last != 0 && sign != last {
					out = append(out, Crossover{A: opts[a].Name, B: opts[b].Name, Month: m})
				}
				last = sign
			}
		}
	}
	return out
}

func signOf(v float64) int {
	switch {
	case v > 0:
		return 1
	case v < 0:
		return -1
	}
	return 0
}

func resultFinite(r *Result) bool {
	ok := finite(r.TotalQueries)
	for i := range r.Options {
		o := &r.Options[i]
		ok = ok && finite(o.Total) && finite(o.CostPer1k) && finite(o.MarginalPer1k) && finite(o.LatencyMs)
		for _, m := range o.Months {
			ok = ok && finite(m.Total) && finite(m.Cumulative) && finite(m.Instances)
		}
		for _, d := range o.Derivations {
			ok = ok && finite(d.Result)
		}
		ok = ok && trainingFinite(o.Training) && servingFinite(o.Serving)
	}
	return ok
}

func trainingFinite(t *TrainingRun) bool {
	return t == nil || (finite(t.Tokens) && finite(t.FLOPs) && finite(t.TrainableParams) && finite(t.MemoryGB) &&
		finite(t.GPUs) && finite(t.Instances) && finite(t.Hours) && finite(t.BilledHours) && finite(t.Cost))
}

func servingFinite(s *Serving) bool {
	return s == nil || (finite(s.MemoryGB) && finite(s.WeightsGB) && finite(s.BusySeconds) && finite(s.PeakInstances))
}
