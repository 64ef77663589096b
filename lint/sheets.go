package lint

import (
	"strconv"

	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/tomlpos"
)

// staleSheets: prices move every quarter, so a sheet older than the
// threshold (180 days by default) may price GPUs and tokens that no longer
// cost that.
func (c *checker) staleSheets() {
	seen := map[SheetInfo]bool{}
	for _, sh := range c.in.Sheets {
		if seen[sh] || sh.AsOf.IsZero() || c.in.Now.IsZero() {
			continue
		}
		seen[sh] = true
		age := c.in.Now.Sub(sh.AsOf)
		if age <= c.staleAfter() {
			continue
		}
		p := c.sheetPos(sh)
		c.out.Warnf(c.path, p.Line, p.Col, "price_sheets",
			"price sheet %s is %d days old (as_of %s, older than %d days): prices move every quarter; update the sheet or layer a newer one",
			sheetLabel(sh), days(age), sh.AsOf.Format("2006-01-02"), days(c.staleAfter()))
	}
}

// sheetPos is the scenario's price_sheets entry naming the sheet, else 1:1
// of the scenario (built-in and --prices sheets), else nothing without a file.
func (c *checker) sheetPos(sh SheetInfo) tomlpos.Pos {
	if sh.Pos.Line > 0 {
		return sh.Pos
	}
	if c.in.File == nil {
		return tomlpos.Pos{}
	}
	for _, ref := range c.in.File.PriceSheets {
		if sh.File != "" && ref.Resolved == sh.File && ref.Pos.Line > 0 {
			return ref.Pos
		}
	}
	return tomlpos.Pos{Line: 1, Col: 1}
}

// sheetLabel names a sheet by name and, when it says more, its file.
func sheetLabel(sh SheetInfo) string {
	name := sh.Name
	if name == "" {
		name = sh.File
	}
	out := strconv.Quote(name)
	if sh.File != "" && sh.File != name {
		out += " (" + format.Sanitize(sh.File) + ")"
	}
	return out
}
