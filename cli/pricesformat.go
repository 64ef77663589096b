package cli

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/pricing"
)

// catalogListing is `prices --format json`: the catalog a run would see.
type catalogListing struct {
	Currency  string         `json:"currency"`
	Today     string         `json:"today"`
	StaleDays int            `json:"stale_days"`
	Entries   []listingEntry `json:"entries"`
}

type listingEntry struct {
	Table   string         `json:"table"`
	ID      string         `json:"id"`
	Name    string         `json:"name"`
	Sheet   string         `json:"sheet"`
	File    string         `json:"file"`
	AsOf    string         `json:"as_of"`
	AgeDays int            `json:"age_days"`
	Stale   bool           `json:"stale"`
	Source  string         `json:"source"`
	Note    string         `json:"note"`
	Fields  map[string]any `json:"fields"`
}

func (a *App) listing(cat *pricing.Catalog) catalogListing {
	now := a.now()
	out := catalogListing{Currency: cat.Currency, Today: now.Format(time.DateOnly), StaleDays: days(a.stale()), Entries: []listingEntry{}}
	for _, e := range cat.Entries {
		fields := map[string]any{}
		for _, f := range e.Fields() {
			fields[f.Key] = f.Value
		}
		out.Entries = append(out.Entries, listingEntry{Table: string(e.Table), ID: e.ID, Name: e.Name, Sheet: e.Sheet,
			File: e.File, AsOf: e.AsOf.Format(time.DateOnly), AgeDays: days(now.Sub(e.AsOf)), Stale: e.Stale(now, a.stale()),
			Source: e.Source, Note: e.Note, Fields: fields})
	}
	return out
}

func days(d time.Duration) int { return int(d.Hours() / 24) }

// writeCatalogJSON writes the listing with the invisible characters a
// sheet's free text may hold escaped (format.EscapeJSON), as the scenario
// JSON does: docs/limits.md.
func writeCatalogJSON(w io.Writer, l catalogListing) error {
	return format.WriteJSON(w, l)
}

// catalogCSVHeader is the CSV's column contract: the entry's own columns,
// then every table's fields (empty where a table has no such field).
var catalogCSVHeader = append([]string{"table", "id", "name", "sheet", "file", "as_of", "age_days", "stale", "source", "note"}, pricing.FieldKeys...)

func writeCatalogCSV(w io.Writer, l catalogListing) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(catalogCSVHeader); err != nil {
		return err
	}
	for _, e := range l.Entries {
		rec := []string{e.Table, cell(e.ID), cell(e.Name), cell(e.Sheet), cell(e.File), e.AsOf,
			strconv.Itoa(e.AgeDays), strconv.FormatBool(e.Stale), cell(e.Source), cell(e.Note)}
		for _, k := range pricing.FieldKeys {
			rec = append(rec, fieldText(e.Fields[k]))
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func fieldText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case string:
		return cell(x)
	}
	return fmt.Sprint(v)
}

// cell sanitizes text from a sheet for a spreadsheet: no control
// characters, and no leading = + - @ that would make it a formula.
func cell(s string) string {
	s = format.Sanitize(s)
	if t := strings.TrimLeft(s, " "); t != "" && strings.ContainsRune("=+-@", rune(t[0])) {
		return "'" + s
	}
	return s
}
