package workspace

import (
	"slices"

	"github.com/tunecost/tunecost/diag"
	"github.com/tunecost/tunecost/pricing"
)

// fileCache keeps what evaluate reads besides the scenario itself — the
// extends bases and the price sheets — so that an edit, which changes only
// the scenario's own values, recomputes without reading or parsing them
// again on every keystroke. Reload empties it.
type fileCache struct {
	reads  map[string]cachedRead
	sheets map[string]cachedSheet
	// layered is the last catalog layered, and of which sheets: an edit
	// layers the same sheets again, which for a real-size catalog costs
	// far more than the rest of the keystroke.
	layered layeredCatalog
	// readOwn, when set, reads the scenario's own files (bases and
	// price_sheets) instead of the disk (Options.ReadOwn).
	readOwn func(path string, limit int64) ([]byte, error)
}

type cachedRead struct {
	data []byte
	err  error
}

type cachedSheet struct {
	sheet *pricing.Sheet
	diags diag.List
	err   error
}

// read returns an extends base's bytes, from the cache after the first time.
func (c *fileCache) read(path string) ([]byte, error) {
	if r, ok := c.reads[path]; ok {
		return r.data, r.err
	}
	data, err := c.readOwnFile(path, MaxFileBytes)
	if c.reads == nil {
		c.reads = map[string]cachedRead{}
	}
	c.reads[path] = cachedRead{data, err}
	return data, err
}

// readOwnFile reads one of the scenario's own files (a base or a sheet it
// names): with readOwn when set, within the same size limit as the disk;
// else from the disk, a regular file only.
func (c *fileCache) readOwnFile(path string, limit int64) ([]byte, error) {
	if c.readOwn == nil {
		return readNamed(path, limit)
	}
	data, err := c.readOwn(path, limit)
	if err == nil && int64(len(data)) > limit {
		return nil, tooLarge(limit)
	}
	return data, err
}

// ownSheet reads and parses a price sheet that the scenario names (a
// regular file, or read with readOwn when set), naming it name in its
// diagnostics, from the cache after the first time.
func (c *fileCache) ownSheet(path, name string) (*pricing.Sheet, diag.List, error) {
	key := "own\x00" + path + "\x00" + name
	return c.cachedSheet(key, name, func() ([]byte, error) { return c.readOwnFile(path, MaxSheetBytes) })
}

// argSheet is a sheet given on the command line (--prices): read from the
// disk, and any readable file, such as a pipe.
func (c *fileCache) argSheet(path, name string) (*pricing.Sheet, diag.List, error) {
	key := "arg\x00" + path + "\x00" + name
	return c.cachedSheet(key, name, func() ([]byte, error) { return readFile(path, MaxSheetBytes, false) })
}

func (c *fileCache) cachedSheet(key, name string, read func() ([]byte, error)) (*pricing.Sheet, diag.List, error) {
	if s, ok := c.sheets[key]; ok {
		return s.sheet, s.diags, s.err
	}
	var s cachedSheet
	data, err := read()
	if err != nil {
		s.err = err
	} else {
		s.sheet, s.diags = parseSheet(name, data)
	}
	if c.sheets == nil {
		c.sheets = map[string]cachedSheet{}
	}
	c.sheets[key] = s
	return s.sheet, s.diags, s.err
}

type layeredCatalog struct {
	sheets  []*pricing.Sheet
	target  pricing.Target // the scenario's currency, and the day rates are chosen on
	catalog *pricing.Catalog
	diags   diag.List
}

// layer returns pricing.LayerIn of sheets, reusing the last result when the
// sheets are the same ones (as parsed, so by pointer) in the same order,
// for the same currency and day. The catalog is shared between
// evaluations: no one may modify it.
func (c *fileCache) layer(sheets []*pricing.Sheet, target pricing.Target) (*pricing.Catalog, diag.List) {
	l := &c.layered
	if l.catalog == nil || !slices.Equal(l.sheets, sheets) || l.target != target {
		cat, diags := pricing.LayerIn(target, sheets...)
		c.layered = layeredCatalog{sheets: slices.Clone(sheets), target: target, catalog: cat, diags: diags}
	}
	return c.layered.catalog, slices.Clip(c.layered.diags)
}

// uncached reads and parses a sheet named on the command line afresh, for
// one-off catalogs.
func uncached(path, name string) (*pricing.Sheet, diag.List, error) {
	var c fileCache
	return c.argSheet(path, name)
}
