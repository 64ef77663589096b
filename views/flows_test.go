package views

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/tunecost/tunecost/cli"
	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/scenarios"
	"github.com/tunecost/tunecost/uncertainty"
	"github.com/tunecost/tunecost/workspace"
)

// editQueries is the key path from Compare to typing a new first-month
// query count on Assumptions.
var editQueries = []string{to("Assumptions"), "j", "enter", "ctrl+u", "5", "0", "0", "0", "0", "enter"}

func onlyLineChanged(t *testing.T, before, after []byte, from, to string) {
	t.Helper()
	want := bytes.Replace(before, []byte(from), []byte(to), 1)
	if !bytes.Equal(after, want) {
		t.Errorf("saved file differs from the original by more than %q → %q:\n%s", from, to, after)
	}
}

// The whole flow in a real program: open, move, edit a value, watch the
// total change, save, and find the file changed only in that value.
func TestFlowEditSave(t *testing.T) {
	docs, dir := fixtureDocs(t, "support.toml")
	path := filepath.Join(dir, "support.toml")
	before, _ := os.ReadFile(path)
	tm := teatest.NewTestModel(t, newModel(docs, testConfig()), teatest.WithInitialTermSize(120, 40))
	waitFor(t, tm, "★ $182,262")
	kb := keyboard{tm: tm}
	kb.press(editQueries...)
	waitFor(t, tm, "* unsaved edits")
	tm.Send(keyMsg("ctrl+s"))
	waitFor(t, tm, "Saved "+path)
	kb.press(to("Compare"))
	waitFor(t, tm, "★ $56,084") // the cheapest total after the edit
	tm.Send(keyMsg("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))

	after, _ := os.ReadFile(path)
	onlyLineChanged(t, before, after, "queries_per_month = 600000 # first month", "queries_per_month = 50000 # first month")
	final := tm.FinalModel(t).(Model)
	if final.doc().Dirty() {
		t.Error("the document is still dirty after saving")
	}
}

func waitFor(t *testing.T, tm *teatest.TestModel, text string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(text)) },
		teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
}

