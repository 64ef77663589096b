package views

import (
	"strconv"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/uncertainty"
)

// breakEvenModel is the risk screen's panel that solves where two chosen
// options cost the same on one chosen input. The solver takes well under a
// millisecond, so it runs in Update.
type breakEvenModel struct {
	c      common
	snap   *snapshot
	open   bool
	a, b   int // the options compared
	inputs []uncertainty.Input
	in     int // index into inputs
	res    uncertainty.BreakEven
	err    error
}

func newBreakEven(c common) breakEvenModel { return breakEvenModel{c: c, a: 0, b: 1} }

// SetSnapshot re-solves for a new evaluation, keeping the choices that
// still exist.
func (m *breakEvenModel) SetSnapshot(s *snapshot) {
	m.snap = s
	if m.open {
		m.choose()
	}
}

func (m *breakEvenModel) Open() {
	m.open = true
	m.choose()
}

func (m breakEvenModel) ShortHelp() []key.Binding {
	k := m.c.Keys
	return []key.Binding{k.OptionA, k.OptionB, k.PickInput, k.Back}
}

func (m breakEvenModel) Update(msg tea.KeyMsg) breakEvenModel {
	k := m.c.Keys
	n := len(m.snap.Result.Options)
	switch {
	case key.Matches(msg, k.Back):
		m.open = false
		return m
	case key.Matches(msg, k.OptionA):
		m.a = m.next(m.a, m.b, n)
	case key.Matches(msg, k.OptionB):
		m.b = m.next(m.b, m.a, n)
	case key.Matches(msg, k.Up) && len(m.inputs) > 0:
		m.in = (m.in - 1 + len(m.inputs)) % len(m.inputs)
	case key.Matches(msg, k.Down) && len(m.inputs) > 0:
		m.in = (m.in + 1) % len(m.inputs)
	default:
		return m
	}
	m.choose()
	return m
}

// next is the option after i that is not other.
func (m breakEvenModel) next(i, other, n int) int {
	for range n {
		i = (i + 1) % n
		if i != other {
			break
		}
	}
	return i
}

// choose lists the inputs that can move A against B (the workload's and
// the two options' own numbers), keeps the input chosen when it is still
// there (queries per month at first), and solves.
func (m *breakEvenModel) choose() {
	s := m.snap
	n := len(s.Input.Options)
	if s.Err != nil || s.Catalog == nil || n < 2 {
		m.inputs, m.err = nil, nil
		return
	}
	m.a, m.b = min(max(m.a, 0), n-1), min(max(m.b, 0), n-1)
	if m.a == m.b {
		m.b = m.next(m.b, m.a, n)
	}
	was := uncertainty.BreakEvenInput
	if m.in >= 0 && m.in < len(m.inputs) {
		was = m.inputs[m.in].Label(&s.Input)
	}
	m.inputs = nil // older copies of the model keep theirs
	for _, f := range model.SectionFields(model.SectionWorkload) {
		if f.Type == model.Number && f.ShownIn(&s.Input) {
			m.inputs = append(m.inputs, uncertainty.Input{Field: f, Option: -1})
		}
	}
	for _, j := range []int{m.a, m.b} {
		o := &s.Input.Options[j]
		self := o.SelfHosted(&s.Catalog.Catalog)
		for _, f := range model.SectionFields(model.SectionOption) {
			if f.Type == model.Number && f.AppliesTo(o.Kind, self, o.Method) && f.ShownIn(&s.Input) {
				m.inputs = append(m.inputs, uncertainty.Input{Field: f, Option: j})
			}
		}
	}
	m.in = 0
	for i := range m.inputs {
		if m.inputs[i].Label(&s.Input) == was {
			m.in = i
		}
	}
	m.solve()
}

func (m *breakEvenModel) solve() {
	s := m.snap
	in := m.inputs[m.in]
	lo, hi := uncertainty.DefaultBracket(in.Field, m.current())
	m.res, m.err = uncertainty.SolveBreakEven(s.Input, s.Catalog.Catalog, m.a, m.b, in, lo, hi)
}

// current is the chosen input's value in the scenario.
func (m breakEvenModel) current() float64 {
	in := m.inputs[m.in]
	var o *model.Option
	if in.Field.Section == model.SectionOption {
		o = &m.snap.Input.Options[in.Option]
	}
	if p := in.Field.Num(&m.snap.Input, o); p != nil {
		return *p
	}
	return 0
}

// lines is the panel as drawn at the top of the risk screen.
func (m breakEvenModel) lines(w int) []string {
	st, s := m.c.Styles, m.snap
	head := st.Header.Render("Break-even of two options on one input") + st.Muted.Render(" (a/b: options · ↑/↓: input)") // the footer may drop ↑/↓ at 80 columns
	if len(m.inputs) == 0 {
		return []string{head, st.Muted.Render("  Needs two options and a scenario that evaluates."), ""}
	}
	r := &s.Result
	in := m.inputs[m.in]
	name := func(i int) string { return st.series(i).Render(clean(r.Options[i].Name)) }
	unit := unitOf(in.Field)
	out := []string{head,
		"  A " + name(m.a) + st.Muted.Render(" ("+money(r.Options[m.a].Total, r.Currency)+" now)"),
		"  B " + name(m.b) + st.Muted.Render(" ("+money(r.Options[m.b].Total, r.Currency)+" now)"),
		"  input " + st.Header.Render(clean(in.Label(&s.Input))) + st.Muted.Render(" (now "+
			withUnit(short(m.current()), unit)+"; "+strconv.Itoa(m.in+1)+" of "+strconv.Itoa(len(m.inputs))+")"),
	}
	var verdict string
	switch {
	case m.err != nil:
		verdict = st.Error.Render("  ✗ " + clean(m.err.Error()))
	case m.res.Found:
		verdict = st.Text.Render("  They cost the same at " + withUnit(short(m.res.Value), unit) +
			"; now " + cheaper(r, m.a, m.b) + " costs less.")
	default:
		verdict = st.Text.Render("  They never cost the same within [" + short(m.res.Lo) + ", " +
			short(m.res.Hi) + "]: " + cheaper(r, m.a, m.b) + " stays cheaper.")
	}
	out = append(out, wrapIndent(verdict, w, "    ")...)
	if m.err == nil {
		out = append(out, wrapIndent(st.Muted.Render("  Searched "+short(m.res.Lo)+" to "+withUnit(short(m.res.Hi), unit)+
			": a thousandth to a thousand times the current value, within the input's valid range."), w, "    ")...)
	}
	return append(out, "")
}

// cheaper names the one of two options that costs less at the current values.
func cheaper(r *model.Result, a, b int) string {
	if r.Options[b].Total < r.Options[a].Total {
		a = b
	}
	return clean(r.Options[a].Name)
}

func withUnit(v, unit string) string {
	if unit == "" {
		return v
	}
	return v + " " + unit
}

// unitOf is how a value's unit reads after it: none for a fraction.
func unitOf(f *model.Field) string {
	switch {
	case f.Path() == uncertainty.BreakEvenInput:
		return "queries/month"
	case f.Unit == "fraction":
		return ""
	}
	return clean(f.Unit)
}
