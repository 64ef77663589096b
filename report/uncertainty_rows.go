package report

import (
	"github.com/tunecost/tunecost/present"
	"strconv"

	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/uncertainty"
)

// This file holds what the text and Markdown renderers share about the
// uncertainty analysis: the rows of the Monte Carlo table and the sentences
// around it. Cells are plain; each renderer escapes names itself.

// topSwings is how many tornado bars each option shows outside <details>.
const topSwings = 3

// noRangesSentence is shown instead of the bands when no input is a range.
const noRangesSentence = "No input is a range; write x = { low = …, likely = …, high = … } to see P10–P90 bands."

// monteCarloLine says how the bands were drawn: samples, seed, failures and
// the shape of the ranges.
func monteCarloLine(mc *uncertainty.Analysis) string {
	failed := "none failed"
	if mc.Failed > 0 {
		failed = format.Number(float64(mc.Failed), 0) + " failed and are left out"
	}
	return samplesPhrase(mc) + ", seed " + strconv.FormatUint(mc.Seed, 10) + ", " + failed +
		". Each ranged input is drawn from a triangular distribution (low, likely, high); " +
		"P10–P90 holds the middle 80% of the outcomes."
}

// samplesPhrase is "10,000 samples", or with the work budget's cap said
// plainly: "1,302 samples (capped from 10,000 to keep the analysis under its
// work budget; see docs/limits.md)".
func samplesPhrase(mc *uncertainty.Analysis) string {
	n := format.Number(float64(mc.Samples), 0) + " samples"
	if !mc.Capped() {
		return n
	}
	return n + " (capped from " + format.Number(float64(mc.Requested), 0) +
		" to keep the analysis under its work budget; see docs/limits.md)"
}

// monteCarloRows are the P10/P50/P90 of each option's total and cost per 1k
// queries, then the share of samples in which it is cheapest.
func monteCarloRows(s *Scenario) []present.Row {
	mc := s.Uncertainty.MC
	cur := s.Result.Currency
	stat := func(label string, v func(st *uncertainty.OptionStats) string) present.Row {
		cells := make([]string, len(s.Result.Options))
		for i := range cells {
			cells[i] = "—"
			if i < len(mc.Options) {
				cells[i] = v(&mc.Options[i])
			}
		}
		return present.Row{Label: label, Cells: cells}
	}
	money := func(f func(st *uncertainty.OptionStats) float64) func(st *uncertainty.OptionStats) string {
		return func(st *uncertainty.OptionStats) string { return format.Money(f(st), cur) }
	}
	horizon := format.Months(s.Result.HorizonMonths)
	return append([]present.Row{
		stat("Total over "+horizon+", P10", money(func(st *uncertainty.OptionStats) float64 { return st.P10 })),
		stat("Total over "+horizon+", P50", money(func(st *uncertainty.OptionStats) float64 { return st.P50 })),
		stat("Total over "+horizon+", P90", money(func(st *uncertainty.OptionStats) float64 { return st.P90 })),
		stat("Per 1k queries, P10", money(func(st *uncertainty.OptionStats) float64 { return st.Per1kP10 })),
		stat("Per 1k queries, P50", money(func(st *uncertainty.OptionStats) float64 { return st.Per1kP50 })),
		stat("Per 1k queries, P90", money(func(st *uncertainty.OptionStats) float64 { return st.Per1kP90 })),
		stat("Cheapest in (share of samples)", func(st *uncertainty.OptionStats) string { return format.Percent(st.PCheapest) }),
	}, physicsRows(s)...)
}

