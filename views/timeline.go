package views

import (
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/tunecost/tunecost/present"
)

// timelineModel shows cumulative cost per option over the months: a chart,
// or (on t) the month-by-month table.
type timelineModel struct {
	c      common
	snap   snapshot
	table  bool
	scroll int // first month shown in the table
	memo   *memo
	value  bool // §9: the accuracy and net value table instead (v)
}

func newTimeline(c common) timelineModel { return timelineModel{c: c, memo: &memo{}} }

func (m *timelineModel) SetSize(w, h int)       { m.c = m.c.sized(w, h); m.clampScroll() }
func (m *timelineModel) SetSnapshot(s snapshot) { m.snap = s; m.clampScroll() }

func (m timelineModel) ShortHelp() []key.Binding {
	k := m.c.Keys
	if m.snap.Result.QualityModelled {
		if m.table || m.value {
			return []key.Binding{k.Table, k.Value, k.Up, k.Down}
		}
		return []key.Binding{k.Table, k.Value}
	}
	if m.table {
		return []key.Binding{k.Table, k.Up, k.Down}
	}
	return []key.Binding{k.Table}
}

func (m timelineModel) FullHelp() [][]key.Binding {
	k := m.c.Keys
	return [][]key.Binding{{k.Table}, {k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}}
}

func (m timelineModel) Update(msg tea.Msg) (timelineModel, tea.Cmd) {
	k := m.c.Keys
	switch msg := msg.(type) {
	case tea.KeyMsg:
		switch {
		case key.Matches(msg, k.Table):
			m.table = !m.table
		case key.Matches(msg, k.Value) && m.snap.Result.QualityModelled:
			m.value = !m.value
		case key.Matches(msg, k.Up):
			m.scroll--
		case key.Matches(msg, k.Down):
			m.scroll++
		default:
			m.scroll = pageScroll(msg, k, m.scroll, m.rows(), m.snap.Result.HorizonMonths)
		}
	case tea.MouseMsg:
		m.scroll += wheel(msg)
	}
	m.clampScroll()
	return m, nil
}

// rows is how many months the table shows at once (below its header).
func (m timelineModel) rows() int { return max(m.c.Height-m.tableHead(), 1) }

func (m *timelineModel) clampScroll() {
	m.scroll = min(max(m.scroll, 0), max(m.snap.Result.HorizonMonths-m.rows(), 0))
}

func (m timelineModel) View() string {
	w, h := m.c.Width, m.c.Height
	if w <= 0 || h <= 0 {
		return ""
	}
	if m.snap.Err != nil {
		return block(m.c.Styles.Error.Render("No result to chart: "+clean(m.snap.Err.Error())), w, h)
	}
	if r := &m.snap.Result; m.value && r.QualityModelled {
		if !m.table && r.ValueModelled { // §9: net value crossing zero at payback
			return m.memo.get(r, w, h, -1<<20, func() string { return block(m.netChartView(), w, h) })
		}
		return m.memo.get(r, w, h, -1-m.scroll, func() string { return block(m.qualityView(), w, h) })
	}
	if m.table {
		return m.memo.get(&m.snap.Result, w, h, 1+m.scroll, func() string { return block(m.tableView(), w, h) })
	}
	return m.memo.get(&m.snap.Result, w, h, 0, func() string { return block(m.chartView(), w, h) })
}

func (m timelineModel) chartView() string {
	st, r := m.c.Styles, &m.snap.Result
	w, h := m.c.Width, m.c.Height
	title := st.Header.Render("Cumulative cost, " + clean(r.Currency))
	head := m.titled(title, len(r.Crossovers) > 0, w)
	var words []string
	for _, c := range present.SortedCrossovers(r) {
		words = append(words, "× "+present.CrossoverSentence(r, c, clean))
	}
	// Keep the words to two lines so the chart keeps its height.
	if len(words) > 2 {
		words = append(words[:1], "… and "+plural(float64(len(words)-1), "more crossover")+" (see the table, t)")
	}
	for i := range words {
		words[i] = st.Text.Render(fit(words[i], w))
	}
	plot := chart(r, st, w, h-len(head)-len(words))
	return strings.Join(append(append(head, plot...), words...), "\n")
}

