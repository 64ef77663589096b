package workspace

import (
	"github.com/tunecost/tunecost/diag"
	"github.com/tunecost/tunecost/pricing"
)

// MaxSheets bounds how many price sheets one run layers.
const MaxSheets = 32

// loadSheets reads and parses sheet files in order. Unreadable files and
// parse errors are diagnostics; sheets with errors are left out.
func loadSheets(paths []string) ([]*pricing.Sheet, diag.List) {
	var sheets []*pricing.Sheet
	var diags diag.List
	if len(paths) > MaxSheets {
		diags.Errorf(paths[MaxSheets], 0, 0, "", "too many price sheets: %d, at most %d per run", len(paths), MaxSheets)
		paths = paths[:MaxSheets]
	}
	for _, p := range paths {
		data, err := readLimited(p)
		if err != nil {
			diags.Errorf(p, 0, 0, "", "cannot read price sheet: %v", describeIOError(err))
			continue
		}
		sh, d := pricing.Parse(p, data)
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
	loaded, diags := loadSheets(append(append([]string{}, sheets...), extra...))
	cat, d := pricing.Layer(append([]*pricing.Sheet{pricing.Builtin()}, loaded...)...)
	return cat, append(diags, d...)
}
