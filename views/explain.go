package views

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/present"
)

// explainModel shows where a figure comes from: its derivations (formula,
// expression, each input with its value and unit, the result), as recorded
// by the engine. It is drawn over the Compare screen until esc.
type explainModel struct {
	c      common
	res    model.Result   // kept to re-render on resize
	in     model.Scenario // the inputs res came from: why a figure is empty
	opt    int
	fig    present.Figure
	title  string
	lines  []string
	scroll int
}

func newExplain(c common) explainModel { return explainModel{c: c} }

// SetSize takes the screen's size; the panel stays narrow enough to read.
func (m *explainModel) SetSize(w, h int) {
	m.c = m.c.sized(min(w, 110), h)
	if m.fig.Cell != nil {
		scroll := m.scroll
		m.Open(&m.res, m.opt, m.fig)
		m.scroll = scroll
	}
	m.clampScroll()
}

// Open fills the panel for figure f of option i of r.
func (m *explainModel) Open(r *model.Result, i int, f present.Figure) {
	m.res, m.opt, m.fig, m.scroll = *r, i, f, 0
	if i < 0 || i >= len(r.Options) {
		m.title, m.lines = "Explain", []string{"No option is selected."}
		return
	}
	o := &r.Options[i]
	m.title = f.ShortLabel() + " — " + clean(o.Name)
	m.lines = m.render(r, o, f)
}

func (m explainModel) ShortHelp() []key.Binding {
	k := m.c.Keys
	return []key.Binding{k.Back, k.Up, k.Down}
}

func (m explainModel) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }

func (m explainModel) Update(msg tea.Msg) (explainModel, tea.Cmd) {
	k := m.c.Keys
	switch msg := msg.(type) {
	case tea.KeyMsg:
		switch {
		case key.Matches(msg, k.Up):
			m.scroll--
		case key.Matches(msg, k.Down):
			m.scroll++
		default:
			m.scroll = pageScroll(msg, k, m.scroll, m.inner(), len(m.lines))
		}
	case tea.MouseMsg:
		m.scroll += wheel(msg)
	}
	m.clampScroll()
	return m, nil
}

// inner is the number of content lines inside the box.
func (m explainModel) inner() int { return max(m.c.Height-3, 1) }

func (m *explainModel) clampScroll() {
	m.scroll = min(max(m.scroll, 0), max(len(m.lines)-m.inner(), 0))
}

func (m explainModel) View() string {
	w, h := m.c.Width, m.c.Height
	if w < 6 || h < 4 {
		return block(m.title, w, h)
	}
	st := m.c.Styles
	end := min(m.scroll+m.inner(), len(m.lines))
	shown := append([]string(nil), m.lines[min(m.scroll, end):end]...)
	for i, l := range shown {
		shown[i] = fit(l, w-4)
	}
	title := st.BoxTitle.Render(fit("Explain: "+m.title, w))
	box := st.Box.Width(w - 2).Height(h - 3).Render(strings.Join(shown, "\n"))
	return block(title+"\n"+box, w, h)
}

// render lists the figure's derivations in the order they build on each
// other, so the chain ends at the figure shown on the screen.
func (m explainModel) render(r *model.Result, o *model.OptionResult, f present.Figure) []string {
	st, width := m.c.Styles, max(m.c.Width-6, 10)
	var out []string
	// add wraps a line, indenting its continuation under its first word.
	add := func(s string) {
		lines := wrap(s, width)
		if len(lines) == 0 {
			return
		}
		out = append(out, lines[0])
		if len(lines) == 1 {
			return
		}
		indent := min(len(s)-len(strings.TrimLeft(s, " "))+4, width/2)
		rest := strings.TrimLeft(strings.Join(lines[1:], " "), " ")
		for _, l := range wrap(rest, width-indent) {
			out = append(out, strings.Repeat(" ", indent)+l)
		}
	}
	add(st.Header.Render(f.ShortLabel()) + ": " + f.Cell(o))
	chain := f.Chain(o)
	why := ""
	if f.Unreached != nil {
		why = f.Unreached(o)
	}
	switch {
	case len(chain) > 0 && why != "":
		add(st.Muted.Render("Built up in " + plural(float64(len(chain)), "step") + ", then the reason for the figure shown."))
	case len(chain) > 1:
		add(st.Muted.Render("Built up in " + strconv.Itoa(len(chain)) + " steps; the last ends at the figure shown."))
	}
	found := len(chain)
	for k, d := range chain {
		out = append(out, "")
		add(st.Title.Render(d.Formula) + "  " + st.Header.Render(clean(d.Label)))
		add("  " + clean(d.Figure) + " = " + clean(d.Expr))
		nameW := 0
		for _, t := range d.Inputs {
			nameW = max(nameW, len([]rune(clean(t.Name))))
		}
		nameW = min(nameW, width/2)
		for _, t := range d.Inputs {
			add("    " + st.Label.Render(fit(clean(t.Name), nameW)) + "  " + present.Quantity(t.Value, t.Unit, r.Currency))
		}
		result := present.Quantity(d.Result, d.Unit, r.Currency)
		if k == len(chain)-1 && d.Unit == model.UnitMoney {
			result = money(d.Result, r.Currency) // the figure as the screen shows it
		}
		add("  = " + st.Good.Render(result))
	}
	switch {
	case why != "":
		out = append(out, "")
		add(why)
		add("  = " + st.Warn.Render(f.Cell(o)))
	case f.ShortLabel() == "Warnings":
		out = out[:1]
		for _, w := range o.Warnings {
			add("⚠ " + clean(w.String()))
		}
		if len(o.Warnings) == 0 {
			add("No warnings for this option.")
		}
	case f.Zero != nil && f.Zero(o):
		// The last line says what the screen shows, as for every figure.
		out = append(out, "")
		if why := present.EmptyReason(&m.in, o, f); why != "" {
			add(clean(why))
		} else {
			add("Nothing in this figure for " + clean(o.Name) + ": it does not apply to a " + present.KindName(o.Kind) + " option.")
		}
		add("  = " + f.Cell(o))
	case found == 0:
		out = append(out, "", st.Muted.Render("The engine records no derivation for this figure."))
	}
	return out
}
