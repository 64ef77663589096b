package views

import (
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
	"github.com/tunecost/tunecost/workspace"
)

// Messages of the file operations that run outside Update.
type (
	exportDoneMsg struct {
		path    string
		unsaved bool // the export shows edits not saved to the scenario file
		err     error
	}
	// exportExistsMsg: the export's file exists; free is the first name
	// beside it that does not.
	// link says where the file leads when it is a symbolic link.
	exportExistsMsg struct{ path, free, link string }
	editorDoneMsg   struct {
		doc document
		err error
	}
	// savedMsg: a save into the file was written (or refused); commit
	// marks the edits saved, run by Update.
	savedMsg struct {
		doc    document
		path   string
		err    error
		commit func()
	}
	// copySavedMsg: a copy of the edits was written beside the file, at a
	// path typed (typed) or in the cache folder.
	copySavedMsg struct {
		doc   document
		path  string
		typed bool
		err   error
	}
	// reloadedMsg: a document read again from disk, to put in place of
	// doc's; why says who asked.
	reloadedMsg struct {
		doc   document
		fresh *workspace.Doc
		why   reloadReason
		err   error
	}
)

// reloadReason is who asked for a reload, which decides what the status says.
type reloadReason int

const (
	reloadAsked        reloadReason = iota // r, answering "changed on disk"
	reloadEditor                           // $EDITOR returned
	reloadEditorFailed                     // $EDITOR failed: its error stays on screen
	reloadWatcher                          // the file changed on disk
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
	if m.assume.refused() {
		m.setStatus("Not saved: the value being typed was refused.", true)
		return m, nil
	}
	if m.assume.Editing() {
		m.assume.finish()
	}
	if !d.Dirty() {
		m.setStatus("Nothing to save: no value was changed.", false)
		return m, nil
	}
	return m.startSave(d, false)
}

// startSave prepares the save of d in memory and writes it in a command:
// no file I/O in Update. A second save while one is being written waits
// for it (both would compare the file with the same bytes).
func (m Model) startSave(d document, anyway bool) (Model, tea.Cmd) {
	if m.saving {
		m.setStatus("Saving…", false)
		return m, nil
	}
	write, commit, err := d.startSave(anyway)
	if err != nil {
		return m.saved(d, "", err), nil
	}
	m.saving = true
	return m, func() tea.Msg {
		path, err := write()
		return savedMsg{doc: d, path: path, err: err, commit: commit}
	}
}

// saveDone commits a save that was written and shows its outcome.
func (m Model) saveDone(msg savedMsg) (Model, tea.Cmd) {
	m.saving = false
	builtin := msg.doc.Snapshot().Path == "" // the commit makes it the file written
	if msg.err == nil && msg.commit != nil {
		msg.commit()
	}
	m = m.saved(msg.doc, msg.path, msg.err)
	if builtin && msg.err == nil {
		m.setStatus("Saved as "+msg.path+"; you now edit that file.", false)
	}
	return m, nil
}

// copyTo writes a copy of d's edits with write (beside, typed, cache), in
// a command.
func (m Model) copyTo(d document, typed bool, write func(name string, data []byte) (string, error), arg string) (Model, tea.Cmd) {
	data, err := d.Edited()
	if err != nil {
		return m.copied(copySavedMsg{doc: d, typed: typed, err: err})
	}
	if arg == "" {
		arg = d.SaveName()
	}
	return m, func() tea.Msg {
		path, err := write(arg, data)
		return copySavedMsg{doc: d, path: path, typed: typed, err: err}
	}
}

func (m Model) saveBeside(d document) (Model, tea.Cmd) {
	return m.copyTo(d, false, workspace.WriteBeside, "")
}

// copied shows where a copy went; a path typed that was refused stays on
// screen to be corrected.
func (m Model) copied(msg copySavedMsg) (Model, tea.Cmd) {
	if msg.typed && msg.err != nil {
		m.setStatus(msg.err.Error(), true)
		return m, nil
	}
	return m.savedCopy(msg.doc, msg.path, msg.err), nil
}

