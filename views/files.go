package views

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/tunecost/tunecost/examples"
	"github.com/tunecost/tunecost/report"
	"github.com/tunecost/tunecost/uncertainty"
	"github.com/tunecost/tunecost/workspace"
)

// Messages of the file operations that run outside Update.
type (
	exportDoneMsg struct {
		path    string
		unsaved bool // the export shows edits not saved to the scenario file
		err     error
	}
	editorDoneMsg struct {
		doc document
		err error
	}
)

func (m *Model) setStatus(s string, bad bool) { m.status, m.bad = clean(s), bad }

// save writes the edits back into the file. When that cannot be done as
// asked, the person chooses what happens, and is never left without a
// place to write: the file changed on disk (save beside, or reload), it is
// read-only (write anyway, or beside), or the write failed (beside, a path
// typed, the cache folder).
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
	return m.saved(d, path, err), nil
}

// saved shows the outcome of a save of d to path, or the question its
// error asks.
func (m Model) saved(d document, path string, err error) Model {
	label := docLabel(d.Snapshot().Path)
	switch {
	case errors.Is(err, errChangedOnDisk):
		m.mode = modeChangedOnDisk
		m.setStatus(label+" changed on disk since it was loaded. b: save your version beside it · r: reload (drops your edits) · esc: keep editing", false)
	case errors.Is(err, errReadOnly):
		m.mode = modeReadOnly
		m.setStatus(label+" is read-only: w writes it anyway · b saves beside it · esc: back", false)
	case err != nil:
		m.mode = modeSaveFailed
		m.setStatus("Not saved: "+err.Error()+". b: beside · p: type a path · c: cache folder · esc: back", false)
	default:
		m.mode = modeNormal
		m.assume.forget(d)
		if p := d.Snapshot().Path; p != "" && path == p {
			m.setStatus("Saved "+path, false)
		} else {
			m.setStatus("Saved beside the original as "+path, false)
		}
		m.refresh()
	}
	return m
}

// savedCopy shows where a copy went (beside, typed, cache): the original is
// unchanged and still has the edits unsaved.
func (m Model) savedCopy(d document, path string, err error) Model {
	if err != nil {
		m.mode = modeSaveFailed
		m.setStatus("Not saved: "+err.Error()+". b: beside · p: type a path · c: cache folder · esc: back", false)
		return m
	}
	m.mode = modeNormal
	orig := "the original"
	if p := d.Snapshot().Path; p != "" {
		orig = docLabel(p)
	}
	m.setStatus("Saved your version as "+path+"; "+orig+" is unchanged.", false)
	return m
}

func (m Model) answerChangedOnDisk(msg tea.KeyMsg) (Model, tea.Cmd) {
	k, d := m.c.Keys, m.doc()
	switch {
	case key.Matches(msg, k.Beside):
		path, err := d.SaveBeside()
		return m.savedCopy(d, path, err), nil
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

// answerReadOnly: write the read-only file after all, or beside it.
func (m Model) answerReadOnly(msg tea.KeyMsg) (Model, tea.Cmd) {
	k, d := m.c.Keys, m.doc()
	switch {
	case key.Matches(msg, k.WriteAnyway):
		path, err := d.SaveAnyway()
		return m.saved(d, path, err), nil
	case key.Matches(msg, k.Beside):
		path, err := d.SaveBeside()
		return m.savedCopy(d, path, err), nil
	case key.Matches(msg, k.Back):
		m.mode = modeNormal
		m.setStatus("Not saved; your edits are kept.", false)
	}
	return m, nil
}

// answerSaveFailed: the ways out of a failed save.
func (m Model) answerSaveFailed(msg tea.KeyMsg) (Model, tea.Cmd) {
	k, d := m.c.Keys, m.doc()
	switch {
	case key.Matches(msg, k.Beside):
		path, err := d.SaveBeside()
		return m.savedCopy(d, path, err), nil
	case key.Matches(msg, k.CacheDir):
		path, err := d.SaveToCache()
		return m.savedCopy(d, path, err), nil
	case key.Matches(msg, k.TypePath):
		m.mode = modeSavePath
		m.pathInput.SetValue(suggestedPath(d.Snapshot().Path))
		m.pathInput.CursorEnd()
		setInputWidth(&m.pathInput, m.c.Width-len(savePathPrompt))
		m.setStatus("", false)
	case key.Matches(msg, k.Back):
		m.mode = modeNormal
		m.setStatus("Not saved; your edits are kept.", false)
	}
	return m, nil
}

// savePathPrompt leads the line where a path is typed.
const savePathPrompt = "Save as: "

// answerSavePath: enter saves a copy at the path typed (never over an
// existing file); esc goes back to keep editing.
func (m Model) answerSavePath(msg tea.KeyMsg) (Model, tea.Cmd) {
	k, d := m.c.Keys, m.doc()
	switch {
	case key.Matches(msg, k.Accept):
		path, err := d.SaveAs(m.pathInput.Value())
		if err != nil {
			m.setStatus(err.Error(), true) // stays: the person corrects the path
			return m, nil
		}
		return m.savedCopy(d, path, nil), nil
	case key.Matches(msg, k.Back):
		m.mode = modeNormal
		m.setStatus("Not saved; your edits are kept.", false)
		return m, nil
	}
	m.setStatus("", false)
	m.pathInput, _ = typeInto(m.pathInput, msg)
	return m, nil
}

// questionLine is the footer's status line for a save or export question:
// the question, or the path being typed (with an error after a refusal).
func (m Model) questionLine(w int) string {
	st := m.c.Styles
	if m.mode != modeSavePath {
		return st.Warn.Render(fit(m.status, w))
	}
	if m.bad {
		return st.StatusErr.Render(fit("✗ "+m.status+" · "+savePathPrompt+m.pathInput.Value(), w))
	}
	return fit(st.Warn.Render(savePathPrompt)+m.pathInput.View(), w)
}

// suggestedPath is where the path typed starts: the scenario's name with
// .edited, in the working directory (its own folder may be what failed).
func suggestedPath(path string) string {
	if path == "" {
		path = examples.BuiltinName
	}
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base)) + ".edited.toml"
}

