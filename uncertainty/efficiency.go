package uncertainty

import (
	"math"

	"github.com/tunecost/tunecost/model"
)

// This file is MODEL.md §10: the default ranges of the efficiency constants
// a file does not set, and F25a's evaluation counts as inputs.

// efficiencyRow is one row of §10's table: a field, the options it
// applies to, its triangle and the P10 and P90 the tornado moves it to.
type efficiencyRow struct {
	key               string
	applies           func(o *model.Option) bool
	low, likely, high float64
	p10, p90          float64
	trainOnly         bool // training's mfu: fine-tunes only
}

func servePrecision(p ...string) func(o *model.Option) bool {
	return func(o *model.Option) bool {
		for _, x := range p {
			if o.ServePrecision == x || (x == "bf16" && o.ServePrecision == "") {
				return true
			}
		}
		return false
	}
}

// efficiencyRows is §10's table, in its order.
var efficiencyRows = []efficiencyRow{
	{key: "mfu", low: 0.20, likely: 0.45, high: 0.95, p10: 0.34, p90: 0.76, trainOnly: true,
		applies: func(o *model.Option) bool { return o.Method == "full" || o.Method == "lora" }},
	{key: "mfu", low: 0.16, likely: 0.36, high: 0.77, p10: 0.27, p90: 0.61, trainOnly: true,
		applies: func(o *model.Option) bool { return o.Method == "qlora" }},
	{key: "fp8_efficiency", low: 0.60, likely: 0.80, high: 1.00, p10: 0.69, p90: 0.91,
		applies: func(o *model.Option) bool {
			return o.ServePrecision == "fp8" || (o.Kind.Trains() && o.TrainPrecision == "fp8")
		}},
	{key: "bandwidth_efficiency", low: 0.54, likely: 0.75, high: 1.00, p10: 0.64, p90: 0.89, applies: servePrecision("bf16")},
	{key: "bandwidth_efficiency", low: 0.47, likely: 0.65, high: 0.87, p10: 0.55, p90: 0.78, applies: servePrecision("fp8", "int8")},
	{key: "bandwidth_efficiency", low: 0.33, likely: 0.45, high: 0.60, p10: 0.39, p90: 0.54, applies: servePrecision("int4")},
	{key: "bandwidth_efficiency", low: 0.29, likely: 0.40, high: 0.53, p10: 0.34, p90: 0.47, applies: servePrecision("nf4")},
	{key: "prefill_efficiency", low: 0.16, likely: 0.60, high: 1.00, p10: 0.35, p90: 0.82,
		applies: func(*model.Option) bool { return true }},
}

// EfficiencyInputs is §10's default ranges for s: one input per row of the
// table that applies to at least one self-hosted option whose file does not
// set the field (written reports whether option i's file sets key, as a
// number or a range). One draw per row is shared by every option it
// applies to. None when s.EfficiencyRanges is false.
func EfficiencyInputs(s *model.Scenario, cat *model.Catalog, written func(option int, key string) bool) []Input {
	if !s.EfficiencyRanges {
		return nil
	}
	var out []Input
	for _, row := range efficiencyRows {
		f, ok := model.FieldByPath("option." + row.key)
		if !ok {
			continue
		}
		var opts []int
		for i := range s.Options {
			o := &s.Options[i]
			if !o.SelfHosted(cat) || (row.trainOnly && !o.Kind.Trains()) || !row.applies(o) {
				continue
			}
			if written != nil && written(i, row.key) {
				continue // a number in the file is known; a range in the file is its own input
			}
			opts = append(opts, i)
		}
		if len(opts) == 0 {
			continue
		}
		out = append(out, Input{Field: f, Option: opts[0], Shared: opts[1:], Kind: Default,
			Low: row.low, Likely: row.likely, High: row.high, BarLow: row.p10, BarHigh: row.p90})
	}
	return out
}

// CountsInput is F25a's input for option i whose accuracy is written as
// evaluation counts: Beta(correct + 1, of − correct + 1), likely correct /
// of, and a tornado bar at the Beta's P10 and P90.
func CountsInput(s *model.Scenario, i int) (Input, bool) {
	if i < 0 || i >= len(s.Options) || !s.Options[i].HasAccuracyCounts() {
		return Input{}, false
	}
	f, ok := model.FieldByPath("option.accuracy")
	if !ok {
		return Input{}, false
	}
	o := &s.Options[i]
	a, b := countsPosterior(o.AccuracyCorrect, o.AccuracyOf)
	// The bar's ends are rounded to 0.001, as people read accuracies; the
	// Monte Carlo draws from the Beta itself.
	round := func(v float64) float64 { return math.Round(v*1000) / 1000 }
	in := Input{Field: f, Option: i, Kind: Counts, Likely: o.AccuracyCorrect / o.AccuracyOf, BetaA: a, BetaB: b,
		Low: 0, High: 1, BarLow: round(BetaQuantile(0.10, a, b)), BarHigh: round(BetaQuantile(0.90, a, b))}
	return in, true
}

// defaulted reports whether a §10 default range covers in's field for in's
// option, so that the fixed-share tornado leaves it to that range's bar.
func defaulted(in Input, defaults []Input) bool {
	if in.Field == nil || in.Field.Section != model.SectionOption {
		return false
	}
	for _, d := range defaults {
		if d.Field != nil && d.Field.Key == in.Field.Key && d.appliesTo(in.Option) {
			return true
		}
	}
	return false
}
