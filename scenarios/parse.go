package scenarios

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/tunecost/tunecost/diag"
	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/gate"
	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/tomlpos"
)

// topKeys are the keys a scenario may have at the top level.
var topKeys = []string{"name", "description", "horizon_months", "efficiency_ranges", "currency", "price_sheets", "extends", "workload", "team", "option"}

var currencyCode = regexp.MustCompile(`^[A-Z]{3}$`)

// parser collects diagnostics while it reads one file.
type parser struct {
	f     *File
	ix    *tomlpos.Index
	diags diag.List
	// suggested holds "section.key" paths that a did-you-mean offered: a
	// typo is one mistake, so the key it meant is not also reported missing.
	suggested map[string]bool
}

// Parse reads a scenario file: TOML syntax, unknown keys, value types,
// the registry's static ranges, paths and option names. It returns a File
// even when there are errors, with whatever could be read. A file that
// names a base (extends) is checked for completeness by Merge instead.
func Parse(path string, data []byte) (*File, diag.List) {
	return parse(path, data, false)
}

// ParseBase reads a file that others extend: as Parse, but nothing is
// required of it, since the file extending it may supply what it lacks.
func ParseBase(path string, data []byte) (*File, diag.List) {
	return parse(path, data, true)
}

func parse(path string, data []byte, partial bool) (*File, diag.List) {
	f := newFile(path, data)
	f.partial = partial
	// Refused before decoding: pathological nesting, dotted keys, headers
	// and arrays cost the decoder and the index far more than any real
	// scenario needs.
	if r := gate.Check(data, gate.Scenario); r != nil {
		f.ix = tomlpos.Build(nil)
		return f, diag.List{{File: path, Line: r.Line, Col: r.Col, Severity: diag.Error, Message: r.Message}}
	}
	f.ix = tomlpos.Build(data)
	var raw map[string]any
	if _, err := toml.Decode(string(data), &raw); err != nil {
		return f, diag.List{syntaxError(path, data, err)}
	}
	if r, dup := f.ix.Redefined(); dup {
		// The decoder kept one of the two and dropped the other silently.
		return f, diag.List{{File: path, Line: r.At.Line, Col: r.At.Col, Severity: diag.Error,
			Message: fmt.Sprintf("%s is defined twice; the first definition is at %s", r.Keys[len(r.Keys)-1], firstAt(f.ix, r.Keys))}}
	}
	p := &parser{f: f, ix: f.ix, suggested: f.suggested}
	p.top(raw)
	if !partial && !f.written["extends"] {
		p.diags = append(p.diags, f.complete()...)
	}
	p.diags.Sort()
	return f, p.diags
}

// firstAt is where the index saw keys first, as line:col.
func firstAt(ix *tomlpos.Index, keys []string) string {
	p := ix.Pos(keys...)
	return fmt.Sprintf("%d:%d", p.Line, p.Col)
}

// ordered returns m's keys in document order, so reports follow the file.
func (p *parser) ordered(m map[string]any, base []string) []string {
	keys := make([]string, 0, len(m))
	pos := make(map[string]tomlpos.Pos, len(m))
	for k := range m {
		keys = append(keys, k)
		pos[k] = p.ix.Pos(append(append([]string(nil), base...), k)...)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := pos[keys[i]], pos[keys[j]]
		if a != b {
			return a.Line < b.Line || a.Line == b.Line && a.Col < b.Col
		}
		return keys[i] < keys[j]
	})
	return keys
}

func (p *parser) top(raw map[string]any) {
	for _, k := range p.ordered(raw, nil) {
		v, keys := raw[k], []string{k}
		p.f.written[k] = true
		switch k {
		case "name", "description", "currency":
			p.topString(k, v)
		case "price_sheets":
			p.priceSheets(v)
		case "extends":
			if val, ok := p.str(v, keys, k); ok {
				p.f.Extends = p.ref(k, val)
			}
		case "workload", "team":
			p.section(model.Section(k), v)
		case "option":
			p.options(v)
		case "horizon_months", "efficiency_ranges":
			fd, _ := model.FieldByPath(k)
			if val, ok := p.field(fd, v, keys, k); ok {
				p.f.Top[k] = val
			}
		default:
			p.unknown(k, keys, "at the top level", topKeys)
		}
	}
}

