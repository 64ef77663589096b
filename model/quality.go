package model

import "math"

// This file is MODEL.md §9: what the answers are worth. Accuracy per option
// (F25, with a fine-tune's decay between tunings), the cost of the bad
// answers as the `errors` category (F26), the value of the good ones, ROI
// and payback (F27), and the re-tune cadence that minimises the total (F28).
// A scenario that models no quality computes none of it: every figure and
// every byte of output stays as it was.

// maxQualityMoney bounds cost_per_error and value_per_success: a hundred million per
// answer is beyond any real plan and keeps products of inputs finite.
const maxQualityMoney = 1e8

// qualityFields are §9's inputs. They join the registry (completeFieldTable)
// so that files, ranges, the editor and the analyses treat them like every
// other input.
var qualityFields = []Field{
	{Key: "cost_per_error", Section: SectionWorkload, Type: Number, Min: 0, Max: maxQualityMoney, DefaultNum: constant(0), Quality: true,
		Unit: "per answer", Doc: "what one wrong or unusable answer costs: an escalation, a refund, a human redo (F26; quality, §9)",
		num:     func(s *Scenario, _ *Option) *float64 { return &s.Workload.CostPerError },
		present: func(s *Scenario, _ *Option) *bool { return &s.Workload.HasCostPerError }},
	{Key: "value_per_success", Section: SectionWorkload, Type: Number, Min: 0, Max: maxQualityMoney, DefaultNum: constant(0), Quality: true,
		Unit: "per answer", Doc: "what one good answer earns or saves (F27: value, ROI, payback; quality, §9)",
		num:     func(s *Scenario, _ *Option) *float64 { return &s.Workload.ValuePerSuccess },
		present: func(s *Scenario, _ *Option) *bool { return &s.Workload.HasValuePerSuccess }},
	{Key: "accuracy", Section: SectionOption, Type: Number, Min: 0, Max: 1, Optional: true, Quality: true, Counts: true,
		Unit: "fraction", Doc: "share of answers that are good, 0–1, or an evaluation's counts { correct = 170, of = 200 } (F25, F25a; absent = quality not modelled for the option; required when the file sets cost_per_error or value_per_success)",
		num:     func(_ *Scenario, o *Option) *float64 { return &o.Accuracy },
		present: func(_ *Scenario, o *Option) *bool { return &o.HasAccuracy }},
	{Key: "accuracy_decay_per_month", Section: SectionOption, Type: Number, forKinds: decaying, Min: 0, Max: 1, DefaultNum: constant(0), Quality: true,
		Unit: "fraction", Doc: "accuracy lost per month since the last tuning, as data drifts: 0.01 = one point (F25)",
		num: func(_ *Scenario, o *Option) *float64 { return &o.AccuracyDecayPerMonth }},
}

// QualityModelled is §9's test: the file contains cost_per_error or
// value_per_success, or any option sets accuracy.
func (s *Scenario) QualityModelled() bool {
	if s.Workload.HasCostPerError || s.Workload.HasValuePerSuccess {
		return true
	}
	for i := range s.Options {
		if s.Options[i].HasAccuracy {
			return true
		}
	}
	return false
}

// Quality is one option's §9 figures. OptionResult.Quality is nil for an
// option without accuracy (every §9 figure of it is null).
type Quality struct {
	Accuracy          float64 // the likely value of the file's accuracy
	Errors            float64 // Σ errors over the horizon (F26)
	CostWithoutErrors float64 // total − Σ errors
	GoodAnswers       float64 // Σ Q(m) · acc(m)

	CostPer1kGood    float64 // F27: total / good answers · 1000
	HasCostPer1kGood bool    // false when no answer is good

	// F23 split by F26: the cost per 1k queries is money spent plus the
	// modelled cost of bad answers, each per 1k queries.
	SpendPer1k  float64 // cost_without_errors / total_queries · 1000
	ErrorsPer1k float64 // errors / total_queries · 1000

	// Value, ROI and payback exist only when the file has value_per_success.
	HasValue     bool
	Value        float64 // Σ V(m), F27
	Net          float64 // value − total
	ROI          float64 // net / total
	HasROI       bool    // false when the total is 0
	PaybackMonth int     // first 0-based month whose running net is ≥ 0
	HasPayback   bool    // false when the horizon never pays back

	// F28, fine-tunes only: the cadence with the lowest total and what it
	// saves against the file's (0 when the file's is the best).
	HasBestRetune   bool
	BestRetuneEvery int
	BestRetuneSaves float64
}

