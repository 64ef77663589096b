package views

import (
	"errors"
	"fmt"
	"os"
	"runtime/debug"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/tunecost/tunecost/workspace"
)

// Run opens the program on the documents (at least one) and returns when
// the person quits. A panic anywhere in the program ends it with the
// terminal restored and a one-line error naming a file with the stack.
func Run(docs []*workspace.Doc, cfg Config) error {
	if len(docs) == 0 {
		return errors.New("no scenario to show")
	}
	ds := make([]document, len(docs))
	for i, d := range docs {
		ds[i] = newDocument(d)
	}
	m := newModel(ds, cfg)
	if w, err := newWatcher(); err == nil {
		m.watch = w
		defer w.close()
		for _, d := range ds {
			w.add(d.WatchPaths())
		}
	}
	return runGuarded(&guard{inner: m}, tea.WithAltScreen(), tea.WithMouseCellMotion())
}

// runGuarded runs the program under g and turns a panic into the one-line
// error naming the crash file.
func runGuarded(g *guard, opts ...tea.ProgramOption) error {
	p := tea.NewProgram(g, opts...)
	g.quit = func() { go p.Quit() }
	_, err := p.Run()
	if g.panicked != nil {
		return g.crashError()
	}
	if errors.Is(err, tea.ErrProgramPanic) {
		return errors.New("tunecost hit an internal error; the terminal was restored")
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
	stack    []byte // where it panicked, for the crash file
	dir      string // the crash file's folder; os.TempDir() when empty
	quit     func()
}

// caught keeps a panic and its stack (taken in the deferred recover, so it
// still shows the frames that panicked).
func (g *guard) caught(r any) {
	g.panicked, g.stack = r, debug.Stack()
}

// crashError writes the panic and its stack to a file, so a bug report can
// carry them, and names that file in one short line.
func (g *guard) crashError() error {
	dir := g.dir
	if dir == "" {
		dir = os.TempDir()
	}
	short := fmt.Errorf("tunecost hit an internal error; the terminal was restored (%v)", g.panicked)
	f, err := os.CreateTemp(dir, "tunecost-crash-*.txt")
	if err != nil {
		return short
	}
	_, werr := fmt.Fprintf(f, "tunecost: panic: %v\n\n%s", g.panicked, g.stack)
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		return short
	}
	return fmt.Errorf("tunecost hit an internal error; the terminal was restored. Details: %s", f.Name())
}

func (g *guard) Init() tea.Cmd { return g.inner.Init() }

// Update returns the guard itself even after a panic (Bubble Tea draws the
// model it gets back: a nil one would panic again, outside the guard).
func (g *guard) Update(msg tea.Msg) (out tea.Model, cmd tea.Cmd) {
	if g.panicked != nil {
		return g, tea.Quit
	}
	defer func() {
		if r := recover(); r != nil {
			g.caught(r)
			out, cmd = g, tea.Quit
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
			g.caught(r)
			s = ""
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
