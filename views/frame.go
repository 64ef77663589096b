package views

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
)

// View draws the header, the active screen (or the explain panel), the
// status line and the help. Every part is fitted to the window, so no size
// breaks the layout.
func (m Model) View() string { return m.frame() }

// frame is View on a pointer: the screens are reached through the tab
// interface, which takes m's address, so m is copied to the heap once per
// frame, not once in every function that draws a part.
func (m *Model) frame() string {
	w, h := m.c.Width, m.c.Height
	if w <= 0 || h <= 0 {
		return ""
	}
	if w < minWidth || h < minHeight {
		return m.tooSmall()
	}
	var body string
	if m.mode == modeExplain {
		body = m.explain.View()
	} else {
		body = m.current().View()
	}
	// Every screen, the header and the footer already fit their lines to
	// the width, so only the line count is checked here: measuring every
	// line again took most of a frame's time.
	bodyH := max(h-m.headerHeight()-m.footerHeight(), 1)
	if strings.Count(body, "\n") != bodyH-1 || m.mode == modeExplain { // the panel is narrower than the window
		body = block(body, w, bodyH)
	}
	frame := m.header() + "\n" + body + "\n" + m.footer()
	if strings.Count(frame, "\n") != h-1 {
		return block(frame, w, h)
	}
	return frame
}

func (m *Model) tooSmall() string {
	w, h := m.c.Width, m.c.Height
	msg := fmt.Sprintf("Terminal too small (%d×%d): tunecost needs at least %d×%d. Enlarge the window, or q to quit.",
		w, h, minWidth, minHeight)
	lines := wrap(msg, w)
	pad := max((h-len(lines))/2, 0)
	return block(strings.Repeat("\n", pad)+strings.Join(lines, "\n"), w, h)
}

func (m *Model) headerHeight() int {
	if len(m.docs) > 1 {
		return 3
	}
	return 2
}

// header: the screens as tabs, the files as tabs when there are several,
// and what the current scenario is.
func (m *Model) header() string {
	st, w := m.c.Styles, m.c.Width
	var tabs []string
	for i, t := range m.tabs() {
		if screen(i) == m.screen {
			tabs = append(tabs, st.TabActive.Render("["+t.title()+"]"))
		} else {
			tabs = append(tabs, st.TabInactive.Render(" "+t.title()+" "))
		}
	}
	line := st.Title.Render("tunecost") + "  " + strings.Join(tabs, " ")
	if lipgloss.Width(line) > w {
		line = strings.Join(tabs, " ") // the screens' names matter more than ours
	}
	lines := []string{fit(line, w)}
	if len(m.docs) > 1 {
		var files []string
		for i, d := range m.docs {
			name := fmt.Sprintf("%d %s", i+1, docLabel(d.Snapshot().Path))
			if d.Dirty() {
				name += "*"
			}
			if i == m.cur {
				files = append(files, st.FileActive.Render("["+name+"]"))
			} else {
				files = append(files, st.FileInactive.Render(" "+name+" "))
			}
		}
		lines = append(lines, fit(strings.Join(files, " ")+st.Muted.Render("  [ ] switch"), w))
	}
	lines = append(lines, fit(m.subtitle(), w))
	return strings.Join(lines, "\n")
}

func docLabel(path string) string {
	if path == "" {
		return "built-in example"
	}
	return clean(filepath.Base(path))
}

