package model

import (
	"errors"
	"math"
	"sync"
	"time"
)

// HoursPerMonth is the 730-hour month of MODEL.md's conventions (AWS's).
const HoursPerMonth = 730

// Evaluate prices every option of s against cat over s.HorizonMonths months.
// It never panics: any input it cannot price is an *InputError, and a result
// that would hold NaN or Inf is an error too.
//
// Every figure keeps its derivation: OptionResult.Derivations replays that
// option's formulas with tracing on from the inputs the result keeps, so
// the derivations cost nothing until someone asks "where does this come
// from?". The month-by-month table is kept the same way: the first
// OptionResult.Months replays the month loop of every option from the
// costs their kinds priced, so a reader of the summaries alone (totals,
// §9, F24's crossovers, F28) does not pay for 16 figures a month.
// cat must not change after Evaluate.
func Evaluate(s Scenario, cat Catalog) (Result, error) {
	ev := new(evaluation)
	res, err := run(s, cat, &ev.run, evaluateRun)
	if err != nil {
		return Result{}, err
	}
	src := &ev.src
	src.cat, src.queries, src.qtot, src.costs = cat, res.Queries, res.TotalQueries, ev.run.costs
	src.s = s
	src.s.Options = append([]Option(nil), s.Options...) // the caller may reuse its slice

	var end time.Time // §8's E, the same for every option
	if !s.Today.IsZero() {
		end = HorizonEnd(s.Today, int(s.HorizonMonths))
	}
	for i := range res.Options {
		res.Options[i].src, res.Options[i].index = src, i
		res.Options[i].Lifecycle = lifecycleOf(&src.s, &src.s.Options[i], &src.cat, s.Today, end)
	}
	bestRetunes(&s, &res, ev.run.costs)
	return res, nil
}

// evaluation is one Evaluate call's run and what its result keeps to
// replay derivations, allocated together: one allocation, not two.
type evaluation struct {
	run Evaluator
	src explainSource
}

// explainSource is what an Evaluate result keeps to replay derivations
// and months (replay.go).
type explainSource struct {
	s       Scenario
	cat     Catalog
	queries []float64
	qtot    float64
	costs   []costs // each option's, as its kind priced them

	monthsOnce sync.Once
	months     []Month // every option's, replayed by the first Months

	entriesOnce sync.Once
	entries     [][]EntryRef // every option's, listed by the first Entries
}

// EvaluateLean is Evaluate without derivations: the same numbers, with
// every option's months stored as they are priced.
func EvaluateLean(s Scenario, cat Catalog) (Result, error) {
	return run(s, cat, new(Evaluator), leanRun)
}

// runKind is what a run keeps.
type runKind int

const (
	// sampleRun is an analysis's sample (Evaluator.Lean): the totals it
	// reads, nothing else.
	sampleRun runKind = iota
	// leanRun is EvaluateLean's: every figure, the months stored.
	leanRun
	// evaluateRun is Evaluate's: every figure, the months replayed when
	// read, only their cumulative costs kept for F24's crossovers.
	evaluateRun
)

// Evaluator runs EvaluateLean again and again reusing its buffers, for one
// Monte Carlo worker. The Result it returns shares those buffers: it is
// valid until the next call. An Evaluator is not safe for concurrent use.
// It checks an option's texts and catalog references once while they and
// the catalog's maps stay the same, so a catalog must not be changed in
// place between calls (pass a new one instead).
type Evaluator struct {
	queries []float64
	// growth holds F1's (1 + g)^m for the growth g it was worked out for,
	// kept while the samples leave monthly_growth alone.
	growth   []float64
	growthOf float64
	// the run's scenario and catalog, handed to the kinds' cost functions
	s       Scenario
	cat     Catalog
	options []OptionResult
	costs   []costs // each option's, filled by its kind's cost function
	// checked remembers, per option, texts and catalog references that
	// passed validation, which a sample's numbers cannot change.
	checked []textsChecked
	memo    *lookupMemo // the catalog look-ups of its runs (lookupmemo.go); nil in Evaluate's
}

// Lean is EvaluateLean into the evaluator's buffers for an analysis, which
// reads each option's Total, CostPer1k, OneTime, Training and Serving and
// the result's Cheapest: it leaves out MarginalPer1k (0), the Crossovers
// (F24's cost options² × months; with 64 options they were a third of a
// Monte Carlo run), the Months (each option's is nil: the month loop
// gathers the summaries without keeping them) and §9's summaries (each
// option's Quality is nil and CheapestWithoutErrors is not set; the
// errors are in the totals). It refuses exactly what EvaluateLean refuses.
func (e *Evaluator) Lean(s Scenario, cat Catalog) (Result, error) {
	return run(s, cat, e, sampleRun)
}

