package views

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"
)

// sizes are the layout tests' windows: each screen and panel is drawn at
// all three once (layout); every other frame test draws one size, so a
// change to a screen's layout is reviewed in three goldens, not thirty.
var sizes = [][2]int{{80, 24}, {120, 40}, {200, 60}}

// oneSize is the window of the frame tests that are not about layout.
var oneSize = [][2]int{{120, 40}}

// frames checks the root's view after keys against the test's golden file,
// at 120×40.
func frames(t *testing.T, docs func(t *testing.T) ([]document, string), keys ...string) {
	framesAt(t, oneSize, docs, keys...)
}

// layout is frames at every size of sizes: for the layout tests, one per
// screen and panel.
func layout(t *testing.T, docs func(t *testing.T) ([]document, string), keys ...string) {
	framesAt(t, sizes, docs, keys...)
}

func framesAt(t *testing.T, at [][2]int, docs func(t *testing.T) ([]document, string), keys ...string) {
	for _, sz := range at {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			ds, dir := docs(t)
			cfg := testConfig()
			cfg.Dir = dir
			m := sized(newModel(ds, cfg), sz[0], sz[1])
			m = press(t, m, keys...)
			screenGolden(t, m, dir)
		})
	}
}

// screenGolden checks the whole frame's size, then compares it without the
// header (tab bar, files, subtitle) with the test's golden file: the header
// has its own (TestHeader), so a new screen or a renamed tab rewrites one
// golden, not every screen's.
func screenGolden(t *testing.T, m Model, dir string) {
	t.Helper()
	v := m.View()
	checkFrame(t, v, m.c.Width, m.c.Height)
	golden.RequireEqual(t, []byte(normalise(withoutHeader(m, v), dir)))
}

// withoutHeader drops the header's lines from a frame.
func withoutHeader(m Model, v string) string {
	if m.c.Width < minWidth || m.c.Height < minHeight {
		return v // the notice has no header
	}
	return strings.Join(strings.Split(v, "\n")[m.headerHeight():], "\n")
}

// checkFrame: exactly h lines, none wider than w.
func checkFrame(t *testing.T, v string, w, h int) {
	t.Helper()
	lines := strings.Split(v, "\n")
	if len(lines) != h {
		t.Errorf("%d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if lw := lipgloss.Width(l); lw > w {
			t.Errorf("line %d is %d wide, more than %d: %q", i+1, lw, w, l)
		}
	}
}

func support(t *testing.T) ([]document, string) { return fixtureDocs(t, "support.toml") }

func TestCompare(t *testing.T)         { layout(t, support) }
func TestCompareCursor(t *testing.T)   { frames(t, support, "j", "j", "l") }
func TestExplain(t *testing.T)         { layout(t, support, "l", "e") }
func TestExplainTraining(t *testing.T) { frames(t, support, "G", "k", "k", "k", "k", "enter") }
func TestTimeline(t *testing.T)        { layout(t, support, to("Timeline")) }

// The Training category's explain runs to the total: one run, each
// re-tune, then the re-tunes over the horizon (scrolled to the end).
func TestExplainTrainingTotal(t *testing.T) {
	frames(t, support, "j", "j", "j", "j", "j", "j", "j", "j", "e", "G")
}
func TestTimelineTable(t *testing.T) { frames(t, support, to("Timeline"), "t") }
func TestAssumptions(t *testing.T)   { layout(t, support, to("Assumptions")) }
func TestAssumptionsEdit(t *testing.T) {
	frames(t, support, to("Assumptions"), "j", "enter", "ctrl+u", "5", "0", "0", "0", "0")
}
func TestAssumptionsBad(t *testing.T) {
	frames(t, support, to("Assumptions"), "j", "enter", "ctrl+u", "x")
}
func TestCatalog(t *testing.T) {
	layout(t, support, to("Catalog"), "/", "f", "i", "x", "t", "u", "r", "e", "enter")
}
func TestHelp(t *testing.T) { layout(t, support, "?") }
func TestSeveralFiles(t *testing.T) {
	frames(t, func(t *testing.T) ([]document, string) {
		return fixtureDocs(t, "four.toml", "support.toml")
	}, "]")
}

// normalise takes what changes between runs out of a frame: the temporary
// folder's name (and the padding after it) and the built-in sheet's size.
func normalise(v, dir string) string {
	// The built-in sheet's size is not the fixture's business.
	v = regexp.MustCompile(`of \d+ entries`).ReplaceAllString(v, "of N entries")
	if dir == "" {
		return v
	}
	v = strings.ReplaceAll(v, dir, "$TMP")
	// A path cut short by the layout no longer contains the whole folder.
	v = regexp.MustCompile(regexp.QuoteMeta(os.TempDir())+`/Test\S*`).ReplaceAllString(v, "$$TMP…")
	lines := strings.Split(v, "\n")
	for i := range lines {
		lines[i] = strings.TrimRight(lines[i], " ")
	}
	return strings.Join(lines, "\n")
}

// The built-in example opens and draws every screen (no golden: it follows
// the examples and the built-in sheet, which change).
func TestBuiltin(t *testing.T) {
	for _, keys := range [][]string{nil, {to("Timeline")}, {to("Assumptions")}, {to("Catalog")}, {"e"}} {
		m := press(t, sized(newModel([]document{builtinDoc(t)}, testConfig()), 80, 24), keys...)
		checkFrame(t, m.View(), 80, 24)
	}
}

// Warnings are listed under the comparison, positions relative to the file.
func TestWarnings(t *testing.T) {
	frames(t, func(t *testing.T) ([]document, string) { return fixtureDocs(t, "four.toml") }, "G")
}
