package tomlpos

import (
	"bytes"
	"slices"
	"strconv"
)

// maxDepth bounds nesting of arrays and inline tables so hostile input
// cannot exhaust the stack.
const maxDepth = 200

// builder walks the document once, recording entries and tables.
type builder struct {
	lexer
	ix  *Index
	cur []string // path of the current [table] or [[array]] element
	// lastTable is the path and canon key tableKey gave last.
	lastTable struct {
		path []string
		key  string
	}
}

// Build indexes data. It accepts any bytes and never panics.
func Build(data []byte) *Index {
	ix := &Index{
		data:   data,
		lines:  make([]int, 1, bytes.Count(data, []byte("\n"))+1),
		tables: map[string]*table{},
		arrays: map[string]int{},
	}
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		ix.bom = 3
	}
	for i, c := range data {
		if c == '\n' {
			ix.lines = append(ix.lines, i+1)
		}
	}
	// About one entry a line: sized once, as a price sheet has thousands;
	// a file of blank lines gets no more than a large sheet needs.
	ix.entries = make(map[string]Entry, min(len(ix.lines), 1<<15))
	if i := bytes.IndexByte(data, '\n'); i > 0 && data[i-1] == '\r' {
		ix.crlf = true
	}
	ix.tables[""] = &table{insertAt: ix.bom}
	b := &builder{lexer: lexer{s: data, i: ix.bom}, ix: ix}
	b.run()
	return ix
}

func (b *builder) run() {
	for {
		b.skipBlank()
		if b.eof() {
			return
		}
		start := b.i
		ok := false
		if b.peek() == '[' {
			ok = b.header()
		} else {
			ok = b.keyValue(b.cur, b.cur, 0, nil)
		}
		b.skipWS()
		b.skipComment()
		if !ok || (!b.eof() && b.peek() != '\n' && b.peek() != '\r') || b.i == start {
			b.skipLine()
		}
	}
}

// header reads [a.b] or [[a.b]] and makes it the current table.
func (b *builder) header() bool {
	start := b.i
	array := b.hasPrefix("[[")
	b.i++
	if array {
		b.i++
	}
	segs, ok := b.key()
	if !ok {
		return false
	}
	closing := "]"
	if array {
		closing = "]]"
	}
	if !b.hasPrefix(closing) {
		return false
	}
	b.i += len(closing)
	path := b.resolve(segs, array)
	e := Entry{Key: b.ix.position(start), Value: b.ix.position(start), Start: start, End: b.i, table: true}
	b.addPrefixes(path, e)
	b.add(path, e)
	if array {
		b.add(path[:len(path)-1], e) // the array's name points at its first block
	}
	b.cur = path
	b.ix.tables[canon(path)] = &table{base: path, insertAt: b.ix.lineEnd(b.i), indent: b.ix.indentOf(start)}
	return true
}

// resolve maps header segments to a path, inserting the current index of
// every array of tables on the way and counting a new block for [[...]].
func (b *builder) resolve(segs []string, array bool) []string {
	var out []string
	for i, s := range segs {
		out = append(out, s)
		n := b.ix.arrays[canon(out)]
		if array && i == len(segs)-1 {
			b.ix.arrays[canon(out)] = n + 1
			return append(out, strconv.Itoa(n))
		}
		if n > 0 {
			out = append(out, strconv.Itoa(n-1))
		}
	}
	return out
}

// add records an entry; the first definition wins in a file with duplicates.
func (b *builder) add(path []string, e Entry) {
	k := canon(path)
	if _, dup := b.ix.entries[k]; !dup {
		b.ix.entries[k] = e
	}
}

// addPrefixes records the tables a dotted header implies ([t.u.v] makes
// t and t.u), so a message about t points at the header that made it.
func (b *builder) addPrefixes(path []string, e Entry) {
	for n := 1; n < len(path); n++ {
		b.add(path[:n], e)
	}
}