// grow returns buf resliced to n, reallocating only when it is too small.
func grow[T any](buf []T, n int) []T {
	if cap(buf) < n {
		return make([]T, n)
	}
	buf = buf[:n]
	clear(buf)
	return buf
}

// run prices s into e's buffers, keeping what kind says. A one-off run
// (Evaluate, EvaluateLean) has a fresh e and works out the crossovers;
// Evaluator.Lean's callers never read them, and it remembers what it
// validated.
func run(in Scenario, incat Catalog, e *Evaluator, kind runKind) (res Result, err error) {
	oneOff := kind != sampleRun
	// The kinds' cost functions are called through KindSpec, so the
	// scenario and catalog they are handed live on the heap: in the
	// evaluator, not in a copy per run.
	e.s, e.cat = in, incat
	s, cat := &e.s, &e.cat
	var checked []textsChecked
	var catID [7]uintptr
	if !oneOff { // an Evaluator's: it remembers the options' texts and its look-ups
		e.checked = growKeep(e.checked, len(s.Options))
		checked = e.checked
		catID = catalogIdentity(cat)
		cat.memo = e.memoFor(catID)
	}
	if err := validateScenario(s, cat, checked, catID); err != nil {
		return Result{}, err
	}
	h := int(s.HorizonMonths)
	res = Result{Scenario: s.Name, Currency: s.Currency, HorizonMonths: h}
	// The buffers are written whole below (F1 every month, each option's
	// result and costs from scratch), so they are not cleared first.
	e.queries = growKeep(e.queries, h)
	res.Queries = e.queries
	most := math.NaN() // the largest |Q(m)|: a run that keeps its months prices every F27 value
	if oneOff {
		res.TotalQueries = queries(s.Workload, res.Queries) // nothing to keep
	} else {
		res.TotalQueries, most = e.volumes(s.Workload)
	}
	e.options = growKeep(e.options, len(s.Options))
	res.Options = e.options
	e.costs = growKeep(e.costs, len(s.Options))
	vol := volumes{q: res.Queries, total: res.TotalQueries, most: most}
	if oneOff {
		err = e.priceKeeping(&res, &vol, kind == leanRun)
	} else {
		for i := range s.Options {
			if err = evaluateOption(s, &s.Options[i], cat, &vol, monthsOut{}, nil, &res.Options[i], &e.costs[i], nil); err != nil {
				break
			}
		}
	}
	if err != nil {
		return Result{}, err
	}
	res.Cheapest = cheapest(res.Options)
	if s.QualityModelled() {
		res.QualityModelled, res.ValueModelled = true, s.Workload.HasValuePerSuccess
		if oneOff { // a sample's options have no Quality to rank by
			res.CheapestWithoutErrors = cheapestWithoutErrors(res.Options)
		}
	}
	if !resultFinite(&res) {
		return Result{}, errors.New("the inputs are too large to price: a cost overflows (check volumes, growth and token counts)")
	}
	return res, nil
}

// cumsOnStack is how many cumulative costs (options × months) a one-off
// run keeps on its stack for F24 (3 options over 120 months, 12 over 36);
// more go to the heap.
const cumsOnStack = 432

// priceKeeping prices every option of a one-off run into res with every
// figure a result reports, the months stored when storeMonths (in one
// allocation), and works out F24's crossovers from the options'
// cumulative costs, which no result keeps: on this stack when they fit.
func (e *Evaluator) priceKeeping(res *Result, vol *volumes, storeMonths bool) error {
	s, cat, h := &e.s, &e.cat, res.HorizonMonths
	n := h * len(s.Options)
	var stack [cumsOnStack]float64
	var cums []float64
	if n <= len(stack) {
		cums = stack[:n]
	} else {
		cums = make([]float64, n)
	}
	var months []Month
	if storeMonths {
		months = make([]Month, n)
	}
	for i := range s.Options {
		out := monthsOut{full: true, cums: optionMonths(cums, i, h)}
		if err := evaluateOption(s, &s.Options[i], cat, vol, out, optionMonths(months, i, h), &res.Options[i], &e.costs[i], nil); err != nil {
			return err
		}
	}
	res.Crossovers = crossovers(res.Options, cums)
	return nil
}

// volumes is F1's volumes as an option's evaluation reads them.
type volumes struct {
	q     []float64 // Q(m)
	total float64   // Qtot
	// most is the largest |Q(m)|, which bounds a sample's F27 values; NaN
	// (no bound) for a run that keeps its months and prices every value.
	most float64
}

