package views

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// catalogAfter opens the Catalog of bedrock.toml (three sheets: built-in,
// fixture, LiteLLM import) beside alone.toml (the built-in sheet only),
// applies change, and checks the screen still draws a whole frame — the
// report's H3: the table kept seven-cell rows under six columns and
// panicked in layout, losing unsaved edits.
func catalogAfter(t *testing.T, change func(m Model, dir string) Model) Model {
	t.Helper()
	docs, dir := fixtureDocs(t, "bedrock-prices.toml", "bedrock.toml", "alone.toml")
	cfg := testConfig()
	cfg.Dir = dir
	m := sized(newModel(docs, cfg), 80, 24)
	m = press(t, m, "shift+tab", "G")
	if v := m.View(); !strings.Contains(v, "sheet") {
		t.Fatalf("bedrock.toml's catalog shows no sheet column:\n%s", v)
	}
	m = change(m, dir)
	if why := frameProblem(m.View(), 80, 24); why != "" {
		t.Fatalf("%s\n%s", why, m.View())
	}
	return m
}

func TestCatalogSeveralSheetsToOneBySwitching(t *testing.T) {
	m := catalogAfter(t, func(m Model, _ string) Model { return press(t, m, "]") })
	v := m.View()
	if !strings.Contains(v, "from tunecost built-in") || strings.Contains(v, " sheet ") {
		t.Errorf("alone.toml's catalog should name its one sheet and drop the column:\n%s", v)
	}
	m = press(t, m, "[") // and back to several
	if v := m.View(); !strings.Contains(v, " sheet ") {
		t.Errorf("back on bedrock.toml the sheet column should return:\n%s", v)
	}
}

func TestCatalogSheetBrokenWhileOpen(t *testing.T) {
	for _, tc := range []struct {
		name  string
		write func(path string) error
	}{
		{"broken", func(p string) error { return os.WriteFile(p, []byte("[sheet\n"), 0o644) }},
		{"deleted", os.Remove},
	} {
		t.Run(tc.name, func(t *testing.T) {
			catalogAfter(t, func(m Model, dir string) Model {
				for _, f := range []string{"bedrock-prices.toml", "prices.toml"} {
					p := filepath.Join(dir, f)
					if err := tc.write(p); err != nil {
						t.Fatal(err)
					}
					m = send(m, fileChangedMsg{paths: []string{p}})
				}
				return m
			})
		})
	}
}

// An unsaved edit survives the switch: the crash used to lose it.
func TestCatalogSwitchKeepsUnsavedEdit(t *testing.T) {
	catalogAfter(t, func(m Model, _ string) Model {
		m = press(t, m, "tab", "tab", "tab", "j", "enter", "ctrl+u", "7", "enter") // Assumptions: an edit
		if !m.doc().Dirty() {
			t.Fatalf("no unsaved edit to keep:\n%s", m.View())
		}
		m = press(t, m, "shift+tab", "shift+tab", "]", "[")
		if !m.doc().Dirty() {
			t.Errorf("the unsaved edit was lost")
		}
		return m
	})
}
