package views

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/tunecost/tunecost/model"
)

// docChangedMsg tells the root that the current document changed (an edit,
// an undo), so every screen redraws from a fresh snapshot.
type docChangedMsg struct{}

func docChanged() tea.Msg { return docChangedMsg{} }

// inputRow is one line of the assumptions list: a section title, or a field
// of the scenario, its workload, its team or one option.
type inputRow struct {
	title   string
	field   *model.Field
	section model.Section
	option  int
}

func (r inputRow) same(o inputRow) bool {
	return r.field != nil && o.field != nil && r.field.Key == o.field.Key && r.section == o.section && r.option == o.option
}

// assumptionsModel lists every input that applies, editable in place: each
// keystroke that parses recomputes the whole scenario.
type assumptionsModel struct {
	c       common
	doc     document
	snap    snapshot
	rows    []inputRow
	cur     int // index into rows (always a field row when there is one)
	scroll  int
	editing bool
	input   lineInput
	applied int                // successful edits in the current editing session
	history map[document][]int // per document: edits per finished session, for undo
	err     string
	note    string
}

func newAssumptions(c common) assumptionsModel {
	return assumptionsModel{c: c, input: newLineInput(c.Styles.Cursor)}
}

func (m *assumptionsModel) SetSize(w, h int) { m.c = m.c.sized(w, h); m.follow() }

// SetDoc switches to another document, forgetting the undo sessions.
func (m *assumptionsModel) SetDoc(d document) {
	if m.doc != d {
		m.editing, m.err, m.note = false, "", ""
	}
	m.doc = d
	m.SetSnapshot(d.Snapshot())
}

// SetSnapshot rebuilds the rows (which fields apply can change with an edit),
// keeping the cursor on the same input.
func (m *assumptionsModel) SetSnapshot(s snapshot) {
	var at inputRow
	if m.cur >= 0 && m.cur < len(m.rows) {
		at = m.rows[m.cur]
	}
	m.snap = s
	m.rows = inputRows(&s)
	m.cur = m.firstField()
	for i, r := range m.rows {
		if r.same(at) {
			m.cur = i
		}
	}
	m.follow()
}

func inputRows(s *snapshot) []inputRow {
	if s.Catalog == nil || len(s.Input.Options) == 0 {
		return nil
	}
	var rows []inputRow
	sections := []struct {
		title string
		sec   model.Section
	}{{"Scenario", model.SectionTop}, {"Workload", model.SectionWorkload}, {"Team", model.SectionTeam}}
	for _, sc := range sections {
		rows = append(rows, inputRow{title: sc.title})
		for _, f := range model.SectionFields(sc.sec) {
			rows = append(rows, inputRow{field: f, section: sc.sec})
		}
	}
	for i := range s.Input.Options {
		o := &s.Input.Options[i]
		rows = append(rows, inputRow{title: fmt.Sprintf("Option %d: %s (%s)", i+1, clean(o.Name), kindName(o.Kind))})
		self := o.SelfHosted(&s.Catalog.Catalog)
		for _, f := range model.SectionFields(model.SectionOption) {
			if f.AppliesTo(o.Kind, self, o.Method) {
				rows = append(rows, inputRow{field: f, section: model.SectionOption, option: i})
			}
		}
	}
	return rows
}

func (m assumptionsModel) firstField() int {
	for i, r := range m.rows {
		if r.field != nil {
			return i
		}
	}
	return 0
}

// value is the input's current (resolved) value as text.
func (m assumptionsModel) value(r inputRow) string {
	in := &m.snap.Input
	var o *model.Option
	if r.section == model.SectionOption {
		if r.option < 0 || r.option >= len(in.Options) {
			return ""
		}
		o = &in.Options[r.option]
	}
	f := r.field
	switch f.Type {
	case model.Number:
		if p := f.Num(in, o); p != nil {
			return strconv.FormatFloat(*p, 'f', -1, 64)
		}
	case model.Text:
		if p := f.Text(in, o); p != nil {
			return clean(*p)
		}
	case model.Flag:
		if p := f.Flag(in, o); p != nil {
			return strconv.FormatBool(*p)
		}
	}
	return ""
}

// Editing reports whether a text box has the keys, so the root passes every
// key but ctrl+c to this screen.
func (m assumptionsModel) Editing() bool { return m.editing }

func (m assumptionsModel) ShortHelp() []key.Binding {
	k := m.c.Keys
	if m.editing {
		return []key.Binding{k.Accept, k.Back}
	}
	return []key.Binding{k.Up, k.Down, k.Edit, k.Undo, k.Reset, k.Save}
}

func (m assumptionsModel) FullHelp() [][]key.Binding {
	k := m.c.Keys
	if m.editing {
		return [][]key.Binding{{k.Accept, k.Back}}
	}
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.Edit, k.Undo, k.Reset, k.Save}}
}

