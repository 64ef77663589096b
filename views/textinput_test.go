package views

import (
	"strings"
	"testing"

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
