package views

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/table"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/pricing"
)

// catalogModel lists the layered price catalog: every entry with its price,
// the sheet it came from, its as_of date and a mark when it is stale.
type catalogModel struct {
	c         common
	snap      snapshot
	all       []table.Row // unfiltered, without the cursor column
	shown     []table.Row
	tbl       table.Model
	filter    textinput.Model
	filtering bool
	stale     bool // snap is newer than the rows
}

func newCatalog(c common) catalogModel {
	t := table.New(table.WithFocused(true))
	t.SetStyles(table.Styles{
		Header:   c.Styles.Header.Padding(0, 1, 0, 0),
		Cell:     c.Styles.Text.Padding(0, 1, 0, 0),
		Selected: c.Styles.Selected,
	})
	m := catalogModel{c: c, tbl: t, filter: newTextInput(c.Styles)}
	m.layout() // the table needs its columns before any row
	return m
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
	m.all = nil
	if s.Catalog != nil {
		now, age := m.c.Cfg.Now(), m.c.Cfg.StaleAfter
		for _, e := range s.Catalog.Entries {
			stale := ""
			if e.Stale(now, age) {
				stale = fmt.Sprintf("stale, %dd", int(now.Sub(e.AsOf).Hours()/24))
			}
			m.all = append(m.all, table.Row{"", string(e.Table), clean(e.ID), entryPrice(e, s.Catalog.Currency),
				clean(e.Sheet), e.AsOf.Format("2006-01-02"), stale})
		}
	}
	m.applyFilter()
}

// entryPrice is the figure that matters for each kind of entry.
func entryPrice(e pricing.Entry, cur string) string {
	switch v := e.Item.(type) {
	case model.GPU:
		return fmt.Sprintf("%s GB, %s TFLOPS", count(v.MemoryGB), count(v.BF16TFLOPS))
	case model.Offer:
		return fmt.Sprintf("%s/h, %d× %s", money(v.OnDemandHourly, cur), v.GPUs, clean(v.GPU))
	case model.OpenModel:
		return count(v.ParamsB) + "B params"
	case model.APIModel:
		s := money(v.InputPerMtok, cur) + " in, " + money(v.OutputPerMtok, cur) + " out /Mtok"
		if v.Managed() {
			s += ", tunable"
		}
		if v.Closed {
			s += ", closed"
		}
		return s
	case model.Embedding:
		return money(v.PerMtok, cur) + "/Mtok, " + fmt.Sprint(v.Dim) + " dim"
	case model.VectorDB:
		return money(v.MonthlyBase, cur) + "/mo + " + money(v.PerGBMonth, cur) + "/GB"
	}
	return ""
}

// layout sizes the columns to the width: the price and id columns take
// what the fixed ones leave.
func (m *catalogModel) layout() {
	w := m.c.Width
	const mark, tbl, asOf, stale = 2, 11, 11, 13
	rest := max(w-mark-tbl-asOf-stale-1, 24)
	id, price := rest*3/10, rest*9/20
	widths := []int{mark, tbl, id, price, rest - id - price, asOf, stale}
	titles := []string{"", "table", "id", "price", "sheet", "as_of", "stale"}
	cols := make([]table.Column, len(titles))
	for i := range titles {
		cols[i] = table.Column{Title: titles[i], Width: max(widths[i]-1, 1)} // -1: the cell's padding
	}
	m.tbl.SetColumns(cols)
	m.tbl.SetWidth(w)
	m.tbl.SetHeight(max(m.c.Height-1, 2))
	m.mark()
}

func (m *catalogModel) applyFilter() {
	q := strings.ToLower(strings.TrimSpace(m.filter.Value()))
	m.shown = m.shown[:0]
	for _, r := range m.all {
		if q == "" || strings.Contains(strings.ToLower(strings.Join(r, " ")), q) {
			m.shown = append(m.shown, append(table.Row(nil), r...))
		}
	}
	m.tbl.SetRows(m.shown)
	if m.tbl.Cursor() >= len(m.shown) {
		m.tbl.SetCursor(max(len(m.shown)-1, 0))
	}
	m.mark()
}

// mark draws the cursor as a character too, so it shows without colour.
func (m *catalogModel) mark() {
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

// Filtering reports whether the filter box has the keys.
func (m catalogModel) Filtering() bool { return m.filtering }

func (m catalogModel) ShortHelp() []key.Binding {
	k := m.c.Keys
	if m.filtering {
		return []key.Binding{k.Accept, k.Back}
	}
	return []key.Binding{k.Up, k.Down, k.Filter}
}

func (m catalogModel) FullHelp() [][]key.Binding {
	k := m.c.Keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.Filter, k.Back}}
}

func (m catalogModel) Update(msg tea.Msg) (catalogModel, tea.Cmd) {
	k := m.c.Keys
	if km, ok := msg.(tea.KeyMsg); ok {
		switch {
		case m.filtering && key.Matches(km, k.Accept):
			m.filtering = false
			return m, nil
		case m.filtering && key.Matches(km, k.Back), !m.filtering && key.Matches(km, k.Back):
			m.filtering = false
			m.filter.SetValue("")
			m.applyFilter()
			return m, nil
		case m.filtering:
			m.filter, _ = typeInto(m.filter, km)
			m.applyFilter()
			return m, nil
		case key.Matches(km, k.Filter):
			m.filtering = true
			return m, nil
		}
	}
	if mm, ok := msg.(tea.MouseMsg); ok {
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
		top = st.Muted.Render(fmt.Sprintf("%d entries, %d older than %d days · / filters", len(m.all), stale,
			int(m.c.Cfg.StaleAfter.Hours()/24)))
	}
	if len(m.shown) == 0 {
		return block(top+"\n\n"+st.Muted.Render("No entry matches."), w, h)
	}
	return block(top+"\n"+m.tbl.View(), w, h)
}
