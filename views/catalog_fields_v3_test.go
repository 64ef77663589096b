package views

import (
	"slices"
	"testing"
	"time"

	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/pricing"
)

// The catalog's entry view lists an api model's v3 fields when the sheet
// gives them, and only then.
func TestEntryFieldsV3(t *testing.T) {
	day := time.Date(2026, 12, 11, 0, 0, 0, 0, time.UTC)
	m := model.APIModel{ID: "gpt-5", InputPerMtok: 1.25, OutputPerMtok: 10, Retires: day, Successor: "gpt-5.1",
		LongContextThreshold: 272000, LongInputPerMtok: 2.5, LongOutputPerMtok: 15}
	rows := entryFields(pricing.Entry{Table: pricing.TableAPIModel, ID: "gpt-5", Item: m}, "USD")
	keys := make([]string, len(rows))
	for i, r := range rows {
		keys[i] = r[0]
	}
	for _, k := range []string{"retires", "successor", "long_context_threshold", "long_input_per_mtok", "long_output_per_mtok"} {
		if !slices.Contains(keys, k) {
			t.Errorf("no %s in %v", k, keys)
		}
	}
	if slices.Contains(keys, "ft_min_charge") || slices.Contains(keys, "deprecated") {
		t.Errorf("fields the sheet leaves out are listed: %v", keys)
	}
}