// saved shows the outcome of a save of d to path, or the question its
// error asks.
func (m Model) saved(d document, path string, err error) Model {
	label := docLabel(d.Snapshot().Path)
	switch {
	case errors.Is(err, workspace.ErrChangedOnDisk):
		m.mode = modeChangedOnDisk
		m.setStatus(label+" changed on disk since it was loaded. b: save your version beside it · r: reload (drops your edits) · esc: keep editing", false)
	case errors.Is(err, workspace.ErrReadOnly):
		m.mode = modeReadOnly
		m.setStatus(label+" is read-only: w writes it anyway · b saves beside it · esc: back", false)
	case err != nil:
		m.mode = modeSaveFailed
		m.setStatus("Not saved: "+err.Error()+". b: beside · p: type a path · c: cache folder · esc: back", false)
	default:
		m.mode = modeNormal
		m.assume.saved(d)
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
	if p := d.Snapshot().Path; p != "" && d.SaveName() == p { // not a pipe's /dev/fd/63
		orig = docLabel(p)
	}
	m.setStatus("Saved your version as "+path+"; "+orig+" is unchanged, and the edits here stay unsaved (open the copy to go on from it).", false)
	return m
}

func (m Model) answerChangedOnDisk(msg tea.KeyMsg) (Model, tea.Cmd) {
	k, d := m.c.Keys, m.doc()
	switch {
	case key.Matches(msg, k.Beside):
		return m.saveBeside(d)
	case key.Matches(msg, k.Reload):
		m.mode = modeNormal
		return m, reload(d, reloadAsked)
	case key.Matches(msg, k.Back):
		m = m.keepEditing()
	}
	return m, nil
}

// keepEditing leaves a save question unanswered: nothing is written and the
// edits stay, as the status says.
func (m Model) keepEditing() Model {
	m.mode = modeNormal
	m.setStatus("Not saved; your edits are kept.", false)
	return m
}

// answerReadOnly: write the read-only file after all, or beside it.
func (m Model) answerReadOnly(msg tea.KeyMsg) (Model, tea.Cmd) {
	k, d := m.c.Keys, m.doc()
	switch {
	case key.Matches(msg, k.WriteAnyway):
		return m.startSave(d, true)
	case key.Matches(msg, k.Beside):
		return m.saveBeside(d)
	case key.Matches(msg, k.Back):
		m = m.keepEditing()
	}
	return m, nil
}

// answerSaveFailed: the ways out of a failed save.
func (m Model) answerSaveFailed(msg tea.KeyMsg) (Model, tea.Cmd) {
	k, d := m.c.Keys, m.doc()
	switch {
	case key.Matches(msg, k.Beside):
		return m.saveBeside(d)
	case key.Matches(msg, k.CacheDir):
		return m.copyTo(d, false, workspace.WriteToCache, "")
	case key.Matches(msg, k.TypePath):
		m.mode = modeSavePath
		m.pathInput.SetValue(suggestedPath(d.Snapshot().Path))
		m.pathInput.CursorEnd()
		setInputWidth(&m.pathInput, m.c.Width-len(savePathPrompt))
		m.setStatus("", false)
	case key.Matches(msg, k.Back):
		m = m.keepEditing()
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
		if strings.TrimSpace(m.pathInput.Value()) == "" {
			m.setStatus("no path given", true) // stays: the person types one
			return m, nil
		}
		return m.copyTo(d, true, workspace.WriteCopyAs, m.pathInput.Value())
	case key.Matches(msg, k.Back):
		m = m.keepEditing()
		return m, nil
	}
	m.setStatus("", false)
	m.pathInput, _ = typeInto(m.pathInput, msg)
	return m, nil
}

// questionLine is the footer's status line for a save or export question:
// the question, or the path being typed (with an error after a refusal).
func (m *Model) questionLine(w int) string {
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
	m.setStatus("Exporting the comparison to "+path+"…", false)
	write := m.writeExport(d, path, false)
	return m, func() tea.Msg { // off Update: the look at the disk too
		if _, err := os.Lstat(path); err == nil {
			return exportExistsMsg{path: path, free: freeName(path), link: linkNote(path, s.Path)}
		}
		return write()
	}
}

// exportExists asks before an export replaces a file; a symbolic link is
// named as one, with its target and whether that leaves the scenario's
// folder, since o writes through it.
func (m Model) exportExists(msg exportExistsMsg) (Model, tea.Cmd) {
	m.mode, m.exportTo, m.exportFree = modeExportExists, msg.path, msg.free
	if msg.link != "" {
		m.setStatus(msg.link+". o: overwrite its target · n: write "+docLabel(msg.free)+" · esc: cancel", true)
		return m, nil
	}
	m.setStatus(docLabel(msg.path)+" exists. o: overwrite it · n: write "+docLabel(msg.free)+" · esc: cancel", false)
	return m, nil
}

// linkNote is "s.md is a link to T" (", outside the scenario's folder"
// when T leaves its tree) when path is a symbolic link, else "".
func linkNote(path, scenario string) string {
	l, ok := workspace.LinkAt(path, scenario)
	if !ok {
		return ""
	}
	note := docLabel(path) + " is a link to " + clean(l.Dest)
	if l.Outside != "" {
		note += ", outside the scenario's folder"
	}
	return note
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
		return m, m.writeExport(d, m.exportFree, false) // never over a file made since
	case key.Matches(msg, k.Back):
		m.mode = modeNormal
		m.setStatus("Not exported.", false)
	}
	return m, nil
}

