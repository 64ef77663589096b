package views

import (
	"fmt"
	"github.com/tunecost/tunecost/format"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/table"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/tunecost/tunecost/pricing"

	"github.com/tunecost/tunecost/present"
)

// catalogModel lists the layered price catalog: every entry with its price,
// the sheet it came from, its as_of date and a mark when it is stale.
type catalogModel struct {
	c         common
	snap      snapshot
	entries   []pricing.Entry
	all       []table.Row // one per entry, in full, without the cursor column
	search    []string    // all's rows lower-cased and joined, for the filter
	fitted    []table.Row // all's rows fitted to the columns; nil after they change
	shownIdx  []int       // the entries the filter lets through
	shown     []table.Row // shownIdx's rows fitted to the columns
	widths    []int       // every column's width, cell padding excluded
	visible   []int       // the columns drawn (the sheet's only with several)
	tbl       table.Model
	filter    textinput.Model
	filtering bool
	detail    bool // the entry under the cursor is shown in full
	scroll    int  // first line of the detail shown
	stale     bool // snap is newer than the rows
}

func newCatalog(c common) catalogModel {
	t := table.New(table.WithFocused(true), table.WithKeyMap(tableKeys(*c.Keys)))
	t.SetStyles(table.Styles{
		Header:   c.Styles.Header.Padding(0, 1, 0, 0),
		Cell:     c.Styles.Text.Padding(0, 1, 0, 0),
		Selected: c.Styles.Selected,
	})
	m := catalogModel{c: c, tbl: t, filter: newTextInput(c.Styles)}
	m.layout() // the table needs its columns before any row
	return m
}

// tableKeys gives the table the program's keys: its default map has its
// own (u is half a page up there, undo everywhere else; b, f, d and space
// move too), which help never showed.
func tableKeys(k KeyMap) table.KeyMap {
	off := key.NewBinding(key.WithDisabled())
	return table.KeyMap{LineUp: k.Up, LineDown: k.Down, PageUp: k.PageUp, PageDown: k.PageDown,
		HalfPageUp: off, HalfPageDown: off, GotoTop: k.Top, GotoBottom: k.Bottom}
}

func (m *catalogModel) SetSize(w, h int) {
	m.c = m.c.sized(w, h)
	setInputWidth(&m.filter, max(w-12, 1))
	m.layout()
}

// SetSnapshot only takes the snapshot: building the table re-renders every
// row, too dear for each keystroke on Assumptions, so sync does it once the
// screen is shown.
func (m *catalogModel) SetSnapshot(s snapshot) {
	m.snap = s
	m.stale = true
}

// sync rebuilds the rows from the latest snapshot, if it is newer.
func (m *catalogModel) sync() {
	if !m.stale {
		return
	}
	m.stale = false
	s := m.snap
	m.all, m.entries, m.search, m.fitted = nil, nil, nil, nil
	m.shownIdx = m.shownIdx[:0] // indexes into the old rows; applyFilter below finds the new
	if s.Catalog != nil {
		now, age := m.c.Cfg.Now(), m.c.Cfg.StaleAfter
		m.entries = s.Catalog.Entries
		for _, e := range s.Catalog.Entries {
			stale := ""
			if e.Stale(now, age) {
				stale = fmt.Sprintf("%dd old", ageDays(now, e))
			}
			m.all = append(m.all, table.Row{"", string(e.Table), clean(e.ID), present.PriceSummary(e, s.Catalog.Currency),
				clean(e.Sheet), e.AsOf.Format("2006-01-02"), stale})
		}
		// Once per catalog, not per key typed into the filter: a real
		// catalog has thousands of entries.
		m.search = make([]string, len(m.all))
		for i, r := range m.all {
			m.search[i] = strings.ToLower(strings.Join(r, " "))
		}
	}
	m.layout() // the columns follow the longest id and sheet name
	m.applyFilter()
}

func ageDays(now time.Time, e pricing.Entry) int { return int(now.Sub(e.AsOf).Hours() / 24) }

