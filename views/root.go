package views

import (
	"github.com/charmbracelet/lipgloss"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
)

// screen is the index of one of the tabs (Model.tabs).
type screen int

// mode is what has the keys besides the screen: nothing, the explain panel,
// or the question a refused save asks.
type mode int

const (
	modeNormal mode = iota
	modeExplain
	modeChangedOnDisk
	modeConfirmQuit
	modeReadOnly     // save: the file is read-only; write anyway, or beside
	modeSaveFailed   // save failed: beside, a path typed, or the cache folder
	modeSavePath     // a path is being typed for the copy
	modeExportExists // export: the Markdown file exists; overwrite or a new name
)

// asking reports whether the footer holds a question whose keys answer it.
func (m Model) asking() bool { return m.mode != modeNormal && m.mode != modeExplain }

// Minimum size for a usable layout; below it a notice asks for more room.
const minWidth, minHeight = 60, 15

// Model is the program's root: the documents, the active screen and mode,
// and one child per screen. Update only dispatches; each mode and message
// kind has its handler.
type Model struct {
	c        common
	docs     []document
	cur      int
	screen   screen
	mode     mode
	compare  compareModel
	timeline timelineModel
	assume   assumptionsModel
	risk     riskModel
	catalog  catalogModel
	appended []tab // screens after Catalog: none but in tests (Model.tabs)
	explain  explainModel
	help     help.Model
	showHelp bool
	status   string
	bad      bool // status is an error
	// pathInput is where a path is typed when a save failed (modeSavePath);
	// exportTo is the file an export asks about (modeExportExists), and
	// exportFree the new name n writes.
	pathInput  textinput.Model
	exportTo   string
	exportFree string
	watch      *watcher
	saving     bool // a save is being written (savedMsg ends it)
}

func newModel(docs []document, cfg Config) Model {
	c := newCommon(cfg)
	h := help.New()
	h.Styles.ShortKey = c.Styles.Text
	h.Styles.ShortDesc = c.Styles.Muted
	h.Styles.FullKey = c.Styles.Text
	h.Styles.FullDesc = c.Styles.Muted
	h.Styles.ShortSeparator = c.Styles.Muted
	h.Styles.FullSeparator = c.Styles.Muted
	m := Model{c: c, docs: docs, help: h,
		compare: newCompare(c), timeline: newTimeline(c), assume: newAssumptions(c),
		risk: newRisk(c), catalog: newCatalog(c), explain: newExplain(c), pathInput: newTextInput(c.Styles)}
	if cfg.Editor == "" {
		m.c.Keys.Editor.SetEnabled(false)
	}
	m.refresh()
	return m
}

func (m Model) Init() tea.Cmd {
	if m.watch == nil {
		return nil
	}
	return m.watch.next()
}

func (m Model) doc() document {
	if m.cur < 0 || m.cur >= len(m.docs) {
		return nil
	}
	return m.docs[m.cur]
}

// refresh hands the current document's snapshot to every screen.
func (m *Model) refresh() {
	d := m.doc()
	if d == nil {
		return
	}
	for _, t := range m.tabs() {
		t.show(d)
	}
	if m.watch != nil {
		m.watch.add(d.WatchPaths())
	}
}

// Update routes the message, then brings the screen on view up to date
// with the latest snapshot: the catalog rebuilds its table, the risk screen
// schedules its analysis. Screens not shown wait, so a keystroke pays only
// for what is drawn; doing it here means no handler has to remember it.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m, cmd := m.route(msg)
	if c := m.current().onView(); c != nil {
		cmd = tea.Batch(cmd, c)
	}
	return m, cmd
}

func (m Model) route(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.resize(msg.Width, msg.Height)
		return m, nil
	case tea.KeyMsg:
		if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste && !m.typing() {
			return m.handleBurst(msg)
		}
		return m.handleKey(msg)
	case tea.MouseMsg:
		return m.toFocused(msg)
	case docChangedMsg:
		// An edit makes the last outcome old news. The message comes from a
		// command, so it can arrive after a save that followed the keystroke
		// at once: a question on screen, or a clean document's "Saved", stays.
		if d := m.doc(); !m.asking() && d != nil && d.Dirty() {
			m.status, m.bad = "", false
		}
		m.refresh()
		return m, nil
	case explainMsg:
		m.explain.in = m.compare.snap.Input
		m.explain.Open(&m.compare.snap.Result, msg.option, msg.fig)
		m.mode = modeExplain
		return m, nil
	case fileChangedMsg:
		return m.filesChanged(msg)
	case editorDoneMsg:
		return m.editorDone(msg)
	case exportDoneMsg:
		return m.exported(msg)
	case exportExistsMsg:
		return m.exportExists(msg)
	case savedMsg:
		return m.saveDone(msg)
	case copySavedMsg:
		return m.copied(msg)
	case reloadedMsg:
		return m.reloaded(msg)
	case riskTickMsg, riskResultMsg:
		return m.toRisk(msg) // its owner's, whichever screen is shown
	}
	return m.toFocused(msg)
}