// writeExport renders d's comparison and writes it to path: replacing the
// file when overwrite is set, else only as a new file. The bytes are
// `tunecost export`'s (workspace.ExportMarkdown); the document is captured
// now, as the scenario may stop evaluating while the question is asked.
func (m Model) writeExport(d document, path string, overwrite bool) tea.Cmd {
	s, unsaved, cfg := d.Snapshot(), d.Dirty(), m.c.Cfg.Analysis
	job := workspace.ExportJob{Report: d.Report(), Ranged: d.RangedInputs()}
	if s.Err == nil && s.Catalog != nil {
		job.Catalog = &s.Catalog.Catalog
	}
	return func() tea.Msg {
		data, err := workspace.ExportMarkdown([]workspace.ExportJob{job}, cfg)
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
	why := reloadEditor
	if msg.err != nil {
		why = reloadEditorFailed
	}
	return m, reload(msg.doc, why)
}

// filesChanged reloads every document whose files changed on disk, unless
// it has unsaved edits: those are never dropped without asking.
func (m Model) filesChanged(msg fileChangedMsg) (Model, tea.Cmd) {
	var cmds []tea.Cmd
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
			cmds = append(cmds, reload(d, reloadWatcher))
		}
	}
	m.refresh()
	if m.watch != nil {
		cmds = append(cmds, m.watch.next())
	}
	return m, tea.Batch(cmds...)
}

// reload reads d from disk again, in a command.
func reload(d document, why reloadReason) tea.Cmd {
	reopen := d.reopen()
	return func() tea.Msg {
		fresh, err := reopen()
		return reloadedMsg{doc: d, fresh: fresh, why: why, err: err}
	}
}

// reloaded puts a document read again in place of the old one. The edits
// it held and their undo are gone, and so is any edit box open on it: the
// rows it pointed into may no longer exist. A watcher's reload that finds
// edits typed meanwhile leaves them: nothing typed is dropped unasked.
func (m Model) reloaded(msg reloadedMsg) (Model, tea.Cmd) {
	d, label := msg.doc, docLabel(msg.doc.Snapshot().Path)
	switch {
	case msg.err != nil && msg.why == reloadWatcher:
		m.setStatus("Reload of "+label+" failed: "+msg.err.Error(), true)
		return m, nil
	case msg.err != nil:
		m.setStatus("Reload failed: "+msg.err.Error(), true)
		return m, nil
	case msg.why == reloadWatcher && d.Dirty():
		m.setStatus(label+" changed on disk; you have unsaved edits (ctrl+s lets you choose).", false)
		return m, nil
	}
	m.assume.endEditing(d)
	d.adopt(msg.fresh)
	switch msg.why {
	case reloadAsked:
		m.setStatus("Reloaded from disk; your edits were dropped.", false)
	case reloadEditor:
		m.setStatus("Reloaded "+label+" after editing.", false)
	case reloadWatcher:
		m.setStatus("Reloaded "+label+": it changed on disk.", false)
	}
	m.refresh()
	return m, nil
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