// export writes the comparison as Markdown next to the scenario file (the
// working directory for the built-in example): the bytes of `tunecost
// export --format md` for the same file, --samples and --seed, uncertainty
// analysis included (unsaved edits are exported as shown, and the status
// says so). An existing file is not overwritten without asking: overwrite
// it, or write under a new name. The analysis runs in the command, off the
// interface's goroutine.
func (m Model) export() (Model, tea.Cmd) {
	d := m.doc()
	if d == nil {
		return m, nil
	}
	s := d.Snapshot()
	if s.Err != nil || s.Catalog == nil {
		m.setStatus("Nothing to export: the scenario does not evaluate.", true)
		return m, nil
	}
	path := exportPath(s.Path)
	if _, err := os.Lstat(path); err == nil {
		m.mode, m.exportTo = modeExportExists, path
		m.setStatus(docLabel(path)+" exists. o: overwrite it · n: write "+docLabel(freeName(path))+" · esc: cancel", false)
		return m, nil
	}
	m.setStatus("Exporting the comparison to "+path+"…", false)
	return m, m.writeExport(d, path, false)
}

func exportPath(scenario string) string {
	if scenario == "" {
		scenario = examples.BuiltinName
	}
	return strings.TrimSuffix(scenario, filepath.Ext(scenario)) + ".md"
}

// freeName is path, or path with -2, -3 … before its extension: the first
// name no file has.
func freeName(path string) string {
	ext := filepath.Ext(path)
	for i := 2; i < 1000; i++ {
		p := fmt.Sprintf("%s-%d%s", strings.TrimSuffix(path, ext), i, ext)
		if _, err := os.Lstat(p); errors.Is(err, fs.ErrNotExist) {
			return p
		}
	}
	return path
}

func (m Model) answerExportExists(msg tea.KeyMsg) (Model, tea.Cmd) {
	k, d := m.c.Keys, m.doc()
	switch {
	case key.Matches(msg, k.Overwrite):
		m.mode = modeNormal
		return m, m.writeExport(d, m.exportTo, true)
	case key.Matches(msg, k.NewName):
		m.mode = modeNormal
		return m, m.writeExport(d, freeName(m.exportTo), false)
	case key.Matches(msg, k.Back):
		m.mode = modeNormal
		m.setStatus("Not exported.", false)
	}
	return m, nil
}

// writeExport renders d's comparison and writes it to path: replacing the
// file when overwrite is set, else only as a new file.
func (m Model) writeExport(d document, path string, overwrite bool) tea.Cmd {
	rep, unsaved, s, ranged, cfg := d.Report(), d.Dirty(), d.Snapshot(), d.Ranged(), m.c.Cfg.Analysis
	return func() tea.Msg {
		data, err := exportMarkdown(rep, s, ranged, cfg)
		if err != nil {
			return exportDoneMsg{err: err}
		}
		write := workspace.WriteNew
		if overwrite {
			write = workspace.WriteAtomic
		}
		return exportDoneMsg{path: path, unsaved: unsaved, err: write(path, data)}
	}
}

// exportMarkdown renders one scenario as the export command does: the
// report with its uncertainty analysis.
func exportMarkdown(rep report.Scenario, s snapshot, ranged []uncertainty.Input, cfg uncertainty.Config) ([]byte, error) {
	sum, err := uncertainty.Summarize(context.Background(), s.Input, s.Catalog.Catalog, ranged, cfg)
	if err != nil {
		return nil, fmt.Errorf("uncertainty analysis: %v", err)
	}
	rep.Uncertainty = &sum
	var buf bytes.Buffer
	if err := report.Markdown(&buf, []report.Scenario{rep}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func (m Model) exported(msg exportDoneMsg) (Model, tea.Cmd) {
	switch {
	case msg.err != nil:
		m.setStatus("Export failed: "+msg.err.Error(), true)
	case msg.unsaved:
		m.setStatus("Exported to "+msg.path+"; it includes your unsaved edits.", false)
	default:
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
		case d.Dirty() && m.asking():
			// The question on screen (a save's way out) stays: it is
			// about this very change.
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