// optionMonths is option i's h months of months, nil when months is.
func optionMonths[T any](months []T, i, h int) []T {
	if months == nil {
		return nil
	}
	return months[i*h : (i+1)*h : (i+1)*h]
}

// queries is F1: Q(m) = Q0 · (1 + g)^m into q, returning Qtot = Σ Q(m).
func queries(w Workload, q []float64) float64 {
	growthPowers(1+w.MonthlyGrowth, q) // math.Pow(1 + g, m), to the bit
	total := 0.0
	for m := range q {
		q[m] = w.QueriesPerMonth * q[m]
		total += q[m]
	}
	return total
}

// volumes is queries into e.queries, with (1 + g)^m worked out again only
// when the growth changed: the same products, so the same numbers; and the
// largest |Q(m)|.
func (e *Evaluator) volumes(w Workload) (total, most float64) {
	h := len(e.queries)
	if len(e.growth) != h || math.Float64bits(e.growthOf) != math.Float64bits(w.MonthlyGrowth) {
		e.growth, e.growthOf = grow(e.growth, h), w.MonthlyGrowth
		growthPowers(1+w.MonthlyGrowth, e.growth) // math.Pow's bits, the squarings shared
	}
	for m := range e.queries {
		q := w.QueriesPerMonth * e.growth[m]
		e.queries[m] = q
		total += q
		most = max(most, math.Abs(q)) // largest's, as the months go
	}
	return total, most
}

// costs is what each kind contributes to an option's months: one-time
// amounts and the parameters of the monthly formulas. Plain values rather
// than closures keep the month loop free of allocations.
type costs struct {
	oneTimeData, oneTimeExperiments, oneTimeSetup float64
	hostingMonthly                                float64

	retuneEvery int     // F13: every this many months (0 = never)
	retuneCost  float64 // F13: each re-tune

	apiPerQuery float64     // F19: API price of one query
	selfHosted  bool        // F22 applies instead of F19
	fleet       fleetParams // F22

	hasRetrieval                                           bool // F16
	retrievalFixed, queryTokens, embedPerMtok, dbPerMQuery float64

	// The figures OptionResult points to (Training, Serving, Quality) live
	// here, in the evaluator's buffers: a Monte Carlo sample allocates none.
	training TrainingRun
	serving  Serving
	quality  Quality
}

// fleetParams are F22's inputs for one option's self-hosted serving.
type fleetParams struct {
	deployments, minReplicas, peakToAverage, busy, utilization, perInstance, hourly float64
}

// inference is F22's serving cost and instance count for q queries in a
// month (F19's API price is q · apiPerQuery, written in the month loop).
//
// A division by 1 is exact, so one deployment and one replica an instance
// (the common case) skip theirs: the month loop waits on its divisions.
func (f *fleetParams) inference(q float64) (cost, instances float64) {
	perDeployment := q
	if f.deployments != 1 {
		perDeployment = q / f.deployments
	}
	replicas := max(f.minReplicas, ceil(f.peakToAverage*perDeployment/(HoursPerMonth*3600)*f.busy/f.utilization))
	perInstance := replicas
	if f.perInstance != 1 {
		perInstance = replicas / f.perInstance
	}
	instances = f.deployments * ceil(perInstance)
	return instances * f.hourly * HoursPerMonth, instances // F22
}

// retrieval is F16's cost for q queries in a month.
func (c *costs) retrieval(q float64) float64 {
	if !c.hasRetrieval {
		return 0
	}
	// F16's order of operations, so results match the formula to the last bit.
	return c.retrievalFixed + q*c.queryTokens*c.embedPerMtok/1e6 + q/1e6*c.dbPerMQuery
}

