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
	// readOwn, when set, reads the scenario's own files (bases and
	// price_sheets) instead of the disk (Options.ReadOwn).
	readOwn func(path string) ([]byte, error)
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
	data, err := c.readOwnFile(path)
	if c.reads == nil {
		c.reads = map[string]cachedRead{}
	}
	c.reads[path] = cachedRead{data, err}
	return data, err
}

// readOwnFile reads one of the scenario's own files: with readOwn when set,
// within the same size limit as the disk, else from the disk.
func (c *fileCache) readOwnFile(path string) ([]byte, error) {
	if c.readOwn == nil {
		return readLimited(path)
	}
	data, err := c.readOwn(path)
	if err == nil && len(data) > MaxFileBytes {
		return nil, errTooLarge
	}
	return data, err
}

// sheet reads and parses the price sheet at path from the disk, naming it
// name in its diagnostics, from the cache after the first time.
func (c *fileCache) sheet(path, name string) (*pricing.Sheet, diag.List, error) {
	return c.sheetFrom(path, name, false)
}

// ownSheet is sheet for a price sheet the scenario names: read with
// readOwn when set.
func (c *fileCache) ownSheet(path, name string) (*pricing.Sheet, diag.List, error) {
	return c.sheetFrom(path, name, c.readOwn != nil)
}

func (c *fileCache) sheetFrom(path, name string, own bool) (*pricing.Sheet, diag.List, error) {
	key := path + "\x00" + name
	read := readLimited
	if own {
		key, read = "own\x00"+key, c.readOwnFile
	}
	if s, ok := c.sheets[key]; ok {
		return s.sheet, s.diags, s.err
	}
	var s cachedSheet
	data, err := read(path)
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

// uncached reads and parses a sheet afresh, for one-off catalogs.
func uncached(path, name string) (*pricing.Sheet, diag.List, error) {
	var c fileCache
	return c.sheet(path, name)
}
