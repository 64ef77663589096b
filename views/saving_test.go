package views

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// update is one Update without running what it returns.
func update(m Model, msg tea.Msg) (Model, tea.Cmd) {
	next, cmd := m.Update(msg)
	return next.(Model), cmd
}

// ctrl+s does no file I/O in Update: the file is written by the command it
// returns, and the edits are marked saved only when its message arrives.
func TestSaveRunsAsACommand(t *testing.T) {
	docs, dir := fixtureDocs(t, "support.toml")
	path := filepath.Join(dir, "support.toml")
	before, _ := os.ReadFile(path)
	m := press(t, sized(newModel(docs, testConfig()), 120, 40), editQueries...)
	m, cmd := update(m, keyMsg("ctrl+s"))
	if now, _ := os.ReadFile(path); !bytes.Equal(now, before) || cmd == nil || !m.doc().Dirty() {
		t.Fatalf("Update wrote the file or marked it saved (command %v, dirty %v)", cmd != nil, m.doc().Dirty())
	}
	// A second ctrl+s while the first is written waits for it: both would
	// compare the file with the bytes loaded, and the second would find it changed.
	m, again := update(m, keyMsg("ctrl+s"))
	if again != nil || m.status != "Saving…" {
		t.Errorf("a second save started while one was written: status %q", m.status)
	}
	msg := cmd()
	if _, ok := msg.(savedMsg); !ok {
		t.Fatalf("the save's command returned %T", msg)
	}
	if now, _ := os.ReadFile(path); bytes.Equal(now, before) {
		t.Fatal("the command did not write the file")
	}
	m = send(m, msg)
	if m.doc().Dirty() || m.status != "Saved "+path {
		t.Errorf("after the message: dirty %v, status %q", m.doc().Dirty(), m.status)
	}
}

// A value typed while the save was being written is not lost: it stays as
// an unsaved edit over the bytes written.
func TestEditDuringSaveIsKept(t *testing.T) {
	docs, _ := fixtureDocs(t, "support.toml")
	m := press(t, sized(newModel(docs, testConfig()), 120, 40), editQueries...)
	m, cmd := update(m, keyMsg("ctrl+s"))
	m = press(t, m, "enter", "ctrl+u", "7", "enter")
	m = send(m, cmd())
	if !m.doc().Dirty() || m.doc().Snapshot().Input.Workload.QueriesPerMonth != 7 {
		t.Errorf("the value typed during the save: dirty %v, queries %v", m.doc().Dirty(), m.doc().Snapshot().Input.Workload.QueriesPerMonth)
	}
}

// Reload runs as a command too, and a watcher's reload that finds edits
// typed since it started leaves them (TestFileChangedReloads has one
// adopted).
func TestWatcherReloadKeepsEditsTypedMeanwhile(t *testing.T) {
	docs, dir := fixtureDocs(t, "support.toml")
	path := filepath.Join(dir, "support.toml")
	m := sized(newModel(docs, testConfig()), 120, 40)
	editOnDisk(t, path) // queries 600000 → 50000, as another program would
	m, cmd := update(m, fileChangedMsg{paths: []string{path}})
	if q := m.doc().Snapshot().Input.Workload.QueriesPerMonth; q != 600000 {
		t.Fatalf("Update reloaded the file itself: queries %v", q)
	}
	var reloaded tea.Msg
	for _, msg := range drainAll(cmd) {
		if r, ok := msg.(reloadedMsg); ok {
			reloaded = r
		}
	}
	if reloaded == nil {
		t.Fatal("no reload command")
	}
	typed := press(t, m, to("Assumptions"), "j", "enter", "ctrl+u", "7", "enter")
	if after := send(typed, reloaded); !after.doc().Dirty() || after.doc().Snapshot().Input.Workload.QueriesPerMonth != 7 ||
		!strings.Contains(after.status, "unsaved edits") {
		t.Errorf("the reload dropped an edit typed meanwhile: status %q", after.status)
	}
}

// drainAll runs a command and its batches, keeping every message.
func drainAll(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if b, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range b {
			out = append(out, drainAll(c)...)
		}
		return out
	}
	return []tea.Msg{msg}
}

// x looks at the disk in its command, not in Update: whether the Markdown
// file exists is the command's answer, and the question follows it.
func TestExportLooksAtTheDiskInItsCommand(t *testing.T) {
	docs, dir := fixtureDocs(t, "support.toml")
	md := filepath.Join(dir, "support.md")
	if err := os.WriteFile(md, []byte("# mine\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	m, cmd := update(sized(newModel(docs, testConfig()), 120, 40), keyMsg("x"))
	if m.mode != modeNormal || cmd == nil {
		t.Fatalf("Update decided on its own: mode %v", m.mode)
	}
	msg, ok := cmd().(exportExistsMsg)
	if !ok || msg.path != md || msg.free != filepath.Join(dir, "support-2.md") {
		t.Fatalf("the command answered %#v", msg)
	}
	m = send(m, msg)
	if m.mode != modeExportExists || !strings.Contains(m.status, "n: write support-2.md") {
		t.Errorf("no question: mode %v, status %q", m.mode, m.status)
	}
	if data, _ := os.ReadFile(md); string(data) != "# mine\n" {
		t.Error("the existing file was written before the answer")
	}
}

// The file breaks while "overwrite?" is asked: o then says the export
// failed, and nothing panics (the chaos test found it).
func TestExportAfterTheFileBroke(t *testing.T) {
	docs, dir := fixtureDocs(t, "support.toml")
	path := filepath.Join(dir, "support.toml")
	if err := os.WriteFile(filepath.Join(dir, "support.md"), []byte("# mine\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	m := press(t, sized(newModel(docs, testConfig()), 120, 40), "x")
	if m.mode != modeExportExists {
		t.Fatalf("no question: status %q", m.status)
	}
	data, _ := os.ReadFile(path)
	broken := bytes.Replace(data, []byte("queries_per_month = 600000 # first month"), []byte("queries_per_mnth = 600000"), 1)
	if err := os.WriteFile(path, broken, 0o644); err != nil {
		t.Fatal(err)
	}
	m = send(m, fileChangedMsg{paths: []string{path}})
	if m.doc().Snapshot().Err == nil {
		t.Fatal("the broken file was not reloaded")
	}
	m = press(t, m, "o")
	if !m.bad || !strings.Contains(m.status, "Export failed: the scenario does not evaluate") {
		t.Errorf("status %q", m.status)
	}
}
