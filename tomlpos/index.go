package tomlpos

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Pos is a 1-based position; Col counts runes, so it matches what an editor shows.
type Pos struct{ Line, Col int }

// Entry is where one key (or table header, or array element) sits.
type Entry struct {
	Key   Pos // where the key starts (for a table header: the '[')
	Value Pos // where the value text starts
	// Start and End are byte offsets of the value's text (End exclusive);
	// for a table header both are the header's span.
	Start, End int
	table      bool
}

// IsTable reports whether the entry is a [table] or [[array]] header, or a
// table that dotted keys create (a.b = 1 makes a); such entries have no
// value text of their own to replace.
func (e Entry) IsTable() bool { return e.table }

// Index is the lexical index of one document.
type Index struct {
	lines   []int // byte offset of each line start
	bom     int   // length of a leading UTF-8 BOM
	data    []byte
	entries map[string]Entry
	tables  map[string]*table
	arrays  map[string]int
	crlf    bool
	// redefined is the first key written twice, which callers refuse
	redefined *Redefinition
	memo      struct{ off, line, col int } // last position computed, so long lines stay linear
}

// table is what Replace needs to add a key to a table.
type table struct {
	base     []string // path the new key is written relative to
	insertAt int      // byte offset where a new "key = value" goes
	indent   string   // indentation of the table's last key line
	inline   bool     // an inline table: insert before its '}'
	nonEmpty bool     // inline table already has a key (needs a comma)
}

// canon joins a path into a map key; NUL cannot appear in a TOML key's bytes
// without escapes, and a clash would only misplace a position.
func canon(keys []string) string { return strings.Join(keys, "\x00") }

// Redefinition is a key that the document writes a second time.
type Redefinition struct {
	Keys []string // the key's path
	At   Pos      // where the second definition starts
}

// Redefined returns the first key the document defines twice, if any. The
// decoder rejects most of these, but not a value written after a dotted
// table of the same name (b.c = 1, then b = 2): it silently drops the value.
func (ix *Index) Redefined() (Redefinition, bool) {
	if ix == nil || ix.redefined == nil {
		return Redefinition{}, false
	}
	return *ix.redefined, true
}

// Lookup returns the entry at a key path.
func (ix *Index) Lookup(keys ...string) (Entry, bool) {
	if ix == nil {
		return Entry{}, false
	}
	e, ok := ix.entries[canon(keys)]
	return e, ok
}

// Pos returns the key's position, or the nearest enclosing table's (or key's),
// or {1,1} when nothing on the path is in the document.
func (ix *Index) Pos(keys ...string) Pos {
	for n := len(keys); n > 0; n-- {
		if e, ok := ix.Lookup(keys[:n]...); ok {
			return e.Key
		}
	}
	return Pos{1, 1}
}

// ArrayLen returns the number of [[table]] blocks of a dotted table name
// ("option"; nested arrays use the resolved path, "option.0.sub").
func (ix *Index) ArrayLen(table string) int {
	if ix == nil {
		return 0
	}
	return ix.arrays[canon(strings.Split(table, "."))]
}

// Keys returns every indexed path in document order, for callers that need
// to walk what the file says (tests, unknown-key checks).
func (ix *Index) Keys() [][]string {
	type kp struct {
		keys []string
		e    Entry
	}
	var all []kp
	for k, e := range ix.entries {
		all = append(all, kp{strings.Split(k, "\x00"), e})
	}
	sort.Slice(all, func(i, j int) bool {
		a, b := all[i], all[j]
		if a.e.Key != b.e.Key {
			return a.e.Key.Line < b.e.Key.Line || (a.e.Key.Line == b.e.Key.Line && a.e.Key.Col < b.e.Key.Col)
		}
		return len(a.keys) < len(b.keys)
	})
	out := make([][]string, len(all))
	for i, x := range all {
		out[i] = x.keys
	}
	return out
}

// position converts a byte offset to a line and rune column.
func (ix *Index) position(off int) Pos {
	off = max(0, min(off, len(ix.data)))
	line := sort.Search(len(ix.lines), func(i int) bool { return ix.lines[i] > off }) - 1
	line = max(line, 0)
	start := ix.lines[line]
	if line == 0 {
		start = min(ix.bom, off)
	}
	col := 0
	if m := ix.memo; m.line == line && m.off >= start && m.off <= off && m.col > 0 {
		start, col = m.off, m.col-1
	}
	col += utf8.RuneCount(ix.data[start:off]) + 1
	ix.memo.off, ix.memo.line, ix.memo.col = off, line, col
	return Pos{Line: line + 1, Col: col}
}

// lineEnd returns the offset just past the newline ending the line that holds off.
func (ix *Index) lineEnd(off int) int {
	for i := max(off, 0); i < len(ix.data); i++ {
		if ix.data[i] == '\n' {
			return i + 1
		}
	}
	return len(ix.data)
}

// indentOf returns the spaces and tabs that start the line holding off.
func (ix *Index) indentOf(off int) string {
	p := ix.position(off)
	start := ix.lines[p.Line-1]
	if p.Line == 1 {
		start = ix.bom
	}
	end := start
	for end < len(ix.data) && (ix.data[end] == ' ' || ix.data[end] == '\t') {
		end++
	}
	return string(ix.data[start:end])
}
