package scenarios

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/tunecost/tunecost/diag"
	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/tomlpos"
)

// rangeKeys are the keys of a triangular range, in order.
var rangeKeys = []string{"low", "likely", "high"}

// field checks one decoded value against its registry entry. label names
// it in messages; keys is its path in the document. ok is false when the
// value was reported and must not be used.
func (p *parser) field(fd *model.Field, v any, keys []string, label string) (Value, bool) {
	val := p.located(keys)
	switch fd.Type {
	case model.Number:
		if m, isTable := v.(map[string]any); isTable {
			if isCounts(fd, m) {
				return p.countsValue(m, keys, label, val)
			}
			return p.rangeValue(fd, m, keys, label, val)
		}
		n, ok := p.number(fd, v, keys, label)
		val.Num = n
		return val, ok
	case model.Flag:
		b, ok := v.(bool)
		if !ok {
			p.errorf(val.Pos, label, "%s: expected true or false, got %s", label, describe(v))
		}
		val.Flag = b
		return val, ok
	}
	if fd.List {
		return p.listValue(fd, v, label, val)
	}
	s, ok := v.(string)
	if !ok {
		p.errorf(val.Pos, label, "%s: expected a string, got %s", label, describe(v))
		return val, false
	}
	if len(fd.Choices) > 0 && !contains(fd.Choices, s) {
		p.errorf(val.Pos, label, "%s = %s: must be one of %s%s", label, quoteShort(s), oneOf(fd.Choices), diag.DidYouMean(s, fd.Choices))
		return val, false
	}
	if fd.MaxLen > 0 && utf8.RuneCountInString(s) > fd.MaxLen {
		p.errorf(val.Pos, label, "%s = %s: %d characters, at most %d (a short label for narrow columns)", label, quoteShort(s), utf8.RuneCountInString(s), fd.MaxLen)
		return val, false
	}
	val.Text = s
	return val, p.textOK(val, label, MaxNameLen, false)
}

// located returns a Value carrying the positions and text of keys.
func (p *parser) located(keys []string) Value {
	e, _ := p.ix.Lookup(keys...)
	v := Value{Pos: e.Value, KeyPos: e.Key, Set: true, Src: p.f.Path}
	if e.Value.Line == 0 {
		v.Pos = p.ix.Pos(keys...)
		v.KeyPos = v.Pos
	}
	if e.End > e.Start && e.End <= len(p.f.Data) {
		v.raw = string(p.f.Data[e.Start:e.End])
	}
	return v
}

// number checks a plain number: finite and in the field's range.
func (p *parser) number(fd *model.Field, v any, keys []string, label string) (float64, bool) {
	val := p.located(keys)
	var n float64
	switch x := v.(type) {
	case int64:
		n = float64(x)
	case float64:
		n = x
	default:
		p.errorf(val.Pos, label, "%s: expected a number, got %s", label, describe(v))
		return 0, false
	}
	text := val.raw
	if text == "" {
		text = formatNum(n)
	}
	if math.IsNaN(n) || math.IsInf(n, 0) {
		p.errorf(val.Pos, label, "%s = %s: must be a finite number", label, text)
		return 0, false
	}
	if ok, want := fd.InRange(n); !ok {
		p.errorf(val.Pos, label, "%s = %s: must be %s", label, text, want)
		return 0, false
	}
	return n, true
}

// rangeValue checks x = { low = …, likely = …, high = … }.
func (p *parser) rangeValue(fd *model.Field, m map[string]any, keys []string, label string, val Value) (Value, bool) {
	got := map[string]float64{}
	ok := true
	for _, k := range p.ordered(m, keys) {
		sub := append(append([]string(nil), keys...), k)
		if !contains(rangeKeys, k) {
			p.errorf(p.ix.Pos(sub...), label, "unknown key %s in %s (a range has low, likely and high)%s", format.Quote(k), label, diag.DidYouMean(k, rangeKeys))
			ok = false
			continue
		}
		n, good := p.number(fd, m[k], sub, label+"."+k)
		ok = ok && good
		got[k] = n
	}
	if !ok {
		return val, false
	}
	if len(got) != len(rangeKeys) {
		p.errorf(val.Pos, label, "%s: a range needs low, likely and high", label)
		return val, false
	}
	r := &Range{Low: got["low"], Likely: got["likely"], High: got["high"]}
	if !(r.Low <= r.Likely && r.Likely <= r.High) {
		p.errorf(val.Pos, label, "%s: a range needs low ≤ likely ≤ high, got %s, %s, %s", label, formatNum(r.Low), formatNum(r.Likely), formatNum(r.High))
		return val, false
	}
	val.Range, val.Num = r, r.Likely
	return val, true
}