func (m assumptionsModel) Update(msg tea.Msg) (assumptionsModel, tea.Cmd) {
	if m.doc == nil {
		return m, nil
	}
	if m.editing {
		return m.updateEditing(msg)
	}
	k := m.c.Keys
	switch msg := msg.(type) {
	case tea.KeyMsg:
		m.note = ""
		switch {
		case key.Matches(msg, k.Up):
			m.move(-1)
		case key.Matches(msg, k.Down):
			m.move(1)
		case key.Matches(msg, k.PageUp):
			m.move(-m.listHeight())
		case key.Matches(msg, k.PageDown):
			m.move(m.listHeight())
		case key.Matches(msg, k.Top):
			m.cur = 0
			m.move(1)
			m.move(-1)
		case key.Matches(msg, k.Bottom):
			m.cur = len(m.rows) - 1
			m.move(-1)
			m.move(1)
		case key.Matches(msg, k.Edit):
			return m.startEditing()
		case key.Matches(msg, k.Undo):
			return m.undo()
		case key.Matches(msg, k.Reset):
			m.doc.Reset()
			delete(m.history, m.doc)
			m.err = ""
			m.note = "Every value is the file's again."
			m.SetSnapshot(m.doc.Snapshot())
			return m, docChanged
		}
	case tea.MouseMsg:
		switch msg.Button {
		case tea.MouseButtonWheelUp:
			m.move(-3)
		case tea.MouseButtonWheelDown:
			m.move(3)
		}
	}
	return m, nil
}

// move steps the cursor over field rows only.
func (m *assumptionsModel) move(d int) {
	if len(m.rows) == 0 {
		return
	}
	step := 1
	if d < 0 {
		step = -1
	}
	for n := d * step; n > 0; n-- {
		i := m.cur + step
		for i >= 0 && i < len(m.rows) && m.rows[i].field == nil {
			i += step
		}
		if i < 0 || i >= len(m.rows) {
			break
		}
		m.cur = i
	}
	m.follow()
}

func (m assumptionsModel) startEditing() (assumptionsModel, tea.Cmd) {
	if m.cur < 0 || m.cur >= len(m.rows) || m.rows[m.cur].field == nil {
		return m, nil
	}
	m.editing, m.applied, m.err, m.note = true, 0, "", ""
	m.input.SetValue(m.value(m.rows[m.cur]))
	return m, nil
}

func (m assumptionsModel) updateEditing(msg tea.Msg) (assumptionsModel, tea.Cmd) {
	k := m.c.Keys
	if km, ok := msg.(tea.KeyMsg); ok {
		switch {
		case key.Matches(km, k.Accept):
			m.finish()
			if m.err != "" {
				m.note = "Kept " + m.value(m.rows[m.cur]) + ": the text typed was refused."
				m.err = ""
			}
			return m, nil
		case key.Matches(km, k.Back):
			for ; m.applied > 0; m.applied-- {
				m.doc.Undo()
			}
			m.finish()
			m.err = ""
			m.SetSnapshot(m.doc.Snapshot())
			return m, docChanged
		}
	}
	before := m.input.Value()
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	if m.input.Value() == before {
		return m, cmd
	}
	return m, tea.Batch(cmd, m.apply())
}

// apply sends the text typed so far to the document. A value the validator
// refuses, or one that leaves the scenario unable to evaluate, is taken back
// and its reason shown; the last good value stays in force.
func (m *assumptionsModel) apply() tea.Cmd {
	r := m.rows[m.cur]
	if err := m.doc.Set(r.section, r.option, r.field.Key, strings.TrimSpace(m.input.Value())); err != nil {
		m.err = clean(err.Error())
		return nil
	}
	if s := m.doc.Snapshot(); s.Err != nil {
		m.doc.Undo()
		m.err = clean(s.Err.Error())
		return nil
	}
	m.applied++
	m.err = ""
	m.SetSnapshot(m.doc.Snapshot())
	return docChanged
}

func (m *assumptionsModel) finish() {
	m.editing = false
	if m.applied > 0 {
		if m.history == nil {
			m.history = map[document][]int{}
		}
		m.history[m.doc] = append(m.history[m.doc], m.applied)
	}
	m.applied = 0
}

// forget drops the undo sessions of d, whose edits were saved or reloaded away.
func (m *assumptionsModel) forget(d document) { delete(m.history, d) }

// undo takes back the last editing session (every keystroke of it).
func (m assumptionsModel) undo() (assumptionsModel, tea.Cmd) {
	n := 1
	if h := m.history[m.doc]; len(h) > 0 {
		n = h[len(h)-1]
		m.history[m.doc] = h[:len(h)-1]
	}
	undone := false
	for ; n > 0; n-- {
		undone = m.doc.Undo() || undone
	}
	if !undone {
		m.note = "Nothing to undo."
		return m, nil
	}
	m.note = "Undone."
	m.SetSnapshot(m.doc.Snapshot())
	return m, docChanged
}

