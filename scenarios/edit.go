package scenarios

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tunecost/tunecost/diag"
	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/tomlpos"
)

// Set changes one input as the TUI's editor types it: text is a plain
// number, word or true/false (no TOML quoting). It checks the type, the
// range and the choices, and refuses fields that do not apply to the
// option's kind; catalog references are checked by the next Resolve.
// option is the 0-based [[option]] index, ignored for other sections.
// The file's Data is unchanged; Bytes writes the edits.
//
// In a merged file the edit goes into the file itself (never a base): an
// inherited value becomes a key of the file's own table, and an option
// only a base defines gets a new [[option]] table holding its name.
func (f *File) Set(sec model.Section, option int, key, text string) error {
	vals, keys, label, kind, err := f.target(sec, option, key)
	if err != nil {
		return err
	}
	old := vals[key]
	v := Value{Pos: old.Pos, KeyPos: old.KeyPos, Set: true, raw: text, Src: old.Src}
	if old.Src != f.Path {
		// The value will live in this file now; its line is not known
		// until the file is read again, so point at its table.
		v.Src = f.Path
		v.Pos = f.ix.Pos(keys...)
		v.KeyPos = v.Pos
	}
	var tomlText string
	var bounds []string // a range written in this file: the keys of its numbers to write
	switch fd, known := model.FieldByPath(fieldPath(sec, key)); {
	case known:
		if sec == model.SectionOption && kind != "" && fd.Kinds != nil && !contains(fd.Kinds, kind) {
			return fmt.Errorf("%s does not apply to kind %q", label, kind)
		}
		if fd.Type == model.Number && (old.Range != nil || isRangeText(text)) {
			if bounds, err = f.setRange(fd, old, text, label, &v); err != nil {
				return err
			}
			if bounds == nil {
				tomlText = inlineRange(*v.Range)
			}
			break
		}
		if tomlText, err = parseInput(fd, text, label, &v); err != nil {
			return err
		}
	case key == "name" || key == "description" || key == "currency":
		if key == "name" && strings.TrimSpace(text) == "" {
			return fmt.Errorf("%s must not be empty", label)
		}
		if key == "currency" && !currencyCode.MatchString(text) {
			return fmt.Errorf("%s = %s: must be three upper-case letters, like \"USD\"", label, quoteShort(text))
		}
		v.Text, tomlText = text, tomlpos.Quote(text)
	default:
		return fmt.Errorf("%s cannot be edited here", label)
	}
	create := ""
	if sec == model.SectionOption {
		create = f.plan(option)
		keys[1] = itoa(f.Options[option].index)
	}
	vals[key] = v
	f.applyName(sec, option, key, text)
	if bounds == nil {
		f.record(keys, tomlText, create)
		return nil
	}
	nums := map[string]float64{"low": v.Range.Low, "likely": v.Range.Likely, "high": v.Range.High}
	for _, b := range bounds {
		f.record(append(append([]string(nil), keys...), b), formatNum(nums[b]), create)
	}
	return nil
}

// plan gives an option that only a base defines the index of the
// [[option]] table Bytes will append for it, and returns its name; it
// returns "" for an option with a table in the file.
func (f *File) plan(option int) string {
	ov := &f.Options[option]
	if ov.index >= 0 && !ov.planned {
		return ""
	}
	if !ov.planned {
		ov.index = f.ix.ArrayLen("option") + f.added
		ov.planned = true
		f.added++
	}
	return ov.Name
}

// target finds the values map, document path, label and kind for an edit.
func (f *File) target(sec model.Section, option int, key string) (map[string]Value, []string, string, model.Kind, error) {
	switch sec {
	case model.SectionOption:
		if option < 0 || option >= len(f.Options) {
			return nil, nil, "", "", fmt.Errorf("no option #%d", option+1)
		}
		ov := &f.Options[option]
		if ov.Values == nil {
			ov.Values = map[string]Value{}
		}
		label := OptionLabel(option, ov.Name) + "." + key
		if ov.inherited && key == "name" {
			// The name ties the option to its base's table.
			return nil, nil, "", "", fmt.Errorf("%s comes from %s: rename the option there", label, ov.Src)
		}
		if ov.index < 0 && ov.Name == "" {
			return nil, nil, "", "", fmt.Errorf("%s: the option has no name to write it under", label)
		}
		if e, ok := f.ix.Lookup("option"); ok && ov.index < 0 && !e.IsTable() {
			return nil, nil, "", "", fmt.Errorf("%s: this file writes its options inline; add a [[option]] table named %s by hand", label, quoteShort(ov.Name))
		}
		return ov.Values, []string{"option", itoa(ov.index), key}, label, ov.Kind, nil
	case model.SectionTop:
		return f.Top, []string{key}, key, "", nil
	case model.SectionWorkload, model.SectionTeam:
		return f.section(sec), []string{string(sec), key}, string(sec) + "." + key, "", nil
	}
	return nil, nil, "", "", fmt.Errorf("unknown section %q", sec)
}

