package workspace

import (
	"github.com/tunecost/tunecost/diag"
	"github.com/tunecost/tunecost/lint"
)

// lint runs the risk rules over the evaluated document.
func (d *Doc) lint() diag.List {
	sheets := make([]lint.SheetInfo, 0, len(d.sheets))
	for _, sh := range d.sheets {
		sheets = append(sheets, lint.SheetInfo{Name: sh.Name, File: sh.File, AsOf: sh.AsOf})
	}
	return lint.Check(lint.Input{File: d.File, Scenario: d.Input, Catalog: d.Catalog, Result: d.Result,
		Sheets: sheets, Now: d.now(), StaleAfter: d.opt.StaleAfter})
}