// The list takes the screen but for the totals line at the top and the hint
// lines at the bottom.
const assumptionsHint = 3

func (m assumptionsModel) listHeight() int { return max(m.c.Height-assumptionsHint-1, 1) }

// totals is the line that shows each keystroke's effect: every option's total.
func (m assumptionsModel) totals(w int) string {
	st, r := m.c.Styles, &m.snap.Result
	parts := []string{st.Muted.Render("Totals:")}
	for i := range r.Options {
		o := &r.Options[i]
		v := money(o.Total, r.Currency)
		if i == r.Cheapest && len(r.Options) > 1 {
			v = "★ " + v
		}
		parts = append(parts, st.series(i).Render(clean(o.Name))+" "+st.Text.Render(v))
	}
	return fit(strings.Join(parts, "  "), w)
}

func (m *assumptionsModel) follow() {
	h := m.listHeight()
	top := m.cur
	if top > 0 && m.rows[top-1].field == nil {
		top-- // keep the section title of the first field in view
	}
	if top < m.scroll {
		m.scroll = top
	}
	if m.cur >= m.scroll+h {
		m.scroll = m.cur - h + 1
	}
	m.scroll = min(max(m.scroll, 0), max(len(m.rows)-h, 0))
}

func (m assumptionsModel) View() string {
	w, h := m.c.Width, m.c.Height
	if w <= 0 || h <= 0 {
		return ""
	}
	st := m.c.Styles
	if len(m.rows) == 0 {
		msg := "No inputs to edit."
		if m.snap.Err != nil {
			msg = "The file cannot be edited here until it parses: " + clean(m.snap.Err.Error())
		}
		return block(strings.Join(wrap(st.Error.Render(msg), w), "\n"), w, h)
	}
	keyW := min(30, max(w/3, 12))
	valW := min(24, max(w/4, 10))
	lines := []string{m.totals(w)}
	end := min(m.scroll+m.listHeight(), len(m.rows))
	for i := m.scroll; i < end; i++ {
		r := m.rows[i]
		if r.field == nil {
			lines = append(lines, st.Header.Render(fit(r.title, w)))
			continue
		}
		mark := "  "
		if i == m.cur {
			mark = "▸ "
		}
		label := fit(mark+r.field.Key, keyW)
		val := m.value(r)
		var valCell string
		switch {
		case i == m.cur && m.editing:
			m.input.SetSize(valW-2, 1)
			valCell = "[" + fit(m.input.View(), valW-2) + "]"
		case i == m.cur:
			valCell = st.Selected.Render(fit(" "+val, valW))
		default:
			valCell = st.Text.Render(fit(" "+val, valW))
		}
		mod := "  "
		if m.doc != nil && m.doc.Modified(r.section, r.option, r.field.Key) {
			mod = st.Modified.Render(" *")
		}
		unit := st.Muted.Render(clean(r.field.Unit))
		if i == m.cur {
			label = st.Header.Render(label)
		} else {
			label = st.Label.Render(label)
		}
		lines = append(lines, label+valCell+mod+" "+unit)
	}
	for len(lines) < m.listHeight()+1 {
		lines = append(lines, "")
	}
	lines = append(lines, m.hint(w)...)
	return block(strings.Join(lines, "\n"), w, h)
}

// hint is the selected field's documentation, its valid values, and the
// outcome of the last keystroke.
func (m assumptionsModel) hint(w int) []string {
	st := m.c.Styles
	r := m.rows[m.cur]
	if r.field == nil {
		return nil
	}
	f := r.field
	valid := ""
	switch {
	case f.Type == model.Number:
		valid = f.RangeText()
	case f.Type == model.Flag:
		valid = "true or false"
	case len(f.Choices) > 0:
		valid = "one of " + strings.Join(f.Choices, ", ")
	case f.Ref != model.NoRef:
		valid = "an id from the catalog (see the Catalog screen)"
	}
	doc := st.Muted.Render(fit(r.field.Path()+": "+clean(f.Doc), w))
	second := st.Muted.Render(fit("valid: "+valid, w))
	third := ""
	switch {
	case m.err != "":
		third = st.Error.Render(fit("✗ refused: "+m.err, w))
	case m.editing:
		third = st.Muted.Render(fit("enter: keep this value · esc: put the old one back", w))
	case m.note != "":
		third = st.Text.Render(fit(m.note, w))
	case m.doc != nil && m.doc.Dirty():
		third = st.Modified.Render(fit("* unsaved edits: ctrl+s saves to the file, u undoes, R resets", w))
	}
	return []string{doc, second, third}
}
