package views

import (
	"math"
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/tunecost/tunecost/model"
)

// glyphs tell the options apart without colour (NO_COLOR, monochrome).
var glyphs = []rune{'•', '◆', '▲', '■', '✚', '○'}

func glyph(i int) rune { return glyphs[i%len(glyphs)] }

// cell is one character of the plot and the option that drew it (-1: axis or
// blank, -2: a crossover mark).
type cell struct {
	r   rune
	opt int
}

const crossMark = -2

// plotLine draws option i's line across the pw columns of grid, rowAt(x)
// being its row in column x; a jump between columns is filled vertically,
// so a steep line stays joined.
func plotLine(grid [][]cell, i, pw int, rowAt func(x int) int) {
	prev := -1
	for x := 0; x < pw; x++ {
		y := rowAt(x)
		lo, hi := y, y
		if prev >= 0 {
			lo, hi = min(prev, y), max(prev, y)
		}
		for yy := lo; yy <= hi; yy++ {
			grid[yy][x] = cell{glyph(i), i}
		}
		prev = y
	}
}

// plotRow draws row y of a chart's grid behind its y-axis label (┤ where a
// label stands). One Render per run of cells drawn alike, not per cell: a
// style's Render is far dearer than the characters it wraps.
func (st *styles) plotRow(row []cell, labelAt map[int]string, y, yw int) string {
	edge := "│"
	if _, ok := labelAt[y]; ok {
		edge = "┤"
	}
	var b strings.Builder
	b.WriteString(st.Muted.Render(fitRight(labelAt[y], yw) + " " + edge))
	for x := 0; x < len(row); {
		end := x + 1
		for end < len(row) && row[end].opt == row[x].opt {
			end++
		}
		run := make([]rune, end-x)
		for i := range run {
			run[i] = row[x+i].r
		}
		switch opt := row[x].opt; {
		case opt == crossMark:
			b.WriteString(st.Warn.Render(string(run)))
		case opt == zeroMark:
			b.WriteString(st.Muted.Render(string(run)))
		case opt >= 0:
			b.WriteString(st.series(opt).Render(string(run)))
		default:
			b.WriteString(string(run))
		}
		x = end
	}
	return b.String()
}

// chart draws cumulative cost per option over the months in w×h cells: money
// labels on the y axis, months (counted from 1) on the x axis, one glyph and
// colour per option, crossovers marked ×.
func chart(r *model.Result, st *styles, w, h int) []string {
	n := r.HorizonMonths
	if w < 20 || h < 5 || n < 1 || len(r.Options) == 0 {
		return []string{st.Muted.Render("(no room for the chart)")}
	}
	top := 0.0
	for i := range r.Options {
		for _, mo := range r.Options[i].Months() {
			top = math.Max(top, mo.Cumulative)
		}
	}
	top = niceCeil(top)
	ticks := min(4, max((h-2)/3, 1))
	yw := 0
	for t := 0; t <= ticks; t++ {
		yw = max(yw, lipgloss.Width(axisMoney(top*float64(t)/float64(ticks), r.Currency)))
	}
	pw, ph := w-yw-2, h-2
	if pw < 4 || ph < 2 {
		return []string{st.Muted.Render("(no room for the chart)")}
	}
	grid := make([][]cell, ph)
	for y := range grid {
		grid[y] = make([]cell, pw)
		for x := range grid[y] {
			grid[y][x] = cell{' ', -1}
		}
	}
	rowOf := func(v float64) int {
		if top <= 0 {
			return ph - 1
		}
		y := ph - 1 - int(math.Round(v/top*float64(ph-1)))
		return min(max(y, 0), ph-1)
	}
	colOf := func(m int) int {
		if n == 1 {
			return 0
		}
		return int(math.Round(float64(m) * float64(pw-1) / float64(n-1)))
	}
	for i := len(r.Options) - 1; i >= 0; i-- { // the first option is drawn on top
		o := &r.Options[i]
		plotLine(grid, i, pw, func(x int) int { return rowOf(cumulativeAt(o, x, pw, n)) })
	}
	axis := []rune(strings.Repeat("─", pw))
	for _, c := range r.Crossovers {
		a := optionIndex(r, c.A)
		if a < 0 || c.Month < 0 || c.Month >= len(r.Options[a].Months()) {
			continue
		}
		x := colOf(c.Month)
		grid[rowOf(r.Options[a].Months()[c.Month].Cumulative)][x] = cell{'×', crossMark}
		axis[x] = '×'
	}
	lines := make([]string, 0, h)
	labelAt := map[int]string{}
	for t := 0; t <= ticks; t++ {
		v := top * float64(t) / float64(ticks)
		labelAt[rowOf(v)] = axisMoney(v, r.Currency)
	}
	for y := 0; y < ph; y++ {
		lines = append(lines, st.plotRow(grid[y], labelAt, y, yw))
	}
	lines = append(lines, st.Muted.Render(strings.Repeat(" ", yw+1)+"└"+string(axis)))
	lines = append(lines, st.Muted.Render(strings.Repeat(" ", yw+2)+monthLabels(n, pw, colOf)))
	return lines
}

// cumulativeAt interpolates option o's cumulative cost at plot column x.
func cumulativeAt(o *model.OptionResult, x, pw, n int) float64 {
	months := o.Months()
	if len(months) == 0 {
		return 0
	}
	if n == 1 || pw == 1 {
		return months[0].Cumulative
	}
	fm := float64(x) * float64(n-1) / float64(pw-1)
	m := min(int(fm), len(months)-1)
	if m+1 >= len(months) {
		return months[m].Cumulative
	}
	f := fm - float64(m)
	return months[m].Cumulative*(1-f) + months[m+1].Cumulative*f
}

// monthLabels places month numbers (from 1) under the axis without overlap.
func monthLabels(n, pw int, colOf func(int) int) string {
	row := []rune(strings.Repeat(" ", pw))
	step := 1
	for _, s := range []int{1, 2, 3, 6, 12, 24, 60} {
		step = s
		if float64(s)*float64(pw)/float64(max(n, 1)) >= 5 {
			break
		}
	}
	free := 0
	for m := 0; m < n; m++ {
		if m != 0 && (m+1)%step != 0 {
			continue
		}
		label := []rune(strconv.Itoa(m + 1))
		x := colOf(m) - len(label)/2
		x = max(x, free)
		if x+len(label) > pw {
			continue
		}
		copy(row[x:], label)
		free = x + len(label) + 1
	}
	return string(row)
}

// niceCeil rounds v up to a round multiple of a power of ten (1, 1.2, 1.5, 2 …).
func niceCeil(v float64) float64 {
	if v <= 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, f := range []float64{1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10} {
		if f*p >= v {
			return f * p
		}
	}
	return 10 * p
}

// axisMoney is a y-axis label: compact, and a plain 0 at the origin.
func axisMoney(v float64, cur string) string {
	if v == 0 {
		return "0"
	}
	return moneyShort(v, cur)
}
