package views

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/tunecost/tunecost/diag"
	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/present"
)

// explainMsg asks for the derivation of one figure of one option.
type explainMsg struct {
	option int
	fig    present.Figure
}

// compareModel is the first screen: the options side by side, a cursor over
// the figures, and the verdict and warnings in words below.
type compareModel struct {
	c        common
	snap     snapshot
	figs     []present.Figure
	row, col int // cursor: figure, option
	scroll   int // first body line shown
	colOff   int // first option column shown
}

func newCompare(c common) compareModel { return compareModel{c: c} }

// SetSize sets the screen's inner size.
func (m *compareModel) SetSize(w, h int) { m.c = m.c.sized(w, h); m.clamp() }

// SetSnapshot shows another evaluation, keeping the cursor where it was.
func (m *compareModel) SetSnapshot(s snapshot) {
	m.snap = s
	m.figs = figures(&s.Result)
	m.clamp()
}

// ShortHelp and FullHelp make the screen a help.KeyMap.
func (m compareModel) ShortHelp() []key.Binding {
	k := m.c.Keys
	return []key.Binding{k.Up, k.Down, k.Left, k.Right, k.Explain}
}

func (m compareModel) FullHelp() [][]key.Binding {
	k := m.c.Keys
	return [][]key.Binding{{k.Up, k.Down, k.Left, k.Right}, {k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.Explain}}
}

func (m compareModel) Update(msg tea.Msg) (compareModel, tea.Cmd) {
	k := m.c.Keys
	switch msg := msg.(type) {
	case tea.KeyMsg:
		switch {
		case key.Matches(msg, k.Up):
			m.row--
		case key.Matches(msg, k.Down):
			m.row++
		case key.Matches(msg, k.Left):
			m.col--
		case key.Matches(msg, k.Right):
			m.col++
		case key.Matches(msg, k.PageUp):
			m.row -= max(m.bodyHeight()-1, 1)
		case key.Matches(msg, k.PageDown):
			m.row += max(m.bodyHeight()-1, 1)
		case key.Matches(msg, k.Top):
			m.row = 0
		case key.Matches(msg, k.Bottom):
			m.row = len(m.figs) - 1
			m.scroll = 1 << 20 // show the verdict under the last row
		case key.Matches(msg, k.Explain):
			m.clamp()
			if len(m.figs) > 0 && len(m.snap.Result.Options) > 0 {
				o, f := m.col, m.figs[m.row]
				return m, func() tea.Msg { return explainMsg{option: o, fig: f} }
			}
		}
		m.follow()
	case tea.MouseMsg:
		m.scroll += wheel(msg)
		m.clampScroll()
	}
	m.clamp()
	return m, nil
}

// widths lays out a label column and one column per option: natural widths
// when they fit, else narrower columns, else as many as fit (the rest
// scroll into view with the cursor).
func (m compareModel) widths() (label, col, shown int) {
	w, r := m.c.Width, &m.snap.Result
	label = 12
	for _, f := range m.figs {
		label = max(label, len([]rune(f.ShortLabel()))+3)
	}
	label = min(label, max(w/3, 12))
	col = 10
	for i := range r.Options {
		o := &r.Options[i]
		col = max(col, len([]rune(clean(o.Name)))+2, len([]rune(present.KindName(o.Kind)))+2)
		for _, f := range m.figs {
			col = max(col, len([]rune(f.Cell(o)))+4)
		}
	}
	col = min(col, 32)
	if n := len(r.Options); n > 0 && label+n*col > w {
		col = max((w-label)/n, 15)
	}
	shown = max((w-label)/col, 1)
	return label, col, min(shown, len(r.Options))
}

// namesHeight is the option names (over two lines) and kinds under the verdict.
const namesHeight = 3

// bodyHeight is what is left under the pinned head for the scrolled rows.
func (m compareModel) bodyHeight() int {
	return max(m.c.Height-len(m.verdict())-namesHeight, 1)
}

