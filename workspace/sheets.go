package workspace

import (
	"fmt"
	"github.com/tunecost/tunecost/diag"
	"github.com/tunecost/tunecost/pricing"
	"github.com/tunecost/tunecost/scenarios"
	"os"
)

// MaxSheets bounds how many price sheets one run layers: a scenario's
// price_sheets (its bases' included) and --prices together.
const MaxSheets = 32

// sheetCount reports, at the first sheet past the limit, a run that would
// layer more than MaxSheets; it returns false when the scenario's own list
// is already too long, so none of them is read.
func (d *Doc) sheetCount(refs []scenarios.Ref) bool {
	extra := d.opt.ExtraSheets
	switch {
	case len(refs) > MaxSheets:
		r := refs[MaxSheets]
		d.Diags.Errorf(r.Src, r.Pos.Line, r.Pos.Col, "price_sheets", "%s: too many price sheets: %d, at most %d per run", r.Label, len(refs), MaxSheets)
		return false
	case len(refs)+len(extra) > MaxSheets && len(extra) <= MaxSheets: // else loadSheets says so
		d.Diags.Errorf(extra[MaxSheets-len(refs)], 0, 0, "", "too many price sheets: %d from the scenario and %d from --prices, at most %d per run", len(refs), len(extra), MaxSheets)
	}
	return true
}

// parseSheet parses a price sheet; pricing.Parse refuses hostile shapes
// (gate.Sheet) before decoding.
func parseSheet(path string, data []byte) (*pricing.Sheet, diag.List) {
	return pricing.Parse(path, data)
}

// MaxRunSheetBytes bounds the price sheets one run reads, all together:
// parsing costs about as much per byte whichever sheet the bytes are in,
// and 32 sheets of MaxSheetBytes each would take half a minute.
const MaxRunSheetBytes = 4 << 20

// sheetBudget counts the bytes of price sheets one run has read.
type sheetBudget struct{ used int64 }

// take reserves the size of the sheet at path, or says why the run may not
// read it. A file that is not regular (a pipe given with --prices) has no
// size yet and counts as the most a sheet may be; a file that cannot be
// stat'ed is left for the reader to report.
func (b *sheetBudget) take(path string) error {
	info, err := os.Stat(path)
	if err != nil {
		return nil
	}
	size := info.Size()
	if !info.Mode().IsRegular() {
		size = MaxSheetBytes
	}
	if b.used+min(size, MaxSheetBytes) > MaxRunSheetBytes {
		return fmt.Errorf("the price sheets of this run would pass %d MiB together, the most one run reads (%.1f MiB read before this one)", MaxRunSheetBytes>>20, float64(b.used)/(1<<20))
	}
	b.used += min(size, MaxSheetBytes)
	return nil
}

// loadSheets reads and parses sheet files in order with load. Unreadable
// files and parse errors are diagnostics; sheets with errors are left out.
func loadSheets(paths []string, load func(path, name string) (*pricing.Sheet, diag.List, error), budget *sheetBudget) ([]*pricing.Sheet, diag.List) {
	var sheets []*pricing.Sheet
	var diags diag.List
	if len(paths) > MaxSheets {
		diags.Errorf(paths[MaxSheets], 0, 0, "", "too many price sheets: %d, at most %d per run", len(paths), MaxSheets)
		paths = paths[:MaxSheets]
	}
	for _, p := range paths {
		if err := budget.take(p); err != nil {
			diags.Errorf(p, 0, 0, "", "cannot read price sheet: %v", err)
			continue
		}
		sh, d, err := load(p, p)
		if err != nil {
			diags.Errorf(p, 0, 0, "", "cannot read price sheet: %v", describeIOError(err))
			continue
		}
		diags = append(diags, d...)
		if sh != nil && !d.HasErrors() {
			sheets = append(sheets, sh)
		}
	}
	return sheets, diags
}

// Catalog layers the built-in sheet, then sheets, then extra (the command
// line's --prices, which win).
func Catalog(sheets []string, extra []string) (*pricing.Catalog, diag.List) {
	loaded, diags := loadSheets(append(append([]string{}, sheets...), extra...), uncached, &sheetBudget{})
	cat, d := pricing.Layer(append([]*pricing.Sheet{pricing.Builtin()}, loaded...)...)
	return cat, append(append(diags, d...), cat.OlderOverNewer...).Capped(diag.MaxShown)
}