// errorf records an error at pos.
func (p *parser) errorf(pos tomlpos.Pos, field, format string, args ...any) {
	p.diags.Errorf(p.f.Path, pos.Line, pos.Col, field, format, args...)
}

func (p *parser) warnf(pos tomlpos.Pos, field, format string, args ...any) {
	p.diags.Warnf(p.f.Path, pos.Line, pos.Col, field, format, args...)
}

// str reads a plain string value, reporting any other type.
func (p *parser) str(v any, keys []string, label string) (Value, bool) {
	val := p.located(keys)
	s, ok := v.(string)
	if !ok {
		p.errorf(val.Pos, label, "%s: expected a string, got %s", label, describe(v))
		return val, false
	}
	val.Text = s
	max, multiline := textLimit(label)
	return val, p.textOK(val, label, max, multiline)
}

// countKeys are the keys of F25a's evaluation counts, in order.
var countKeys = []string{"correct", "of"}

// isCounts reports whether a table written for accuracy holds evaluation
// counts (F25a) rather than a range.
func isCounts(fd *model.Field, m map[string]any) bool {
	if !fd.Counts {
		return false
	}
	_, c := m["correct"]
	_, n := m["of"]
	return c || n
}

// countsValue checks accuracy = { correct = c, of = n }: whole numbers with
// 0 ≤ c ≤ n and n ≥ 1 (F25a). Its likely value is c / n.
func (p *parser) countsValue(m map[string]any, keys []string, label string, val Value) (Value, bool) {
	got := map[string]float64{}
	ok := true
	for _, k := range p.ordered(m, keys) {
		sub := append(append([]string(nil), keys...), k)
		at := p.located(sub)
		if !contains(countKeys, k) {
			p.errorf(p.ix.Pos(sub...), label, "unknown key %q in %s (evaluation counts have correct and of)%s", k, label, diag.DidYouMean(k, countKeys))
			ok = false
			continue
		}
		n, isInt := m[k].(int64)
		if !isInt || n < 0 || float64(n) > maxCount {
			p.errorf(at.Pos, label, "%s.%s: expected a whole number (0 or more), got %s", label, k, describe(m[k]))
			ok = false
			continue
		}
		got[k] = float64(n)
	}
	if !ok {
		return val, false
	}
	if len(got) != len(countKeys) {
		p.errorf(val.Pos, label, "%s: evaluation counts need correct and of, e.g. { correct = 170, of = 200 }", label)
		return val, false
	}
	c, n := got["correct"], got["of"]
	switch {
	case n == 0:
		p.errorf(p.located(append(append([]string(nil), keys...), "of")).Pos, label, "%s.of = 0: the evaluation needs at least 1 example (of ≥ 1)", label)
		return val, false
	case c > n:
		p.errorf(p.located(append(append([]string(nil), keys...), "correct")).Pos, label, "%s.correct = %s is more than of = %s: correct must be from 0 to of", label, formatNum(c), formatNum(n))
		return val, false
	}
	val.Counts, val.Num = &Counts{Correct: c, Of: n}, c/n
	return val, true
}

// maxCount bounds an evaluation's size.
const maxCount = 1e12

// listValue reads a list field (eval_checks = ["general_knowledge",
// "diversity"]): every entry one of fd.Choices, held comma-separated. A
// single string is a list of its comma-separated entries, as the planner
// writes an edit.
func (p *parser) listValue(fd *model.Field, v any, label string, val Value) (Value, bool) {
	var items []string
	switch x := v.(type) {
	case string:
		items = model.SplitList(x)
	case []any:
		for _, e := range x {
			s, ok := e.(string)
			if !ok {
				p.errorf(val.Pos, label, "%s: expected a list of strings, got %s in it", label, describe(e))
				return val, false
			}
			items = append(items, s)
		}
	default:
		p.errorf(val.Pos, label, "%s: expected a list of strings like [%q], got %s", label, fd.Choices[0], describe(v))
		return val, false
	}
	for _, s := range items {
		if !contains(fd.Choices, s) {
			p.errorf(val.Pos, label, "%s: %s is not one of %s%s", label, quoteShort(s), oneOf(fd.Choices), diag.DidYouMean(s, fd.Choices))
			return val, false
		}
	}
	val.Text = strings.Join(items, ", ")
	return val, true
}
