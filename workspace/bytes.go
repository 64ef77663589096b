package workspace

import "github.com/tunecost/tunecost/diag"

// LoadBytes evaluates a scenario given as bytes, as if read from path: its
// price_sheets resolve relative to path. `diff --rev` uses it for a file's
// content at a git revision. The bytes obey the file limit, wherever they
// came from.
func LoadBytes(path string, data []byte, opt Options) *Doc {
	d := &Doc{Path: path, opt: opt, loaded: data}
	if len(data) > MaxFileBytes {
		d.fail(diag.Diagnostic{File: path, Line: 1, Col: 1, Message: "cannot read: " + tooLarge(MaxFileBytes).Error()})
		return d
	}
	d.evaluate()
	return d
}
