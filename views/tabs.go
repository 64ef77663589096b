package views

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// tab is what the root asks of a screen. The root loops over its tabs for
// size, snapshot, view and help, so a new screen is its model, these
// methods and one entry in Model.tabs.
type tab interface {
	title() string
	SetSize(w, h int)
	// show hands the screen the document and its latest snapshot.
	show(d document)
	View() string
	ShortHelp() []key.Binding
	FullHelp() [][]key.Binding
	// update routes a message to the screen, which changes in place.
	update(msg tea.Msg) tea.Cmd
	// onView brings the screen up to date once it is drawn: work that
	// screens not shown put off, so a keystroke pays only for what is drawn.
	onView() tea.Cmd
	// takesKey reports whether the screen has km before the global keys
	// (a text box, a question); typing whether a text box has the keys
	// (runes that arrive together are then text, not keys one by one);
	// helpAlone whether its help is all the footer shows.
	takesKey(km tea.KeyMsg) bool
	typing() bool
	helpAlone() bool
}

// tabs are the screens in the order of the tab bar; screen indexes it.
// appended is empty in the program: a test appends a screen there to prove
// that a new screen changes no other screen's frame
// (TestAppendedScreenChangesNoOtherFrame).
func (m *Model) tabs() []tab {
	return append([]tab{&m.compare, &m.timeline, &m.assume, &m.risk, &m.catalog}, m.appended...)
}

// current is the screen on view.
func (m *Model) current() tab { return m.tabs()[m.screen] }

// Compare, Timeline: a snapshot, no text box.

func (m *compareModel) title() string                    { return "Compare" }
func (m *compareModel) show(d document)                  { m.SetSnapshot(d.Snapshot()) }
func (m *compareModel) onView() tea.Cmd                  { return nil }
func (m *compareModel) takesKey(tea.KeyMsg) bool         { return false }
func (m *compareModel) typing() bool                     { return false }
func (m *compareModel) helpAlone() bool                  { return false }
func (m *compareModel) update(msg tea.Msg) (cmd tea.Cmd) { *m, cmd = m.Update(msg); return cmd }

func (m *timelineModel) title() string                    { return "Timeline" }
func (m *timelineModel) show(d document)                  { m.SetSnapshot(d.Snapshot()) }
func (m *timelineModel) onView() tea.Cmd                  { return nil }
func (m *timelineModel) takesKey(tea.KeyMsg) bool         { return false }
func (m *timelineModel) typing() bool                     { return false }
func (m *timelineModel) helpAlone() bool                  { return false }
func (m *timelineModel) update(msg tea.Msg) (cmd tea.Cmd) { *m, cmd = m.Update(msg); return cmd }

// Assumptions edits the document: while a value is typed every key but
// ctrl+s (save) is text, and "reset?" takes the next key.

func (m *assumptionsModel) title() string   { return "Assumptions" }
func (m *assumptionsModel) show(d document) { m.SetDoc(d) }
func (m *assumptionsModel) onView() tea.Cmd { return nil }
func (m *assumptionsModel) takesKey(km tea.KeyMsg) bool {
	return m.asking || (m.editing && !key.Matches(km, m.c.Keys.Save))
}
func (m *assumptionsModel) typing() bool                     { return m.editing }
func (m *assumptionsModel) helpAlone() bool                  { return m.editing || m.asking }
func (m *assumptionsModel) update(msg tea.Msg) (cmd tea.Cmd) { *m, cmd = m.Update(msg); return cmd }

// Risk analyses the file's ranges: the analysis is scheduled once shown.

func (m *riskModel) title() string                    { return "Risk" }
func (m *riskModel) show(d document)                  { m.SetSnapshot(d.Snapshot(), d.RangedInputs()) }
func (m *riskModel) onView() tea.Cmd                  { return m.schedule() }
func (m *riskModel) takesKey(tea.KeyMsg) bool         { return false }
func (m *riskModel) typing() bool                     { return false }
func (m *riskModel) helpAlone() bool                  { return false }
func (m *riskModel) update(msg tea.Msg) (cmd tea.Cmd) { *m, cmd = m.Update(msg); return cmd }

// Catalog rebuilds its table once shown; its filter box takes every key.

func (m *catalogModel) title() string                    { return "Catalog" }
func (m *catalogModel) show(d document)                  { m.SetSnapshot(d.Snapshot()) }
func (m *catalogModel) onView() tea.Cmd                  { m.sync(); return nil }
func (m *catalogModel) takesKey(tea.KeyMsg) bool         { return m.filtering }
func (m *catalogModel) typing() bool                     { return m.filtering }
func (m *catalogModel) helpAlone() bool                  { return m.filtering }
func (m *catalogModel) update(msg tea.Msg) (cmd tea.Cmd) { *m, cmd = m.Update(msg); return cmd }