// subtitle: "Support assistant · 24 months · 1.2M queries · USD · path*".
func (m *Model) subtitle() string {
	st := m.c.Styles
	d := m.doc()
	if d == nil {
		return st.Muted.Render("no scenario")
	}
	s := d.Snapshot()
	file := "(built-in example)"
	if s.Path != "" {
		file = displayPath(m.c.Cfg.Dir, s.Path)
	}
	r := &s.Result
	if s.Err != nil {
		if d.Dirty() {
			file += st.Modified.Render(" * unsaved")
		}
		return st.Error.Render("✗ cannot evaluate") + st.Muted.Render(" · ") + st.Muted.Render(file)
	}
	parts := []string{st.Header.Render(clean(r.Scenario)), plural(float64(r.HorizonMonths), "month"),
		compact(r.TotalQueries) + " queries", clean(r.Currency)}
	line := strings.Join(parts, st.Muted.Render(" · ")) + st.Muted.Render(" · ")
	// When the line is too long the file's folder goes first, then
	// "unsaved" shrinks to a star: the name is what tells files apart.
	name := "(built-in)"
	if s.Path != "" {
		name = clean(filepath.Base(s.Path))
	}
	var mark, star string
	if d.Dirty() {
		mark, star = st.Modified.Render(" * unsaved"), st.Modified.Render("*")
	}
	long := st.Muted.Render(file)
	if s.Path == "" {
		long = st.Muted.Render("(built-in example)")
	}
	for _, f := range []string{long + mark, st.Muted.Render(name) + mark} {
		if lipgloss.Width(line+f) <= m.c.Width {
			return line + f
		}
	}
	return line + st.Muted.Render(name) + star
}

func (m *Model) footerHeight() int {
	if m.showHelp {
		return 1 + m.fullHelpHeight()
	}
	return 2
}

func (m *Model) fullHelpHeight() int {
	n := 0
	for _, col := range fitHelp(m.keys().FullHelp(), m.c.Width) {
		n = max(n, len(col))
	}
	return max(n, 1)
}

// fitHelp re-flows help columns so every key shows at the given width: the
// bindings are poured into as few rows as let all columns fit side by side.
func fitHelp(groups [][]key.Binding, width int) [][]key.Binding {
	var all []key.Binding
	for _, g := range groups {
		for _, b := range g {
			if b.Enabled() {
				all = append(all, b)
			}
		}
	}
	for rows := 4; rows < len(all); rows++ {
		cols := chunk(all, rows)
		w := 0
		for i, c := range cols {
			kw, dw := 0, 0
			for _, b := range c {
				kw = max(kw, lipgloss.Width(b.Help().Key))
				dw = max(dw, lipgloss.Width(b.Help().Desc))
			}
			w += kw + 1 + dw
			if i > 0 {
				w += 4 // help's column separator
			}
		}
		if w <= width {
			return cols
		}
	}
	return chunk(all, max(len(all), 1))
}

func chunk(bs []key.Binding, n int) [][]key.Binding {
	var out [][]key.Binding
	for len(bs) > n {
		out = append(out, bs[:n])
		bs = bs[n:]
	}
	return append(out, bs)
}

func (m *Model) footer() string {
	st, w := m.c.Styles, m.c.Width
	status := st.Status.Render(fit(m.status, w))
	if m.bad {
		status = st.StatusErr.Render(fit("✗ "+m.status, w))
	}
	if m.mode == modeChangedOnDisk || m.mode == modeConfirmQuit {
		status = st.Warn.Render(fit(m.status, w))
	}
	if m.mode >= modeReadOnly { // the save and export questions (views/files.go)
		status = m.questionLine(w)
	}
	if m.showHelp {
		return status + "\n" + block(m.help.FullHelpView(fitHelp(m.keys().FullHelp(), w)), w, m.footerHeight()-1)
	}
	return status + "\n" + block(m.shortHelp(w), w, 1)
}

// shortHelp is the one-line help fitted to w cells without cutting: the
// arrows are named once when they do not fit one by one, then the screen's
// other keys give way from the last, so tab, ? and q always show.
func (m *Model) shortHelp(w int) string {
	h := m.help
	h.Width = 0 // fitted here: help would cut the line and drop the last keys
	keys := m.keys()
	short := keys.ShortHelp()
	view := h.ShortHelpView(short)
	if lipgloss.Width(view) <= w {
		return view
	}
	short = m.compactArrows(short)
	own := short[:len(short)-len(keys.global)]
	for _, moving := range []bool{true, false} {
		for i := len(own) - 1; i >= 0; i-- {
			view = h.ShortHelpView(append(own[:len(own):len(own)], keys.global...))
			if lipgloss.Width(view) <= w {
				return view
			}
			if isMoving(own[i]) == moving {
				own = append(own[:i:i], own[i+1:]...)
			}
		}
	}
	return h.ShortHelpView(append(own, keys.global...))
}

