package views

import (
	"github.com/tunecost/tunecost/pricing"
)

// entryFields lists every field of a catalog entry under its name in the
// sheet, with its unit, from pricing.EntryFields: an optional field the
// sheet leaves out shows "—" (or what the engine uses instead).
func entryFields(e pricing.Entry, cur string) [][2]string {
	rows := [][2]string{{"id", clean(e.ID)}, {"name", orDash(clean(e.Name))}}
	for _, f := range pricing.TableFields(e.Table) {
		rows = append(rows, [2]string{f.Key, clean(f.Text(e, cur))})
	}
	return rows
}