// qualityParams are the §9 inputs one option's month loop needs.
type qualityParams struct {
	on                    bool // the option has accuracy in a scenario that models quality
	accuracy, decay       float64
	every                 int // the file's retune_every_months (fine-tunes; 0 = never)
	costPerError, valueOf float64
	counts                bool // F25a: accuracy written as { correct, of }
	correct, of           float64
}

func newQualityParams(s *Scenario, o *Option) qualityParams {
	if !o.HasAccuracy {
		return qualityParams{}
	}
	p := qualityParams{on: true, accuracy: o.Accuracy, costPerError: s.Workload.CostPerError, valueOf: s.Workload.ValuePerSuccess,
		counts: o.HasAccuracyCounts(), correct: o.AccuracyCorrect, of: o.AccuracyOf}
	if o.Kind.AccuracyDecays() {
		p.decay = o.AccuracyDecayPerMonth
	}
	if o.Kind.Retunes() {
		p.every = int(o.RetuneEveryMonths)
	}
	return p
}

// accuracySince is F25: acc(m) = max(0, accuracy − decay · (m − t(m))),
// t(m) the latest tuning month ≤ m (month 0 or a re-tune month of F13),
// since = m − t(m) (a tuningClock counts it).
func accuracySince(accuracy, decay float64, since int) float64 {
	if decay == 0 {
		return accuracy
	}
	return max(0, accuracy-decay*float64(since))
}

// tuningClock counts, month by month from month 0, the months since the
// last tuning: F13 re-tunes every `every` months (0 = never), so since is
// m mod every, without a division per month.
type tuningClock struct{ since, every int }

// retunes reports whether month m (the clock's month) is a re-tune month.
func (k *tuningClock) retunes(m int) bool { return k.every > 0 && m >= 1 && k.since == 0 }

// tick moves the clock to the next month.
func (k *tuningClock) tick() {
	if k.since++; k.since == k.every {
		k.since = 0
	}
}

// errorsCost is F26 for q queries at accuracy acc.
func errorsCost(q, acc, costPerError float64) float64 {
	return q * (1 - acc) * costPerError
}

// Units of §9's derivations, beside those of derivation.go: a share
// (0.88, shown as 88.0%), a 0-based month index (shown as people count,
// "month 1") and a re-tune cadence in months (0 = never).
const (
	UnitFraction = "fraction"
	UnitMonth    = "month"
	UnitCadence  = "cadence"
)

func fraction(name string, v float64) Term { return Term{Name: name, Value: v, Unit: UnitFraction} }
func cadence(name string, v int) Term      { return Term{Name: name, Value: float64(v), Unit: UnitCadence} }

// summariseQuality is F26's totals and F27 for one option, from the month
// loop's sums, into qa (the option's storage). valueModelled: the file
// contains value_per_success.
func summariseQuality(r *OptionResult, qa *Quality, p qualityParams, sums *monthSums, valueModelled bool, t *tracer) {
	*qa = Quality{Accuracy: p.accuracy}
	errs, good, all := sums.errs, sums.good, sums.queries
	qa.Errors, qa.GoodAnswers = errs, good
	qa.CostWithoutErrors = r.Total - qa.Errors
	if all > 0 { // F23 split by F26
		qa.SpendPer1k, qa.ErrorsPer1k = qa.CostWithoutErrors/all*1000, qa.Errors/all*1000
	}
	if qa.GoodAnswers > 0 {
		qa.CostPer1kGood, qa.HasCostPer1kGood = r.Total/qa.GoodAnswers*1000, true
	}
	if t != nil { // the queries and bad answers only a derivation shows
		var queries, bad float64
		months := r.Months() // a replay's: stored
		for i := range months {
			m := &months[i]
			queries += m.Queries
			bad += m.Queries * (1 - m.Accuracy)
		}
		traceAccuracy(r, qa, p, queries, bad, t)
	}
	if qa.HasCostPer1kGood {
		if t != nil {
			t.add("cost_per_1k_good", "cost per 1k good answers", "F27", "total / good_answers · 1000", UnitMoney, qa.CostPer1kGood,
				money("total", r.Total), Term{Name: "good_answers", Value: qa.GoodAnswers, Unit: UnitQueries})
		}
	}
	if valueModelled {
		valueAndPayback(r, qa, p, sums, t)
	}
	r.Quality = qa
}

