package views

import (
	"unicode"

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
	// DeleteWordForward is done by deleteWordForward: bubbles' own indexes
	// past the end when the cursor is on the last character.
	for _, b := range []*key.Binding{&ti.KeyMap.AcceptSuggestion, &ti.KeyMap.NextSuggestion,
		&ti.KeyMap.PrevSuggestion, &ti.KeyMap.Paste, &ti.KeyMap.DeleteWordForward} {
		b.SetEnabled(false)
	}
	ti.Focus()
	return ti
}

// typeInto hands a key to the box, with typed or pasted text cleaned of
// escape sequences and control characters first.
func typeInto(ti textinput.Model, msg tea.Msg) (textinput.Model, tea.Cmd) {
	if km, ok := msg.(tea.KeyMsg); ok && key.Matches(km, deleteWordForwardKey) {
		deleteWordForward(&ti)
		return ti, nil
	}
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

// deleteWordForwardKey is textinput's own binding for the key, which its
// key map has disabled.
var deleteWordForwardKey = textinput.DefaultKeyMap.DeleteWordForward

// deleteWordForward deletes from the cursor to the end of the next word
// (the spaces before it included), as shells do with alt+d.
func deleteWordForward(ti *textinput.Model) {
	v, pos := []rune(ti.Value()), ti.Position()
	end := pos
	for end < len(v) && unicode.IsSpace(v[end]) {
		end++
	}
	for end < len(v) && !unicode.IsSpace(v[end]) {
		end++
	}
	ti.SetValue(string(v[:pos]) + string(v[end:]))
	ti.SetCursor(pos)
}