// handleKey: ctrl+c quits from anywhere, asking first like q when an edit
// is unsaved (a second ctrl+c quits); a question or a text box takes the
// keys before the global ones; then the explain panel; then the screen.
func (m Model) handleKey(msg tea.KeyMsg) (Model, tea.Cmd) {
	if key.Matches(msg, m.c.Keys.Interrupt) {
		if m.mode == modeConfirmQuit {
			return m, tea.Quit
		}
		return m.quit()
	}
	k := m.c.Keys
	switch {
	case m.mode == modeChangedOnDisk:
		return m.answerChangedOnDisk(msg)
	case m.mode == modeConfirmQuit:
		return m.answerQuit(msg)
	case m.mode == modeReadOnly:
		return m.answerReadOnly(msg)
	case m.mode == modeSaveFailed:
		return m.answerSaveFailed(msg)
	case m.mode == modeSavePath:
		return m.answerSavePath(msg)
	case m.mode == modeExportExists:
		return m.answerExportExists(msg)
	case m.current().takesKey(msg):
		return m.toFocused(msg)
	case m.mode == modeExplain && (key.Matches(msg, k.Back) || key.Matches(msg, k.Explain)):
		m.mode = modeNormal
		return m, nil
	}
	switch {
	case key.Matches(msg, k.Quit):
		return m.quit()
	case key.Matches(msg, k.Help):
		m.showHelp = !m.showHelp
		m.resize(m.c.Width, m.c.Height)
	case key.Matches(msg, k.NextScreen):
		m.switchScreen(1)
	case key.Matches(msg, k.PrevScreen):
		m.switchScreen(-1)
	case key.Matches(msg, k.NextFile):
		m.switchFile(1)
	case key.Matches(msg, k.PrevFile):
		m.switchFile(-1)
	case key.Matches(msg, k.Save):
		return m.save()
	case key.Matches(msg, k.Export):
		return m.export()
	case key.Matches(msg, k.Editor):
		return m.openEditor()
	case !k.Editor.Enabled() && slices.Contains(k.Editor.Keys(), msg.String()):
		// The key is off the help without an editor; pressed anyway, it says why.
		m.setStatus("o opens the file in $VISUAL or $EDITOR: set one, then start tunecost again.", false)
	default:
		return m.toFocused(msg)
	}
	return m, nil
}

// typing reports whether a text box has the keys.
func (m *Model) typing() bool {
	return m.mode == modeSavePath || m.current().typing()
}

// handleBurst splits runes that arrived together (a held key, fast typing)
// into one key each, so "jjj" moves three rows instead of matching nothing.
func (m Model) handleBurst(msg tea.KeyMsg) (Model, tea.Cmd) {
	var cmds []tea.Cmd
	for _, r := range msg.Runes {
		var cmd tea.Cmd
		m, cmd = m.route(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt})
		cmds = append(cmds, cmd)
	}
	return m, tea.Sequence(cmds...)
}

// toFocused routes a message to the explain panel or the active screen.
// A pointer receiver: its callers' m is on the heap already (they reach
// the screens through the tab interface too), so it is not copied again.
func (m *Model) toFocused(msg tea.Msg) (Model, tea.Cmd) {
	var cmd tea.Cmd
	if m.mode == modeExplain {
		m.explain, cmd = m.explain.Update(msg)
		return *m, cmd
	}
	cmd = m.current().update(msg)
	return *m, cmd
}

func (m Model) toRisk(msg tea.Msg) (Model, tea.Cmd) {
	var cmd tea.Cmd
	m.risk, cmd = m.risk.Update(msg)
	return m, cmd
}

func (m *Model) switchScreen(d int) {
	m.mode = modeNormal
	n := screen(len(m.tabs()))
	m.screen = (m.screen + screen(d) + n) % n
	m.resize(m.c.Width, m.c.Height) // help height depends on the screen
}

func (m *Model) switchFile(d int) {
	if len(m.docs) < 2 {
		return
	}
	m.mode = modeNormal
	m.cur = (m.cur + d + len(m.docs)) % len(m.docs)
	m.refresh()
	m.resize(m.c.Width, m.c.Height) // the header shows another file
}

// resize gives every child the area left by the header and the footer.
func (m *Model) resize(w, h int) {
	m.c.Width, m.c.Height = w, h
	m.help.Width = w
	cw, ch := w, max(h-m.headerHeight()-m.footerHeight(), 1)
	for _, t := range m.tabs() {
		t.SetSize(cw, ch)
	}
	m.explain.SetSize(cw, ch)
	setInputWidth(&m.pathInput, w-len(savePathPrompt))
}

// quit asks first when an edit is unsaved: quitting would drop it.
func (m Model) quit() (Model, tea.Cmd) {
	var dirty []string
	for _, d := range m.docs {
		if d.Dirty() {
			dirty = append(dirty, docLabel(d.Snapshot().Path))
		}
	}
	if len(dirty) == 0 {
		return m, tea.Quit
	}
	m.mode = modeConfirmQuit
	// The keys matter more than the file names: on a narrow window the
	// question drops the names, never "esc stays".
	ask := "Unsaved edits in " + strings.Join(dirty, ", ") + ": q or ctrl+c quits without saving · ctrl+s saves · esc stays"
	if lipgloss.Width(ask) > m.c.Width {
		ask = "Unsaved edits: q quits without saving · ctrl+s saves · esc stays"
	}
	m.setStatus(ask, false)
	return m, nil
}

func (m Model) answerQuit(msg tea.KeyMsg) (Model, tea.Cmd) {
	k := m.c.Keys
	switch {
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	case key.Matches(msg, k.Back):
		m.mode = modeNormal
		m.setStatus("", false)
	case key.Matches(msg, k.Save):
		m.mode = modeNormal
		return m.save()
	}
	return m, nil
}

// questionKeys is the help of the question in the footer.
func (m *Model) questionKeys() helpKeys {
	k := m.c.Keys
	var keys []key.Binding
	switch m.mode {
	case modeReadOnly:
		keys = []key.Binding{k.WriteAnyway, k.Beside, k.Back}
	case modeSaveFailed:
		keys = []key.Binding{k.Beside, k.TypePath, k.CacheDir, k.Back}
	case modeSavePath:
		keys = []key.Binding{k.Accept, k.Back}
	case modeExportExists:
		keys = []key.Binding{k.Overwrite, k.NewName, k.Back}
	}
	return helpKeys{short: keys, full: [][]key.Binding{keys}}
}
