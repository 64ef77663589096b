package scenarios

import (
	"maps"
	"slices"

	"github.com/tunecost/tunecost/diag"
	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/model"
)

// Merge returns child completed by base, the file its extends names (see
// the package doc for the rules). Both stay unchanged. The result keeps
// child's path, bytes and index, so Set and Bytes still edit child; the
// inherited values keep their base's Src and positions, so problems with
// them name the base. It reports what only the merged whole shows: keys
// that the merged kind rules out, too many options, and (unless child is
// itself a base) anything a scenario must have and neither file gives.
func Merge(base, child *File) (*File, diag.List) {
	m := *child
	m.Top = mergeValues(base.Top, child.Top, "name")
	m.Workload = mergeValues(base.Workload, child.Workload)
	m.Team = mergeValues(base.Team, child.Team)
	m.Description, m.Currency = m.Top["description"].Text, m.Top["currency"].Text
	m.PriceSheets = append(slices.Clone(base.PriceSheets), child.PriceSheets...)
	m.written = union(base.written, child.written)
	delete(m.written, "name")
	if child.written["name"] {
		m.written["name"] = true
	}
	m.suggested = union(base.suggested, child.suggested)
	m.tables = union(base.tables, child.tables)
	m.edits = slices.Clone(child.edits)
	m.Options = mergeOptions(base.Options, child.Options)

	var d diag.List
	m.kindCheck(&d)
	if len(m.Options) > MaxOptions {
		at := m.Options[MaxOptions].Loc()
		d.Errorf(orPath(at.File, m.Path), at.Line, at.Col, "option", "too many options: %d with those of %s, at most %d per scenario", len(m.Options), base.Path, MaxOptions)
		m.Options = m.Options[:MaxOptions]
	}
	if !child.partial {
		d = append(d, m.complete()...)
	}
	d.Sort()
	return &m, d
}

// mergeValues is base's values overlaid with child's, without the skipped keys.
func mergeValues(base, child map[string]Value, skip ...string) map[string]Value {
	out := maps.Clone(child)
	if out == nil {
		out = map[string]Value{}
	}
	for k, v := range base {
		if _, set := child[k]; !set && !slices.Contains(skip, k) {
			out[k] = v
		}
	}
	return out
}

func union[V any](a, b map[string]V) map[string]V {
	out := maps.Clone(a)
	if out == nil {
		out = map[string]V{}
	}
	maps.Copy(out, b)
	return out
}

// mergeOptions keeps base's options in order, each merged key by key with
// the child option of the same name; child's other options follow in its
// order. Only child's own tables keep an index into child's data.
func mergeOptions(base, child []OptionValues) []OptionValues {
	byName := map[string]int{}
	for i, c := range child {
		if _, dup := byName[format.NameKey(c.Name)]; c.Name != "" && !dup {
			byName[format.NameKey(c.Name)] = i
		}
	}
	used := make([]bool, len(child))
	out := make([]OptionValues, 0, len(base)+len(child))
	for _, b := range base {
		o := b.clone()
		o.index, o.inherited = -1, true
		if i, ok := byName[format.NameKey(b.Name)]; ok && b.Name != "" && !used[i] {
			used[i] = true
			c := child[i]
			maps.Copy(o.Values, c.Values)
			maps.Copy(o.written, c.written)
			if c.Kind != "" {
				o.Kind = c.Kind
			}
			o.index = c.index
			o.headers = append(o.headers, c.headers...)
		}
		out = append(out, o)
	}
	for i, c := range child {
		if !used[i] {
			out = append(out, c.clone())
		}
	}
	return out
}

func (ov OptionValues) clone() OptionValues {
	ov.Values = maps.Clone(ov.Values)
	ov.written = maps.Clone(ov.written)
	if ov.Values == nil {
		ov.Values = map[string]Value{}
	}
	if ov.written == nil {
		ov.written = map[string]bool{}
	}
	ov.headers = slices.Clone(ov.headers)
	return ov
}

// kindCheck drops and reports keys that the merged kind rules out: a child
// may change the kind of an option whose keys its base wrote.
func (f *File) kindCheck(d *diag.List) {
	for i := range f.Options {
		ov := &f.Options[i]
		if ov.Kind == "" {
			continue
		}
		for _, k := range slices.Sorted(maps.Keys(ov.Values)) {
			fd, known := model.FieldByPath("option." + k)
			if !known || fd.Kinds == nil || contains(fd.Kinds, ov.Kind) {
				continue
			}
			v := ov.Values[k]
			d.Errorf(orPath(v.Src, f.Path), v.KeyPos.Line, v.KeyPos.Col, fd.Path(), "%s.%s does not apply to kind %q", OptionLabel(i, ov.Name), k, ov.Kind)
			delete(ov.Values, k)
		}
	}
}

// OptionAt returns the index of the option whose table holds line of file
// (a scenario or one of its bases), or -1.
func (f *File) OptionAt(file string, line int) int {
	best, bestLine := -1, 0
	for i, ov := range f.Options {
		for _, h := range ov.headers {
			if h.File == file && h.Line <= line && h.Line >= bestLine {
				best, bestLine = i, h.Line
			}
		}
	}
	return best
}
