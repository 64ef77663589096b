package views

import (
	"fmt"
	"math"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/present"
	"github.com/tunecost/tunecost/uncertainty"
)

func (m riskModel) View() string {
	w, h := m.c.Width, m.c.Height
	if w <= 0 || h <= 0 {
		return ""
	}
	lines := m.lines()
	start := min(m.scroll, max(len(lines)-h, 0))
	return block(strings.Join(lines[start:], "\n"), w, h)
}

// lines is the whole screen, before scrolling: where the ranges come from,
// the break-even panel when open, the bands, the tornado and the pairs.
func (m riskModel) lines() []string {
	st, w := m.c.Styles, m.c.Width
	if w <= 0 {
		return nil
	}
	if m.snap.Err != nil {
		return wrap(st.Error.Render("No analysis: the scenario does not evaluate ("+clean(m.snap.Err.Error())+")."), w)
	}
	if len(m.snap.Result.Options) == 0 {
		return []string{st.Muted.Render("No options to analyse.")}
	}
	out := m.source(w)
	if m.computing() {
		// On the blank line under the ranges, not over their end
		// ("workload.… computing…" hid which inputs were ranged).
		out = append(out, st.Warn.Render("computing…"))
	} else {
		out = append(out, "")
	}
	if m.be.open {
		out = append(out, m.be.lines(w)...)
	}
	switch {
	case m.err != nil:
		return append(out, wrapIndent(st.Error.Render("✗ The analysis failed: "+clean(m.err.Error())), w, "  ")...)
	case m.sum == nil:
		return append(out, st.Muted.Render("Sampling the ranges…"))
	}
	out = append(out, m.bands(w)...)
	out = append(out, m.physics(w)...) // §10, self-hosted options only
	out = append(out, "")
	out = append(out, m.tornado(w)...)
	out = append(out, "")
	out = append(out, m.pairs(w)...)
	return append(out, m.qualityLines(w)...) // §9, only when quality is modelled
}

// source says where the ranges come from: the file's, or ±25 % of each
// input; wrapped, so that no range is cut off a narrow screen.
func (m riskModel) source(w int) []string {
	st := m.c.Styles
	var parts, defaults []string
	for _, in := range m.ranged {
		switch in.Kind {
		case uncertainty.Default:
			defaults = append(defaults, in.Field.Key)
		case uncertainty.Counts:
			o := &m.snap.Input.Options[in.Option]
			parts = append(parts, fmt.Sprintf("%s %s of %s (P10–P90 %s–%s)", clean(in.Label(&m.snap.Input)),
				short(o.AccuracyCorrect), short(o.AccuracyOf), short(in.BarLow), short(in.BarHigh)))
		default:
			parts = append(parts, clean(in.Label(&m.snap.Input))+" "+short(in.Low)+"–"+short(in.High))
		}
	}
	text := fmt.Sprintf("No ranges in the file: the tornado moves each input ±%g %%; "+
		"write one as { low, likely, high } for P10–P90 bands.", uncertainty.DefaultSpread*100)
	if len(parts) > 0 {
		text = "Ranges from the file: " + strings.Join(parts, ", ")
		if len(parts) > 2 {
			text = fmt.Sprintf("Ranges from the file (%d): %s", len(parts), strings.Join(parts, ", "))
		}
	}
	if len(defaults) > 0 {
		if len(parts) == 0 {
			text = fmt.Sprintf("No ranges in the file: the tornado moves each input ±%g %%", uncertainty.DefaultSpread*100)
		}
		text += "; default ranges (§10): " + strings.Join(uniqueStrings(defaults), ", ")
	}
	// Two lines at most on a short screen (five on a tall one): the tornado
	// below names every ranged input again.
	most := 2
	if m.c.Height >= 30 {
		most = 5
	}
	lines := wrapHard(text, max(w, 10))
	if len(lines) > most {
		lines = append(lines[:most-1], ansi.Truncate(lines[most-1]+" "+lines[most], max(w, 10), "…"))
	}
	for i := range lines {
		lines[i] = st.Muted.Render(lines[i])
	}
	return lines
}

// samplesNote is the bands' sample count, saying plainly when the work
// budget capped it (docs/limits.md): "2,000 of 10,000 samples, capped" fits
// 80 columns; wider windows say why.
func (m riskModel) samplesNote(w int) string {
	st, mc := m.c.Styles, m.sum.MC
	n := count(float64(mc.Samples)) + " samples"
	switch {
	case !mc.Capped():
		return st.Muted.Render(n)
	case w >= 120:
		return st.Warn.Render(fmt.Sprintf("%s, capped from %s by the work budget, see docs/limits.md", n, count(float64(mc.Requested))))
	default:
		return st.Warn.Render(fmt.Sprintf("%s of %s samples, capped", count(float64(mc.Samples)), count(float64(mc.Requested))))
	}
}