// verdict is the answer pinned above the table, so it shows at any height
// without scrolling: which option is cheapest and by how much, and when
// quality is modelled and errors reorder the cheapest, why (MODEL.md §9) —
// in at most two and three lines. The crossovers follow the table.
func (m compareModel) verdict() []string {
	r := &m.snap.Result
	lines := m.pinned(verdictLines(r)[0], m.c.Styles.Good, 2)
	for _, q := range qualityVerdict(r) {
		lines = append(lines, m.pinned(q, m.c.Styles.Warn, 3)...)
	}
	return lines
}

// pinned wraps one sentence of the verdict into at most most lines and
// indents them under the text, not its mark. A sentence too long for them
// gives its figures in compact units ($703M), then, on a screen of 20 or
// more lines, one more line; only then is the last line cut, at a word
// and never inside a figure.
func (m compareModel) pinned(sentence string, style lipgloss.Style, most int) []string {
	w := max(m.c.Width, 10)
	lines := wrapWords(sentence, w)
	if len(lines) > most {
		lines = wrapWords(format.CompactNumbers(sentence), w)
	}
	if len(lines) > most && m.c.Height >= 20 {
		most++
	}
	if len(lines) > most {
		lines[most-1] = format.CutWords(strings.Join(lines[most-1:], " "), w-2)
		lines = lines[:most]
	}
	for i := range lines {
		if i > 0 {
			lines[i] = "  " + lines[i]
		}
		lines[i] = style.Render(lines[i])
	}
	return lines
}

// lineOf is the body line of figure i (section titles take a line each).
func (m compareModel) lineOf(i int) int {
	n := 0
	for j := 0; j < i && j < len(m.figs); j++ {
		if m.figs[j].Heading != "" {
			n++
		}
		n++
	}
	if i < len(m.figs) && m.figs[i].Heading != "" {
		n++
	}
	return n
}

func (m *compareModel) clamp() {
	m.row = min(max(m.row, 0), max(len(m.figs)-1, 0))
	m.col = min(max(m.col, 0), max(len(m.snap.Result.Options)-1, 0))
	_, _, shown := m.widths()
	if m.col < m.colOff {
		m.colOff = m.col
	}
	if m.col >= m.colOff+shown {
		m.colOff = m.col - shown + 1
	}
	m.colOff = max(m.colOff, 0)
	m.clampScroll()
}

func (m *compareModel) clampScroll() {
	maxScroll := max(len(m.body())-m.bodyHeight(), 0)
	m.scroll = min(max(m.scroll, 0), maxScroll)
}

// follow scrolls so the cursor's line is visible.
func (m *compareModel) follow() {
	m.clamp()
	l, h := m.lineOf(m.row), m.bodyHeight()
	if l < m.scroll {
		m.scroll = l
		if m.row == 0 || m.figs[m.row].Heading != "" {
			m.scroll = max(l-1, 0) // keep the section title in view
		}
	}
	if l >= m.scroll+h {
		m.scroll = l - h + 1
	}
	m.clampScroll()
}

func (m compareModel) View() string {
	w, h := m.c.Width, m.c.Height
	if w <= 0 || h <= 0 {
		return ""
	}
	if m.snap.Err != nil {
		return block(m.errorView(), w, h)
	}
	body, head := m.body(), m.head()
	end := min(m.scroll+max(h-len(head), 1), len(body))
	lines := append(head, body[min(m.scroll, end):end]...)
	return block(strings.Join(lines, "\n"), w, h)
}

func (m compareModel) errorView() string {
	st := m.c.Styles
	lines := []string{st.Error.Render("This scenario cannot be evaluated:"), ""}
	problems := []string{m.snap.Err.Error()}
	if errs := m.snap.Diags.Errors(); len(errs) > 0 {
		problems = problems[:0]
		for _, d := range errs {
			problems = append(problems, d.String())
		}
	}
	for _, p := range problems {
		for _, l := range wrap(clean(p), max(m.c.Width-4, 10)) {
			lines = append(lines, "  "+st.Error.Render(l))
		}
	}
	hint := "Fix the file; it reloads when saved."
	if m.c.Keys.Editor.Enabled() {
		hint = "Fix the file (o opens it in your editor); it reloads when saved."
	}
	lines = append(lines, "", st.Muted.Render(hint))
	return strings.Join(lines, "\n")
}

