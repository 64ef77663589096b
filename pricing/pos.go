package pricing

import (
	"fmt"

	"github.com/tunecost/tunecost/diag"
	"github.com/tunecost/tunecost/tomlpos"
)

// position is a 1-based line and column (in runes); zero when unknown.
type position = tomlpos.Pos

// locator says where a key and its value sit in the source; keys are a path
// such as ("offer", "3", "gpu"), arrays of tables by 0-based index.
type locator struct{ ix *tomlpos.Index }

func newLocator(data []byte) locator { return locator{tomlpos.Build(data)} }

func (l locator) key(keys ...string) position {
	e, _ := l.ix.Lookup(keys...)
	return e.Key
}

func (l locator) value(keys ...string) position {
	e, _ := l.ix.Lookup(keys...)
	return e.Value
}

// redefined reports a key the sheet writes twice in a way the decoder
// accepts silently (b.c = 1, then b = 2: the value is dropped).
func (l locator) redefined(file string) (diag.Diagnostic, bool) {
	r, dup := l.ix.Redefined()
	if !dup {
		return diag.Diagnostic{}, false
	}
	first := l.ix.Pos(r.Keys...)
	return diag.Diagnostic{File: file, Line: r.At.Line, Col: r.At.Col, Severity: diag.Error,
		Message: fmt.Sprintf("%s is defined twice; the first definition is at %d:%d", r.Keys[len(r.Keys)-1], first.Line, first.Col)}, true
}
