package scenarios

import (
	"strconv"
	"strings"

	"github.com/tunecost/tunecost/diag"
	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/model"
)

func itoa(i int) string { return strconv.Itoa(i) }

// optionKeys are every key an [[option]] may hold, whatever its kind.
func optionKeys() []string {
	keys := []string{"name", "kind"}
	for _, fd := range model.SectionFields(model.SectionOption) {
		keys = append(keys, fd.Key)
	}
	return keys
}

// options reads the [[option]] tables.
func (p *parser) options(v any) {
	list, ok := v.([]map[string]any)
	if !ok {
		if _, isTable := v.(map[string]any); isTable {
			p.errorf(p.ix.Pos("option"), "option", "option must be an array of tables: write [[option]], not [option]")
			return
		}
		if anyList, isList := v.([]any); isList {
			// option = [{…}, …] is an array of tables too, just inline.
			for _, x := range anyList {
				if m, isMap := x.(map[string]any); isMap {
					list = append(list, m)
				} else {
					list = nil
					break
				}
			}
		}
		if list == nil {
			p.errorf(p.ix.Pos("option"), "option", "option: expected [[option]] tables, got %s", describe(v))
			return
		}
	}
	if len(list) == 0 {
		p.errorf(p.ix.Pos("option"), "option", "option: a scenario compares at least one option")
		return
	}
	if len(list) > MaxOptions {
		// Reported once, and the rest left unread: one mistake, one line.
		p.errorf(p.ix.Pos("option", itoa(MaxOptions)), "option", "too many options: %d, at most %d per scenario", len(list), MaxOptions)
		list = list[:MaxOptions]
	}
	firstLine := map[string]int{} // option name → line of its first use
	for i, m := range list {
		p.option(i, m, firstLine)
	}
}

// option reads one [[option]] table.
func (p *parser) option(i int, m map[string]any, firstLine map[string]int) {
	base := []string{"option", itoa(i)}
	sub := func(k string) []string { return append(append([]string(nil), base...), k) }
	pos := p.ix.Pos(base...)
	ov := OptionValues{Pos: pos, Src: p.f.Path, Values: map[string]Value{}, written: map[string]bool{},
		index: i, headers: []Loc{{p.f.Path, pos}}}
	for k := range m {
		ov.written[k] = true
	}

	// Name and kind first: every other message names the option by them.
	if v, ok := m["name"]; ok {
		if val, good := p.str(v, sub("name"), OptionLabel(i, "")+".name"); good {
			// Compared by format.NameKey: "LoRA" and "Lo\u200dRA", "Café"
			// and "Cafe\u0301", "p" and "p " are one name written two ways.
			switch line, dup := firstLine[format.NameKey(val.Text)]; {
			case strings.TrimSpace(val.Text) == "":
				p.errorf(val.Pos, "option.name", "%s.name must not be empty", OptionLabel(i, ""))
			case dup:
				p.errorf(val.Pos, "option.name", "option name %s is already used by the option at line %d", quoteDuplicate(val.Text), line)
				ov.Name = val.Text
			default:
				firstLine[format.NameKey(val.Text)] = val.Pos.Line
				ov.Name = val.Text
				ov.Values["name"] = val
			}
		}
	}
	label := OptionLabel(i, ov.Name)
	kindOK := false
	if v, ok := m["kind"]; ok {
		if val, good := p.str(v, sub("kind"), label+".kind"); good {
			if kinds := kindNames(); contains(kinds, val.Text) {
				ov.Kind, kindOK = model.KindOf(val.Text), true
				ov.Values["kind"] = val
			} else {
				p.errorf(val.Pos, "option.kind", "%s.kind = %s: must be one of %s%s", label, quoteShort(val.Text), oneOf(kinds), diag.DidYouMean(val.Text, kinds))
			}
		}
	}

	valid := optionKeys()
	for _, k := range p.ordered(m, base) {
		if k == "name" || k == "kind" {
			continue
		}
		if old, retired := model.RetiredField(model.SectionOption, k); retired {
			p.warnf(p.ix.Pos(sub(k)...), "option."+k, "%s.%s is ignored: %s", label, k, old.ReplacedBy)
			continue
		}
		fd, known := model.FieldByPath("option." + k)
		if !known {
			if meant := p.unknown(k, sub(k), "in "+label, valid); meant != "" {
				ov.written[meant] = true // reported as a typo, not also as missing
			}
			continue
		}
		if kindOK && fd.Kinds != nil && !contains(fd.Kinds, ov.Kind) {
			p.errorf(p.ix.Pos(sub(k)...), fd.Path(), "%s.%s does not apply to kind %q", label, k, ov.Kind)
			continue
		}
		if val, ok := p.field(fd, m[k], sub(k), label+"."+k); ok {
			ov.Values[k] = val
		}
	}
	p.f.Options = append(p.f.Options, ov)
}

// quoteDuplicate quotes a name found twice; with Go's ASCII escapes when it
// differs from its compared form, so that the message shows how.
func quoteDuplicate(name string) string {
	if format.NameKey(name) != name {
		return quoteASCII(name)
	}
	return quoteShort(name)
}