// Catalog columns, in order.
const (
	colMark = iota
	colTable
	colID
	colPrice
	colSheet
	colAsOf
	colStale
)

// layout sizes the columns to the width: the id, price and sheet columns
// share what the fixed ones leave, the id the largest part, since it is
// what tells entries apart. With one sheet the sheet column goes (the
// line above the table names it) and the price gets its room.
func (m *catalogModel) layout() {
	w := m.c.Width
	const mark, tbl, asOf, stale = 2, 11, 11, 9
	rest := max(w-mark-tbl-asOf-stale-1, 24)
	id := min(m.longest(colID)+1, rest*9/20)
	sheet := min(m.longest(colSheet)+1, max(rest/5, 8))
	m.visible = []int{colMark, colTable, colID, colPrice, colSheet, colAsOf, colStale}
	if m.oneSheet() != "" {
		sheet = 0
		m.visible = slices.Delete(m.visible, colSheet, colSheet+1)
	}
	// The price takes the rest, up to its longest: beyond, the dates
	// would drift away from the rows they belong to.
	price := min(rest-id-sheet, m.longest(colPrice)+1)
	widths := []int{mark, tbl, id, price, sheet, asOf, stale}
	titles := []string{"", "table", "id", "price", "sheet", "as_of", "stale"}
	var cols []table.Column
	m.widths = make([]int, len(titles))
	for i := range titles {
		m.widths[i] = max(widths[i]-1, 1) // -1: the cell's padding
	}
	for _, c := range m.visible {
		cols = append(cols, table.Column{Title: titles[c], Width: m.widths[c]})
	}
	// The table renders its rows against the new columns at once, and
	// its rows were fitted to the old ones: with the sheet column gone
	// a row has a cell more than the table has columns (the panic of
	// H3). No rows until fitRows fits them to these columns, and the
	// cursor back on its row after (a resize keeps it).
	cursor := m.tbl.Cursor()
	m.tbl.SetRows(nil)
	m.tbl.SetColumns(cols)
	m.tbl.SetWidth(w)
	m.tbl.SetHeight(max(m.c.Height-1, 2))
	m.fitted = nil
	m.fitRows()
	m.tbl.SetCursor(cursor) // clamped to the rows
	m.mark()
}

// oneSheet is the name of the only sheet every entry comes from, or "".
func (m *catalogModel) oneSheet() string {
	if len(m.all) == 0 {
		return ""
	}
	name := m.all[0][colSheet]
	for _, r := range m.all {
		if r[colSheet] != name {
			return ""
		}
	}
	return name
}

// longest is the widest cell of a column over every entry (not only the
// shown ones, so that the columns keep still while filtering).
func (m *catalogModel) longest(col int) int {
	n := 8
	for _, r := range m.all {
		n = max(n, lipgloss.Width(r[col]))
	}
	return n
}

func (m *catalogModel) applyFilter() {
	q := strings.ToLower(strings.TrimSpace(m.filter.Value()))
	m.shownIdx = m.shownIdx[:0]
	for i := range m.all {
		if q == "" || strings.Contains(m.search[i], q) {
			m.shownIdx = append(m.shownIdx, i)
		}
	}
	m.fitRows()
	// The first match under the cursor, and the view from the top: the
	// table keeps its scroll offset otherwise, and after G a short list
	// of matches was drawn from its middle.
	m.tbl.GotoTop()
	m.mark()
}

// fitRows shortens the shown rows' cells to their columns: ids lose their
// middle, where ids of one family are alike, other cells their end.
// Every row is fitted once per layout, so that a key typed into the filter
// only picks rows; mark rewrites the cursor cell of each shown row.
func (m *catalogModel) fitRows() {
	if m.fitted == nil {
		m.fitted = make([]table.Row, len(m.all))
		for i := range m.all {
			m.fitted[i] = m.fitRow(m.all[i])
		}
	}
	m.shown = m.shown[:0]
	for _, i := range m.shownIdx {
		m.shown = append(m.shown, m.fitted[i])
	}
	m.mark()
}