// traceAccuracy records F25 and F26 as the screens show them: the accuracy
// the file sets (an input), the good answers it gives over the horizon, the
// cost of the bad ones and the total without that cost.
func traceAccuracy(r *OptionResult, qa *Quality, p qualityParams, queries, bad float64, t *tracer) {
	label, expr := "accuracy (input)", "the file's accuracy (its likely value when a range)"
	inputs := []Term{fraction("accuracy", p.accuracy)}
	if p.counts {
		label, expr = "accuracy from an evaluation (input)", "correct / of, the evaluation's counts (F25a; the analyses draw it from Beta(correct + 1, of − correct + 1))"
		inputs = append(inputs, count("correct", p.correct), count("of", p.of))
	}
	if p.decay > 0 {
		label, expr = "accuracy when tuned (input)", "the file's accuracy, reached in each tuning month; it falls by accuracy_decay_per_month in each month after"
		inputs = append(inputs, fraction("accuracy_decay_per_month", p.decay), cadence("retune_every_months", p.every))
		if queries > 0 {
			inputs = append(inputs, fraction("average_accuracy", qa.GoodAnswers/queries))
		}
	}
	t.add("accuracy", label, "F25", expr, UnitFraction, p.accuracy, inputs...)
	goodExpr, errExpr := "Σ over months of Q(m) · accuracy = total_queries · accuracy",
		"Σ over months of Q(m) · (1 − accuracy) · cost_per_error = bad_answers · cost_per_error"
	good := []Term{{Name: "total_queries", Value: queries, Unit: UnitQueries}, fraction("accuracy", p.accuracy)}
	errs := []Term{{Name: "bad_answers", Value: bad, Unit: UnitQueries}, money("cost_per_error", p.costPerError), fraction("accuracy", p.accuracy)}
	if p.decay > 0 {
		goodExpr = "Σ over months of Q(m) · acc(m), acc(m) = max(0, accuracy − accuracy_decay_per_month · months since the last tuning)"
		errExpr = "Σ over months of Q(m) · (1 − acc(m)) · cost_per_error = bad_answers · cost_per_error"
		decay := []Term{fraction("accuracy_decay_per_month", p.decay), cadence("retune_every_months", p.every)}
		good, errs = append(good, decay...), append(errs, decay...)
	}
	t.add("good_answers", "good answers over the horizon", "F25", goodExpr, UnitQueries, qa.GoodAnswers, good...)
	t.add("errors", "cost of bad answers over the horizon", "F26", errExpr, UnitMoney, qa.Errors, errs...)
	t.add("cost_without_errors", "total without the cost of bad answers", "F26", "total − errors", UnitMoney, qa.CostWithoutErrors,
		money("total", r.Total), money("errors", qa.Errors))
	if queries > 0 {
		q := Term{Name: "total_queries", Value: queries, Unit: UnitQueries}
		t.add("spend_per_1k", "money spent per 1k queries (no errors)", "F23, F26", "cost_without_errors / total_queries · 1000", UnitMoney, qa.SpendPer1k,
			money("cost_without_errors", qa.CostWithoutErrors), q)
		t.add("errors_per_1k", "cost of bad answers per 1k queries", "F23, F26", "errors / total_queries · 1000", UnitMoney, qa.ErrorsPer1k,
			money("errors", qa.Errors), q)
	}
}

