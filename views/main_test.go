package views

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"

	"github.com/tunecost/tunecost/workspace"
)

// Goldens are made without colour and for a dark background, whatever the
// terminal running the tests.
func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	lipgloss.SetHasDarkBackground(true)
	os.Exit(m.Run())
}

// now is the tests' clock: the built-in sheet's as_of is 2026-11-01, so
// some entries are fresh and a layered old sheet is stale.
func now() time.Time { return time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC) }

// AnalysisDelay < 0: the risk screen's debounce returns at once when drained.
func testConfig() Config { return Config{Now: now, Editor: "true", AnalysisDelay: -1} }

func builtinDoc(t *testing.T) document {
	t.Helper()
	d := workspace.LoadBuiltin(workspace.Options{Now: now})
	if d.Err != nil {
		t.Fatalf("built-in example: %v", d.Err)
	}
	return newDocument(d)
}

// fixtureDocs copies fixture scenarios (testdata/fixture, with their price
// sheet, and any other sheet named "*-prices.toml" among names) into a temporary folder and loads them, so tests may edit and save
// them. The fixture pins its prices, so goldens do not move with the
// built-in sheet or the examples.
func fixtureDocs(t *testing.T, names ...string) ([]document, string) {
	t.Helper()
	dir := t.TempDir()
	var paths []string
	for _, n := range append([]string{"prices.toml"}, names...) {
		data, err := os.ReadFile(filepath.Join("testdata", "fixture", n))
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, n)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		if n != "prices.toml" && !strings.HasSuffix(n, "-prices.toml") { // sheets are copied, not loaded
			paths = append(paths, p)
		}
	}
	ws, err := workspace.Load(paths, workspace.Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	docs := make([]document, len(ws))
	for i, d := range ws {
		if d.Err != nil {
			t.Fatalf("%s: %v", d.Path, d.Err)
		}
		docs[i] = newDocument(d)
	}
	return docs, dir
}

// sized returns the root model at w×h.
func sized(m Model, w, h int) Model {
	next, _ := m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return next.(Model)
}

// press sends keys ("tab", "j", "ctrl+s", or text as runes) to the model
// and runs the commands they return that produce messages synchronously
// (doc changes, explain), as the program would.
// A key to(title) switches to the screen with that title.
func press(t testing.TB, m Model, keys ...string) Model {
	t.Helper()
	for _, k := range keys {
		if title, ok := strings.CutPrefix(k, screenKey); ok {
			m = goTo(t, m, title)
			continue
		}
		m = send(m, keyMsg(k))
	}
	return m
}

const screenKey = "screen:"

// to names a screen in a key list by its title. Tests reach screens by
// name, never by counting tabs, so a screen added anywhere in the tab bar
// changes no other test's path (TestAppendedScreenChangesNoOtherFrame).
func to(title string) string { return screenKey + title }

// goTo switches to the screen titled title the way tab does
// (Model.switchScreen, then the new screen's onView as Update runs it),
// without stopping at the screens between.
func goTo(t testing.TB, m Model, title string) Model {
	t.Helper()
	for i, tb := range m.tabs() {
		if tb.title() == title {
			m.switchScreen(i - int(m.screen))
			for _, msg := range drain(m.current().onView()) {
				m = send(m, msg)
			}
			return m
		}
	}
	t.Fatalf("no screen titled %q", title)
	return m
}

func send(m Model, msg tea.Msg) Model {
	next, cmd := m.Update(msg)
	m = next.(Model)
	for _, msg := range drain(cmd) {
		m = send(m, msg)
	}
	return m
}

// drain runs a command and any batch it holds, keeping the messages the
// root handles in tests (not quit, not exec).
func drain(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	switch msg := msg.(type) {
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, drain(c)...)
		}
		return out
	case docChangedMsg, explainMsg, exportDoneMsg, exportExistsMsg, savedMsg, copySavedMsg, reloadedMsg:
		return []tea.Msg{msg}
	}
	return nil
}

// keyboard types into a running program (teatest), which only takes keys:
// to(title) becomes the tab or shift+tab presses, whichever are fewer, that
// reach the screen from the one the earlier keys reached (Compare first).
type keyboard struct {
	tm     *teatest.TestModel
	screen int
}

func (kb *keyboard) press(keys ...string) {
	var out []string
	out, kb.screen = typed(kb.screen, keys)
	for _, k := range out {
		kb.tm.Send(keyMsg(k))
	}
}

// typed expands keys from screen cur (an index into Model.tabs) and
// returns the screen they end on.
func typed(cur int, keys []string) ([]string, int) {
	var zero Model
	tabs := zero.tabs()
	n := len(tabs)
	var out []string
	for _, k := range keys {
		title, ok := strings.CutPrefix(k, screenKey)
		switch {
		case k == "tab":
			cur = (cur + 1) % n
		case k == "shift+tab":
			cur = (cur + n - 1) % n
		case ok:
			target := slices.IndexFunc(tabs, func(tb tab) bool { return tb.title() == title })
			if target < 0 {
				panic("no screen titled " + title)
			}
			if fwd := (target - cur + n) % n; fwd <= n-fwd {
				out = append(out, slices.Repeat([]string{"tab"}, fwd)...)
			} else {
				out = append(out, slices.Repeat([]string{"shift+tab"}, n-fwd)...)
			}
			cur = target
			continue
		}
		out = append(out, k)
	}
	return out, cur
}

func keyMsg(k string) tea.KeyMsg {
	if strings.HasPrefix(k, screenKey) {
		panic(k + " is not a key: press or typed expands it")
	}
	switch k {
	case "tab":
		return tea.KeyMsg{Type: tea.KeyTab}
	case "shift+tab":
		return tea.KeyMsg{Type: tea.KeyShiftTab}
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	case "backspace":
		return tea.KeyMsg{Type: tea.KeyBackspace}
	case "up":
		return tea.KeyMsg{Type: tea.KeyUp}
	case "down":
		return tea.KeyMsg{Type: tea.KeyDown}
	case "left":
		return tea.KeyMsg{Type: tea.KeyLeft}
	case "right":
		return tea.KeyMsg{Type: tea.KeyRight}
	case "ctrl+s":
		return tea.KeyMsg{Type: tea.KeyCtrlS}
	case "ctrl+c":
		return tea.KeyMsg{Type: tea.KeyCtrlC}
	case "ctrl+u":
		return tea.KeyMsg{Type: tea.KeyCtrlU}
	case "pgup":
		return tea.KeyMsg{Type: tea.KeyPgUp}
	case "pgdown":
		return tea.KeyMsg{Type: tea.KeyPgDown}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

func mustFixture(t *testing.T) []document {
	d, _ := fixtureDocs(t, "support.toml")
	return d
}
