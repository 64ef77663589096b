package report

import (
	"math"
	"strings"

	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/uncertainty"

	"github.com/tunecost/tunecost/present"
)

// bandWidth is the number of cells of a band's bar.
const bandWidth = 32

// Band glyphs: the track, the P10–P90 span and the median.
const (
	bandTrack  = '·'
	bandSpan   = '━'
	bandMedian = '●'
)

// bandLines draw each option's P10–P90 band of the total on one shared
// scale, from the smallest P10 to the largest P90: an axis line with the
// two ends, then per option its name, the bar and the three figures. name
// renders an option name for the target (sanitized, never escaped: the
// lines go into a code block or a terminal); width caps the names
// (present.Labels, 0: whole). Nil without a Monte Carlo.
func bandLines(s *Scenario, name func(string) string, width int) []string {
	sum := s.Uncertainty
	if sum == nil || sum.MC == nil || len(sum.MC.Options) == 0 {
		return nil
	}
	opts := sum.MC.Options
	lo, hi := present.BandScale(opts)
	cur := s.Result.Currency
	names := present.OptionLabels(s, name, width)
	names = append(names, make([]string, max(0, len(opts)-len(names)))...)
	nameW := 0
	for i := range opts {
		nameW = max(nameW, cells(names[i]))
	}
	lines := []string{strings.TrimRight(pad("", nameW, false)+"  "+axis(format.MoneyShort(lo, cur), format.MoneyShort(hi, cur)), " ")}
	for i, o := range opts {
		lines = append(lines, pad(names[i], nameW, false)+"  "+bar(o, lo, hi)+"  "+
			format.MoneyShort(o.P10, cur)+" – "+format.MoneyShort(o.P90, cur)+", P50 "+format.MoneyShort(o.P50, cur))
	}
	return lines
}

// axis puts the scale's low end under the bar's first cell and its high end
// over its last, or both side by side when the bar is too short for them.
func axis(lo, hi string) string {
	gap := bandWidth - cells(lo) - cells(hi)
	if gap < 1 {
		return lo + " " + hi
	}
	return lo + strings.Repeat(" ", gap) + hi
}

// bar is one option's band on the scale [lo, hi].
func bar(o uncertainty.OptionStats, lo, hi float64) string {
	cells := []rune(strings.Repeat(string(bandTrack), bandWidth))
	from, to, mid := cell(o.P10, lo, hi), cell(o.P90, lo, hi), cell(o.P50, lo, hi)
	for i := from; i <= to; i++ {
		cells[i] = bandSpan
	}
	cells[mid] = bandMedian
	return string(cells)
}

// cell is the bar cell of v on [lo, hi], clamped; everything sits in the
// first cell when the scale has no width (or a figure is not a number).
func cell(v, lo, hi float64) int {
	f := (v - lo) / (hi - lo) * (bandWidth - 1)
	if !(hi > lo) || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	return min(max(int(math.Round(f)), 0), bandWidth-1)
}
