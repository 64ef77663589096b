package views

import (
	"math"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/present"
	"github.com/tunecost/tunecost/report"
	"github.com/tunecost/tunecost/uncertainty"
)

// This file is MODEL.md §9 on screen (its Compare rows are present's
// figures): the timeline's table of accuracy and cumulative net value month
// by month, the net value chart and the Risk screen's cadence lines. A
// result that models no quality shows none of it.

// qualityView is the timeline's §9 table: per option the month's accuracy
// (a fine-tune's saw-tooth of decay and re-tunes) and, where the file
// prices a success, the cumulative net value Σ (V − cost), which crosses
// zero at the payback month (marked ✓).
func (m timelineModel) qualityView() string {
	st, r := m.c.Styles, &m.snap.Result
	const mw, aw, nw = 7, 7, 12
	cw := aw
	if r.ValueModelled {
		cw += nw
	}
	head, sub := fit("Month", mw), fit("", mw)
	for i := range r.Options {
		name := st.series(i).Bold(true).Render(clean(r.Options[i].Name))
		head += " " + fitRight(name, cw-1)
		s := fitRight("acc.", aw)
		if r.ValueModelled {
			s += fitRight("net value", nw)
		}
		sub += st.Muted.Render(s)
	}
	lines := []string{st.Header.Render(head), sub}
	nets := make([]float64, len(r.Options))
	for i := range r.Options { // the running net before the first month shown
		months := r.Options[i].Months()
		for mo := 0; mo < m.scroll && mo < len(months); mo++ {
			nets[i] += months[mo].Value - months[mo].Total
		}
	}
	for mo := m.scroll; mo < min(m.scroll+m.rows(), r.HorizonMonths); mo++ {
		line := fit(monthName(mo)[len("month "):], mw)
		for i := range r.Options {
			o := &r.Options[i]
			months := o.Months()
			if mo >= len(months) {
				continue
			}
			if o.Quality == nil {
				line += fitRight("—", cw)
				continue
			}
			line += fitRight(format.Percent(months[mo].Accuracy), aw)
			if r.ValueModelled {
				nets[i] += months[mo].Value - months[mo].Total
				cell := moneyShort(nets[i], r.Currency)
				if o.Quality.HasPayback && o.Quality.PaybackMonth == mo {
					cell = "✓ " + cell
				}
				line += fitRight(cell, nw)
			}
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// qualityVerdict is the verdict's §9 line, when errors reorder the cheapest.
func qualityVerdict(r *model.Result) []string {
	cur := func(v float64) string { return money(v, r.Currency) }
	var out []string
	if words := present.QualityVerdict(r, clean, cur); words != "" {
		out = append(out, "! "+words)
	}
	return out
}

// spendLines are the verdict's §9 split of the cheapest option's total
// into money spent and the cost of errors, and which decides: under the
// Compare table, beside the crossovers (pinned above it, they left an
// 80×24 screen six rows of figures).
func spendLines(r *model.Result) []string {
	words := present.SpendSplit(r, clean, func(v float64) string { return money(v, r.Currency) })
	if words == "" {
		return nil
	}
	return []string{"· " + words}
}

// qualityLines are the Risk screen's §9 part: each fine-tune's best re-tune
// cadence (F28) and what it saves, and the break-even on its accuracy
// against every other option.
func (m riskModel) qualityLines(w int) []string {
	st, r := m.c.Styles, &m.snap.Result
	if !r.QualityModelled {
		return nil
	}
	out := []string{"", st.Header.Render("Quality: re-tune cadence and break-even on accuracy")}
	for i := range r.Options {
		o := &r.Options[i]
		if o.Quality == nil || !o.Quality.HasBestRetune || i >= len(m.snap.Input.Options) {
			continue
		}
		file := int(m.snap.Input.Options[i].RetuneEveryMonths)
		s := clean(o.Name) + ": best re-tune cadence " + present.CadenceText(o.Quality.BestRetuneEvery)
		if o.Quality.BestRetuneSaves > 0 {
			s += ", saving " + money(o.Quality.BestRetuneSaves, r.Currency) + " against the file's " + present.CadenceText(file)
		} else {
			s += " (the file's)"
		}
		out = append(out, wrapIndent(st.Text.Render("  "+s), w, "    ")...)
	}
	if m.sum != nil {
		for _, be := range m.sum.AccuracyBreakEven {
			out = append(out, wrapIndent(st.Text.Render("  "+accuracyBreakEvenText(&m.snap.Input, r, be)), w, "    ")...)
		}
	}
	return out
}

// accuracyBreakEvenText: "LoRA costs less than RAG only if its accuracy is
// above 0.81 (now 0.88)", or which option stays cheaper across 0–1.
func accuracyBreakEvenText(s *model.Scenario, r *model.Result, be uncertainty.AccuracyBreakEven) string {
	if be.Failed() {
		return "✗ " + clean(be.A) + " and " + clean(be.B) + ": the break-even on accuracy could not be solved: " + clean(be.Err.Error())
	}
	if be.Found {
		return report.AccuracyBreakEvenWords(s, uncertainty.Input{Field: accuracyField(), Option: be.Option}, be.BreakEven)
	}
	text := clean(be.A) + " and " + clean(be.B) + " never cost the same for any accuracy of " + clean(be.A)
	if a, b := optionIndex(r, be.A), optionIndex(r, be.B); a >= 0 && b >= 0 {
		text += ": " + cheaper(r, a, b) + " stays cheaper"
	}
	return text
}

func accuracyField() *model.Field {
	f, _ := model.FieldByPath("option.accuracy")
	return f
}

// zeroMark is the net-value chart's zero line.
const zeroMark = -3

// netValues is each option's running Σ (V(m) − cost(m)), nil for an option
// without accuracy.
func netValues(r *model.Result) [][]float64 {
	out := make([][]float64, len(r.Options))
	for i := range r.Options {
		o := &r.Options[i]
		if o.Quality == nil {
			continue
		}
		run := 0.0
		months := o.Months()
		out[i] = make([]float64, len(months))
		for m := range months {
			run += months[m].Value - months[m].Total
			out[i][m] = run
		}
	}
	return out
}

// netChart draws cumulative net value per option in w×h cells around a
// zero line: each line crosses it at the option's payback month (✓).
func netChart(r *model.Result, st *styles, w, h int) []string {
	n := r.HorizonMonths
	nets := netValues(r)
	lo, hi := 0.0, 0.0
	for _, v := range nets {
		for _, x := range v {
			lo, hi = math.Min(lo, x), math.Max(hi, x)
		}
	}
	if w < 20 || h < 5 || n < 1 || hi == lo {
		return []string{st.Muted.Render("(no room for the chart)")}
	}
	labels := []float64{hi, 0, lo}
	yw := 0
	for _, v := range labels {
		yw = max(yw, lipgloss.Width(axisMoney(v, r.Currency)))
	}
	pw, ph := w-yw-2, h-2
	if pw < 4 || ph < 3 {
		return []string{st.Muted.Render("(no room for the chart)")}
	}
	rowOf := func(v float64) int {
		return min(max(ph-1-int(math.Round((v-lo)/(hi-lo)*float64(ph-1))), 0), ph-1)
	}
	colOf := func(m int) int {
		if n == 1 {
			return 0
		}
		return int(math.Round(float64(m) * float64(pw-1) / float64(n-1)))
	}
	grid := make([][]cell, ph)
	for y := range grid {
		grid[y] = make([]cell, pw)
		for x := range grid[y] {
			grid[y][x] = cell{' ', -1}
		}
	}
	for x := range grid[rowOf(0)] {
		grid[rowOf(0)][x] = cell{'─', zeroMark}
	}
	for i := len(nets) - 1; i >= 0; i-- { // the first option is drawn on top
		if nets[i] == nil {
			continue
		}
		plotLine(grid, i, pw, func(x int) int { return rowOf(netAt(nets[i], x, pw, n)) })
	}
	for i := range nets { // payback marks last, so no line hides one
		if q := r.Options[i].Quality; nets[i] != nil && q.HasPayback && q.PaybackMonth < len(nets[i]) {
			grid[rowOf(nets[i][q.PaybackMonth])][colOf(q.PaybackMonth)] = cell{'✓', crossMark}
		}
	}
	labelAt := map[int]string{}
	for _, v := range labels {
		labelAt[rowOf(v)] = axisMoney(v, r.Currency)
	}
	lines := make([]string, 0, h)
	for y := 0; y < ph; y++ {
		lines = append(lines, st.plotRow(grid[y], labelAt, y, yw))
	}
	lines = append(lines, st.Muted.Render(strings.Repeat(" ", yw+1)+"└"+strings.Repeat("─", pw)))
	return append(lines, st.Muted.Render(strings.Repeat(" ", yw+2)+monthLabels(n, pw, colOf)))
}

// netAt interpolates a running net value at plot column x.
func netAt(v []float64, x, pw, n int) float64 {
	if len(v) == 0 {
		return 0
	}
	if n == 1 || pw == 1 {
		return v[0]
	}
	fm := float64(x) * float64(n-1) / float64(pw-1)
	m := min(int(fm), len(v)-1)
	if m+1 >= len(v) {
		return v[m]
	}
	f := fm - float64(m)
	return v[m]*(1-f) + v[m+1]*f
}

// netChartView is the timeline's net value chart with its legend and each
// option's payback month in words.
func (m timelineModel) netChartView() string {
	st, r := m.c.Styles, &m.snap.Result
	w, h := m.c.Width, m.c.Height
	title := st.Header.Render("Cumulative net value (value − cost), " + clean(r.Currency))
	payback := func(labels []string) string {
		var pays []string
		for i := range r.Options {
			o := &r.Options[i]
			switch {
			case o.Quality == nil:
			case o.Quality.HasPayback:
				pays = append(pays, labels[i]+" "+monthName(o.Quality.PaybackMonth))
			default:
				pays = append(pays, labels[i]+" never")
			}
		}
		return "✓ payback: " + strings.Join(pays, "; ")
	}
	// Whole names with the hint when they fit; else the names as labels
	// (present.Labels) sharing the line, so no option's month is cut off.
	line := payback(optionLabels(&m.snap, 0)) + " (t: accuracy by month)"
	if lipgloss.Width(line) > w {
		line = payback(optionLabels(&m.snap, 0))
	}
	if n := len(r.Options); lipgloss.Width(line) > w && n > 0 {
		line = payback(optionLabels(&m.snap, max((w-12)/n-10, 6)))
	}
	words := st.Text.Render(fit(format.CutWords(line, w), w))
	head := m.titled(title, false, w)
	plot := netChart(r, st, w, h-len(head)-1)
	return strings.Join(append(append(head, plot...), words), "\n")
}
