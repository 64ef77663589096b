package views

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"
)

var sizes = [][2]int{{80, 24}, {120, 40}, {200, 60}}

// frames checks the root's view of each screen at every size against its
// golden file, after the keys that lead there.
func frames(t *testing.T, docs func(t *testing.T) ([]document, string), keys ...string) {
	for _, sz := range sizes {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			ds, dir := docs(t)
			m := sized(newModel(ds, testConfig()), sz[0], sz[1])
			m = press(t, m, keys...)
			v := m.View()
			checkFrame(t, v, sz[0], sz[1])
			if dir != "" { // the temporary folder's name changes every run
				v = strings.ReplaceAll(v, dir, "$TMP")
				lines := strings.Split(v, "\n")
				for i := range lines {
					lines[i] = strings.TrimRight(lines[i], " ")
				}
				v = strings.Join(lines, "\n")
			}
			golden.RequireEqual(t, []byte(v))
		})
	}
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

func builtin(t *testing.T) ([]document, string) { return []document{builtinDoc(t)}, "" }

func TestCompare(t *testing.T)         { frames(t, builtin) }
func TestCompareCursor(t *testing.T)   { frames(t, builtin, "j", "j", "l") }
func TestExplain(t *testing.T)         { frames(t, builtin, "l", "e") }
func TestExplainTraining(t *testing.T) { frames(t, builtin, "G", "k", "k", "k", "k", "enter") }
func TestTimeline(t *testing.T)        { frames(t, builtin, "tab") }
func TestTimelineTable(t *testing.T)   { frames(t, builtin, "tab", "t") }
func TestAssumptions(t *testing.T)     { frames(t, builtin, "tab", "tab") }
func TestAssumptionsEdit(t *testing.T) {
	frames(t, builtin, "tab", "tab", "j", "enter", "ctrl+u", "5", "0", "0", "0", "0")
}
func TestAssumptionsBad(t *testing.T) { frames(t, builtin, "tab", "tab", "j", "enter", "ctrl+u", "x") }
func TestCatalog(t *testing.T)        { frames(t, builtin, "shift+tab") }
func TestCatalogFilter(t *testing.T)  { frames(t, builtin, "shift+tab", "/", "h", "1", "0", "0") }
func TestHelp(t *testing.T)           { frames(t, builtin, "?") }
func TestSeveralFiles(t *testing.T) {
	frames(t, func(t *testing.T) ([]document, string) {
		return exampleDocs(t, "brand-voice.toml", "nl-to-sql.toml", "support-assistant.toml")
	}, "]")
}
