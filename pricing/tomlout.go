package pricing

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/tunecost/tunecost/tomlpos"
)

// tomlWriter writes the small subset of TOML that generated sheets need:
// comments, table headers and key = value lines, in the order given, so the
// same input always yields the same bytes.
type tomlWriter struct{ b strings.Builder }

func (w *tomlWriter) comment(text string) { fmt.Fprintf(&w.b, "# %s\n", text) }
func (w *tomlWriter) blank()              { w.b.WriteByte('\n') }
func (w *tomlWriter) table(name string)   { fmt.Fprintf(&w.b, "[%s]\n", name) }
func (w *tomlWriter) array(name string)   { fmt.Fprintf(&w.b, "\n[[%s]]\n", name) }
func (w *tomlWriter) raw(key, v string)   { fmt.Fprintf(&w.b, "%s = %s\n", key, v) }
func (w *tomlWriter) str(key, v string)   { w.raw(key, tomlString(v)) }
func (w *tomlWriter) num(key string, v float64) {
	w.raw(key, tomlFloat(v))
}
func (w *tomlWriter) bytes() []byte { return []byte(w.b.String()) }

// tomlString quotes s as a TOML basic string. Control characters become
// spaces, because sheets refuse them in text fields.
func tomlString(s string) string {
	s = strings.Map(func(c rune) rune {
		if unicode.IsControl(c) {
			return ' '
		}
		return c
	}, strings.ToValidUTF8(s, "\uFFFD"))
	return tomlpos.Quote(s)
}

// tomlFloat writes a finite number as a TOML float in plain decimal form.
// Callers pass finite numbers only; a non-finite one is written as TOML's
// own nan or inf, which every sheet reader refuses with its position,
// rather than Go's "+Inf.0", which is not TOML at all.
func tomlFloat(v float64) string {
	switch {
	case math.IsNaN(v):
		return "nan"
	case math.IsInf(v, 1):
		return "inf"
	case math.IsInf(v, -1):
		return "-inf"
	}
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}

// QuoteTOML quotes s as a TOML basic string, control characters as spaces.
func QuoteTOML(s string) string { return tomlString(s) }