func fieldPath(sec model.Section, key string) string {
	if sec == model.SectionTop {
		return key
	}
	return string(sec) + "." + key
}

// applyName keeps File's copies of the top-level strings in step.
func (f *File) applyName(sec model.Section, option int, key, text string) {
	switch {
	case sec == model.SectionOption && key == "name":
		f.Options[option].Name = text
	case sec == model.SectionTop && key == "name":
		f.Name = text
	case sec == model.SectionTop && key == "description":
		f.Description = text
	case sec == model.SectionTop && key == "currency":
		f.Currency = text
	}
}

// groupedNumber is a number with commas between groups of three digits,
// the way the screens print numbers ("400,000–900,000").
var groupedNumber = regexp.MustCompile(`^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$`)

// typedNumber reads a number as people type it: 500000, 5e5, 500_000, or
// 500,000 (commas only between groups of three digits, so "5,00" is no
// number rather than a guess).
func typedNumber(text string) (float64, error) {
	if groupedNumber.MatchString(text) {
		text = strings.ReplaceAll(text, ",", "")
	}
	return strconv.ParseFloat(strings.ReplaceAll(text, "_", ""), 64)
}

// parseInput reads text as fd's type into v and returns its TOML text.
func parseInput(fd *model.Field, text, label string, v *Value) (string, error) {
	text = strings.TrimSpace(text)
	switch fd.Type {
	case model.Number:
		n, err := typedNumber(text)
		if err != nil {
			return "", fmt.Errorf("%s: expected a number, got %s", label, quoteShort(text))
		}
		if math.IsNaN(n) || math.IsInf(n, 0) {
			return "", fmt.Errorf("%s = %s: must be a finite number", label, text)
		}
		if ok, want := fd.InRange(n); !ok {
			return "", fmt.Errorf("%s = %s: must be %s", label, text, want)
		}
		v.Num = n
		return formatNum(n), nil
	case model.Flag:
		b, err := strconv.ParseBool(text)
		if err != nil || (text != "true" && text != "false") {
			return "", fmt.Errorf("%s: expected true or false, got %s", label, quoteShort(text))
		}
		v.Flag = b
		return text, nil
	}
	if fd.List {
		items := model.SplitList(text)
		quoted := make([]string, len(items))
		for i, s := range items {
			if !contains(fd.Choices, s) {
				return "", fmt.Errorf("%s: %s is not one of %s%s", label, quoteShort(s), oneOf(fd.Choices), diag.DidYouMean(s, fd.Choices))
			}
			quoted[i] = tomlpos.Quote(s)
		}
		v.Text = strings.Join(items, ", ")
		return "[" + strings.Join(quoted, ", ") + "]", nil
	}
	if len(fd.Choices) > 0 && !contains(fd.Choices, text) {
		return "", fmt.Errorf("%s = %s: must be one of %s%s", label, quoteShort(text), oneOf(fd.Choices), diag.DidYouMean(text, fd.Choices))
	}
	if fd.MaxLen > 0 && utf8.RuneCountInString(text) > fd.MaxLen {
		return "", fmt.Errorf("%s = %s: %d characters, at most %d", label, quoteShort(text), utf8.RuneCountInString(text), fd.MaxLen)
	}
	v.Text = text
	return tomlpos.Quote(text), nil
}

// record remembers an edit, replacing an earlier edit of the same key.
func (f *File) record(keys []string, text, create string) {
	for i, e := range f.edits {
		if strings.Join(e.keys, "\x00") == strings.Join(keys, "\x00") {
			f.edits[i].text = text
			return
		}
	}
	f.edits = append(f.edits, edit{keys: keys, text: text, create: create})
}

