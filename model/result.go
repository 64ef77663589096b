package model

import (
	"math"

	"github.com/tunecost/tunecost/diag"
)

// Result is the evaluation of one scenario: every option's monthly costs and
// summaries, the cheapest option and the crossovers. Every format (JSON,
// Markdown, CSV, the TUI) renders this one value.
type Result struct {
	Scenario      string
	Currency      string
	HorizonMonths int
	Queries       []float64 // Q(m), F1
	TotalQueries  float64   // Qtot, F1
	Options       []OptionResult
	Cheapest      int // index into Options (F24: lowest total, first on a tie)
	Crossovers    []Crossover

	// Quality (§9): set only when the scenario models quality.
	QualityModelled       bool
	ValueModelled         bool // the file contains value_per_success (F27)
	CheapestWithoutErrors int  // F26: the lowest total − Σ errors
}

// CategoryNames is Categories, with §9's errors last when the result
// models quality: a result without quality lists exactly what it did.
func (r *Result) CategoryNames() []string {
	if r.QualityModelled {
		return qualityCategories
	}
	return Categories
}

// Crossover is a month in which option A's and B's cumulative costs change
// order (F24). A is listed before B in the scenario.
type Crossover struct {
	A, B  string
	Month int
}

// Month is one option's costs in one month, by category (§8).
type Month struct {
	Month       int
	Queries     float64
	Data        float64 // F11, month 0
	Experiments float64 // F12, month 0
	Training    float64 // F13 re-tuning
	Inference   float64 // F19–F22
	Retrieval   float64 // F16
	Hosting     float64 // ft_hosting_hourly (F19)
	Labour      float64 // maintenance hours
	Setup       float64 // integration hours and F15/F18 one-time parts
	Total       float64
	Cumulative  float64
	Instances   float64 // self-hosted serving instances this month (F22), 0 for API models

	// Quality (§9), zero for an option without accuracy.
	Errors   float64 // F26, a recurring and marginal category
	Accuracy float64 // acc(m), F25
	Value    float64 // V(m), F27 (when the file has value_per_success)
}

// OptionResult is one option's evaluation.
type OptionResult struct {
	Name          string
	Kind          Kind
	Total         float64 // F23
	CostPer1k     float64 // F23, all-in
	MarginalPer1k float64 // F23, inference + retrieval + hosting only
	OneTime       float64 // data + experiments + setup (month-0 one-time costs)
	LatencyMs     float64 // valid when HasLatency
	HasLatency    bool
	Training      *TrainingRun // nil unless kind = finetune
	Serving       *Serving     // nil for API-served options
	Warnings      diag.List    // the file's warnings positioned inside this option's table
	Quality       *Quality     // §9; nil unless the option has accuracy
	Lifecycle     Lifecycle    // §8: its API model's retirement or deprecation (Evaluate only)

	months       []Month        // stored (EvaluateLean, a replay, SetMonths); else see Months
	entries      []EntryRef     // set by hand (SetEntries); else see Entries
	retuneEach   float64        // F13's cost of one re-tune, for F28
	finiteMonths bool           // no month's figure overflowed (resultFinite)
	derivations  []Derivation   // set while replaying with tracing on
	src          *explainSource // set by Evaluate, for Derivations, Months and Entries
	index        int
}

// Derivations returns how each figure of the option was computed, in the
// order the engine computed them (nil for a result of EvaluateLean).
func (o *OptionResult) Derivations() []Derivation {
	if o.derivations != nil || o.src == nil {
		return o.derivations
	}
	src := o.src
	if o.index >= len(src.s.Options) {
		return nil
	}
	t := newTracer(1)
	months := make([]Month, len(src.queries))
	opt := &src.s.Options[o.index]
	var r OptionResult
	var c costs
	vol := volumes{q: src.queries, total: src.qtot, most: math.NaN()} // a replay keeps its months
	if err := evaluateOption(&src.s, opt, &src.cat, &vol, monthsOut{full: true}, months, &r, &c, t); err != nil {
		return nil
	}
	if r.Quality != nil && opt.Kind.Retunes() { // F28 runs after the options, as in Evaluate
		bestRetune(&r, &c, src.queries, newQualityParams(&src.s, opt), int(opt.RetuneEveryMonths), t)
	}
	return t.since(0)
}

// Recurring returns the option's recurring cost in month m: everything but
// the one-time categories (CostCategory.Timing).
func (o *OptionResult) Recurring(m int) float64 {
	months := o.Months()
	if m < 0 || m >= len(months) {
		return 0
	}
	mo := &months[m]
	v := mo.Total
	for _, of := range oneTimeOf {
		v -= of(mo)
	}
	return v
}

// CategoryTotal sums one category over every month.
func (o *OptionResult) CategoryTotal(name string) float64 {
	sum := 0.0
	months := o.Months()
	for i := range months {
		sum += months[i].Category(name) // by pointer: a copy would escape to the heap
	}
	return sum
}

// Derivation finds a derivation by figure id, e.g. "total" or "training.cost".
// Each call replays the option's formulas (Derivations): to read several
// figures, call Derivations once.
func (o *OptionResult) Derivation(figure string) (Derivation, bool) {
	for _, d := range o.Derivations() {
		if d.Figure == figure {
			return d, true
		}
	}
	return Derivation{}, false
}

// TrainingRun summarises one fine-tuning run (F5–F10). For a managed
// fine-tune the GPU figures do not apply and Managed is true.
type TrainingRun struct {
	Managed         bool
	Tokens          float64 // D, F5
	FLOPs           float64 // F6 (self-hosted)
	TrainableParams float64 // T, F3 (self-hosted)
	MemoryGB        float64 // §8: the whole run's memory / 1e9 (self-hosted)
	MemoryPerGPUGB  float64 // F7: the per-GPU need on GPUs / 1e9
	MinGPUs         float64 // gmin, F7
	GPUs            float64 // gpus_used, F8
	Instances       float64 // F8
	Hours           float64 // h, F9
	ComputeHours    float64 // F9's compute_hours
	CommHours       float64 // F9a's comm_hours (0 when not counted)
	BilledHours     float64 // hb, F9
	Cost            float64 // F10, one run
}

// Serving summarises a self-hosted deployment (F20–F22).
type Serving struct {
	ReplicaGPUs    float64 // F20
	MemoryGB       float64 // F20 need / 1e9
	WeightsGB      float64 // W / 1e9
	BusySeconds    float64 // s, F21
	StepSeconds    float64 // step, F21 (one decode step of the batch)
	PrefillSeconds float64 // prefill, F21 (tp included)
	OutputTokens   float64 // out, the tokens a query generates
	Deployments    float64 // F22
	PeakInstances  float64 // F22
	Unmerged       bool
}