// isMoving: the binding moves a cursor or scrolls (its keys are arrows),
// which a user finds without help; such keys give way first.
func isMoving(b key.Binding) bool { return strings.ContainsAny(b.Help().Key, "↑↓←→") }

// compactArrows replaces the separate arrow keys by one "↑↓←→ move" (or
// "↑↓ move") where the first of them stood.
func (m *Model) compactArrows(bs []key.Binding) []key.Binding {
	k := m.c.Keys
	isArrow := func(b key.Binding) (vertical, horizontal bool) {
		d := b.Help().Key
		return d == k.Up.Help().Key || d == k.Down.Help().Key, d == k.Left.Help().Key || d == k.Right.Help().Key
	}
	var out []key.Binding
	at, sideways, found := 0, false, false
	for _, b := range bs {
		v, hz := isArrow(b)
		if !v && !hz {
			out = append(out, b)
			continue
		}
		if !found {
			at, found = len(out), true
		}
		sideways = sideways || hz
	}
	if !found {
		return bs
	}
	move := k.MoveUpDown
	if sideways {
		move = k.Move
	}
	return append(out[:at], append([]key.Binding{move}, out[at:]...)...)
}

// helpKeys is the help for what has the keys now: the screen's (or the
// panel's) bindings, then the global ones.
type helpKeys struct {
	short  []key.Binding
	full   [][]key.Binding
	global []key.Binding // the end of short that must always show
}

func (h helpKeys) ShortHelp() []key.Binding  { return h.short }
func (h helpKeys) FullHelp() [][]key.Binding { return h.full }

func (m *Model) keys() helpKeys {
	k := m.c.Keys
	moves := []key.Binding{k.NextScreen, k.PrevScreen}
	if len(m.docs) > 1 {
		moves = append(moves, k.NextFile, k.PrevFile)
	}
	global := []key.Binding{k.Save, k.Export, k.Editor, k.Help, k.Quit}
	var short []key.Binding
	var full [][]key.Binding
	switch {
	case m.mode == modeChangedOnDisk:
		return helpKeys{short: []key.Binding{k.Beside, k.Reload, k.Back}, full: [][]key.Binding{{k.Beside, k.Reload, k.Back}}}
	case m.mode == modeConfirmQuit:
		return helpKeys{short: []key.Binding{k.Quit, k.Save, k.Back}, full: [][]key.Binding{{k.Quit, k.Save, k.Back}}}
	case m.mode >= modeReadOnly:
		return m.questionKeys()
	case m.mode == modeExplain:
		short, full = m.explain.ShortHelp(), m.explain.FullHelp()
	default:
		t := m.current()
		short, full = t.ShortHelp(), t.FullHelp()
		if t.helpAlone() {
			return helpKeys{short: short, full: full}
		}
	}
	always := []key.Binding{k.NextScreen, k.Help, k.Quit}
	return helpKeys{short: append(short[:len(short):len(short)], always...), full: append(full, moves, notListed(full, global)), global: always}
}

// notListed is the keys of global that no column of full lists already, so
// the full help names each key once (Assumptions listed ctrl+s twice).
func notListed(full [][]key.Binding, global []key.Binding) []key.Binding {
	seen := map[string]bool{}
	for _, col := range full {
		for _, b := range col {
			seen[b.Help().Key] = true
		}
	}
	var out []key.Binding
	for _, b := range global {
		if !seen[b.Help().Key] {
			out = append(out, b)
		}
	}
	return out
}

// displayPath shows a file relative to dir (Config.Dir, the working
// directory unless set) when it is under it.
func displayPath(dir, p string) string {
	if rel, err := filepath.Rel(absPath(dir), absPath(p)); err == nil && !strings.HasPrefix(rel, "..") {
		return clean(rel)
	}
	return clean(p)
}
