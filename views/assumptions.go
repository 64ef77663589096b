package views

import (
	"errors"
	"fmt"
	"github.com/tunecost/tunecost/present"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/tunecost/tunecost/diag"
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
	input   textinput.Model
	err     string
	note    string
	asking  bool // R was pressed: the next key confirms the reset or keeps the edits
}

func newAssumptions(c common) assumptionsModel {
	return assumptionsModel{c: c, input: newTextInput(c.Styles)}
}

func (m *assumptionsModel) SetSize(w, h int) {
	m.c = m.c.sized(w, h)
	setInputWidth(&m.input, m.valueWidth()-2) // inside the brackets
	m.follow()
}

// SetDoc switches to another document; an edit box open on the last one
// closes, keeping what it applied (the document keeps its undo).
func (m *assumptionsModel) SetDoc(d document) {
	if m.doc != d {
		if m.editing && m.doc != nil {
			m.doc.EndEdit()
		}
		m.editing, m.asking, m.err, m.note = false, false, "", ""
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
	found := false
	for i, r := range m.rows {
		if r.same(at) {
			m.cur, found = i, true
		}
	}
	if m.editing && !found {
		// The input being edited is gone: typing on would edit another.
		m.finish()
		m.err, m.note = "", "The input being edited no longer applies: the edit box was closed."
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
			if !f.ShownIn(&s.Input) {
				continue
			}
			rows = append(rows, inputRow{field: f, section: sc.sec})
		}
	}
	for i := range s.Input.Options {
		o := &s.Input.Options[i]
		rows = append(rows, inputRow{title: fmt.Sprintf("Option %d: %s (%s)", i+1, clean(o.Name), present.KindName(o.Kind))})
		self := o.SelfHosted(&s.Catalog.Catalog)
		for _, f := range model.SectionFields(model.SectionOption) {
			if f.AppliesTo(o.Kind, self, o.Method) && f.ShownIn(&s.Input) {
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
	if m.asking {
		return []key.Binding{k.Reset, k.Back}
	}
	if m.editing {
		return []key.Binding{k.Accept, k.Back}
	}
	return []key.Binding{k.Up, k.Down, k.Edit, k.Undo, k.Reset, k.Save}
}

func (m assumptionsModel) FullHelp() [][]key.Binding {
	k := m.c.Keys
	if m.asking {
		return [][]key.Binding{{k.Reset, k.Back}}
	}
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
	if km, ok := msg.(tea.KeyMsg); ok && m.asking {
		return m.answerReset(km)
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
			if !m.doc.Dirty() {
				m.note = "Nothing to reset: every value is the file's."
				return m, nil
			}
			m.asking, m.err = true, ""
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

// answerReset: R again (or y) drops the edits, as one step u takes back;
// any other key keeps them.
func (m assumptionsModel) answerReset(km tea.KeyMsg) (assumptionsModel, tea.Cmd) {
	m.asking = false
	if !key.Matches(km, m.c.Keys.Reset) && km.String() != "y" {
		m.note = "Not reset: your edits are kept."
		return m, nil
	}
	m.doc.Reset() // one Undo restores them all
	m.note = "Every value is the file's again; u brings your edits back."
	m.SetSnapshot(m.doc.Snapshot())
	return m, docChanged
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

// current is the field row under the cursor; ok is false when there is none.
func (m assumptionsModel) current() (inputRow, bool) {
	if m.cur < 0 || m.cur >= len(m.rows) || m.rows[m.cur].field == nil {
		return inputRow{}, false
	}
	return m.rows[m.cur], true
}

func (m assumptionsModel) startEditing() (assumptionsModel, tea.Cmd) {
	if _, ok := m.current(); !ok {
		return m, nil
	}
	m.doc.BeginEdit()
	m.editing, m.err, m.note = true, "", ""
	m.input.SetValue(m.value(m.rows[m.cur]))
	m.input.CursorEnd()
	setInputWidth(&m.input, m.valueWidth()-2)
	return m, nil
}

func (m assumptionsModel) updateEditing(msg tea.Msg) (assumptionsModel, tea.Cmd) {
	k := m.c.Keys
	if km, ok := msg.(tea.KeyMsg); ok {
		switch {
		case key.Matches(km, k.Accept):
			if m.refused() {
				return m, nil
			}
			m.finish()
			return m, nil
		case key.Matches(km, k.Back):
			m.doc.CancelEdit()
			m.editing, m.err = false, ""
			m.SetSnapshot(m.doc.Snapshot())
			return m, docChanged
		}
	}
	before := m.input.Value()
	var cmd tea.Cmd
	m.input, cmd = typeInto(m.input, msg)
	if m.input.Value() == before {
		return m, cmd
	}
	m.note = "" // a "Not done" spoke of the text before this key
	return m, tea.Batch(cmd, m.apply())
}

// apply sends the text typed so far to the document. The document refuses
// a value the validator rejects or one that leaves the scenario unpriceable,
// keeping the last good value; the reason is shown.
func (m *assumptionsModel) apply() tea.Cmd {
	r, ok := m.current()
	if !ok {
		m.finish() // the input is gone (the file changed): nothing to apply to
		return nil
	}
	if err := m.doc.Set(r.section, r.option, r.field.Key, strings.TrimSpace(m.input.Value())); err != nil {
		m.err = reason(err)
		return nil
	}
	m.err = ""
	m.SetSnapshot(m.doc.Snapshot())
	return docChanged
}

// refused reports whether the text in the edit box is one the document
// refused, and then says so: closing the box (enter, or ctrl+s) would keep
// whatever an earlier keystroke left — clearing "36" passes through "3" —,
// a value the person never meant, so the box stays open.
func (m *assumptionsModel) refused() bool {
	if !m.editing || m.err == "" {
		return false
	}
	m.note = "Not done: correct the text, or esc to take the whole edit back."
	return true
}

// finish closes the edit box; what it applied is one step for undo.
func (m *assumptionsModel) finish() {
	m.editing, m.err = false, ""
	m.doc.EndEdit()
}

// endEditing closes the edit box open on d, if any, keeping what was
// applied; the person sees why.
func (m *assumptionsModel) endEditing(d document) {
	if !m.editing || m.doc != d {
		return
	}
	m.finish()
	m.err, m.note = "", "The file changed on disk: the edit box was closed."
}

// saved clears the note about the undo history ("Undone.", a reset's) once
// d's edits are saved: it spoke of edits now in the file.
func (m *assumptionsModel) saved(d document) {
	if d == m.doc {
		m.note = ""
	}
}

// undo takes back the last editing session (every keystroke of it).
func (m assumptionsModel) undo() (assumptionsModel, tea.Cmd) {
	if !m.doc.Undo() {
		m.note = "Nothing to undo."
		return m, nil
	}
	m.note = "Undone."
	m.SetSnapshot(m.doc.Snapshot())
	return m, docChanged
}

// reason is why a typed value was refused: for a value being typed the
// message alone helps, not the file position a diagnostic carries.
func reason(err error) string {
	var l diag.List
	if errors.As(err, &l) && len(l.Errors()) > 0 {
		errs := l.Errors()
		if len(errs) > 1 {
			return clean(fmt.Sprintf("%s (and %d more)", errs[0].Message, len(errs)-1))
		}
		return clean(errs[0].Message)
	}
	var d diag.Diagnostic
	if errors.As(err, &d) {
		return clean(d.Message)
	}
	return clean(err.Error())
}
