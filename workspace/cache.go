package workspace

import (
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

// read returns a file's bytes, from the cache after the first time.
func (c *fileCache) read(path string) ([]byte, error) {
	if r, ok := c.reads[path]; ok {
		return r.data, r.err
	}
	data, err := readNamed(path, MaxFileBytes)
	if c.reads == nil {
		c.reads = map[string]cachedRead{}
	}
	c.reads[path] = cachedRead{data, err}
	return data, err
}

// sheet reads and parses the price sheet at path, a path that a scenario
// names (a regular file only), naming it name in its diagnostics, from the
// cache after the first time.
func (c *fileCache) sheet(path, name string) (*pricing.Sheet, diag.List, error) {
	return c.cachedSheet(path, name, true)
}

// argSheet is sheet for a path given on the command line (--prices),
// which may be any readable file, such as a pipe.
func (c *fileCache) argSheet(path, name string) (*pricing.Sheet, diag.List, error) {
	return c.cachedSheet(path, name, false)
}

func (c *fileCache) cachedSheet(path, name string, regularOnly bool) (*pricing.Sheet, diag.List, error) {
	key := path + "\x00" + name
	if s, ok := c.sheets[key]; ok {
		return s.sheet, s.diags, s.err
	}
	var s cachedSheet
	data, err := readFile(path, MaxSheetBytes, regularOnly)
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

// uncached reads and parses a sheet named on the command line afresh, for
// one-off catalogs.
func uncached(path, name string) (*pricing.Sheet, diag.List, error) {
	var c fileCache
	return c.argSheet(path, name)
}
