package views

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/tunecost/tunecost/model"

	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/scenarios"
)

// The list takes the screen but for the totals line at the top and the hint
// lines at the bottom.
const assumptionsHint = 4

// valueWidth is the value column's width, brackets included.
func (m assumptionsModel) valueWidth() int { return min(24, max(m.c.Width/4, 10)) }

func (m assumptionsModel) listHeight() int { return max(m.c.Height-assumptionsHint-1, 1) }

// totals is the line that shows each keystroke's effect: every option's
// total. When the names do not fit they are shortened, each to a fair
// share of the room, so no option is ever hidden; when that share would
// leave fewer than 12 cells a name, the totals go compact ($1.03B) first.
func (m assumptionsModel) totals(w int) string {
	st, r := m.c.Styles, &m.snap.Result
	label := "Totals:"
	values := make([]string, len(r.Options))
	names := make([]string, len(r.Options))
	room := func() int {
		left := w - lipgloss.Width(label)
		for i := range values {
			left -= 2 + 1 + lipgloss.Width(values[i]) // "  name value"
		}
		return left
	}
	for i := range r.Options {
		o := &r.Options[i]
		values[i] = money(o.Total, r.Currency)
		if i == r.Cheapest && len(r.Options) > 1 {
			values[i] = "★ " + values[i]
		}
		names[i] = clean(o.Name)
	}
	if len(values) > 0 && room() < 12*len(values) {
		for i := range values {
			values[i] = format.CompactNumbers(values[i])
		}
	}
	names = shareRoom(names, optionShorts(&m.snap), room())
	parts := []string{st.Muted.Render(label)}
	for i := range r.Options {
		parts = append(parts, st.series(i).Render(names[i])+" "+st.Text.Render(values[i]))
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
			// It may parse and still be invalid (a missing key): no "parse".
			msg = "The file cannot be edited here until this is fixed in the file (it reloads when saved): " +
				clean(m.snap.Err.Error())
		}
		return block(strings.Join(wrap(st.Error.Render(msg), w), "\n"), w, h)
	}
	keyW := min(31, max(w*2/5, 12))
	valW := m.valueWidth()
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
		unit := clean(r.field.Unit)
		if rg, ok := m.doc.RangeOf(r.section, r.option, r.field.Key); ok {
			unit += " (range " + format.Exact(rg.Low) + "–" + format.Exact(rg.High) + ")"
		}
		// A hint too wide for the row goes compact (400k–900k), never
		// "400,000–90…", which reads as 90k.
		unit = st.Muted.Render(format.FitNumbers(unit, w-lipgloss.Width(label+valCell+mod+" ")))
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
		valid = f.RangeText() + "; or " + scenarios.RangeSyntax
	case f.Type == model.Flag:
		valid = "true or false"
	case len(f.Choices) > 0:
		valid = "one of " + strings.Join(f.Choices, ", ")
	case f.Ref != model.NoRef:
		valid = "an id from the catalog (see the Catalog screen)"
	}
	doc := st.Muted.Render(fit(format.CutWords(r.field.Path()+": "+clean(f.Doc), w), w))
	second := st.Muted.Render(fit(format.FitNumbers("valid: "+valid, w), w))
	if rg, ok := m.doc.RangeOf(r.section, r.option, f.Key); ok {
		second = st.Muted.Render(fit(format.FitNumbers("range: low "+format.Exact(rg.Low)+" · likely "+format.Exact(rg.Likely)+" · high "+
			format.Exact(rg.High)+"; typing sets likely", w), w))
	}
	third := ""
	switch {
	case m.err != "":
		why := m.err
		if r.option >= 0 && r.option < len(m.snap.Input.Options) {
			// The selected row names the option: the message need not, and
			// without it the did-you-mean at its end fits 80 columns.
			why = strings.Replace(why, "option "+strconv.Quote(m.snap.Input.Options[r.option].Name)+".", "", 1)
		}
		refused := "✗ refused: " + why
		if m.note != "" { // enter or ctrl+s on the refused text: why nothing happened
			refused = "✗ " + m.note + " It was refused: " + why
		}
		lines := wrap(refused, w)
		if len(lines) > 2 && m.note != "" { // the reason and its fix before the reminder
			lines = wrap("✗ refused (esc takes the edit back): "+why, w)
		}
		if len(lines) > 2 { // the actionable tail first goes compact, then is cut at a word
			lines[1] = format.FitNumbers(strings.Join(lines[1:], " "), w)
		}
		for i := range lines[:min(len(lines), 2)] {
			lines[i] = st.Error.Render(lines[i])
		}
		return append([]string{doc, second}, lines[:min(len(lines), 2)]...)
	case m.asking:
		third = st.Modified.Render(fit("Drop every unsaved edit? R or y: reset (u undoes it) · other keys: keep them", w))
	case m.editing && f.Type == model.Number:
		third = st.Muted.Render(fit("enter: keep · esc: put the old one back · "+scenarios.RangeSyntax+": a range", w))
	case m.editing: // an id, a choice or a flag has no range
		third = st.Muted.Render(fit("enter: keep · esc: put the old one back", w))
	case m.note != "":
		third = st.Text.Render(fit(m.note, w))
	case m.doc != nil && m.doc.Dirty():
		third = st.Modified.Render(fit("* unsaved edits: ctrl+s saves to the file, u undoes, R resets", w))
	}
	return []string{doc, second, third}
}