// valueAndPayback is F27's value, ROI and payback month.
func valueAndPayback(r *OptionResult, qa *Quality, p qualityParams, sums *monthSums, t *tracer) {
	qa.HasValue = true
	value := sums.value
	pb := &sums.payback
	qa.PaybackMonth, qa.HasPayback = pb.month, pb.found
	before, valueTo, costTo := pb.before, pb.valueTo, pb.costTo
	qa.Value = value
	qa.Net = qa.Value - r.Total
	if r.Total != 0 {
		qa.ROI, qa.HasROI = qa.Net/r.Total, true
	}
	if t != nil {
		t.add("value", "value of the good answers", "F27", "Σ over months of Q(m) · acc(m) · value_per_success = good_answers · value_per_success", UnitMoney, qa.Value,
			Term{Name: "good_answers", Value: qa.GoodAnswers, Unit: UnitQueries}, money("value_per_success", p.valueOf))
		t.add("net", "net value over the horizon", "F27", "value − total", UnitMoney, qa.Net,
			money("value", qa.Value), money("total", r.Total))
	}
	if qa.HasROI {
		if t != nil {
			t.add("roi", "return on the total", "F27", "net / total = (value − total) / total", UnitFraction, qa.ROI,
				money("net", qa.Net), money("total", r.Total))
		}
	}
	if qa.HasPayback && t != nil { // appended to, the terms would be allocated in every evaluation
		inputs := []Term{money("value_to_date", valueTo), money("cost_to_date", costTo), money("net_to_date", valueTo-costTo)}
		if qa.PaybackMonth > 0 {
			inputs = append(inputs, money("net_the_month_before", before))
		}
		if t != nil {
			t.add("payback_month", "payback: the first month whose running net value is ≥ 0", "F27",
				"first month with Σ to date of (value − cost) ≥ 0", UnitMonth, float64(qa.PaybackMonth), inputs...)
		}
	}
}

// bestRetune is F28 for one re-tuned option with accuracy: the cadence in
// {0, 1, …, H−1} with the lowest total (the smallest on a tie, 0 = never
// counting as smallest) and what it saves against the file's. Only the
// re-tune (F13) and errors (F26) categories depend on the cadence, so each
// candidate's total is the file's total with those two replaced; the search
// (retune.go) ranks them in O(H log H) and sums the two it reports month by
// month. priced is the option's costs and q its volumes (F1), from which
// the month loop priced it. With a tracer (a replay for "where does this
// come from?") it records both figures.
func bestRetune(r *OptionResult, priced *costs, q []float64, p qualityParams, fileEvery int, t *tracer) {
	var buf [2 * 61]float64 // the prefix sums of up to 60 months, on the stack
	c := newCadences(r, priced, q, p, buf[:])
	bestEvery, bestTotal := c.best()
	r.Quality.HasBestRetune = true
	r.Quality.BestRetuneEvery = bestEvery
	// Both totals by the same sums, so equal cadences save exactly 0.
	fileTotal := bestTotal
	if bestEvery != fileEvery {
		fileTotal = c.total(fileEvery)
		r.Quality.BestRetuneSaves = math.Max(0, fileTotal-bestTotal)
	}
	if t != nil {
		traceBestRetune(r.Quality, p, fileEvery, c.h, r.retuneEach, fileTotal, bestTotal, t)
	}
}

// traceBestRetune records F28: the cadence evaluated best, against the
// file's, and what it saves.
func traceBestRetune(q *Quality, p qualityParams, fileEvery, h int, each, fileTotal, bestTotal float64, t *tracer) {
	t.add("retune.best", "best re-tune cadence: the lowest total of every cadence from never to every month", "F28",
		"the retune_every_months in 0 (never), 1, …, months − 1 with the lowest total (re-tuning and errors change with it; on a tie the smallest)",
		UnitCadence, float64(q.BestRetuneEvery),
		count("cadences_evaluated", float64(h)), money("each_retune", each), fraction("accuracy_decay_per_month", p.decay),
		money("cost_per_error", p.costPerError), cadence("file_cadence", fileEvery), money("total_at_file_cadence", fileTotal),
		money("total_at_best_cadence", bestTotal))
	t.add("retune.best_saves", "what the best re-tune cadence saves against the file's", "F28",
		"total_at_file_cadence − total_at_best_cadence", UnitMoney, q.BestRetuneSaves,
		cadence("file_cadence", fileEvery), money("total_at_file_cadence", fileTotal),
		cadence("best_cadence", q.BestRetuneEvery), money("total_at_best_cadence", bestTotal))
}

