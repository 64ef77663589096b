package views

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// The header — the tab bar, the files when there are several, and the
// subtitle — is golden-tested here once; the screens' goldens leave it
// out (screenGolden). Each case is the header of the frame drawn after
// its keys, at its width.
func TestHeader(t *testing.T) {
	several := func(t *testing.T) ([]document, string) { return fixtureDocs(t, "four.toml", "support.toml") }
	broken := func(t *testing.T) ([]document, string) {
		return rewrite(t, "queries_per_month = 600000 # first month", "queries_per_mnth = 600000")
	}
	for _, tc := range []struct {
		name  string
		docs  func(t *testing.T) ([]document, string)
		width int
		keys  []string
	}{
		{"one", support, 80, nil},
		{"one_wide", support, 200, nil},
		{"narrowest", support, minWidth, []string{to("Assumptions")}},
		{"unsaved", support, 80, editQueries},
		{"unsaved_wide", support, 200, editQueries},
		{"several", several, 80, []string{"]", to("Catalog")}},
		{"several_unsaved", several, 120, append([]string{"]"}, editQueries...)},
		{"broken", broken, 80, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ds, dir := tc.docs(t)
			cfg := testConfig()
			cfg.Dir = dir
			m := press(t, sized(newModel(ds, cfg), tc.width, 24), tc.keys...)
			v := m.View()
			checkFrame(t, v, tc.width, 24)
			lines := strings.Split(v, "\n")
			header := strings.Join(lines[:m.headerHeight()], "\n")
			if header != m.header() {
				t.Errorf("the frame does not start with the header")
			}
			golden.RequireEqual(t, []byte(normalise(header, dir)+"\n"))
		})
	}
}

// Every screen shows its title in the tab bar, in the tabs' order, and tab
// visits each once before coming back.
func TestTabsInOrder(t *testing.T) {
	m := sized(newModel(mustFixture(t), testConfig()), 120, 40)
	var seen []string
	for range m.tabs() {
		first := strings.Split(m.View(), "\n")[0]
		for _, tb := range m.tabs() {
			if strings.Contains(first, "["+tb.title()+"]") {
				seen = append(seen, tb.title())
			}
		}
		m = press(t, m, "tab")
	}
	if got := fmt.Sprint(seen); got != "[Compare Timeline Assumptions Risk Catalog]" {
		t.Errorf("tab visited %s", got)
	}
	if m.screen != 0 {
		t.Errorf("after a full round, screen %d", m.screen)
	}
}
