package views

import (
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"

	tea "github.com/charmbracelet/bubbletea"
)

// A paste reaches the box without its escape sequences, and a value longer
// than the box scrolls so the cursor's end shows.
func TestTextInput(t *testing.T) {
	c := newCommon(testConfig())
	ti := newTextInput(c.Styles)
	setInputWidth(&ti, 10)
	ti, _ = typeInto(ti, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("12\x1b]0;pwned\a34"), Paste: true})
	if got := ti.Value(); got != "1234" {
		t.Fatalf("value %q, want 1234", got)
	}
	for range 20 {
		ti, _ = typeInto(ti, keyMsg("9"))
	}
	v := ti.View()
	if w := len([]rune(v)); w != 10 || !strings.HasPrefix(strings.TrimSpace(v), "9") {
		t.Errorf("view %q: want the last 9 characters and the cursor in 10 cells", v)
	}
	ti, _ = typeInto(ti, keyMsg("ctrl+u"))
	if ti.Value() != "" {
		t.Errorf("ctrl+u left %q", ti.Value())
	}
	ti.SetValue(strings.Repeat("x", 300))
	if len(ti.Value()) != maxTyped {
		t.Errorf("%d characters kept, want at most %d", len(ti.Value()), maxTyped)
	}
}

// keyByName turns a key name as bubbles writes it ("alt+delete", "ctrl+k",
// "alt+d") into the message a terminal would send.
func keyByName(t *testing.T, name string) tea.KeyMsg {
	t.Helper()
	alt := strings.HasPrefix(name, "alt+")
	base := strings.TrimPrefix(name, "alt+")
	for kt := tea.KeyType(-200); kt < 200; kt++ {
		if kt != tea.KeyRunes && (tea.KeyMsg{Type: kt}).String() == base {
			return tea.KeyMsg{Type: kt, Alt: alt}
		}
	}
	if r := []rune(base); len(r) == 1 {
		return tea.KeyMsg{Type: tea.KeyRunes, Runes: r, Alt: alt}
	}
	t.Fatalf("no key named %q", name)
	return tea.KeyMsg{}
}

// Every key textinput knows, with the cursor anywhere in any text, edits
// without panicking (bubbles' alt+d indexed past the end with the cursor
// on the last character).
func TestTextInputEveryKeyEveryCursor(t *testing.T) {
	c := newCommon(testConfig())
	km := textinput.DefaultKeyMap
	bindings := []key.Binding{km.CharacterForward, km.CharacterBackward, km.WordForward, km.WordBackward,
		km.DeleteWordBackward, km.DeleteWordForward, km.DeleteAfterCursor, km.DeleteBeforeCursor,
		km.DeleteCharacterBackward, km.DeleteCharacterForward, km.LineStart, km.LineEnd, km.Paste,
		km.AcceptSuggestion, km.NextSuggestion, km.PrevSuggestion}
	for _, text := range []string{"", "a", "ab", "a b", "400000 ", "  x  y", "é ü"} {
		for pos := 0; pos <= len([]rune(text)); pos++ {
			for _, b := range bindings {
				for _, name := range b.Keys() {
					ti := newTextInput(c.Styles)
					ti.SetValue(text)
					ti.SetCursor(pos)
					func() {
						defer func() {
							if r := recover(); r != nil {
								t.Errorf("%q with the cursor at %d, %s: panic %v", text, pos, name, r)
							}
						}()
						typeInto(ti, keyByName(t, name))
					}()
				}
			}
		}
	}
}

// alt+d deletes the next word, the spaces before it included.
func TestDeleteWordForward(t *testing.T) {
	c := newCommon(testConfig())
	cases := []struct {
		text    string
		pos     int
		want    string
		wantPos int
	}{
		{"hello world", 5, "hello", 5},
		{"hello world", 10, "hello worl", 10}, // the cursor on the last character
		{"hello world", 11, "hello world", 11},
		{"hello world", 0, " world", 0},
		{"ab", 1, "a", 1},
	}
	for _, cs := range cases {
		for _, name := range []string{"alt+d", "alt+delete"} {
			ti := newTextInput(c.Styles)
			ti.SetValue(cs.text)
			ti.SetCursor(cs.pos)
			ti, _ = typeInto(ti, keyByName(t, name))
			if ti.Value() != cs.want || ti.Position() != cs.wantPos {
				t.Errorf("%s in %q at %d: %q at %d, want %q at %d", name, cs.text, cs.pos, ti.Value(), ti.Position(), cs.want, cs.wantPos)
			}
		}
	}
}

// In the planner's text boxes, alt+d with the cursor inside the text edits
// the value instead of ending the program.
func TestAltDInTextBoxes(t *testing.T) {
	m := sized(newModel(mustFixture(t), testConfig()), 120, 40)
	m = press(t, m, to("Assumptions"), "j", "enter", "left", "left")
	m = send(m, keyByName(t, "alt+d")) // 6000|00 → 6000
	m = press(t, m, "left")
	m = send(m, keyByName(t, "alt+delete")) // 600|0, the cursor on the last character → 600
	if got := m.assume.input.Value(); got != "600" {
		t.Errorf("assumptions box holds %q, want 600", got)
	}
	m = press(t, m, "esc", to("Catalog"), "/", "l", "l", "a", "m", "a", "left", "left")
	m = send(m, keyByName(t, "alt+d")) // lla|ma → lla
	if got := m.catalog.filter.Value(); got != "lla" {
		t.Errorf("catalog filter holds %q, want lla", got)
	}
}