// topString reads name, description or currency.
func (p *parser) topString(k string, v any) {
	val, ok := p.str(v, []string{k}, k)
	if !ok {
		return
	}
	switch {
	case k == "name" && strings.TrimSpace(val.Text) == "":
		p.errorf(val.Pos, k, "name must not be empty")
		return
	case k == "currency" && !currencyCode.MatchString(val.Text):
		p.errorf(val.Pos, k, "currency = %s: must be three upper-case letters, like \"USD\"", quoteShort(val.Text))
		return
	}
	p.f.Top[k] = val
	switch k {
	case "name":
		p.f.Name = val.Text
	case "description":
		p.f.Description = val.Text
	case "currency":
		p.f.Currency = val.Text
	}
}

// section reads [workload] or [team].
func (p *parser) section(sec model.Section, v any) {
	name := string(sec)
	m, ok := v.(map[string]any)
	if !ok {
		p.errorf(p.ix.Pos(name), name, "%s must be a table ([%s]), got %s", name, name, describe(v))
		return
	}
	p.f.hasTable[name] = true
	p.f.tables[name] = Loc{p.f.Path, p.ix.Pos(name)}
	fields := model.SectionFields(sec)
	valid := make([]string, len(fields))
	for i, fd := range fields {
		valid[i] = fd.Key
	}
	for _, k := range p.ordered(m, []string{name}) {
		keys := []string{name, k}
		p.f.written[name+"."+k] = true
		fd, known := model.FieldByPath(name + "." + k)
		if !known {
			p.unknown(k, keys, "in ["+name+"]", valid)
			continue
		}
		if val, ok := p.field(fd, m[k], keys, fd.Path()); ok {
			p.f.section(sec)[k] = val
		}
	}
}

// unknown reports a key that the schema does not have and returns the key
// it suggested, if any.
func (p *parser) unknown(k string, keys []string, where string, valid []string) string {
	if len(p.diags) >= diag.MaxShown {
		valid = nil // only counted from here on: spare the did-you-mean search
	}
	if s := diag.Suggest(k, valid); s != "" {
		p.suggested[strings.Join(append(append([]string(nil), keys[:len(keys)-1]...), s), ".")] = true
	}
	e, _ := p.ix.Lookup(keys...)
	pos := p.ix.Pos(keys...)
	if e.IsTable() && e.Start < e.End && p.f.Data[e.Start] == '[' {
		// Written as a header: name it the way the user wrote it.
		brackets := "[" + shortKey(k) + "]"
		if e.End-e.Start > 1 && p.f.Data[e.Start+1] == '[' {
			brackets = "[" + brackets + "]"
		}
		if written := p.f.Data[e.Start:e.End]; len(written) <= MaxNameLen {
			brackets = string(written) // [t.u.v] as written, not the [t] it makes
		}
		if where == "at the top level" {
			where = ""
		} else {
			where = " " + where
		}
		if s := diag.Suggest(k, valid); s != "" {
			meant := strings.Replace(brackets, shortKey(k), s, 1)
			p.errorf(pos, "", "unknown table %s%s; did you mean %s?", brackets, where, meant)
			return s
		}
		p.errorf(pos, "", "unknown table %s%s", brackets, where)
		return ""
	}
	p.errorf(pos, "", "unknown key %s %s%s", format.Quote(k), where, diag.DidYouMean(k, valid))
	return diag.Suggest(k, valid)
}

// shortKey is a key cut for a message as format.Quote cuts it, unquoted.
func shortKey(k string) string {
	if utf8.RuneCountInString(k) > format.QuoteLimit {
		return string([]rune(k)[:format.QuoteLimit]) + "…"
	}
	return k
}