func (m *catalogModel) fitRow(full table.Row) table.Row {
	r := make(table.Row, 0, len(m.visible))
	for _, c := range m.visible {
		cell := full[c]
		if c == colID {
			cell = middleEllipsis(cell, m.widths[c])
		} else if lipgloss.Width(cell) > m.widths[c] {
			cell = format.CutWords(cell, m.widths[c]) // at a word: "$0.6/…" never "$0.…"
		}
		r = append(r, cell)
	}
	return r
}

// mark draws the cursor as a character too, so it shows without colour.
func (m *catalogModel) mark() {
	m.tbl.SetRows(m.shown) // first: the cursor is clamped to the rows
	if m.tbl.Cursor() < 0 && len(m.shown) > 0 {
		m.tbl.SetCursor(0) // an empty table leaves the cursor at -1
	}
	for i := range m.shown {
		m.shown[i][0] = ""
		if i == m.tbl.Cursor() {
			m.shown[i][0] = "▸"
		}
	}
	m.tbl.SetRows(m.shown)
}

func (m catalogModel) ShortHelp() []key.Binding {
	k := m.c.Keys
	switch {
	case m.filtering:
		return []key.Binding{k.Accept, k.Back}
	case m.detail:
		return []key.Binding{k.Back, k.PickEntry}
	}
	return []key.Binding{k.Up, k.Down, k.Detail, k.Filter}
}

func (m catalogModel) FullHelp() [][]key.Binding {
	k := m.c.Keys
	if m.detail {
		return [][]key.Binding{{k.Back, k.PickEntry, k.PageUp, k.PageDown}}
	}
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.Detail, k.Filter, k.Back}}
}

func (m catalogModel) Update(msg tea.Msg) (catalogModel, tea.Cmd) {
	k := m.c.Keys
	if km, ok := msg.(tea.KeyMsg); ok {
		switch {
		case m.filtering && key.Matches(km, k.Accept):
			m.filtering = false
			return m, nil
		case m.filtering && key.Matches(km, k.Back):
			m.filtering = false
			m.filter.SetValue("")
			m.applyFilter()
			return m, nil
		case m.filtering:
			m.filter, _ = typeInto(m.filter, km)
			m.applyFilter()
			return m, nil
		case m.detail:
			return m.updateDetail(km), nil
		case key.Matches(km, k.Back):
			m.filter.SetValue("")
			m.applyFilter()
			return m, nil
		case key.Matches(km, k.Detail):
			m.detail, m.scroll = len(m.shown) > 0, 0
			return m, nil
		case key.Matches(km, k.Filter):
			m.filtering = true
			return m, nil
		}
	}
	if mm, ok := msg.(tea.MouseMsg); ok {
		if m.detail {
			m.scroll = min(max(m.scroll+wheel(mm), 0), max(len(m.detailLines())-m.c.Height, 0))
			return m, nil
		}
		switch mm.Button {
		case tea.MouseButtonWheelUp:
			m.tbl.MoveUp(3)
		case tea.MouseButtonWheelDown:
			m.tbl.MoveDown(3)
		}
		m.mark()
		return m, nil
	}
	var cmd tea.Cmd
	m.tbl, cmd = m.tbl.Update(msg)
	m.mark()
	return m, cmd
}

// updateDetail: esc returns to the list, ↑/↓ show the previous or next
// entry (to compare neighbours), page keys scroll a long entry.
func (m catalogModel) updateDetail(km tea.KeyMsg) catalogModel {
	k := m.c.Keys
	switch {
	case key.Matches(km, k.Back):
		m.detail = false
	case key.Matches(km, k.Up):
		m.tbl.MoveUp(1)
		m.scroll = 0
	case key.Matches(km, k.Down):
		m.tbl.MoveDown(1)
		m.scroll = 0
	default:
		last := max(len(m.detailLines())-m.c.Height, 0)
		m.scroll = min(max(pageScroll(km, k, m.scroll, max(m.c.Height-1, 1), last), 0), last)
	}
	m.mark()
	return m
}

// Detailing reports whether an entry is shown in full.
func (m catalogModel) Detailing() bool { return m.detail }