// physicsRows are §10's P10–P50–P90 of the self-hosted options' physics,
// "—" for the others; none when no option is self-hosted.
func physicsRows(s *Scenario) []present.Row {
	mc := s.Uncertainty.MC
	cells := map[string][]string{}
	for i, st := range mc.Options {
		for _, f := range present.PhysicsFigures(st.Physics) {
			if _, ok := cells[f.Label]; !ok {
				cells[f.Label] = make([]string, len(s.Result.Options))
				for k := range cells[f.Label] {
					cells[f.Label][k] = "—"
				}
			}
			if i < len(s.Result.Options) {
				cells[f.Label][i] = f.Text()
			}
		}
	}
	var order []string // every figure's label, in PhysicsFigures' order
	for _, f := range present.PhysicsFigures(&uncertainty.Physics{TrainingHours: &uncertainty.Band{}}) {
		if _, ok := cells[f.Label]; ok {
			order = append(order, f.Label)
		}
	}
	out := make([]present.Row, 0, len(order))
	for _, l := range order {
		out = append(out, present.Row{Label: l + ", P10–P50–P90", Cells: cells[l]})
	}
	return out
}

// defaultRangesNote is said wherever bands drawn with §10's default ranges
// are shown: the triangles lean towards faster runs.
const defaultRangesNote = "The efficiency constants the file does not set vary over their default ranges (MODEL.md §10; efficiency_ranges = false turns them off). Those ranges lean towards faster runs (mfu's median is 0.52), so a compute-bound option's P50 total sits below the total the comparison shows."

// tornadoSource says where the tornado's low and high ends came from.
func tornadoSource(sum *uncertainty.Summary) string {
	if sum.Ranged && sum.Defaults {
		return "Each input moved alone from the low to the high end of its range in the file (an efficiency constant's default range, or evaluation counts, to its P10 and P90), the others at likely."
	}
	if sum.Ranged {
		return "Each input moved alone from the low to the high end of its range in the file, the others at likely."
	}
	if sum.Defaults {
		return "The file gives no ranges, so each input moved alone by ±" +
			format.Number(uncertainty.DefaultSpread*100, 0) + "% of its value, the others as given; the efficiency constants with a default range moved to its P10 and P90."
	}
	return "The file gives no ranges, so each input moved alone by ±" +
		format.Number(uncertainty.DefaultSpread*100, 0) + "% of its value, the others as given."
}

// swingsOf is option i's tornado bars that were computed, nil when it has
// none; the failed ones are tornadoFailures'.
func swingsOf(sum *uncertainty.Summary, i int) []uncertainty.Swing {
	if i < 0 || i >= len(sum.Tornado) {
		return nil
	}
	var out []uncertainty.Swing
	for _, sw := range sum.Tornado[i] {
		if !sw.Failed() {
			out = append(out, sw)
		}
	}
	return out
}

// tornadoFailures says, for every bar the engine could not compute, which
// option and input failed and why: "lora: option "lora".batch at its high
// end 5000: …". Nothing when every bar was computed.
func tornadoFailures(s *Scenario, name func(string) string) []string {
	var out []string
	for i := range s.Result.Options {
		if i >= len(s.Uncertainty.Tornado) {
			break
		}
		for _, sw := range s.Uncertainty.Tornado[i] {
			if sw.Failed() {
				out = append(out, name(s.Result.Options[i].Name)+": "+name(sw.Label)+" could not be evaluated: "+name(sw.Err.Error())+".")
			}
		}
	}
	return out
}

// tornadoFailuresIntro heads the list of tornadoFailures.
const tornadoFailuresIntro = "Inputs left out because the engine refused one of their ends:"

// topOf is the first n swings that move the total at all: an input that
// changes nothing is not one of the inputs that matter.
func topOf(swings []uncertainty.Swing, n int) []uncertainty.Swing {
	var out []uncertainty.Swing
	for _, sw := range swings {
		if len(out) == n {
			break
		}
		if sw.Swing > 0 {
			out = append(out, sw)
		}
	}
	return out
}

// swingCells are one bar as plain cells: the input's low → high values,
// the totals at each end and the swing.
func swingCells(sw uncertainty.Swing, currency string) []string {
	return []string{
		inputValue(sw.Low) + " → " + inputValue(sw.High),
		format.Money(sw.TotalAtLow, currency) + " → " + format.Money(sw.TotalAtHigh, currency),
		format.Money(sw.Swing, currency),
	}
}

// swingHeader names swingCells' columns.
var swingHeader = []string{"Low → high", "Total at low → high", "Swing"}

// inputValue is a tornado end as typed (format.AsTyped).
func inputValue(v float64) string { return format.AsTyped(v) }
