package workspace

import (
	"time"

	"github.com/tunecost/tunecost/diag"
	"github.com/tunecost/tunecost/pricing"
)

// checkDates checks the dates of every sheet read from a file against the
// clock and the report's date (pricing.Sheet.CheckDates, MODEL.md §8). The
// built-in sheet is not checked: its dates are the release's, and a clock
// behind them is the machine's mistake, not the sheet's.
func checkDates(sheets []*pricing.Sheet, clock, today time.Time) diag.List {
	var out diag.List
	for _, sh := range sheets {
		if sh != nil && sh != pricing.Builtin() {
			out = append(out, sh.CheckDates(clock, today)...)
		}
	}
	return out
}

func (d *Doc) clock() time.Time {
	if d.opt.Clock != nil {
		return d.opt.Clock()
	}
	return time.Now()
}

// CatalogAt is Catalog with the sheets' dates checked against the clock
// and the report's date today (checkDates).
func CatalogAt(sheets, extra []string, clock, today time.Time) (*pricing.Catalog, diag.List) {
	loaded, diags := loadSheets(append(append([]string{}, sheets...), extra...), uncached, &sheetBudget{})
	diags = append(diags, checkDates(loaded, clock, today)...)
	cat, d := pricing.Layer(append([]*pricing.Sheet{pricing.Builtin()}, loaded...)...)
	return cat, append(append(diags, d...), cat.OlderOverNewer...).Capped(diag.MaxShown)
}