// bands draws each option's P10–P90 total as a bar on one money axis, P50
// marked ●, with the figures and the share of samples it is cheapest in.
func (m riskModel) bands(w int) []string {
	st, r, mc := m.c.Styles, &m.snap.Result, m.sum.MC
	title := st.Header.Render(fmt.Sprintf("Total over %s", plural(float64(r.HorizonMonths), "month")))
	if mc == nil {
		return []string{title, st.Muted.Render("  No P10–P90 bands without ranges in the file.")}
	}
	title += st.Muted.Render(": P10 ├─●─┤ P90, ● P50 (") + m.samplesNote(w)
	if mc.Failed > 0 {
		title += st.Warn.Render(fmt.Sprintf(", %s failed", count(float64(mc.Failed))))
	}
	title += st.Muted.Render(")")
	nameW := 8
	for i := range r.Options {
		nameW = max(nameW, len([]rune(clean(r.Options[i].Name)))+3)
	}
	nameW = min(nameW, max(w/4, 10))
	stats := make([]string, len(mc.Options))
	statW := 0
	for i, o := range mc.Options {
		stats[i] = m.stat(o, w >= 140)
		statW = max(statW, len([]rune(stats[i])))
	}
	// Figures beside the bar while that leaves it 30 cells; else under it.
	under := w-nameW-statW-2 < 30
	barW := max(w-nameW-statW-2, 8)
	if under {
		barW = max(w-nameW-1, 8)
	}
	lo, hi := present.BandScale(mc.Options) // the reports' scale
	ax := newAxis(lo, hi, barW)
	out := []string{title, strings.Repeat(" ", nameW) + st.Muted.Render(ax.labels(r.Currency))}
	labels, lines := optionLabels(&m.snap, nameW-3), twoLineLabels(&m.snap, nameW-3)
	for i, o := range mc.Options {
		if i >= len(r.Options) {
			break
		}
		name := fit("  "+labels[i], nameW)
		if under {
			// The name may take the line of the figures too, broken at a space.
			parts := lines[i]
			rest := ""
			if len(parts) > 1 {
				rest = strings.Join(parts[1:], " ")
			}
			name = fit("  "+parts[0], nameW)
			row := st.series(i).Render(name) + ax.band(o, st.series(i).Render)
			out = append(out, row, st.series(i).Render(fit("  "+rest, nameW-1))+" "+st.Text.Render(stats[i]))
			continue
		}
		row := st.series(i).Render(name) + ax.band(o, st.series(i).Render)
		out = append(out, row+"  "+st.Text.Render(stats[i]))
	}
	return out
}

// stat is an option's figures beside its bar, shorter on narrow screens.
func (m riskModel) stat(o uncertainty.OptionStats, wide bool) string {
	cur := m.snap.Result.Currency
	share := fmt.Sprintf("%.0f %%", o.PCheapest*100)
	if wide {
		return fmt.Sprintf("P10 %s · P50 %s · P90 %s · cheapest in %s of samples",
			moneyShort(o.P10, cur), moneyShort(o.P50, cur), moneyShort(o.P90, cur), share)
	}
	return fmt.Sprintf("%s–%s, P50 %s · cheapest %s", moneyShort(o.P10, cur), moneyShort(o.P90, cur),
		moneyShort(o.P50, cur), share)
}

// tornado ranks the selected option's inputs by how far each moves its
// total alone: bars left of the likely total where an end lowers it, right
// where it raises it.
func (m riskModel) tornado(w int) []string {
	st, r := m.c.Styles, &m.snap.Result
	if m.opt >= len(m.sum.Tornado) || m.opt >= len(r.Options) {
		return nil
	}
	o := &r.Options[m.opt]
	base := o.Total
	title := st.Header.Render("What moves the total of ") + st.series(m.opt).Bold(true).Render(clean(o.Name)) +
		st.Muted.Render(fmt.Sprintf(" (likely %s; ←/→ option)", money(base, r.Currency)))
	out := wrapIndent(title, w, "  ")
	var rows, failed []uncertainty.Swing
	still := 0
	for _, sw := range m.sum.Tornado[m.opt] {
		if sw.Failed() {
			failed = append(failed, sw)
			continue
		}
		if sw.Swing == 0 {
			still++
			continue
		}
		rows = append(rows, sw)
	}
	prefix := fmt.Sprintf("option %q.", o.Name)
	if len(rows) == 0 {
		out = append(out, st.Muted.Render("  No input moves this total."))
		return append(out, failedSwings(st, failed, prefix, w)...)
	}
	labels, vals := make([]string, len(rows)), make([]string, len(rows))
	labelW, valW, dev := 0, 0, 0.0
	for i, sw := range rows {
		labels[i] = clean(strings.TrimPrefix(sw.Label, prefix))
		vals[i] = swingEnds(sw)
		labelW, valW = max(labelW, len([]rune(labels[i]))), max(valW, len([]rune(vals[i])))
		dev = math.Max(dev, math.Max(math.Abs(sw.TotalAtLow-base), math.Abs(sw.TotalAtHigh-base)))
	}
	labelW = min(labelW, max(w/3, 12))
	const moneyW = 8
	half := max((w-2-labelW-2-valW-2*moneyW-4)/2, 3)
	for i, sw := range rows {
		lowT, highT := math.Min(sw.TotalAtLow, sw.TotalAtHigh), math.Max(sw.TotalAtLow, sw.TotalAtHigh)
		left := cells(base-lowT, dev, half)
		right := cells(highT-base, dev, half)
		bar := strings.Repeat(" ", half-left) + st.Good.Render(strings.Repeat("█", left)) + st.Muted.Render("│") +
			st.Warn.Render(strings.Repeat("█", right)) + strings.Repeat(" ", half-right)
		line := "  " + st.Label.Render(fit(labels[i], labelW)) + "  " + st.Muted.Render(fit(vals[i], valW)) + "  " +
			fitRight(moneyShort(lowT, r.Currency), moneyW) + " " + bar + " " + moneyShort(highT, r.Currency)
		out = append(out, line)
	}
	if still > 0 {
		verb := "do"
		if still == 1 {
			verb = "does"
		}
		out = append(out, st.Muted.Render(fmt.Sprintf("  %s %s not move it.", plural(float64(still), "other input"), verb)))
	}
	return append(out, failedSwings(st, failed, prefix, w)...)
}