// titled is a chart's head: the title and the legend, which names every
// option whole beside the title when it fits, else on a line of its own,
// shortening names only if still too wide. Both charts use it, so neither
// cuts the last options off the legend.
func (m timelineModel) titled(title string, crossovers bool, w int) []string {
	head := []string{title + "   " + m.legend(w, crossovers)}
	if lipgloss.Width(head[0]) > w {
		head = []string{title, m.legend(w, crossovers)}
	}
	return head
}

// legend is one glyph and name per option, and the crossover mark when
// the chart marks crossovers, in at most w cells: names are shortened,
// each to a fair share, not dropped.
func (m timelineModel) legend(w int, crossovers bool) string {
	st, r := m.c.Styles, &m.snap.Result
	room := w
	names := make([]string, len(r.Options))
	for i := range r.Options {
		names[i] = clean(r.Options[i].Name)
		room -= 2 + 2 // the glyph and its space, the separator
	}
	if crossovers {
		room -= lipgloss.Width("× crossover")
	}
	names = shareRoom(names, optionShorts(&m.snap), room)
	var parts []string
	for i := range r.Options {
		parts = append(parts, st.series(i).Render(string(glyph(i))+" "+names[i]))
	}
	if crossovers {
		parts = append(parts, st.Warn.Render("× crossover"))
	}
	return strings.Join(parts, "  ")
}

// tableColumns: the month column, then per option a month and a cumulative
// column when both fit, else the cumulative one; wider (to 20) when a name
// needs it and there is room, so that names show whole.
func (m timelineModel) tableColumns() (mw, cw int, both bool) {
	mw = 7
	n := max(len(m.snap.Result.Options), 1)
	both = mw+n*2*12 <= m.c.Width
	per := n
	if both {
		per = 2 * n
	}
	longest := 0
	for i := range m.snap.Result.Options {
		longest = max(longest, lipgloss.Width(clean(m.snap.Result.Options[i].Name)))
	}
	need := longest + 1
	if both {
		need = (longest + 2) / 2
	}
	return mw, max(min(need, (m.c.Width-mw)/per, 20), 12), both
}

// tableNames is each option's name in its column: over two lines, broken
// at spaces, when it does not fit on one.
func (m timelineModel) tableNames() [][]string {
	_, cw, both := m.tableColumns()
	w := cw - 2 // two cells between names: one of padding, one of separator
	if both {
		w = 2*cw - 2
	}
	return twoLineLabels(&m.snap, w)
}

// tableHead is the number of lines above the months: one or two of names,
// and the columns' titles.
func (m timelineModel) tableHead() int {
	for _, n := range m.tableNames() {
		if len(n) > 1 {
			return 3
		}
	}
	return 2
}

func (m timelineModel) tableView() string {
	st, r := m.c.Styles, &m.snap.Result
	mw, cw, both := m.tableColumns()
	names := m.tableNames()
	heads := []string{fit("", mw), fit("Month", mw)}
	sub := fit("", mw)
	for i := range r.Options {
		name := st.series(i).Bold(true)
		top, bottom := "", names[i][0]
		if len(names[i]) > 1 {
			top, bottom = names[i][0], names[i][1]
		}
		nw := cw - 2
		if both {
			nw = 2*cw - 2
			sub += st.Muted.Render(fitRight("month", cw) + fitRight("cumulative", cw))
		} else {
			sub += st.Muted.Render(fitRight("cumulative", cw))
		}
		heads[0] += "  " + fitRight(name.Render(top), nw)
		heads[1] += "  " + fitRight(name.Render(bottom), nw)
	}
	if m.tableHead() == 2 {
		heads = heads[1:]
	}
	var lines []string
	for _, h := range heads {
		lines = append(lines, st.Header.Render(h))
	}
	lines = append(lines, sub)
	cross := map[int]bool{}
	for _, c := range r.Crossovers {
		cross[c.Month] = true
	}
	for mo := m.scroll; mo < min(m.scroll+m.rows(), r.HorizonMonths); mo++ {
		label := monthName(mo)[len("month "):]
		if cross[mo] {
			label += " ×"
		}
		line := fit(label, mw)
		for i := range r.Options {
			months := r.Options[i].Months()
			if mo >= len(months) {
				continue
			}
			if both {
				line += fitRight(money(months[mo].Total, r.Currency), cw)
			}
			line += fitRight(money(months[mo].Cumulative, r.Currency), cw)
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}