// Resizing to tiny sizes never panics and always fills exactly the window.
func TestResizeTiny(t *testing.T) {
	tm := teatest.NewTestModel(t, newModel(mustFixture(t), testConfig()), teatest.WithInitialTermSize(80, 24))
	waitFor(t, tm, "Compare")
	tm.Send(tea.WindowSizeMsg{Width: 20, Height: 5})
	waitFor(t, tm, "too small")
	tm.Send(tea.WindowSizeMsg{Width: 1, Height: 1})
	tm.Send(tea.WindowSizeMsg{Width: 100, Height: 30})
	waitFor(t, tm, "Total, 36 months")
	tm.Send(keyMsg("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}

// Every screen and panel, at every size from 1×1 up, draws exactly its
// window and never panics.
func TestEverySize(t *testing.T) {
	paths := [][]string{nil, {to("Timeline")}, {to("Timeline"), "t"}, {to("Assumptions")}, {to("Assumptions"), "enter"}, {to("Catalog")},
		{to("Catalog"), "/"}, {"e"}, {"?"}, toRisk, append(toRisk, "b")}
	for _, keys := range paths {
		m := press(t, newModel(mustFixture(t), testConfig()), keys...)
		for _, w := range []int{0, 1, 2, 5, 20, 59, 60, 61, 79, 200} {
			for _, h := range []int{0, 1, 2, 5, 14, 15, 16, 24, 60} {
				v := sized(m, w, h).View()
				if w == 0 || h == 0 {
					continue
				}
				checkFrame(t, v, w, h)
			}
		}
	}
}

func TestTooSmall(t *testing.T) {
	m := sized(newModel(mustFixture(t), testConfig()), 40, 10)
	if v := m.View(); !strings.Contains(v, "too small") {
		t.Errorf("no notice at 40×10:\n%s", v)
	}
}

// A refused value keeps the last good one; esc puts the old value back;
// undo takes back a whole editing session; reset drops everything.
func TestEditRefuseUndoReset(t *testing.T) {
	docs, _ := fixtureDocs(t, "support.toml")
	m := sized(newModel(docs, testConfig()), 120, 40)
	total := func(m Model) float64 { return m.doc().Snapshot().Result.Options[0].Total }
	orig := total(m)

	m = press(t, m, to("Assumptions"), "j", "enter", "ctrl+u", "x")
	if !strings.Contains(m.View(), "refused") || total(m) != orig {
		t.Fatalf("a bad value was not refused")
	}
	m = press(t, m, "backspace", "1", "0", "0", "0", "0")
	if total(m) == orig {
		t.Fatalf("the total did not change while typing")
	}
	m = press(t, m, "esc")
	if total(m) != orig || m.doc().Dirty() {
		t.Fatalf("esc did not put the old value back")
	}
	m = press(t, m, editQueries[2:]...) // the cursor is still on queries_per_month
	if total(m) == orig || !m.doc().Dirty() {
		t.Fatal("the edit did not apply")
	}
	if !strings.Contains(m.View(), "*") {
		t.Error("the modified value is not marked")
	}
	m = press(t, m, "u")
	if total(m) != orig || m.doc().Dirty() {
		t.Fatal("undo did not take back the whole editing session")
	}
	m = press(t, m, editQueries[2:]...) // the cursor is still on queries_per_month
	m = press(t, m, "R", "R")
	if total(m) != orig || m.doc().Dirty() {
		t.Fatal("reset did not drop the edits")
	}
}

// A value the engine cannot evaluate with is refused like a bad one.
func TestEditUnevaluable(t *testing.T) {
	docs, _ := fixtureDocs(t, "support.toml")
	m := sized(newModel(docs, testConfig()), 120, 40)
	// Option 1's base_model: an id the catalog lacks.
	m = press(t, m, to("Assumptions"))
	for i := 0; i < 20 && m.assume.rows[m.assume.cur].field.Key != "base_model"; i++ {
		m = press(t, m, "j")
	}
	m = press(t, m, "enter", "ctrl+u", "n", "o", "p", "e")
	if m.doc().Snapshot().Err != nil {
		t.Fatal("an unevaluable value was kept")
	}
	if !strings.Contains(m.View(), "refused") {
		t.Error("no reason shown")
	}
}

// When the file changed on disk, save asks: save beside it, or reload.
func TestSaveChangedOnDisk(t *testing.T) {
	docs, dir := fixtureDocs(t, "support.toml")
	path := filepath.Join(dir, "support.toml")
	m := sized(newModel(docs, testConfig()), 120, 40)
	m = press(t, m, editQueries...)
	theirs := []byte("# someone else's version\n")
	other, _ := os.ReadFile(path)
	theirs = append(theirs, other...)
	if err := os.WriteFile(path, theirs, 0o644); err != nil {
		t.Fatal(err)
	}
	m = press(t, m, "ctrl+s")
	if m.mode != modeChangedOnDisk || !strings.Contains(m.View(), "changed on disk") {
		t.Fatalf("no choice offered:\n%s", m.View())
	}
	m = press(t, m, "b")
	if got, _ := os.ReadFile(path); !bytes.Equal(got, theirs) {
		t.Error("the changed file was overwritten")
	}
	if !strings.Contains(m.status, "Saved your version as "+strings.TrimSuffix(path, ".toml")+".edited.toml; support.toml is unchanged") {
		t.Errorf("status %q", m.status)
	}
	beside := strings.TrimSuffix(path, ".toml") + ".edited.toml"
	if data, err := os.ReadFile(beside); err != nil || !bytes.Contains(data, []byte("queries_per_month = 50000 # first month")) {
		t.Errorf("nothing saved beside: %v", err)
	}
	// The other choice: reload, dropping the edits.
	m = press(t, m, "ctrl+s", "r")
	if m.doc().Dirty() || !strings.Contains(m.status, "Reloaded") {
		t.Errorf("reload choice: dirty %v, status %q", m.doc().Dirty(), m.status)
	}
}

// Export writes Markdown beside the scenario and says where.
func TestExport(t *testing.T) {
	docs, dir := fixtureDocs(t, "support.toml")
	m := sized(newModel(docs, testConfig()), 120, 40)
	m = press(t, m, "x")
	want := filepath.Join(dir, "support.md")
	data, err := os.ReadFile(want)
	if err != nil || !bytes.Contains(data, []byte("RAG gpt-4.1-mini")) {
		t.Fatalf("export: %v", err)
	}
	if !strings.Contains(m.status, want) {
		t.Errorf("status %q does not name %s", m.status, want)
	}
}

// editOnDisk rewrites the support fixture at path as another program would:
// its first month's queries go from 600,000 to 50,000. It returns the file
// as it was.
func editOnDisk(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	edited := bytes.Replace(data, []byte("queries_per_month = 600000 # first month"), []byte("queries_per_month = 50000 # first month"), 1)
	if err := os.WriteFile(path, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	return data
}

// A change on disk reloads a clean document, and leaves a dirty one alone.
func TestFileChangedReloads(t *testing.T) {
	docs, dir := fixtureDocs(t, "support.toml")
	path := filepath.Join(dir, "support.toml")
	m := sized(newModel(docs, testConfig()), 120, 40)
	data := editOnDisk(t, path) // queries 600000 → 50000, as another program would
	m = send(m, fileChangedMsg{paths: []string{path}})
	if q := m.doc().Snapshot().Input.Workload.QueriesPerMonth; q != 50000 {
		t.Fatalf("not reloaded: %v", q)
	}
	m = press(t, m, to("Assumptions"), "j", "enter", "ctrl+u", "7", "enter")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	m = send(m, fileChangedMsg{paths: []string{path}})
	if !m.doc().Dirty() || !strings.Contains(m.status, "unsaved edits") {
		t.Errorf("a dirty document was reloaded: status %q", m.status)
	}
}

// The watcher turns a write into one message.
func TestWatcher(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "s.toml")
	if err := os.WriteFile(path, []byte("a"), 0o644); err != nil {
		t.Fatal(err)
	}
	w, err := newWatcher()
	if err != nil {
		t.Skip("no fsnotify here:", err)
	}
	defer w.close()
	w.add([]string{path})
	got := make(chan tea.Msg, 1)
	go func() { got <- w.next()() }()
	if err := os.WriteFile(path, []byte("b"), 0o644); err != nil {
		t.Fatal(err)
	}
	select {
	case msg := <-got:
		fc, ok := msg.(fileChangedMsg)
		if !ok || len(fc.paths) != 1 || fc.paths[0] != path {
			t.Errorf("got %#v", msg)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no message")
	}
}

// A panic in Update or View ends the program through the guard, with the
// panic kept for Run's message.
func TestGuard(t *testing.T) {
	g := &guard{inner: panicky{}}
	_, cmd := g.Update(tea.KeyMsg{})
	if g.panicked == nil || cmd == nil {
		t.Fatal("panic in Update not caught")
	}
	g = &guard{inner: panicky{}}
	quit := false
	g.quit = func() { quit = true }
	if g.View() != "" || g.panicked == nil || !quit {
		t.Fatal("panic in View not caught")
	}
}

// The guard's error is one line naming a file that holds the panic and the
// stack of the code that panicked.
func TestCrashFile(t *testing.T) {
	g := &guard{inner: panicky{}, dir: t.TempDir()}
	g.Update(tea.KeyMsg{})
	msg := g.crashError().Error()
	const head = "tunecost hit an internal error; the terminal was restored. Details: "
	if !strings.HasPrefix(msg, head) || strings.Contains(msg, "\n") {
		t.Fatalf("error %q", msg)
	}
	path := strings.TrimPrefix(msg, head)
	if filepath.Dir(path) != g.dir || !strings.HasPrefix(filepath.Base(path), "tunecost-crash-") {
		t.Errorf("crash file %s not in %s", path, g.dir)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"panic: boom", "runtime/debug.Stack", "views.panicky.Update"} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("the crash file lacks %q:\n%s", want, data)
		}
	}
}

type panicky struct{}

func (panicky) Init() tea.Cmd                       { return nil }
func (panicky) Update(tea.Msg) (tea.Model, tea.Cmd) { panic("boom") }
func (panicky) View() string                        { panic("boom") }

// Quitting with unsaved edits asks first.
func TestQuitAsks(t *testing.T) {
	docs, _ := fixtureDocs(t, "support.toml")
	m := sized(newModel(docs, testConfig()), 120, 40)
	m = press(t, m, editQueries...)
	next, cmd := m.Update(keyMsg("q"))
	m = next.(Model)
	if cmd != nil || m.mode != modeConfirmQuit || !strings.Contains(m.View(), "Unsaved edits") {
		t.Fatal("quit with unsaved edits did not ask")
	}
	m = press(t, m, "esc")
	if m.mode != modeNormal {
		t.Fatal("esc did not stay")
	}
	m = press(t, m, "q")
	if _, cmd := m.Update(keyMsg("q")); cmd == nil {
		t.Fatal("q twice did not quit")
	}
}

// TestExportIsTheCommandsMarkdown: for a document without unsaved edits, x
// writes the bytes `tunecost export --format md` writes for the same file,
// samples and seed, the uncertainty sections included.
func TestExportIsTheCommandsMarkdown(t *testing.T) {
	docs, dir := fixtureDocs(t, "support.toml")
	path := filepath.Join(dir, "support.toml")
	var want, errOut bytes.Buffer
	app := &cli.App{Stdout: &want, Stderr: &errOut, Version: "test", Now: now}
	if code := app.Run([]string{"export", "--format", "md", "--samples", "2000", "--seed", "7", path}); code != cli.ExitOK {
		t.Fatalf("tunecost export: exit %d: %s", code, errOut.String())
	}
	if !bytes.Contains(want.Bytes(), []byte("Uncertainty")) {
		t.Fatal("the command's export has no uncertainty section: the comparison below proves little")
	}
	cfg := testConfig()
	cfg.Analysis = uncertainty.Config{Samples: 2000, Seed: 7}
	m := press(t, sized(newModel(docs, cfg), 120, 40), "x")
	got, err := os.ReadFile(filepath.Join(dir, "support.md"))
	if err != nil {
		t.Fatalf("export: %v (status %q)", err, m.status)
	}
	if !bytes.Equal(got, want.Bytes()) {
		t.Errorf("x wrote %d bytes, the command %d; first difference at byte %d", len(got), want.Len(), firstDiff(got, want.Bytes()))
	}
}

func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// A file that stops parsing on disk while the edit box is open (nothing
// typed yet) closes the box; the next keys edit nothing and panic nowhere.
func TestReloadWhileEditing(t *testing.T) {
	docs, dir := fixtureDocs(t, "support.toml")
	path := filepath.Join(dir, "support.toml")
	m := sized(newModel(docs, testConfig()), 120, 40)
	m = press(t, m, to("Assumptions"), "j", "enter")
	if err := os.WriteFile(path, []byte("[workload\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	m = send(m, fileChangedMsg{paths: []string{path}})
	if m.assume.Editing() {
		t.Error("the edit box stayed open over a file that no longer parses")
	}
	m = press(t, m, "5", "backspace", "enter", "j", "enter", "7")
	checkFrame(t, m.View(), 120, 40)
	if m.doc().Dirty() {
		t.Error("keys after the reload edited the document")
	}
}

// After a panic in Update the guard is still the model Bubble Tea gets
// back, and the whole program prints nothing of the stack: Run's caller
// prints the one line that names the crash file.
func TestGuardReturnsModel(t *testing.T) {
	g := &guard{inner: panicky{}, dir: t.TempDir()}
	next, cmd := g.Update(tea.KeyMsg{})
	if next != g || cmd == nil {
		t.Errorf("after a panic Update returned %#v, want the guard and quit", next)
	}
	for _, inner := range []tea.Model{panicky{}, panicOnKey{}} {
		var out bytes.Buffer
		g := &guard{inner: inner, dir: t.TempDir()}
		in, feed := io.Pipe()
		var err error
		printed := captureStdio(t, func() {
			done := make(chan error, 1)
			go func() {
				done <- runGuarded(g, tea.WithInput(in), tea.WithOutput(&out), tea.WithoutSignalHandler())
			}()
			// The key may never be read (panicky ends the program at its
			// first frame): a write that waits for a reader must not hang.
			go feed.Write([]byte("x"))
			select {
			case err = <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("the program did not end after the panic")
			}
		})
		feed.Close()
		out.WriteString(printed)
		msg := fmt.Sprint(err)
		if !strings.HasPrefix(msg, "tunecost hit an internal error; the terminal was restored. Details: ") || strings.Contains(msg, "\n") {
			t.Errorf("%T: error %q, want one line naming the crash file", inner, msg)
		}
		for _, stack := range []string{"goroutine", "panic", ".go:"} {
			if strings.Contains(out.String(), stack) {
				t.Errorf("%T: the terminal got %q:\n%s", inner, stack, out.String())
			}
		}
	}
}

// panicOnKey draws fine and panics on the first key.
type panicOnKey struct{}

func (panicOnKey) Init() tea.Cmd { return nil }
func (p panicOnKey) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(tea.KeyMsg); ok {
		panic("boom")
	}
	return p, nil
}
func (panicOnKey) View() string { return "ok" }

// captureStdio runs f with os.Stdout and os.Stderr going to a pipe, and
// returns what was written (Bubble Tea prints a caught panic there).
func captureStdio(t *testing.T, f func()) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, stderr := os.Stdout, os.Stderr
	os.Stdout, os.Stderr = w, w
	got := make(chan string)
	go func() {
		b, _ := io.ReadAll(r)
		got <- string(b)
	}()
	defer func() {
		os.Stdout, os.Stderr = stdout, stderr
	}()
	f()
	os.Stdout, os.Stderr = stdout, stderr
	w.Close()
	return <-got
}

// Issue #10's flow on a ranged input: backspace six times over the likely
// 600000, type 500000, save. Only likely changes in the file; the keys on
// the way (60000 … 6, below low) are refused, not dragging low along.
func TestFlowRangeEdit(t *testing.T) {
	docs, dir := fixtureDocs(t, "ranged.toml")
	path := filepath.Join(dir, "ranged.toml")
	before, _ := os.ReadFile(path)
	tm := teatest.NewTestModel(t, newModel(docs, testConfig()), teatest.WithInitialTermSize(120, 40))
	waitFor(t, tm, "Compare")
	(&keyboard{tm: tm}).press(to("Assumptions"), "j", "enter")
	waitFor(t, tm, "range: low 400,000 · likely 600,000 · high 900,000; typing sets likely")
	for range 6 {
		tm.Send(keyMsg("backspace"))
	}
	waitFor(t, tm, "✗ refused")
	for _, r := range "500000" {
		tm.Send(keyMsg(string(r)))
	}
	tm.Send(keyMsg("ctrl+s")) // at once: the edits' late messages must not hide "Saved"
	waitFor(t, tm, "Saved "+path)
	tm.Send(keyMsg("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	after, _ := os.ReadFile(path)
	onlyLineChanged(t, before, after, "likely = 600000, high", "likely = 500000, high")
}

// The bounds move when all three are typed, and the hint says so.
func TestRangeEditBounds(t *testing.T) {
	docs, _ := fixtureDocs(t, "ranged.toml")
	m := sized(newModel(docs, testConfig()), 120, 40)
	m = press(t, m, to("Assumptions"), "j", "enter", "ctrl+u")
	m = press(t, m, strings.Split("450000..500000..800000", "")...)
	m = press(t, m, "enter")
	rg, ok := m.doc().RangeOf(model.SectionWorkload, 0, "queries_per_month")
	if !ok || rg != (scenarios.Range{Low: 450000, Likely: 500000, High: 800000}) {
		t.Errorf("range after typing all three: %+v", rg)
	}
	if v := m.View(); !strings.Contains(v, "range: low 450,000 · likely 500,000 · high 800,000") {
		t.Errorf("the hint does not show the new range:\n%s", v)
	}
}

// R asks before it drops the edits, and u after a reset brings them back.
func TestFlowReset(t *testing.T) {
	docs, dir := fixtureDocs(t, "support.toml")
	path := filepath.Join(dir, "support.toml")
	before, _ := os.ReadFile(path)
	tm := teatest.NewTestModel(t, newModel(docs, testConfig()), teatest.WithInitialTermSize(120, 40))
	waitFor(t, tm, "Compare")
	(&keyboard{tm: tm}).press(editQueries...)
	waitFor(t, tm, "* unsaved edits")
	tm.Send(keyMsg("R"))
	waitFor(t, tm, "Drop every unsaved edit")
	tm.Send(keyMsg("n"))
	waitFor(t, tm, "Not reset: your edits are kept.")
	tm.Send(keyMsg("R"))
	waitFor(t, tm, "Drop every unsaved edit")
	tm.Send(keyMsg("y"))
	waitFor(t, tm, "u brings your edits back")
	tm.Send(keyMsg("u"))
	waitFor(t, tm, "Undone.")
	tm.Send(keyMsg("ctrl+c"))
	waitFor(t, tm, "Unsaved edits in")
	tm.Send(keyMsg("ctrl+c"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	final := tm.FinalModel(t).(Model)
	// 50000 is the value editQueries typed: undo after reset restored it.
	if q := final.doc().Snapshot().Input.Workload.QueriesPerMonth; q != 50000 || !final.doc().Dirty() {
		t.Errorf("after R, y, u: queries %v, dirty %v; want 50000 and the edit back", q, final.doc().Dirty())
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
		t.Error("reset or undo wrote the file")
	}
}

// ctrl+c with unsaved edits asks as q does: esc stays, a second ctrl+c
// quits without writing; with nothing unsaved it quits at once.
func TestFlowQuitUnsaved(t *testing.T) {
	docs, dir := fixtureDocs(t, "support.toml")
	path := filepath.Join(dir, "support.toml")
	before, _ := os.ReadFile(path)
	tm := teatest.NewTestModel(t, newModel(docs, testConfig()), teatest.WithInitialTermSize(120, 40))
	waitFor(t, tm, "Compare")
	(&keyboard{tm: tm}).press(editQueries[:len(editQueries)-1]...) // the edit box stays open
	waitFor(t, tm, "[50000 ")
	tm.Send(keyMsg("ctrl+c"))
	waitFor(t, tm, "Unsaved edits in support.toml: q or ctrl+c quits without saving")
	tm.Send(keyMsg("esc"))
	tm.Send(keyMsg("9")) // still typing: the edit box kept the keys
	waitFor(t, tm, "500009")
	tm.Send(keyMsg("ctrl+c"))
	waitFor(t, tm, "Unsaved edits in")
	tm.Send(keyMsg("ctrl+c"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
		t.Error("quitting without saving wrote the file")
	}

	clean := teatest.NewTestModel(t, newModel(mustFixture(t), testConfig()), teatest.WithInitialTermSize(120, 40))
	waitFor(t, clean, "Compare")
	clean.Send(keyMsg("ctrl+c"))
	clean.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}

// x over an existing Markdown file asks: n writes a new name, o
// overwrites; esc leaves it. With unsaved edits the status says so.
func TestFlowExportOverExisting(t *testing.T) {
	docs, dir := fixtureDocs(t, "support.toml")
	md := filepath.Join(dir, "support.md")
	mine := []byte("# my notes, not an export\n")
	if err := os.WriteFile(md, mine, 0o644); err != nil {
		t.Fatal(err)
	}
	tm := teatest.NewTestModel(t, newModel(docs, testConfig()), teatest.WithInitialTermSize(120, 40))
	waitFor(t, tm, "Compare")
	tm.Send(keyMsg("x"))
	waitFor(t, tm, "support.md exists. o: overwrite it · n: write support-2.md · esc: cancel")
	tm.Send(keyMsg("esc"))
	waitFor(t, tm, "Not exported.")
	tm.Send(keyMsg("x"))
	waitFor(t, tm, "support.md exists.")
	tm.Send(keyMsg("n"))
	second := filepath.Join(dir, "support-2.md")
	waitFor(t, tm, "Exported the comparison to "+second)
	(&keyboard{tm: tm}).press(editQueries...)
	waitFor(t, tm, "* unsaved edits")
	tm.Send(keyMsg("x"))
	waitFor(t, tm, "support.md exists.")
	tm.Send(keyMsg("o"))
	waitFor(t, tm, "support.md; it includes your unsaved edits.")
	tm.Send(keyMsg("ctrl+c"))
	tm.Send(keyMsg("ctrl+c"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))

	if data, _ := os.ReadFile(second); !bytes.Contains(data, []byte("RAG gpt-4.1-mini")) {
		t.Error("n did not write the export under the new name")
	}
	data, _ := os.ReadFile(md)
	if bytes.Equal(data, mine) || !bytes.Contains(data, []byte("RAG gpt-4.1-mini")) {
		t.Error("o did not overwrite the existing file")
	}
}

// A read-only scenario asks before it is written; w writes it, and it
// stays read-only.
func TestSaveReadOnlyAsks(t *testing.T) {
	docs, dir := fixtureDocs(t, "support.toml")
	path := filepath.Join(dir, "support.toml")
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	m := sized(newModel(docs, testConfig()), 120, 40)
	m = press(t, m, editQueries...)
	m = press(t, m, "ctrl+s")
	if m.mode != modeReadOnly || !strings.Contains(m.View(), "support.toml is read-only: w writes it anyway") {
		t.Fatalf("no question for a read-only file:\n%s", m.View())
	}
	m = press(t, m, "w")
	data, _ := os.ReadFile(path)
	info, _ := os.Stat(path)
	if !bytes.Contains(data, []byte("queries_per_month = 50000 # first month")) || info.Mode().Perm() != 0o444 {
		t.Errorf("w: written %v, mode %v", bytes.Contains(data, []byte("50000")), info.Mode().Perm())
	}
	if m.doc().Dirty() || !strings.Contains(m.status, "Saved "+path) {
		t.Errorf("status %q", m.status)
	}
}

// A failed save (here: the file was deleted) offers every way out: a path
// typed (a name that exists is refused, and the person types on), the
// cache folder, beside; each says where it went.
func TestSaveFailedWaysOut(t *testing.T) {
	docs, dir := fixtureDocs(t, "support.toml")
	path := filepath.Join(dir, "support.toml")
	cache := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", cache)
	t.Setenv("HOME", cache)
	m := sized(newModel(docs, testConfig()), 80, 24)
	m = press(t, m, editQueries...)
	os.Remove(path)
	m = press(t, m, "ctrl+s")
	m = send(m, fileChangedMsg{paths: []string{path}}) // the watcher's news of the deletion, after the question
	v := m.View()
	checkFrame(t, v, 80, 24)
	if m.mode != modeSaveFailed || !strings.Contains(m.status, "Not saved: "+path+": no such file. b: beside · p: type a path · c:") {
		t.Fatalf("status %q", m.status)
	}
	// p: the path box starts with a name in the working directory.
	m = press(t, m, "p")
	if got := m.pathInput.Value(); got != "support.edited.toml" {
		t.Errorf("suggested path %q", got)
	}
	taken := filepath.Join(dir, "prices.toml")
	m = press(t, m, "ctrl+u")
	m = send(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(taken), Paste: true})
	m = press(t, m, "enter")
	if m.mode != modeSavePath || !strings.Contains(m.status, "exists: choose another name") {
		t.Fatalf("a taken name: mode %v, status %q", m.mode, m.status)
	}
	checkFrame(t, m.View(), 80, 24)
	typed := filepath.Join(dir, "mine.toml")
	m = press(t, m, "ctrl+u")
	m = send(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(typed), Paste: true})
	m = press(t, m, "enter")
	if !strings.Contains(m.status, "Saved your version as "+typed) {
		t.Errorf("status %q", m.status)
	}
	// c: the cache folder.
	m = press(t, m, "ctrl+s", "c")
	inCache := filepath.Join(cache, "tunecost", "support.edited.toml")
	if !strings.Contains(m.status, "Saved your version as "+inCache) {
		t.Errorf("status %q", m.status)
	}
	// b: beside the deleted file.
	m = press(t, m, "ctrl+s", "b")
	if !strings.Contains(m.status, "Saved your version as "+filepath.Join(dir, "support.edited.toml")) {
		t.Errorf("status %q", m.status)
	}
	for _, p := range []string{typed, inCache, filepath.Join(dir, "support.edited.toml")} {
		if data, err := os.ReadFile(p); err != nil || !bytes.Contains(data, []byte("queries_per_month = 50000")) {
			t.Errorf("%s: %v", p, err)
		}
	}
	if !m.doc().Dirty() {
		t.Error("the edits were dropped though the scenario file was not written")
	}
}

// Saving the built-in example writes support-assistant.edited.toml in the
// working directory and goes on editing that file: q then quits without
// asking (the edits are saved), and a second ctrl+s writes into the same
// file. It used to leave the edits "unsaved", ask at quit, and write a new
// .edited-N.toml at every ctrl+s.
func TestFlowSaveBuiltin(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	setHorizon := func(months string) []string {
		return []string{"enter", "ctrl+u", months, "enter"}
	}
	tm := teatest.NewTestModel(t, newModel([]document{builtinDoc(t)}, testConfig()), teatest.WithInitialTermSize(120, 40))
	waitFor(t, tm, "Compare")
	(&keyboard{tm: tm}).press(to("Assumptions"))
	for _, k := range setHorizon("24") {
		tm.Send(keyMsg(k))
	}
	waitFor(t, tm, "* unsaved edits")
	tm.Send(keyMsg("ctrl+s"))
	waitFor(t, tm, "Saved as support-assistant.edited.toml; you now edit that file.")
	for _, k := range setHorizon("12") {
		tm.Send(keyMsg(k))
	}
	waitFor(t, tm, "* unsaved edits")
	tm.Send(keyMsg("ctrl+s"))
	waitFor(t, tm, "Saved support-assistant.edited.toml")
	tm.Send(keyMsg("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))

	if extra := dirEntries(t, dir); len(extra) != 1 || extra[0] != "support-assistant.edited.toml" {
		t.Errorf("files written: %v, want only support-assistant.edited.toml", extra)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "support-assistant.edited.toml"))
	if !bytes.Contains(data, []byte("horizon_months = 12")) {
		t.Error("the second save did not go into support-assistant.edited.toml")
	}
}

func dirEntries(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// A save ends the undo history, and with it the note about it: "Undone."
// (from bringing reset edits back) no longer stays on screen above "Saved …".
func TestSaveClearsTheUndoNote(t *testing.T) {
	docs, dir := fixtureDocs(t, "support.toml")
	m := sized(newModel(docs, testConfig()), 120, 40)
	m = press(t, m, editQueries...)
	m = press(t, m, "R", "y", "u")
	if !strings.Contains(m.View(), "Undone.") || !m.doc().Dirty() {
		t.Fatalf("u did not bring the reset edits back:\n%s", m.View())
	}
	m = press(t, m, "ctrl+s")
	v := m.View()
	if !strings.Contains(v, "Saved "+filepath.Join(dir, "support.toml")) {
		t.Fatalf("not saved:\n%s", v)
	}
	if strings.Contains(v, "Undone.") {
		t.Errorf("the undo note outlived the save:\n%s", v)
	}
}

// A file that parses but is invalid (an option without its model) is not
// said to fail to parse: the Assumptions screen read "cannot be edited here
// until it parses: …: option "p" is missing model".
func TestAssumptionsInvalidFileWording(t *testing.T) {
	path := filepath.Join(t.TempDir(), "invalid.toml")
	src := "name = \"s\"\n[workload]\nqueries_per_month = 1000\ninput_tokens = 100\noutput_tokens = 100\n" +
		"[[option]]\nname = \"p\"\nkind = \"prompt\"\n"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	ws, err := workspace.Load([]string{path}, workspace.Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	m := press(t, sized(newModel([]document{newDocument(ws[0])}, testConfig()), 80, 24), to("Assumptions"))
	v := m.View()
	if !strings.Contains(v, "missing model") {
		t.Fatalf("the error is not shown:\n%s", v)
	}
	if strings.Contains(v, "parses") {
		t.Errorf("a file that parses is said not to:\n%s", v)
	}
}

// Without $VISUAL or $EDITOR, o is off the help, and pressed anyway it says
// why instead of doing nothing.
func TestEditorKeyWithoutEditor(t *testing.T) {
	docs, _ := fixtureDocs(t, "support.toml")
	cfg := testConfig()
	cfg.Editor = ""
	m := press(t, sized(newModel(docs, cfg), 80, 24), "o")
	if v := m.View(); !strings.Contains(v, "o opens the file in $VISUAL or $EDITOR: set one, then start tunecost again.") {
		t.Errorf("o without an editor says nothing:\n%s", v)
	}
}
