package views

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// notesScreen is a screen that exists only in this test: the scenario's
// file name, nothing else.
type notesScreen struct {
	w, h int
	name string
}

func (n *notesScreen) title() string             { return "Notes" }
func (n *notesScreen) SetSize(w, h int)          { n.w, n.h = w, h }
func (n *notesScreen) show(d document)           { n.name = d.Snapshot().Path }
func (n *notesScreen) View() string              { return fit("notes of "+n.name, n.w) }
func (n *notesScreen) ShortHelp() []key.Binding  { return nil }
func (n *notesScreen) FullHelp() [][]key.Binding { return nil }
func (n *notesScreen) update(tea.Msg) tea.Cmd    { return nil }
func (n *notesScreen) onView() tea.Cmd           { return nil }
func (n *notesScreen) takesKey(tea.KeyMsg) bool  { return false }
func (n *notesScreen) typing() bool              { return false }
func (n *notesScreen) helpAlone() bool           { return false }

// A screen appended to the tab bar changes no other screen's frame below
// the header, which is what the screens' goldens hold (screenGolden): tests
// reach screens by title (to), the header's height does not depend on the
// number of tabs, and each screen draws only its own body. So adding a
// screen rewrites TestHeader's goldens and no other.
func TestAppendedScreenChangesNoOtherFrame(t *testing.T) {
	paths := [][]string{nil, {"j", "j", "l"}, {"l", "e"}, {"?"}, {to("Timeline")}, {to("Timeline"), "t"},
		{to("Assumptions")}, {to("Assumptions"), "j", "enter", "ctrl+u", "x"}, toRisk,
		{to("Catalog")}, {to("Catalog"), "/", "p", "enter", "enter"}, {to("Catalog"), "G"}}
	for _, sz := range [][2]int{{80, 24}, {120, 40}} {
		for _, keys := range paths {
			t.Run(fmt.Sprintf("%dx%d/%s", sz[0], sz[1], strings.Join(keys, ",")), func(t *testing.T) {
				docsA, dirA := support(t)
				docsB, dirB := support(t)
				plain := sized(newModel(docsA, testConfig()), sz[0], sz[1])
				more := newModel(docsB, testConfig())
				more.appended = []tab{&notesScreen{}}
				more.refresh()
				more = sized(more, sz[0], sz[1])
				a, b := press(t, plain, keys...), press(t, more, keys...)
				if len(b.tabs()) != len(a.tabs())+1 || !strings.Contains(b.View(), " Notes") && sz[0] > minWidth {
					t.Fatalf("the test screen is not in the tab bar:\n%s", b.View())
				}
				got, want := normalise(withoutHeader(b, b.View()), dirB), normalise(withoutHeader(a, a.View()), dirA)
				if got != want {
					t.Errorf("the appended screen changed the frame:\n%s\nwant:\n%s", got, want)
				}
			})
		}
	}
}
