package pricing

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"time"
	"unicode"

	"github.com/tunecost/tunecost/diag"
	"github.com/tunecost/tunecost/format"
)

// presence says whether a field must be given.
type presence bool

const (
	required presence = true
	optional presence = false
)

// rule is a number's valid range.
type rule int

const (
	positive    rule = iota // > 0
	nonNegative             // >= 0
)

// entryReader reads one table's fields, validating each as it goes and
// remembering which keys it asked for, so that the rest can be reported as
// unknown with a did-you-mean among the known ones.
type entryReader struct {
	file  string
	path  []string // e.g. {"offer", "3"}
	label string   // how messages name the table, e.g. "[sheet]"; else the entry's name:
	table Table    // its table,
	index int      // its place in the table,
	id    string   // and its id once known to be valid: offer "aws/p5", else offer #4
	m     map[string]any
	loc   locator
	known []string
	diags *diag.List
	// spec, when set, records each key a reader asks for and how it reads
	// it: SheetSpec builds the JSON Schema of sheets from the decoders.
	spec *[]ReadField
}

// note records how key is read, when recording.
func (r *entryReader) note(key string, t ReadType, p presence, min float64, exclusive bool) {
	if r.spec != nil {
		*r.spec = append(*r.spec, ReadField{Key: key, Type: t, Required: p == required, Min: min, ExclusiveMin: exclusive})
	}
}

func (r *entryReader) keys(key string) []string {
	return append(slices.Clip(r.path), key)
}

// at is where key's value is, else the table's header, else the file start.
func (r *entryReader) at(key string) position {
	if p := r.loc.value(r.keys(key)...); p.Line > 0 {
		return p
	}
	return r.header()
}

func (r *entryReader) header() position {
	if p := r.loc.key(r.path...); p.Line > 0 {
		return p
	}
	return position{Line: 1, Col: 1}
}

func (r *entryReader) errorAt(p position, field, format string, args ...any) {
	r.diags.Errorf(r.file, p.Line, p.Col, field, "%s: %s", r.name(), fmt.Sprintf(format, args...))
}

// name is how messages name the table; worked out only for a message, as
// most entries have none.
func (r *entryReader) name() string {
	switch {
	case r.label != "":
		return r.label
	case r.id != "":
		return fmt.Sprintf("%s %q", r.table, r.id)
	}
	return fmt.Sprintf("%s #%d", r.table, r.index+1)
}

func (r *entryReader) errorf(key, format string, args ...any) {
	r.errorAt(r.at(key), key, format, args...)
}

// get returns key's raw value and marks the key as known.
func (r *entryReader) get(key string, p presence) (any, bool) {
	r.known = append(r.known, key)
	v, ok := r.m[key]
	if !ok && p == required {
		r.errorAt(r.header(), key, "missing required field %s", key)
	}
	return v, ok
}

// freeText are the fields that are prose, not names: they may hold the
// invisible characters some scripts need (Thai breaks lines at U+200B);
// everything shown as a name may not (format.Invisible).
var freeText = map[string]bool{"note": true, "source": true}

// text reads a string without control characters other than tab and
// newline, and, in names, without invisible format characters.
func (r *entryReader) text(key string, p presence) string {
	r.note(key, FieldText, p, 0, false)
	v, ok := r.get(key, p)
	if !ok {
		return ""
	}
	s, isStr := v.(string)
	if !isStr {
		r.errorf(key, "%s must be a string, not %s", key, typeName(v))
		return ""
	}
	for _, c := range s {
		if unicode.IsControl(c) && c != '\t' && c != '\n' {
			r.errorf(key, "%s contains a control character (%U)", key, c)
			return ""
		}
	}
	if c, bad := format.NameProblem(s); bad && !freeText[key] {
		r.errorf(key, "%s = %s contains an invisible character (%U), which would make it look like another name", key, strconv.QuoteToASCII(s), c)
		return ""
	}
	return s
}