// evaluateOption prices option o into r, with c for its kind's costs. r and
// c are the caller's (the evaluator's buffers): the kind's cost function is
// called through KindSpec, so what it is handed lives on the heap anyway.
//
// out says what the month loop gathers; months, when not nil, is where it
// stores the months, which r keeps. (They come apart so that the months
// r keeps do not take out's cumulative costs to the heap with them.)
func evaluateOption(s *Scenario, o *Option, cat *Catalog, vol *volumes, out monthsOut, months []Month, r *OptionResult, c *costs, t *tracer) error {
	*r, *c = OptionResult{Name: o.Name, Kind: o.Kind}, costs{}
	q, qtot := vol.q, vol.total
	start := t.mark()
	spec, ok := o.Kind.Spec()
	if !ok {
		return inputErr(o.Name, "kind", "%q is not one of %s", o.Kind, kindNames())
	}
	if err := spec.costs(s, o, cat, r, c, t); err != nil {
		return err
	}
	traceConversions(o, cat, t)
	labour := labourPerMonth(s, o)
	if t != nil {
		t.add("labour", "maintenance labour per month", "§8", "maintenance_hours_per_month · hourly_rate", UnitMoney, labour,
			hours("maintenance_hours_per_month", o.MaintenanceHoursPerMonth), money("hourly_rate", s.Team.HourlyRate))
	}
	r.months = months // nil unless stored: Evaluate's are replayed when read
	priced := out
	priced.months = months
	qp := newQualityParams(s, o)
	peak := 0.0
	if r.Serving != nil {
		peak = r.Serving.PeakInstances
	}
	valueModelled := s.Workload.HasValuePerSuccess
	sums := c.priceOptionMonths(q, vol.most, qp, labour, peak, valueModelled, priced)
	if r.Serving != nil {
		r.Serving.PeakInstances = sums.peak
	}
	r.finiteMonths = sums.finite()
	if t != nil {
		traceHorizon(r, c, qtot, s.QualityModelled(), t)
	}
	summarise(r, qtot, &sums, t)
	if qp.on && out.full { // §9's summaries are a reader's, not a sample's
		summariseQuality(r, &c.quality, qp, &sums, valueModelled, t)
	}
	r.derivations = t.since(start)
	return nil
}

// summarise is F23: total, cost per 1k queries all-in and marginal, from
// the month loop's sums.
func summarise(r *OptionResult, qtot float64, sums *monthSums, t *tracer) {
	marginal := sums.marginal
	r.Total = sums.cum
	r.CostPer1k = r.Total / qtot * 1000
	r.MarginalPer1k = marginal / qtot * 1000
	r.OneTime = sums.oneTime
	if t != nil {
		var terms []Term
		for _, c := range costCategories {
			v := r.CategoryTotal(c.Name)
			if c.Quality && v == 0 {
				continue // §9: only where quality is priced
			}
			terms = append(terms, money(c.Name, v))
		}
		t.add("total", "total over the horizon", "F23",
			"cumulative cost at the last month = Σ over months of every category", UnitMoney, r.Total, terms...)
	}
	if t != nil {
		t.add("cost_per_1k", "cost per 1k queries, all-in", "F23", "total / total_queries · 1000", UnitMoney, r.CostPer1k,
			money("total", r.Total), Term{Name: "total_queries", Value: qtot, Unit: UnitQueries})
	}
	k := 0
	if t != nil && r.CategoryTotal("errors") != 0 {
		k = 1 // §9: the errors are marginal too
	}
	expr, name := marginalExpr[k], marginalTerm[k]
	if t != nil {
		t.add("marginal_per_1k", "marginal cost per 1k queries", "F23", expr, UnitMoney, r.MarginalPer1k,
			money(name, marginal), Term{Name: "total_queries", Value: qtot, Unit: UnitQueries})
	}
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

// labourPerMonth is §8's maintenance labour of option o in every month.
func labourPerMonth(s *Scenario, o *Option) float64 {
	return o.MaintenanceHoursPerMonth * s.Team.HourlyRate
}

// crossovers is F24: for each pair A before B, every month m ≥ 1 where the
// sign of cumA − cumB is non-zero and differs from the last non-zero sign
// before m. Zero differences are skipped; a start at zero is no crossover.
// cums holds each option's cumulative costs by month, option after option.
func crossovers(opts []OptionResult, cums []float64) []Crossover {
	var out []Crossover
	if len(opts) == 0 {
		return nil
	}
	h := len(cums) / len(opts)
	for a := 0; a < len(opts); a++ {
		for b := a + 1; b < len(opts); b++ {
			last := 0
			cumA, cumB := cums[a*h:(a+1)*h], cums[b*h:(b+1)*h]
			for m := range cumA {
				// cmp.Compare without its NaN cases: a NaN total is refused
				// by resultFinite after this, so the crossovers are the same.
				ca, cb := cumA[m], cumB[m]
				sign := 1
				switch {
				case ca == cb:
					continue
				case ca < cb:
					sign = -1
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

func resultFinite(r *Result) bool {
	ok := finite(r.TotalQueries)
	for i := range r.Options {
		o := &r.Options[i]
		// finiteMonths: every month's total, cumulative, instances, errors
		// and value, checked as the month loop priced them.
		ok = ok && finite(o.Total) && finite(o.CostPer1k) && finite(o.MarginalPer1k) && finite(o.LatencyMs) && o.finiteMonths
		ok = ok && trainingFinite(o.Training) && servingFinite(o.Serving) && qualityFinite(o.Quality)
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
