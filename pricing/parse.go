package pricing

import (
	"errors"
	"fmt"
	"maps"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/tunecost/tunecost/diag"
	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/gate"
	"github.com/tunecost/tunecost/tomlpos"
)

var currencyPattern = regexp.MustCompile(`^[A-Z]{3}$`)

// validID reports whether id is lower-case letters, digits and . _ : / @ -,
// starting with a letter or digit: ^[a-z0-9][a-z0-9._:/@-]*$ without the
// regular expression, which cost more than the rest of an entry's checks.
func validID(id string) bool {
	if id == "" || !lowerOrDigit(id[0]) {
		return false
	}
	for i := 1; i < len(id); i++ {
		if c := id[i]; !lowerOrDigit(c) && !strings.ContainsRune("._:/@-", rune(c)) {
			return false
		}
	}
	return true
}

func lowerOrDigit(c byte) bool { return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' }

// maxIDLen bounds ids so that a hostile file cannot flood a terminal row.
const maxIDLen = 200

// MaxEntries bounds the entries of one sheet, all tables together: far
// above any real catalog, and a hostile file cannot make every run slow.
const MaxEntries = gate.MaxSheetEntries

// Parse reads one price sheet. It returns nil and the syntax error when data
// is not TOML; otherwise the sheet with every entry that had no error, and
// every problem found. Entries default as_of and source to the sheet's.
func Parse(file string, data []byte) (*Sheet, diag.List) {
	var diags diag.List
	// Hostile shapes are refused before the index or the decoder reads them.
	if r := gate.Check(data, gate.Sheet); r != nil {
		diags.Errorf(file, r.Line, r.Col, "", "%s", r.Message)
		return nil, diags
	}
	// The position index and the decoder each read the whole file; a large
	// sheet (LiteLLM's map) is read twice as fast with both at once.
	index := make(chan locator, 1)
	go func() { index <- newLocator(data) }()
	raw, err := decode(data)
	if err != nil {
		diags = append(diags, syntaxError(file, data, err))
		return nil, diags
	}
	loc := <-index
	if d, dup := loc.redefined(file); dup {
		return nil, append(diags, d)
	}
	sh := &Sheet{File: file}
	sh.readHeader(raw, loc, &diags)

	top := slices.Sorted(maps.Keys(raw))
	known := []string{"sheet", string(TableExchangeRate)}
	for _, t := range Tables {
		known = append(known, string(t))
	}
	for _, k := range top {
		if k == "sheet" || k == string(TableExchangeRate) {
			continue
		}
		if _, ok := decoders[Table(k)]; !ok {
			p := loc.key(k)
			msg := fmt.Sprintf("unknown table %s", format.Quote(k)) + diag.DidYouMean(k, known)
			diags.Errorf(file, max(p.Line, 1), max(p.Col, 1), k, "%s", msg)
		}
	}
	total := 0
	for _, t := range Tables {
		items, _ := tableItems(raw[string(t)])
		if total+len(items) > MaxEntries {
			p := loc.key(string(t), strconv.Itoa(MaxEntries-total))
			diags.Errorf(file, max(p.Line, 1), max(p.Col, 1), string(t), "too many entries: more than %d in one sheet", MaxEntries)
			diags.Sort()
			return sh, diags
		}
		total += len(items)
	}
	for _, t := range Tables {
		if v, ok := raw[string(t)]; ok {
			sh.readTable(t, v, loc, &diags)
		}
	}
	if v, ok := raw[string(TableExchangeRate)]; ok {
		sh.readRates(v, loc, &diags)
	}
	diags.Sort()
	return sh, diags
}

// readHeader reads the [sheet] table.
func (sh *Sheet) readHeader(raw map[string]any, loc locator, diags *diag.List) {
	sh.Name = strings.TrimSuffix(filepath.Base(sh.File), filepath.Ext(sh.File))
	v, ok := raw["sheet"]
	if !ok {
		diags.Errorf(sh.File, 1, 1, "sheet", "missing [sheet] table (name, currency, as_of, source)")
		return
	}
	m, ok := v.(map[string]any)
	if !ok {
		p := loc.key("sheet")
		diags.Errorf(sh.File, max(p.Line, 1), max(p.Col, 1), "sheet", "sheet must be a table ([sheet]), not %s", typeName(v))
		return
	}
	sh.readHeaderFields(&entryReader{file: sh.File, path: []string{"sheet"}, label: "[sheet]", m: m, loc: loc, diags: diags})
}

// readHeaderFields reads the [sheet] table's fields.
func (sh *Sheet) readHeaderFields(r *entryReader) {
	if name := r.text("name", optional); name != "" {
		sh.Name = name
	}
	if c := r.text("currency", required); c != "" {
		if currencyPattern.MatchString(c) {
			sh.Currency = c
		} else {
			r.errorf("currency", "currency must be three upper-case letters (ISO 4217), got %q", c)
		}
	}
	sh.currencyAt = r.at("currency")
	sh.AsOf = r.date("as_of", required, time.Time{})
	sh.asOfAt = r.at("as_of")
	sh.Source = r.text("source", optional)
	r.unknown()
}

// readTable reads every entry of one array of tables.
func (sh *Sheet) readTable(t Table, v any, loc locator, diags *diag.List) {
	items, ok := tableItems(v)
	if !ok {
		p := loc.key(string(t))
		diags.Errorf(sh.File, max(p.Line, 1), max(p.Col, 1), string(t), "%s must be an array of tables ([[%s]]), not %s", t, t, typeName(v))
		return
	}
	seen := make(map[string]int, len(items)) // id -> the index of the entry that has it
	sh.Entries = slices.Grow(sh.Entries, len(items))
	for i, m := range items {
		r := &entryReader{file: sh.File, path: []string{string(t), strconv.Itoa(i)},
			table: t, index: i, m: m, loc: loc, diags: diags, known: make([]string, 0, 16)}
		before := len(*diags)
		e, ok := sh.readEntry(t, r)
		if !ok || len(*diags) > before {
			continue
		}
		if first, dup := seen[e.ID]; dup {
			r.errorf("id", "duplicate id; the first is at line %d", firstAt(t, first, loc).Line)
			continue
		}
		seen[e.ID] = i
		sh.Entries = append(sh.Entries, e)
	}
}

// firstAt is where the id of entry i of table t is, as its reader says.
func firstAt(t Table, i int, loc locator) position {
	r := entryReader{path: []string{string(t), strconv.Itoa(i)}, loc: loc}
	return r.at("id")
}

// readEntry reads the fields common to every table, then the table's own.
func (sh *Sheet) readEntry(t Table, r *entryReader) (Entry, bool) {
	e := Entry{Table: t, Sheet: sh.Name, File: sh.File}
	e.ID = r.text("id", required)
	switch {
	case e.ID == "":
		if _, given := r.m["id"]; given {
			r.errorf("id", "id must not be empty")
		}
	case len(e.ID) > maxIDLen:
		r.errorf("id", "id is longer than %d characters", maxIDLen)
	case !validID(e.ID):
		r.errorf("id", "id %q must be lower-case letters, digits and . _ : / @ - (starting with a letter or digit)", e.ID)
	default:
		r.id = e.ID
	}
	e.Name = r.text("name", optional)
	e.Source = r.text("source", optional)
	if e.Source == "" {
		e.Source = sh.Source
	}
	e.AsOf = r.date("as_of", optional, sh.AsOf)
	e.Note = r.text("note", optional)
	e.Item = decoders[t](r, &e)
	r.unknown()
	h := r.header()
	e.Line, e.Col = h.Line, h.Col
	e.at = &fieldPositions{loc: r.loc, path: r.path}
	return e, e.ID != ""
}

// tableItems accepts [[t]] arrays and inline arrays of inline tables.
func tableItems(v any) ([]map[string]any, bool) {
	switch x := v.(type) {
	case []map[string]any:
		return x, true
	case []any:
		out := make([]map[string]any, 0, len(x))
		for _, it := range x {
			m, ok := it.(map[string]any)
			if !ok {
				return nil, false
			}
			out = append(out, m)
		}
		return out, true
	}
	return nil, false
}

// syntaxError turns a TOML decoding error into a positioned diagnostic.
func syntaxError(file string, data []byte, err error) diag.Diagnostic {
	d := diag.Diagnostic{File: file, Line: 1, Col: 1, Severity: diag.Error, Message: err.Error()}
	var pe toml.ParseError
	if errors.As(err, &pe) {
		p := tomlpos.ErrorPos(data, pe)
		d.Line, d.Col, d.Message = p.Line, p.Col, pe.Message
	}
	return d
}
