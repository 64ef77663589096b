package views

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
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
func (m timelineModel) rows() int { return max(m.c.Height-2, 1) }

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
	var legend []string
	for i := range r.Options {
		legend = append(legend, st.series(i).Render(string(glyph(i))+" "+clean(r.Options[i].Name)))
	}
	if len(r.Crossovers) > 0 {
		legend = append(legend, st.Warn.Render("× crossover"))
	}
	var words []string
	for _, c := range sortedCrossovers(r) {
		words = append(words, "× "+crossoverText(r, c))
	}
	// Keep the words to two lines so the chart keeps its height.
	if len(words) > 2 {
		words = append(words[:1], "… and "+plural(float64(len(words)-1), "more crossover")+" (see the table, t)")
	}
	for i := range words {
		words[i] = st.Text.Render(fit(words[i], w))
	}
	head := []string{title + "   " + strings.Join(legend, "  ")}
	plot := chart(r, st, w, h-len(head)-len(words))
	return strings.Join(append(append(head, plot...), words...), "\n")
}

func (m timelineModel) tableView() string {
	st, r := m.c.Styles, &m.snap.Result
	const mw, cw = 7, 12
	both := mw+len(r.Options)*2*cw <= m.c.Width
	head := fit("Month", mw)
	sub := fit("", mw)
	for i := range r.Options {
		name := st.series(i).Bold(true).Render(clean(r.Options[i].Name))
		if both {
			head += " " + fitRight(name, 2*cw-1)
			sub += st.Muted.Render(fitRight("month", cw) + fitRight("cumulative", cw))
		} else {
			head += " " + fitRight(name, cw-1)
			sub += st.Muted.Render(fitRight("cumulative", cw))
		}
	}
	lines := []string{st.Header.Render(head), sub}
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
			o := &r.Options[i]
			if mo >= len(o.Months) {
				continue
			}
			if both {
				line += fitRight(money(o.Months[mo].Total, r.Currency), cw)
			}
			line += fitRight(money(o.Months[mo].Cumulative, r.Currency), cw)
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}
