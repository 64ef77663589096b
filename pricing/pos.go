package pricing

import "github.com/tunecost/tunecost/tomlpos"

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
