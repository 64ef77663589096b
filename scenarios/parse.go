package scenarios

import (
	"regexp"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/tunecost/tunecost/diag"
	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/tomlpos"
)

// topKeys are the keys a scenario may have at the top level.
var topKeys = []string{"name", "description", "horizon_months", "currency", "price_sheets", "extends", "workload", "team", "option"}

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
// even when there are errors, with whatever could be read.
func Parse(path string, data []byte) (*File, diag.List) {
	f := newFile(path, data)
	f.ix = tomlpos.Build(data)
	var raw map[string]any
	if _, err := toml.Decode(string(data), &raw); err != nil {
		return f, diag.List{syntaxError(path, data, err)}
	}
	p := &parser{f: f, ix: f.ix, suggested: map[string]bool{}}
	p.top(raw)
	p.diags.Sort()
	return f, p.diags
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
		case "horizon_months":
			fd, _ := model.FieldByPath(k)
			if val, ok := p.field(fd, v, keys, k); ok {
				p.f.Top[k] = val
			}
		default:
			p.unknown(k, keys, "at the top level", topKeys)
		}
	}
	if p.f.Name == "" && !p.has("name") && !p.suggested["name"] {
		p.errorf(tomlpos.Pos{Line: 1, Col: 1}, "name", "missing name (a non-empty string naming the scenario)")
	}
	if _, ok := raw["workload"]; !ok && !p.suggested["workload"] {
		p.errorf(tomlpos.Pos{Line: 1, Col: 1}, "workload", "missing [workload] table (with queries_per_month, input_tokens and output_tokens)")
	}
	if _, ok := raw["option"]; !ok && !p.suggested["option"] {
		p.errorf(tomlpos.Pos{Line: 1, Col: 1}, "option", "missing [[option]] tables: a scenario compares at least one option")
	}
}

func (p *parser) has(key string) bool {
	_, ok := p.ix.Lookup(key)
	return ok
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
	fields := model.SectionFields(sec)
	valid := make([]string, len(fields))
	for i, fd := range fields {
		valid[i] = fd.Key
	}
	for _, k := range p.ordered(m, []string{name}) {
		keys := []string{name, k}
		fd, known := model.FieldByPath(name + "." + k)
		if !known {
			p.unknown(k, keys, "in ["+name+"]", valid)
			continue
		}
		if val, ok := p.field(fd, m[k], keys, fd.Path()); ok {
			p.f.section(sec)[k] = val
		}
	}
	for _, fd := range fields {
		if _, set := m[fd.Key]; fd.Required && !set && !p.suggested[fd.Path()] {
			p.errorf(p.ix.Pos(name), fd.Path(), "[%s] is missing %s (%s)", name, fd.Key, validText(fd))
		}
	}
}

// unknown reports a key that the schema does not have and returns the key
// it suggested, if any.
func (p *parser) unknown(k string, keys []string, where string, valid []string) string {
	if s := diag.Suggest(k, valid); s != "" {
		p.suggested[strings.Join(append(append([]string(nil), keys[:len(keys)-1]...), s), ".")] = true
	}
	e, _ := p.ix.Lookup(keys...)
	pos := p.ix.Pos(keys...)
	if e.IsTable() && e.Start < e.End && p.f.Data[e.Start] == '[' {
		// Written as a header: name it the way the user wrote it.
		brackets := "[" + k + "]"
		if e.End-e.Start > 1 && p.f.Data[e.Start+1] == '[' {
			brackets = "[" + brackets + "]"
		}
		if where == "at the top level" {
			where = ""
		} else {
			where = " " + where
		}
		if s := diag.Suggest(k, valid); s != "" {
			meant := strings.Replace(brackets, k, s, 1)
			p.errorf(pos, "", "unknown table %s%s; did you mean %s?", brackets, where, meant)
			return s
		}
		p.errorf(pos, "", "unknown table %s%s", brackets, where)
		return ""
	}
	p.errorf(pos, "", "unknown key %q %s%s", k, where, didYouMean(k, valid))
	return diag.Suggest(k, valid)
}