// qualityFinite reports whether an option's §9 figures are all finite.
func qualityFinite(q *Quality) bool {
	return q == nil || (finite(q.Errors) && finite(q.CostPer1kGood) && finite(q.Value) && finite(q.ROI) &&
		finite(q.GoodAnswers) && finite(q.BestRetuneSaves))
}

// cheapestWithoutErrors is F24's rule on the totals without errors.
func cheapestWithoutErrors(opts []OptionResult) int {
	best := 0
	for i := range opts {
		if withoutErrors(&opts[i]) < withoutErrors(&opts[best]) {
			best = i
		}
	}
	return best
}

func withoutErrors(o *OptionResult) float64 {
	if o.Quality == nil {
		return o.Total
	}
	return o.Quality.CostWithoutErrors
}

// validateQuality is §9's rule: a file that prices an error or a success
// must say how often each option answers well.
func validateQuality(s *Scenario) error {
	for i := range s.Options {
		if err := validateAccuracyCounts(&s.Options[i]); err != nil {
			return err
		}
	}
	if !s.Workload.HasCostPerError && !s.Workload.HasValuePerSuccess {
		return nil
	}
	for i := range s.Options {
		if o := &s.Options[i]; !o.HasAccuracy {
			return inputErr(o.Name, "accuracy", "missing: the scenario sets cost_per_error or value_per_success, so every option needs accuracy (a number from 0 to 1)")
		}
	}
	return nil
}

// bestRetunes is F28 for every re-tuned option with accuracy, from the likely
// values of a full evaluation (never inside the analyses' lean runs).
func bestRetunes(s *Scenario, res *Result, priced []costs) {
	for i := range res.Options {
		o, r := &s.Options[i], &res.Options[i]
		if r.Quality != nil && o.Kind.Retunes() {
			bestRetune(r, &priced[i], res.Queries, newQualityParams(s, o), int(o.RetuneEveryMonths), nil)
		}
	}
}

// ShownIn reports whether the field belongs in listings of s's inputs:
// every field, except §9's where s does not model quality, so that a file
// without quality lists exactly the inputs it always did, and except the
// analyses' switches (efficiency_ranges, §10), which are no input.
func (f *Field) ShownIn(s *Scenario) bool {
	if f.Quiet { // a label or an optional check (short_name, eval_checks): shown once written
		return s.anySet(f)
	}
	return !f.AnalysisSwitch && (!f.Quality || s.QualityModelled())
}

// anySet reports whether some option gives the quiet field f a value other
// than its default.
func (s *Scenario) anySet(f *Field) bool {
	for i := range s.Options {
		o := &s.Options[i]
		if f.Kinds != nil && !containsKind(f.Kinds, o.Kind) {
			continue
		}
		switch {
		case f.text != nil && *f.text(s, o) != "":
			return true
		case f.flag != nil && *f.flag(s, o) != f.DefaultFlag:
			return true
		case f.num != nil && *f.num(s, o) != 0:
			return true
		}
	}
	return false
}

// validateAccuracyCounts is F25a's rule on accuracy = { correct, of }:
// whole numbers with 0 ≤ correct ≤ of and of ≥ 1 (AccuracyOf = 0: a number).
func validateAccuracyCounts(o *Option) error {
	c, n := o.AccuracyCorrect, o.AccuracyOf
	if n == 0 && c == 0 {
		return nil
	}
	switch {
	case !finite(n) || n < 1 || n != math.Trunc(n) || n > maxInput:
		return inputErr(o.Name, "accuracy", "of = %v: the evaluation's size must be a whole number of at least 1", n)
	case !finite(c) || c < 0 || c != math.Trunc(c):
		return inputErr(o.Name, "accuracy", "correct = %v: must be a whole number from 0 to of (%v)", c, n)
	case c > n:
		return inputErr(o.Name, "accuracy", "correct = %v is more than of = %v: at most every answer of the evaluation is correct", c, n)
	}
	return nil
}

// HasAccuracyCounts reports whether the option's accuracy is written as the
// counts of an evaluation (F25a).
func (o *Option) HasAccuracyCounts() bool { return o.AccuracyOf > 0 }