func (m compareModel) head() []string {
	st, r := m.c.Styles, &m.snap.Result
	label, col, shown := m.widths()
	name1, name2, kinds := fit("", label), fit("", label), fit("", label)
	if m.colOff > 0 {
		name1 = fit(st.Muted.Render("‹ more"), label)
	}
	labels := twoLineLabels(&m.snap, col-2)
	for i := m.colOff; i < m.colOff+shown && i < len(r.Options); i++ {
		o := &r.Options[i]
		parts := labels[i]
		if len(parts) == 1 {
			parts = []string{"", parts[0]} // short names sit on the line above the kind
		}
		name := st.series(i).Bold(true)
		name1 += " " + fitRight(name.Render(parts[0]), col-1)
		name2 += " " + fitRight(name.Render(parts[1]), col-1)
		kinds += " " + fitRight(st.Muted.Render(present.KindName(o.Kind)), col-1)
	}
	if m.colOff+shown < len(r.Options) {
		name1 += st.Muted.Render(" more ›")
	}
	return append(m.verdict(), name1, name2, kinds)
}

// body is every line under the pinned head: the figures, then the verdict
// and the warnings.
func (m compareModel) body() []string {
	st, r := m.c.Styles, &m.snap.Result
	label, col, shown := m.widths()
	var lines []string
	for i, f := range m.figs {
		if f.Heading != "" {
			lines = append(lines, st.Header.Render(fit(f.Heading, m.c.Width)))
		}
		mark := "  "
		if i == m.row {
			mark = "▸ "
		}
		line := fit(mark+f.ShortLabel(), label)
		if i == m.row {
			line = st.Header.Render(line)
		} else {
			line = st.Label.Render(line)
		}
		for j := m.colOff; j < m.colOff+shown && j < len(r.Options); j++ {
			o := &r.Options[j]
			text := f.Cell(o)
			if i == 0 && j == r.Cheapest && len(r.Options) > 1 {
				text = "★ " + text
			}
			cell := st.Text
			switch {
			case f.Zero != nil && f.Zero(o):
				cell = st.Muted
			case i == 0 && j == r.Cheapest && len(r.Options) > 1:
				cell = st.Good
			case strings.HasPrefix(text, "⚠"):
				cell = st.Warn
			}
			if i == m.row && j == m.col {
				line += " " + st.Selected.Render(fitRight("["+format.FitNumbers(text, col-3)+"]", col-1))
				continue
			}
			line += " " + cell.Render(fitRight(format.FitNumbers(text, col-2)+" ", col-1))
		}
		lines = append(lines, line)
	}
	width := max(m.c.Width-2, 10)
	crossovers := append(spendLines(r), crossoverLines(r)...) // the headline and §9's sentence are pinned above
	if len(crossovers) > 0 {
		lines = append(lines, "")
	}
	for _, v := range crossovers {
		for k, l := range wrap(v, width) {
			if k > 0 {
				l = "  " + l // under the text, not under the ★ or ×
			}
			lines = append(lines, st.Text.Render(l))
		}
	}
	lines = append(lines, m.warnings(width)...)
	return lines
}

func (m compareModel) warnings(width int) []string {
	st, r := m.c.Styles, &m.snap.Result
	var items []string
	for i := range r.Options {
		for _, w := range r.Options[i].Warnings {
			items = append(items, clean(r.Options[i].Name)+": "+m.tidy(w))
		}
	}
	for _, d := range m.snap.Warnings {
		items = append(items, m.tidy(d))
	}
	var lines []string
	for _, it := range items {
		for k, l := range wrap("⚠ "+it, width) {
			if k > 0 {
				l = "  " + l
			}
			lines = append(lines, st.Warn.Render(l))
		}
	}
	if len(lines) > 0 {
		lines = append([]string{"", st.Header.Render("Warnings")}, lines...)
	}
	return lines
}

// tidy writes a warning with its position shortened to the file as shown
// in the header and no "warning:", which the ⚠ already says.
func (m compareModel) tidy(d diag.Diagnostic) string {
	switch {
	case d.Line > 0:
		return displayPath(m.c.Cfg.Dir, d.File) + ":" + strconv.Itoa(d.Line) + ": " + clean(d.Message)
	case d.File != "":
		return displayPath(m.c.Cfg.Dir, d.File) + ": " + clean(d.Message)
	}
	return clean(d.Message)
}
