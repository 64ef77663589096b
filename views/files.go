package views

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/tunecost/tunecost/examples"
	"github.com/tunecost/tunecost/report"
	"github.com/tunecost/tunecost/workspace"
)

// Messages of the file operations that run outside Update.
type (
	exportDoneMsg struct {
		path string
		err  error
	}
	editorDoneMsg struct {
		doc document
		err error
	}
)

func (m *Model) setStatus(s string, bad bool) { m.status, m.bad = clean(s), bad }

// save writes the edits back into the file. When the file changed on disk
// meanwhile, the person chooses: save beside it, or reload and drop the edits.
func (m Model) save() (Model, tea.Cmd) {
	d := m.doc()
	if d == nil {
		return m, nil
	}
	if m.assume.Editing() {
		m.assume.finish()
	}
	if !d.Dirty() {
		m.setStatus("Nothing to save: no value was changed.", false)
		return m, nil
	}
	path, err := d.Save()
	switch {
	case errors.Is(err, errChangedOnDisk):
		m.mode = modeChangedOnDisk
		m.setStatus(docLabel(d.Snapshot().Path)+" changed on disk since it was loaded. b: save your version beside it · r: reload (drops your edits) · esc: keep editing", false)
		return m, nil
	case err != nil:
		m.setStatus("Not saved: "+err.Error(), true)
		return m, nil
	}
	m.assume.forget(d)
	if p := d.Snapshot().Path; p != "" && path == p {
		m.setStatus("Saved "+path, false)
	} else {
		m.setStatus("Saved beside the original as "+path, false)
	}
	m.refresh()
	return m, nil
}

func (m Model) answerChangedOnDisk(msg tea.KeyMsg) (Model, tea.Cmd) {
	k, d := m.c.Keys, m.doc()
	switch {
	case key.Matches(msg, k.Beside):
		m.mode = modeNormal
		path, err := d.SaveBeside()
		if err != nil {
			m.setStatus("Not saved: "+err.Error(), true)
		} else {
			m.setStatus("Saved beside the original as "+path+"; the original is unchanged.", false)
		}
	case key.Matches(msg, k.Reload):
		m.mode = modeNormal
		if err := m.reload(d); err != nil {
			m.setStatus("Reload failed: "+err.Error(), true)
		} else {
			m.setStatus("Reloaded from disk; your edits were dropped.", false)
		}
		m.refresh()
	case key.Matches(msg, k.Back):
		m.mode = modeNormal
		m.setStatus("Not saved; your edits are kept.", false)
	}
	return m, nil
}

// export writes the comparison as Markdown next to the scenario file (the
// working directory for the built-in example).
func (m Model) export() (Model, tea.Cmd) {
	d := m.doc()
	if d == nil {
		return m, nil
	}
	s := d.Snapshot()
	if s.Err != nil {
		m.setStatus("Nothing to export: the scenario does not evaluate.", true)
		return m, nil
	}
	name := s.Path
	if name == "" {
		name = examples.BuiltinName
	}
	path := strings.TrimSuffix(name, filepath.Ext(name)) + ".md"
	rep := d.Report()
	return m, func() tea.Msg {
		var buf bytes.Buffer
		if err := report.Markdown(&buf, []report.Scenario{rep}); err != nil {
			return exportDoneMsg{err: err}
		}
		return exportDoneMsg{path: path, err: workspace.WriteAtomic(path, buf.Bytes())}
	}
}

func (m Model) exported(msg exportDoneMsg) (Model, tea.Cmd) {
	if msg.err != nil {
		m.setStatus("Export failed: "+msg.err.Error(), true)
	} else {
		m.setStatus("Exported the comparison to "+msg.path, false)
	}
	return m, nil
}

// openEditor suspends the program for $EDITOR on the scenario file and
// reloads it afterwards.
func (m Model) openEditor() (Model, tea.Cmd) {
	d := m.doc()
	if d == nil || m.c.Cfg.Editor == "" {
		return m, nil
	}
	path := d.Snapshot().Path
	switch {
	case path == "":
		m.setStatus("The built-in example has no file: save it first (ctrl+s), then open that file.", true)
		return m, nil
	case d.Dirty():
		m.setStatus("Save (ctrl+s) or reset (R on Assumptions) your edits before editing the file.", true)
		return m, nil
	}
	args := strings.Fields(m.c.Cfg.Editor)
	if len(args) == 0 {
		return m, nil
	}
	cmd := exec.Command(args[0], append(args[1:], path)...)
	return m, tea.ExecProcess(cmd, func(err error) tea.Msg { return editorDoneMsg{doc: d, err: err} })
}

func (m Model) editorDone(msg editorDoneMsg) (Model, tea.Cmd) {
	if msg.err != nil {
		m.setStatus("The editor failed: "+msg.err.Error(), true)
	}
	if msg.doc == nil || (!msg.doc.ChangedOnDisk() && msg.err == nil) {
		return m, nil
	}
	if err := m.reload(msg.doc); err != nil {
		m.setStatus("Reload failed: "+err.Error(), true)
	} else if msg.err == nil {
		m.setStatus("Reloaded "+docLabel(msg.doc.Snapshot().Path)+" after editing.", false)
	}
	m.refresh()
	return m, nil
}

// filesChanged reloads every document whose files changed on disk, unless
// it has unsaved edits: those are never dropped without asking.
func (m Model) filesChanged(msg fileChangedMsg) (Model, tea.Cmd) {
	changed := map[string]bool{}
	for _, p := range msg.paths {
		changed[absPath(p)] = true
	}
	for _, d := range m.docs {
		hit := false
		for _, p := range d.WatchPaths() {
			hit = hit || changed[absPath(p)]
		}
		if !hit {
			continue
		}
		label := docLabel(d.Snapshot().Path)
		switch {
		case d.Dirty():
			m.setStatus(label+" changed on disk; you have unsaved edits (ctrl+s lets you choose).", false)
		case !d.ChangedOnDisk() && !sheetChanged(d, changed):
			// Our own save, or a touch: nothing to do.
		default:
			if err := m.reload(d); err != nil {
				m.setStatus("Reload of "+label+" failed: "+err.Error(), true)
			} else {
				m.setStatus("Reloaded "+label+": it changed on disk.", false)
			}
		}
	}
	m.refresh()
	var cmd tea.Cmd
	if m.watch != nil {
		cmd = m.watch.next()
	}
	return m, cmd
}

// reload reads d from disk again. The edits it held and their undo are
// gone, and so is any edit box open on it: the rows it pointed into may no
// longer exist.
func (m *Model) reload(d document) error {
	m.assume.forget(d)
	m.assume.endEditing(d)
	return d.Reload()
}

// sheetChanged reports whether one of the changed paths is a price sheet of
// d (not its scenario file, which ChangedOnDisk checks by content).
func sheetChanged(d document, changed map[string]bool) bool {
	paths := d.WatchPaths()
	for i, p := range paths {
		if i > 0 && changed[absPath(p)] {
			if _, err := os.Stat(p); err == nil {
				return true
			}
		}
	}
	return false
}

func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return filepath.Clean(p)
}
