package pricing

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/tunecost/tunecost/diag"
	"github.com/tunecost/tunecost/model"
)

// decodeLifecycle reads an api_model's retires and successor (MODEL.md v3
// §1): a shut-down date that cannot come before the announced deprecation,
// and a replacement that is another id (whether it exists is known only once
// the sheets are layered: see checkSuccessors).
func decodeLifecycle(r *entryReader, m *model.APIModel) {
	m.Retires = r.date("retires", optional, time.Time{})
	if !m.Retires.IsZero() && !m.Deprecated.IsZero() && m.Retires.Before(m.Deprecated) {
		r.errorf("retires", "retires = %s is before deprecated = %s: a model is announced deprecated before it shuts down",
			m.Retires.Format(time.DateOnly), m.Deprecated.Format(time.DateOnly))
	}
	m.Successor = r.text("successor", optional)
	switch s := m.Successor; {
	case s == "":
		if _, given := r.m["successor"]; given {
			r.errorf("successor", "successor must not be empty (leave it out when the provider names none)")
		}
	case !validID(s):
		r.errorf("successor", "successor %q must be an api_model id (lower-case letters, digits and . _ : / @ -)", s)
		m.Successor = ""
	case s == m.ID:
		r.errorf("successor", "successor %q is the model itself", s)
		m.Successor = ""
	}
}

// longContextKeys are F19's long-context prices: all three or none.
var longContextKeys = []string{"long_context_threshold", "long_input_per_mtok", "long_output_per_mtok"}

// decodeLongContext reads the price above long_context_threshold prompt
// tokens (MODEL.md v3 §1, F19).
func decodeLongContext(r *entryReader, m *model.APIModel) {
	m.LongContextThreshold, _ = r.whole("long_context_threshold", optional, 1)
	m.LongInputPerMtok, _ = r.number("long_input_per_mtok", optional, positive)
	m.LongOutputPerMtok, _ = r.number("long_output_per_mtok", optional, positive)
	var given, missing []string
	for _, k := range longContextKeys {
		if _, ok := r.m[k]; ok {
			given = append(given, k)
		} else {
			missing = append(missing, k)
		}
	}
	if len(given) > 0 && len(missing) > 0 {
		r.errorAt(r.header(), missing[0], "long-context prices need all of long_context_threshold, long_input_per_mtok and long_output_per_mtok; %s is missing", missing[0])
	}
}

// checkSuccessors reports every api_model whose successor is not an api_model
// of the layered catalog, at the successor's position.
func checkSuccessors(effective map[entryKey]Entry, diags *diag.List) {
	ids := sortedIDs(effective, TableAPIModel)
	for _, id := range ids {
		e := effective[entryKey{TableAPIModel, id}]
		m, _ := e.Item.(model.APIModel)
		if m.Successor == "" {
			continue
		}
		if _, ok := slices.BinarySearch(ids, m.Successor); ok {
			continue
		}
		msg := fmt.Sprintf("api_model %q: successor %q is not an api_model of the catalog", e.ID, m.Successor) + diag.DidYouMean(m.Successor, ids)
		line, col := e.FieldPos("successor")
		diags.Errorf(e.File, line, col, "successor", "%s", msg)
	}
}

// warnOlderOverNewer warns that a later sheet's entry replaces a newer one
// of the same id: a refresh layered over a newer built-in sheet would
// otherwise put older prices back without a word. It names both dates and
// every figure that differs.
func warnOlderOverNewer(newer, older Entry, diags *diag.List) {
	var figures []string
	for _, c := range figureChanges(newer, older) {
		figures = append(figures, fmt.Sprintf("%s %s → %s", c.Key, fieldText(c.Old), fieldText(c.New)))
	}
	what := "the same figures"
	if len(figures) > 0 {
		what = strings.Join(figures, ", ")
	}
	line, col := older.FieldPos("id")
	diags.Warnf(older.File, line, col, "as_of",
		"%s %q (as_of %s) replaces the newer entry of sheet %q (as_of %s): %s; layer a newer price or drop this entry",
		older.Table, older.ID, older.AsOf.Format(time.DateOnly), newer.Sheet, newer.AsOf.Format(time.DateOnly), what)
}

// fieldText writes a figure as the sheet would; "none" when absent.
func fieldText(v any) string {
	switch x := v.(type) {
	case nil:
		return "none"
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	}
	return fmt.Sprint(v)
}
