package views

import (
	"os"
	"path/filepath"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/tunecost/tunecost/workspace"
)

// Budgets (docs): a keystroke in the assumptions editor ≤ 4 ms, a View of
// each screen ≤ 3 ms, startup to the first frame ≤ 40 ms; all at 200×60 on
// the built-in example.

// largeSheet is LiteLLM's map imported to 2,300 entries (bench/largesheet_test.go).
var largeSheet = filepath.Join("..", "testdata", "large-catalog.toml")

func benchModel(b *testing.B, keys ...string) Model {
	b.Helper()
	return benchModelWith(b, workspace.Options{Now: now}, keys...)
}

func benchModelWith(b *testing.B, opt workspace.Options, keys ...string) Model {
	b.Helper()
	d := workspace.LoadBuiltin(opt)
	if d.Err != nil {
		b.Fatal(d.Err)
	}
	return press(b, sized(newModel([]document{newDocument(d)}, testConfig()), 200, 60), keys...)
}

// BenchmarkKeystroke is one keystroke typed into a value on Assumptions:
// the document recomputes, every screen takes the new snapshot, and the
// frame is drawn. Keys alternate between typing a digit and deleting it, so
// the value stays the same size.
func BenchmarkKeystroke(b *testing.B) {
	benchKeystroke(b, benchModel(b, to("Assumptions"), "j", "enter"))
}

// BenchmarkKeystrokeLargeCatalog is BenchmarkKeystroke with a 2,300-entry
// sheet layered with --prices: the same budget, and within 1.3× of it.
func BenchmarkKeystrokeLargeCatalog(b *testing.B) {
	opt := workspace.Options{Now: now, ExtraSheets: []string{largeSheet}}
	benchKeystroke(b, benchModelWith(b, opt, to("Assumptions"), "j", "enter"))
}

func benchKeystroke(b *testing.B, m Model) {
	if !m.assume.Editing() {
		b.Fatal("not editing")
	}
	benchTyping(b, m, "1")
}

// benchTyping types key then backspace, over and over, drawing a frame
// after each: one keystroke per iteration.
func benchTyping(b *testing.B, m Model, key string) {
	keys := []tea.KeyMsg{keyMsg(key), keyMsg("backspace")}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		m = send(m, keys[i%2])
		_ = m.View()
		i++
	}
}

func benchView(b *testing.B, keys ...string) {
	m := benchModel(b, keys...)
	b.ReportAllocs()
	for b.Loop() {
		_ = m.View()
	}
}

func BenchmarkViewCompare(b *testing.B)  { benchView(b) }
func BenchmarkViewTimeline(b *testing.B) { benchView(b, to("Timeline")) }

// BenchmarkStartup goes from files on disk (the built-in sheet and the
// support example, copied to a temporary folder) to the first frame.
func BenchmarkStartup(b *testing.B) {
	benchStartup(b, filepath.Join("..", "pricing", "builtin.toml"))
}

// BenchmarkStartupLargeCatalog is BenchmarkStartup with the 2,300-entry
// sheet as the --prices sheet.
func BenchmarkStartupLargeCatalog(b *testing.B) { benchStartup(b, largeSheet) }

func benchStartup(b *testing.B, prices string) {
	dir := b.TempDir()
	copyFile := func(from, name string) string {
		data, err := os.ReadFile(from)
		if err != nil {
			b.Fatal(err)
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			b.Fatal(err)
		}
		return p
	}
	sheet := copyFile(prices, "prices.toml")
	scenario := copyFile(filepath.Join("..", "examples", "support-assistant.toml"), "support.toml")
	b.ReportAllocs()
	for b.Loop() {
		restore := workspace.StartupGC() // as the command does for the planner
		ws, err := workspace.Load([]string{scenario}, workspace.Options{ExtraSheets: []string{sheet}, Now: now})
		restore()
		if err != nil || ws[0].Err != nil {
			b.Fatal(err, ws[0].Err)
		}
		m := newModel([]document{newDocument(ws[0])}, Config{Now: now, Dir: dir})
		next, _ := m.Update(tea.WindowSizeMsg{Width: 200, Height: 60})
		if next.View() == "" {
			b.Fatal("no frame")
		}
	}
}

// BenchmarkCatalogFilter is one key typed into the Catalog screen's filter
// (a letter, then its deletion), with the table redrawn.
func BenchmarkCatalogFilter(b *testing.B) {
	benchCatalogFilter(b, benchModel(b, to("Catalog"), "/", "g"))
}

// BenchmarkCatalogFilterLargeCatalog is BenchmarkCatalogFilter with the
// 2,300-entry sheet layered: the filter looks at every entry, the rest
// of the keystroke only at the rows drawn.
func BenchmarkCatalogFilterLargeCatalog(b *testing.B) {
	opt := workspace.Options{Now: now, ExtraSheets: []string{largeSheet}}
	benchCatalogFilter(b, benchModelWith(b, opt, to("Catalog"), "/", "g"))
}

func benchCatalogFilter(b *testing.B, m Model) {
	if !m.catalog.typing() {
		b.Fatal("not filtering")
	}
	benchTyping(b, m, "p")
}