// keyValue reads `key = value` under base. owner is the path new keys of
// dotted sub-tables are written relative to (the header, or the inline
// table); inline is that inline table's record, nil at the top level.
func (b *builder) keyValue(base, owner []string, depth int, inline *table) bool {
	keyStart := b.i
	segs, ok := b.key()
	if !ok || b.peek() != '=' {
		return false
	}
	b.i++
	b.skipWS()
	path := append(append([]string(nil), base...), segs...)
	vs := b.i
	if !b.value(path, depth) {
		return false
	}
	keyPos := b.ix.position(keyStart)
	k := canon(path)
	if _, dup := b.ix.entries[k]; dup {
		if b.ix.redefined == nil {
			// b.c = 1 then b = 2: the decoder keeps the table and drops the
			// value without a word, so the index and the decoder would disagree.
			b.ix.redefined = &Redefinition{Keys: path, At: keyPos}
		}
	} else {
		b.ix.entries[k] = Entry{Key: keyPos, Value: b.ix.position(vs), Start: vs, End: b.i}
	}
	// Every table the key lives in (the header's, and the dotted ones on
	// the way) now ends at this line.
	for n := len(base); n < len(path); n++ {
		p := path[:n]
		tk := b.tableKey(p)
		t := b.ix.tables[tk]
		if t == nil {
			if n > len(base) {
				b.add(p, Entry{Key: keyPos, Value: keyPos, Start: keyStart, End: b.i, table: true})
			}
			t = &table{base: owner, inline: inline != nil}
			b.ix.tables[tk] = t
		}
		if inline != nil {
			t.inline, t.base, t.insertAt, t.nonEmpty = true, owner, b.i, true
		} else {
			t.insertAt, t.indent = b.ix.lineEnd(b.i), b.ix.indentOf(keyStart)
		}
	}
	return true
}

// tableKey is canon(p), remembered for the last table: every key of a
// table asks for it, and a price sheet has thousands of keys.
func (b *builder) tableKey(p []string) string {
	if b.lastTable.key == "" || !slices.Equal(b.lastTable.path, p) {
		b.lastTable.path, b.lastTable.key = slices.Clone(p), canon(p)
	}
	return b.lastTable.key
}

// value reads any value, indexing array elements and inline-table keys.
func (b *builder) value(path []string, depth int) bool {
	if depth > maxDepth {
		return false
	}
	switch {
	case b.peek() == '"' || b.peek() == '\'':
		return b.skipString()
	case b.peek() == '[':
		return b.array(path, depth)
	case b.peek() == '{':
		return b.inlineTable(path, depth)
	}
	return b.scalar()
}

func (b *builder) array(path []string, depth int) bool {
	b.i++
	for n := 0; ; n++ {
		b.skipBlank()
		if b.peek() == ']' {
			b.i++
			return true
		}
		start := b.i
		elem := append(append([]string(nil), path...), strconv.Itoa(n))
		if b.eof() || !b.value(elem, depth+1) {
			return false
		}
		p := b.ix.position(start)
		b.add(elem, Entry{Key: p, Value: p, Start: start, End: b.i})
		b.skipBlank()
		switch b.peek() {
		case ',':
			b.i++
		case ']':
			b.i++
			return true
		default:
			return false
		}
	}
}

func (b *builder) inlineTable(path []string, depth int) bool {
	b.i++
	t := &table{base: path, inline: true, insertAt: b.i}
	b.ix.tables[canon(path)] = t
	for {
		b.skipBlank()
		if b.peek() == '}' {
			b.i++
			return true
		}
		if b.eof() || !b.keyValue(path, path, depth+1, t) {
			return false
		}
		t.insertAt, t.nonEmpty = b.i, true
		b.skipBlank()
		switch b.peek() {
		case ',':
			b.i++
		case '}':
			b.i++
			return true
		default:
			return false
		}
	}
}