func (m catalogModel) View() string {
	w, h := m.c.Width, m.c.Height
	if w <= 0 || h <= 0 {
		return ""
	}
	st := m.c.Styles
	if m.snap.Catalog == nil {
		return block(st.Error.Render("No catalog: the scenario's price sheets did not load."), w, h)
	}
	stale := 0
	for _, r := range m.all {
		if r[6] != "" {
			stale++
		}
	}
	var top string
	switch {
	case m.filtering:
		top = st.Title.Render("filter: ") + m.filter.View()
	case m.filter.Value() != "":
		top = st.Muted.Render(fmt.Sprintf("filter %q: %d of %d entries (esc clears)", clean(m.filter.Value()), len(m.shown), len(m.all)))
	default:
		from := ""
		if sheet := m.oneSheet(); sheet != "" {
			from = " from " + sheet
		}
		top = st.Muted.Render(fmt.Sprintf("%d entries%s, %d older than %d days · / filters", len(m.all), from, stale,
			int(m.c.Cfg.StaleAfter.Hours()/24)))
	}
	if len(m.shown) == 0 {
		return block(top+"\n\n"+st.Muted.Render("No entry matches."), w, h)
	}
	if m.detail {
		return m.detailView()
	}
	return block(top+"\n"+m.tbl.View(), w, h)
}

// selectedEntry is the entry under the cursor.
func (m catalogModel) selectedEntry() (pricing.Entry, bool) {
	c := m.tbl.Cursor()
	if c < 0 || c >= len(m.shownIdx) {
		return pricing.Entry{}, false
	}
	return m.entries[m.shownIdx[c]], true
}

// detailView shows every field of the entry under the cursor, where it
// comes from (sheet, file and line, source) and how old its price is.
func (m catalogModel) detailView() string {
	w, h := m.c.Width, m.c.Height
	lines := m.detailLines()
	scroll := min(m.scroll, max(len(lines)-h, 0))
	return block(strings.Join(lines[scroll:], "\n"), w, h)
}

// detailLines is the entry view, before scrolling.
func (m catalogModel) detailLines() []string {
	w := m.c.Width
	st := m.c.Styles
	e, ok := m.selectedEntry()
	if !ok {
		return nil
	}
	cur := ""
	if m.snap.Catalog != nil {
		cur = m.snap.Catalog.Currency
	}
	rows := entryFields(e, cur)
	now := m.c.Cfg.Now()
	age := plural(float64(ageDays(now, e)), "day") + " old"
	if e.Stale(now, m.c.Cfg.StaleAfter) {
		age += fmt.Sprintf(" (stale: older than %d days)", int(m.c.Cfg.StaleAfter.Hours()/24))
	}
	where := clean(e.Sheet)
	if e.File != "" {
		where += fmt.Sprintf(" (%s:%d)", displayPath(m.c.Cfg.Dir, e.File), e.Line)
	}
	rows = append(rows, [2]string{"", ""}, [2]string{"sheet", where}, [2]string{"as_of", e.AsOf.Format("2006-01-02")},
		[2]string{"age", age}, [2]string{"source", orDash(clean(e.Source))})
	if e.Note != "" {
		rows = append(rows, [2]string{"note", clean(e.Note)})
	}
	nameW := 0
	for _, r := range rows {
		nameW = max(nameW, lipgloss.Width(r[0]))
	}
	pos := fmt.Sprintf("entry %d of %d", m.tbl.Cursor()+1, len(m.shown))
	lines := []string{st.Header.Render("["+string(e.Table)+"] "+clean(e.ID)) + st.Muted.Render("  "+pos)}
	for _, r := range rows {
		if r[0] == "" {
			lines = append(lines, "")
			continue
		}
		value := wrapHard(r[1], max(w-nameW-4, 10))
		for i, v := range value {
			name := ""
			if i == 0 {
				name = r[0]
			}
			lines = append(lines, "  "+st.Label.Render(fit(name, nameW))+"  "+v)
		}
	}
	return append(lines, "", st.Muted.Render("esc back to the list · ↑/↓ previous or next entry"))
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