// number reads an integer or float, finite and within rule.
func (r *entryReader) number(key string, p presence, rl rule) (float64, bool) {
	r.note(key, FieldNumber, p, 0, rl == positive)
	v, ok := r.get(key, p)
	if !ok {
		return 0, false
	}
	var f float64
	switch n := v.(type) {
	case int64:
		f = float64(n)
	case float64:
		f = n
	default:
		r.errorf(key, "%s must be a number, not %s", key, typeName(v))
		return 0, false
	}
	if math.IsNaN(f) || math.IsInf(f, 0) {
		r.errorf(key, "%s must be a finite number, not %s", key, formatNumber(f))
		return 0, false
	}
	switch {
	case rl == positive && f <= 0:
		r.errorf(key, "%s must be > 0, got %s", key, formatNumber(f))
		return 0, false
	case rl == nonNegative && f < 0:
		r.errorf(key, "%s must be >= 0, got %s", key, formatNumber(f))
		return 0, false
	}
	return f, true
}

// whole reads a whole number >= least; 8.0 counts as whole.
func (r *entryReader) whole(key string, p presence, least int) (int, bool) {
	r.note(key, FieldWhole, p, float64(least), false)
	v, ok := r.get(key, p)
	if !ok {
		return 0, false
	}
	var n int64
	switch x := v.(type) {
	case int64:
		n = x
	case float64:
		if x != math.Trunc(x) || math.Abs(x) > 1<<53 {
			r.errorf(key, "%s must be a whole number, got %s", key, formatNumber(x))
			return 0, false
		}
		n = int64(x)
	default:
		r.errorf(key, "%s must be a whole number, not %s", key, typeName(v))
		return 0, false
	}
	if n < int64(least) {
		r.errorf(key, "%s must be >= %d, got %d", key, least, n)
		return 0, false
	}
	if n > 1<<31 {
		r.errorf(key, "%s is implausibly large (%d)", key, n)
		return 0, false
	}
	return int(n), true
}

func (r *entryReader) flag(key string) bool {
	r.note(key, FieldFlag, optional, 0, false)
	v, ok := r.get(key, optional)
	if !ok {
		return false
	}
	b, isBool := v.(bool)
	if !isBool {
		r.errorf(key, "%s must be true or false, not %s", key, typeName(v))
	}
	return b
}

// date reads a TOML local date or a "YYYY-MM-DD" string, as midnight UTC.
func (r *entryReader) date(key string, p presence, def time.Time) time.Time {
	r.note(key, FieldDate, p, 0, false)
	v, ok := r.get(key, p)
	if !ok {
		return def
	}
	switch d := v.(type) {
	case time.Time:
		if d.Location().String() == "date-local" {
			return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
		}
		r.errorf(key, "%s must be a date (YYYY-MM-DD) without a time", key)
	case string:
		t, err := time.Parse(time.DateOnly, d)
		if err == nil {
			return t
		}
		r.errorf(key, "%s must be a date (YYYY-MM-DD), got %q", key, d)
	default:
		r.errorf(key, "%s must be a date (YYYY-MM-DD), not %s", key, typeName(v))
	}
	return def
}

// unknown reports every key that no reader asked for.
func (r *entryReader) unknown() {
	var extra []string
	for k := range r.m {
		if !slices.Contains(r.known, k) {
			extra = append(extra, k)
		}
	}
	slices.Sort(extra)
	for _, k := range extra {
		p := r.loc.key(r.keys(k)...)
		if p.Line == 0 {
			p = r.header()
		}
		msg := fmt.Sprintf("unknown field %s", format.Quote(k))
		// Past diag.MaxShown problems the rest are only counted: spare the
		// did-you-mean search.
		if len(*r.diags) < diag.MaxShown {
			msg += diag.DidYouMean(k, r.known)
		}
		r.errorAt(p, k, "%s", msg)
	}
}

// typeName names a decoded TOML value's type for messages.
func typeName(v any) string {
	switch v.(type) {
	case string:
		return "a string"
	case int64:
		return "an integer"
	case float64:
		return "a float"
	case bool:
		return "a boolean"
	case time.Time:
		return "a date-time"
	case map[string]any:
		return "a table"
	case []map[string]any, []any:
		return "an array"
	}
	return fmt.Sprintf("a %T", v)
}

func formatNumber(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }
