package views

import (
	"strings"
	"testing"
)

// Enter on text the document refused keeps the edit box open with the
// reason: closing it would keep whatever value the keystrokes before the
// refused one left (clearing "36" passes through "3"), a value the person
// never meant. esc then takes the whole edit back.
func TestEnterOnRefusedTextKeepsTheBoxOpen(t *testing.T) {
	docs, _ := fixtureDocs(t, "support.toml")
	m := sized(newModel(docs, testConfig()), 120, 40)
	m = press(t, m, to("Assumptions"), "enter") // horizon_months, the first input
	before := m.assume.input.Value()
	m = press(t, m, "backspace", "backspace", "backspace", "backspace", "9", "9", "9")
	if !m.assume.Editing() || m.assume.err == "" {
		t.Fatalf("999 months should be refused while typing: editing %v, err %q", m.assume.Editing(), m.assume.err)
	}
	m = press(t, m, "enter")
	if !m.assume.Editing() || !strings.Contains(m.View(), "refused") {
		t.Fatalf("enter closed the box on refused text:\n%s", m.View())
	}
	// ctrl+s neither saves the value an earlier keystroke left nor closes.
	if m = press(t, m, "ctrl+s"); !m.assume.Editing() || m.doc().Dirty() && !strings.Contains(m.status, "Not saved") {
		t.Fatalf("ctrl+s on refused text: editing %v, status %q", m.assume.Editing(), m.status)
	}
	if m = press(t, m, "backspace"); strings.Contains(m.View(), "Not done") {
		t.Error("the note about the refused text stays after the text changed")
	}
	m = press(t, m, "esc")
	if m.assume.Editing() || m.doc().Dirty() {
		t.Errorf("esc should end the edit and leave nothing unsaved: editing %v, dirty %v", m.assume.Editing(), m.doc().Dirty())
	}
	if got := m.assume.value(m.assume.rows[m.assume.cur]); got != before {
		t.Errorf("after esc the value is %q, want %q as before the edit", got, before)
	}
}
