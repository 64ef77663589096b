package views

import (
	"bytes"

	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// rewrite loads the support example after replacing text in it.
func rewrite(t *testing.T, from, to string) ([]document, string) {
	t.Helper()
	docs, dir := fixtureDocs(t, "support.toml")
	path := filepath.Join(dir, "support.toml")
	data, _ := os.ReadFile(path)
	if !bytes.Contains(data, []byte(from)) {
		t.Fatalf("%q not in the example", from)
	}
	if err := os.WriteFile(path, bytes.Replace(data, []byte(from), []byte(to), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	fresh, err := docs[0].reopen()()
	if err != nil {
		t.Fatal(err)
	}
	docs[0].adopt(fresh)
	return docs, dir
}

// Names from files reach the terminal without their escape sequences.
func TestEscapesInNames(t *testing.T) {
	docs, _ := rewrite(t, `name = "LoRA Llama-3.1-8B"`, `name = "LoRA\u001b]0;pwned\u0007\u001b[31m red"`)
	for _, keys := range [][]string{nil, {to("Timeline")}, {to("Timeline"), "t"}, {to("Assumptions")}, {"e"}} {
		m := press(t, sized(newModel(docs, testConfig()), 120, 40), keys...)
		if v := m.View(); strings.ContainsRune(v, '\x1b') || strings.ContainsRune(v, '\a') {
			t.Errorf("keys %v: an escape sequence reached the view", keys)
		}
	}
}

// A scenario that does not evaluate shows its errors, with positions, on
// every screen, and nothing panics.
func TestBrokenScenario(t *testing.T) {
	broken := func(t *testing.T) ([]document, string) {
		return rewrite(t, "queries_per_month = 600000 # first month", "queries_per_mnth = 600000")
	}
	frames(t, broken)
	for _, keys := range [][]string{{to("Timeline")}, {to("Assumptions")}, {to("Catalog")}, {"e"}, {"x"}, {"ctrl+s"}} {
		ds, _ := broken(t)
		m := press(t, sized(newModel(ds, testConfig()), 80, 24), keys...)
		checkFrame(t, m.View(), 80, 24)
	}
}

// The mouse wheel scrolls the comparison.
func TestWheel(t *testing.T) {
	m := sized(newModel(mustFixture(t), testConfig()), 80, 24)
	before := m.compare.scroll
	m = send(m, tea.MouseMsg{Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
	if m.compare.scroll <= before {
		t.Errorf("wheel down: scroll %d, was %d", m.compare.scroll, before)
	}
	m = send(m, tea.MouseMsg{Button: tea.MouseButtonWheelUp, Action: tea.MouseActionPress})
	if m.compare.scroll != before {
		t.Errorf("wheel up: scroll %d, want %d", m.compare.scroll, before)
	}
}

// Many options scroll sideways with the cursor instead of squeezing.
func TestManyOptions(t *testing.T) {
	docs, dir := fixtureDocs(t, "four.toml")
	cfg := testConfig()
	cfg.Dir = dir
	m := sized(newModel(docs, cfg), 80, 24)
	m = press(t, m, "l", "l", "l")
	v := m.View()
	if !strings.Contains(v, "‹ more") {
		t.Errorf("no sign of the hidden columns:\n%s", v)
	}
	screenGolden(t, m, dir)
}