// Bytes returns the file with every edit written in place: the original
// bytes, comments and layout kept, with only the edited values' text
// replaced (or a new key line where the file did not have the key). A
// [workload] or [team] table that the file lacks is appended, and so is an
// [[option]] table (name and key) for an option only a base defines.
func (f *File) Bytes() ([]byte, error) {
	out := f.Data
	for _, e := range f.edits {
		next, err := tomlpos.Replace(out, e.keys, e.text)
		switch {
		case err == nil:
		case len(e.keys) == 2 && (e.keys[0] == "workload" || e.keys[0] == "team"):
			next, err = appendTable(out, e.keys[0], e.keys[1]+" = "+e.text), nil
		case len(e.keys) == 3 && e.create != "" && e.keys[2] != "name":
			next, err = appendTable(out, "[option]", "name = "+tomlpos.Quote(e.create)+lineEnd(out)+e.keys[2]+" = "+e.text), nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: cannot write %s: %v", f.Path, strings.Join(e.keys, "."), err)
		}
		out = next
	}
	return out, nil
}

// lineEnd is the file's line ending.
func lineEnd(data []byte) string {
	if strings.Contains(string(data), "\r\n") {
		return "\r\n"
	}
	return "\n"
}

// appendTable adds "[name]\nline\n" at the end of data.
func appendTable(data []byte, name, line string) []byte {
	nl := lineEnd(data)
	out := append([]byte(nil), data...)
	if len(out) > 0 && out[len(out)-1] != '\n' {
		out = append(out, nl...)
	}
	return append(out, nl+"["+name+"]"+nl+line+nl...)
}

// isRangeText reports whether the editor's text is a whole range,
// low..likely..high, rather than one number.
func isRangeText(text string) bool { return strings.Contains(text, "..") }

// RangeSyntax is how the editor's text states a whole range.
const RangeSyntax = "low..likely..high"

// setRange reads an edit of a number written, or to be written, as a range.
// A plain number is the new likely value and must lie within low and high:
// moving a bound is an explicit act, low..likely..high, never a side effect
// of typing (each keystroke of "500000" is a number too, and would drag a
// bound to 5). It returns the range keys to write when the range is this
// file's own, or nil when the whole value is written as an inline table (a
// plain value becoming a range, or a range a base wrote).
func (f *File) setRange(fd *model.Field, old Value, text, label string, v *Value) ([]string, error) {
	var r Range
	if isRangeText(text) {
		got, err := parseRangeText(fd, text, label)
		if err != nil {
			return nil, err
		}
		r = got
	} else {
		if _, err := parseInput(fd, text, label, v); err != nil {
			return nil, err
		}
		o := old.Range
		if v.Num < o.Low || v.Num > o.High {
			return nil, fmt.Errorf("%s = %s: the likely value must lie within the range, %s to %s; to move a bound, type %s (e.g. %s..%s..%s)",
				label, strings.TrimSpace(text), formatNum(o.Low), formatNum(o.High), RangeSyntax,
				formatNum(min(o.Low, v.Num)), formatNum(v.Num), formatNum(max(o.High, v.Num)))
		}
		r = Range{Low: o.Low, Likely: v.Num, High: o.High}
	}
	v.Range, v.Num = &r, r.Likely
	if old.Range == nil || old.Src != f.Path {
		return nil, nil
	}
	if !isRangeText(text) {
		return []string{"likely"}, nil
	}
	return rangeKeys, nil
}

// parseRangeText reads "low..likely..high": three numbers, each valid for
// the field, in order.
func parseRangeText(fd *model.Field, text, label string) (Range, error) {
	parts := strings.Split(strings.TrimSpace(text), "..")
	if len(parts) != 3 {
		return Range{}, fmt.Errorf("%s: a range is typed as %s, three numbers (e.g. 400000..500000..900000), got %s", label, RangeSyntax, quoteShort(text))
	}
	var n [3]float64
	for i, p := range parts {
		var v Value
		if _, err := parseInput(fd, p, label+"."+rangeKeys[i], &v); err != nil {
			return Range{}, err
		}
		n[i] = v.Num
	}
	r := Range{Low: n[0], Likely: n[1], High: n[2]}
	if !(r.Low <= r.Likely && r.Likely <= r.High) {
		return Range{}, fmt.Errorf("%s: a range needs low ≤ likely ≤ high, got %s, %s, %s", label, formatNum(r.Low), formatNum(r.Likely), formatNum(r.High))
	}
	return r, nil
}

// inlineRange is r as a TOML inline table.
func inlineRange(r Range) string {
	return fmt.Sprintf("{ low = %s, likely = %s, high = %s }", formatNum(r.Low), formatNum(r.Likely), formatNum(r.High))
}
