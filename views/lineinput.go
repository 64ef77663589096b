package views

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// lineInput is a one-line text box. bubbles/textinput would do, but it pulls
// in a clipboard module that go.mod does not carry; this covers what the
// assumptions editor needs (typing, paste, cursor moves, deletion).
type lineInput struct {
	value  []rune
	pos    int
	width  int
	keys   lineKeys
	cursor lipgloss.Style
}

type lineKeys struct {
	Left, Right, Home, End, Backspace, Delete, KillStart, KillEnd key.Binding
}

func newLineInput(cursor lipgloss.Style) lineInput {
	return lineInput{cursor: cursor, width: 10, keys: lineKeys{
		Left:      key.NewBinding(key.WithKeys("left", "ctrl+b")),
		Right:     key.NewBinding(key.WithKeys("right", "ctrl+f")),
		Home:      key.NewBinding(key.WithKeys("home", "ctrl+a")),
		End:       key.NewBinding(key.WithKeys("end", "ctrl+e")),
		Backspace: key.NewBinding(key.WithKeys("backspace", "ctrl+h")),
		Delete:    key.NewBinding(key.WithKeys("delete", "ctrl+d")),
		KillStart: key.NewBinding(key.WithKeys("ctrl+u")),
		KillEnd:   key.NewBinding(key.WithKeys("ctrl+k")),
	}}
}

// SetValue replaces the text and puts the cursor at its end.
func (m *lineInput) SetValue(s string) { m.value = []rune(s); m.pos = len(m.value) }

func (m lineInput) Value() string { return string(m.value) }

func (m *lineInput) SetSize(w, _ int) { m.width = max(w, 1) }

func (m lineInput) Update(msg tea.Msg) (lineInput, tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return m, nil
	}
	k := m.keys
	switch {
	case km.Type == tea.KeyRunes || km.Type == tea.KeySpace:
		ins := clean(string(km.Runes))
		if km.Type == tea.KeySpace {
			ins = " "
		}
		r := []rune(ins)
		if len(m.value)+len(r) > 256 {
			return m, nil // a value, not a document
		}
		m.value = append(m.value[:m.pos], append(r, m.value[m.pos:]...)...)
		m.pos += len(r)
	case key.Matches(km, k.Left):
		m.pos = max(m.pos-1, 0)
	case key.Matches(km, k.Right):
		m.pos = min(m.pos+1, len(m.value))
	case key.Matches(km, k.Home):
		m.pos = 0
	case key.Matches(km, k.End):
		m.pos = len(m.value)
	case key.Matches(km, k.Backspace):
		if m.pos > 0 {
			m.value = append(m.value[:m.pos-1], m.value[m.pos:]...)
			m.pos--
		}
	case key.Matches(km, k.Delete):
		if m.pos < len(m.value) {
			m.value = append(m.value[:m.pos], m.value[m.pos+1:]...)
		}
	case key.Matches(km, k.KillStart):
		m.value, m.pos = append([]rune(nil), m.value[m.pos:]...), 0
	case key.Matches(km, k.KillEnd):
		m.value = m.value[:m.pos]
	}
	return m, nil
}

// View shows the part of the text around the cursor, the cursor's cell
// drawn reversed.
func (m lineInput) View() string {
	w := max(m.width, 1)
	start := max(m.pos-w+1, 0)
	end := min(start+w, len(m.value)+1)
	var out string
	for i := start; i < end; i++ {
		ch := " "
		if i < len(m.value) {
			ch = string(m.value[i])
		}
		if i == m.pos {
			ch = m.cursor.Render(ch)
		}
		out += ch
	}
	return fit(out, w)
}