// swingEnds writes an input's two ends in the order of the totals beside
// them (lower total on the left): "0.92 → 0.82  $3.2M … $6.6M" for an
// accuracy whose high end lowers the total, so each end reads with its total.
func swingEnds(sw uncertainty.Swing) string {
	if sw.TotalAtHigh < sw.TotalAtLow {
		return short(sw.High) + " → " + short(sw.Low)
	}
	return short(sw.Low) + " → " + short(sw.High)
}

// failedSwings states the tornado bars the engine could not compute, each
// with its error, so a failure does not read as an input that moves nothing.
func failedSwings(st *styles, failed []uncertainty.Swing, prefix string, w int) []string {
	var out []string
	for _, sw := range failed {
		s := "  ✗ " + clean(strings.TrimPrefix(sw.Label, prefix)) + ": " + clean(sw.Err.Error())
		out = append(out, wrapIndent(st.Error.Render(s), w, "    ")...)
	}
	return out
}

// cells is how many of n cells a deviation d fills on a scale up to full.
func cells(d, full float64, n int) int {
	if d <= 0 || full <= 0 {
		return 0
	}
	return min(max(int(math.Round(d/full*float64(n))), 1), n)
}

// pairs states every pair's break-even on queries per month, in the
// reports' words and order (package present); a pair the solver could not
// solve is an error, not "never".
func (m riskModel) pairs(w int) []string {
	st := m.c.Styles
	out := []string{st.Header.Render("Break-even on queries per month") +
		st.Muted.Render(" (b: choose the options and the input)")}
	s := &present.Scenario{Input: m.snap.Input, Result: m.snap.Result, Uncertainty: m.sum}
	for _, be := range present.SortedBreakEvens(s) {
		text, style := "  "+present.BreakEvenSentence(s, be, clean), st.Text
		if be.Failed() {
			text, style = "  ✗ "+present.BreakEvenSentence(s, be, clean), st.Error
		}
		out = append(out, wrapIndent(style.Render(text), w, "    ")...)
	}
	return out
}

// short writes a number briefly: format.Short.
func short(v float64) string { return format.Short(v) }

// wrapIndent wraps s to w cells, continuation lines indented.
func wrapIndent(s string, w int, indent string) []string {
	lines := wrap(s, w)
	if len(lines) <= 1 {
		return lines
	}
	rest := wrap(strings.Join(lines[1:], " "), max(w-len(indent), 1))
	for i := range rest {
		rest[i] = indent + rest[i]
	}
	return append(lines[:1], rest...)
}

// uniqueStrings keeps the first of each string, in order.
func uniqueStrings(in []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, x := range in {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// physics is §10's bands of each self-hosted option's physics, one line per
// option (wrapped), with the note that the default ranges lean fast.
func (m riskModel) physics(w int) []string {
	st, r, mc := m.c.Styles, &m.snap.Result, m.sum.MC
	if mc == nil {
		return nil
	}
	var out []string
	for i, o := range mc.Options {
		if o.Physics == nil || i >= len(r.Options) {
			continue
		}
		out = append(out, wrapIndent(st.series(i).Render("  "+clean(r.Options[i].Name)+": ")+st.Text.Render(present.PhysicsLine(o.Physics)), w, "    ")...)
	}
	if len(out) == 0 {
		return nil
	}
	head := []string{"", st.Header.Render("Physics") + st.Muted.Render(": P10–P50–P90 over the same samples")}
	out = append(head, out...)
	if m.sum.Defaults {
		out = append(out, wrapIndent(st.Muted.Render("  The default ranges lean towards faster runs (mfu's median is 0.52), so a compute-bound option's P50 total sits below the total the comparison shows."), w, "  ")...)
	}
	return out
}
