package views

import (
	"math"
	"strings"

	"github.com/tunecost/tunecost/uncertainty"
)

// axis maps money onto n cells, from a rounded value below lo to one above
// hi, so bars of several options share one scale.
type axis struct {
	lo, hi, step float64
	n            int
}

func newAxis(lo, hi float64, n int) axis {
	if !(hi > lo) {
		lo, hi = lo*0.9, hi*1.1+1
	}
	// About one tick per 12 cells, so the labels fit without gaps.
	step := niceCeil((hi - lo) / float64(min(max(n/12, 2), 5)))
	lo = math.Floor(lo/step) * step
	hi = math.Ceil(hi/step) * step
	return axis{lo: lo, hi: hi, step: step, n: max(n, 1)}
}

func (a axis) col(v float64) int {
	if a.n == 1 {
		return 0
	}
	c := int(math.Round((v - a.lo) / (a.hi - a.lo) * float64(a.n-1)))
	return min(max(c, 0), a.n-1)
}

// labels writes the tick values over their columns, skipping any that
// would touch the one before.
func (a axis) labels(cur string) string {
	buf := []rune(strings.Repeat(" ", a.n))
	next := 0
	for v := a.lo; v <= a.hi+a.step/2; v += a.step {
		l := []rune(axisMoney(v, cur))
		at := min(max(a.col(v)-len(l)/2, 0), a.n-len(l))
		if at < next || at < 0 {
			continue
		}
		copy(buf[at:], l)
		next = at + len(l) + 1
	}
	return string(buf)
}

// band draws P10 ├──●──┤ P90 on the axis, styled once per row (styling each
// cell would cost a render per character).
func (a axis) band(o uncertainty.OptionStats, style func(...string) string) string {
	c10, c50, c90 := a.col(o.P10), a.col(o.P50), a.col(o.P90)
	seg := make([]rune, c90-c10+1)
	for i := range seg {
		seg[i] = '─'
	}
	if len(seg) > 1 {
		seg[0], seg[len(seg)-1] = '├', '┤'
	}
	seg[c50-c10] = '●'
	return strings.Repeat(" ", c10) + style(string(seg)) + strings.Repeat(" ", a.n-c90-1)
}
