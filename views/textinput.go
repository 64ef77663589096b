package views

import (
	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
)

// maxTyped bounds what a text box holds: a value or a filter, not a document.
const maxTyped = 256

// newTextInput is the one-line box of the assumptions editor and the catalog
// filter: no prompt, a steady cursor (a blinking one is a timer per
// keystroke and makes frames differ between runs), and no suggestion or
// clipboard keys: tab stays inert, and ctrl+v would read the clipboard past
// clean (a terminal's paste arrives as keys, which typeInto cleans).
func newTextInput(st *styles) textinput.Model {
	ti := textinput.New()
	ti.Prompt = ""
	ti.CharLimit = maxTyped
	ti.Cursor.Style = st.Cursor
	ti.Cursor.SetMode(cursor.CursorStatic)
	for _, b := range []*key.Binding{&ti.KeyMap.AcceptSuggestion, &ti.KeyMap.NextSuggestion,
		&ti.KeyMap.PrevSuggestion, &ti.KeyMap.Paste} {
		b.SetEnabled(false)
	}
	ti.Focus()
	return ti
}

// typeInto hands a key to the box, with typed or pasted text cleaned of
// escape sequences and control characters first.
func typeInto(ti textinput.Model, msg tea.Msg) (textinput.Model, tea.Cmd) {
	if km, ok := msg.(tea.KeyMsg); ok && km.Type == tea.KeyRunes {
		km.Runes = []rune(clean(string(km.Runes)))
		if len(km.Runes) == 0 {
			return ti, nil
		}
		msg = km
	}
	return ti.Update(msg)
}

// setInputWidth gives the box w cells (textinput draws Width characters and
// one for the cursor) and recomputes which part of the text shows, since
// textinput only does that as the cursor moves.
func setInputWidth(ti *textinput.Model, w int) {
	p := ti.Position()
	ti.Width = 0
	ti.SetCursor(p) // shows everything: the window starts over
	ti.Width = max(w-1, 1)
	ti.CursorEnd()
	ti.SetCursor(p)
}
