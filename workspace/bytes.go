package workspace

// LoadBytes evaluates a scenario given as bytes, as if read from path: its
// price_sheets resolve relative to path. `diff --rev` uses it for a file's
// content at a git revision.
func LoadBytes(path string, data []byte, opt Options) *Doc {
	d := &Doc{Path: path, opt: opt, loaded: data}
	d.evaluate()
	return d
}
