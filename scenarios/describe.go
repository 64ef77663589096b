package scenarios

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/tunecost/tunecost/model"
)

// describe names a decoded TOML value's type for "expected …, got …".
func describe(v any) string {
	switch x := v.(type) {
	case string:
		return "a string (" + quoteShort(x) + ")"
	case int64:
		return "a number (" + strconv.FormatInt(x, 10) + ")"
	case float64:
		return "a number (" + formatNum(x) + ")"
	case bool:
		return "a boolean (" + strconv.FormatBool(x) + ")"
	case map[string]any:
		return "a table"
	case []any, []map[string]any:
		return "an array"
	case time.Time:
		return "a date-time"
	}
	return "a date or time"
}

// quoteShort quotes s for a message, cut to a readable length; %q also
// keeps control characters out of the terminal.
// quoteASCII is quoteShort with every non-ASCII character escaped, so an
// invisible one shows as \u200b.
func quoteASCII(s string) string {
	if utf8.RuneCountInString(s) > 40 {
		s = string([]rune(s)[:40]) + "…"
	}
	return strconv.QuoteToASCII(s)
}

func quoteShort(s string) string {
	if utf8.RuneCountInString(s) > 40 {
		s = string([]rune(s)[:40]) + "…"
	}
	return strconv.Quote(s)
}

// formatNum writes a number as TOML would accept it back.
func formatNum(v float64) string {
	if math.IsNaN(v) {
		return "nan"
	}
	if math.IsInf(v, 0) {
		if v > 0 {
			return "inf"
		}
		return "-inf"
	}
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// oneOf writes `"a", "b" or "c"`.
func oneOf(choices []string) string {
	q := make([]string, len(choices))
	for i, c := range choices {
		q[i] = strconv.Quote(c)
	}
	if len(q) < 2 {
		return strings.Join(q, "")
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

// validText says what a missing field would accept.
func validText(fd *model.Field) string {
	switch {
	case fd.Type == model.Number:
		return fd.RangeText()
	case fd.Type == model.Flag:
		return "true or false"
	case len(fd.Choices) > 0:
		return "one of " + oneOf(fd.Choices)
	}
	switch fd.Ref {
	case model.RefBase:
		return "an open_model id, or an api_model id with managed fine-tuning"
	case model.RefModel:
		return "an open_model or api_model id"
	case model.RefOffer:
		return "an offer id"
	case model.RefEmbedding:
		return "an embedding id"
	case model.RefVectorDB:
		return "a vector_db id"
	}
	return "a string"
}

// optionLabel names an option in messages: option "ft", or option #2 when
// it has no usable name.
func OptionLabel(i int, name string) string {
	if name == "" {
		return fmt.Sprintf("option #%d", i+1)
	}
	return "option " + quoteShort(name)
}

func kindNames() []string {
	out := make([]string, len(model.Kinds))
	for i, k := range model.Kinds {
		out[i] = string(k)
	}
	return out
}

func contains[T comparable](xs []T, x T) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
