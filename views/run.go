package views

import (
	"errors"
	"fmt"
	"os"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/tunecost/tunecost/workspace"
)

// Run opens the program on the documents (at least one) and returns when
// the person quits. A panic anywhere in the program ends it with the
// terminal restored and a one-line error instead of a stack trace.
func Run(docs []*workspace.Doc, cfg Config) error {
	if len(docs) == 0 {
		return errors.New("no scenario to show")
	}
	ds := make([]document, len(docs))
	for i, d := range docs {
		ds[i] = &wsDoc{d: d}
	}
	m := newModel(ds, cfg)
	if w, err := newWatcher(); err == nil {
		m.watch = w
		defer w.close()
		for _, d := range ds {
			w.add(d.WatchPaths())
		}
	}
	g := &guard{inner: m}
	p := tea.NewProgram(g, tea.WithAltScreen(), tea.WithMouseCellMotion())
	g.quit = func() { go p.Quit() }
	_, err := p.Run()
	if g.panicked != nil {
		return fmt.Errorf("internal error, the terminal was restored: %v", g.panicked)
	}
	if errors.Is(err, tea.ErrProgramPanic) {
		return errors.New("internal error, the terminal was restored")
	}
	return err
}

// guard runs the root model and turns a panic in Update or View into a
// clean exit. Bubble Tea would restore the terminal too, but it prints a
// stack trace; the product promises a short message instead. (Panics in
// commands are still caught by Bubble Tea, which restores the terminal.)
type guard struct {
	inner    tea.Model
	panicked any
	quit     func()
}

func (g *guard) Init() tea.Cmd { return g.inner.Init() }

func (g *guard) Update(msg tea.Msg) (_ tea.Model, cmd tea.Cmd) {
	if g.panicked != nil {
		return g, tea.Quit
	}
	defer func() {
		if r := recover(); r != nil {
			g.panicked, cmd = r, tea.Quit
		}
	}()
	g.inner, cmd = g.inner.Update(msg)
	return g, cmd
}

func (g *guard) View() (s string) {
	if g.panicked != nil {
		return ""
	}
	defer func() {
		if r := recover(); r != nil {
			g.panicked, s = r, ""
			if g.quit != nil {
				g.quit() // View cannot return a command
			}
		}
	}()
	return g.inner.View()
}

// EditorFromEnv is the editor a person has chosen: $VISUAL, then $EDITOR.
func EditorFromEnv() string {
	if v := os.Getenv("VISUAL"); v != "" {
		return v
	}
	return os.Getenv("EDITOR")
}
