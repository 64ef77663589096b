package views

import (
	"testing"
	"time"

	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/pricing"
)

// The catalog's entry view lists an api model's v3 fields with their values
// when the sheet gives them, and "—" when it leaves them out (every field
// an entry can hold is shown, from pricing.EntryFields).
func TestEntryFieldsV3(t *testing.T) {
	day := time.Date(2026, 12, 11, 0, 0, 0, 0, time.UTC)
	m := model.APIModel{ID: "gpt-5", InputPerMtok: 1.25, OutputPerMtok: 10, Retires: day, Successor: "gpt-5.1",
		LongContextThreshold: 272000, LongInputPerMtok: 2.5, LongOutputPerMtok: 15}
	rows := entryFields(pricing.Entry{Table: pricing.TableAPIModel, ID: "gpt-5", Item: m}, "USD")
	got := map[string]string{}
	for _, r := range rows {
		got[r[0]] = r[1]
	}
	for k, want := range map[string]string{
		"retires": "2026-12-11", "successor": "gpt-5.1", "long_context_threshold": "272,000 prompt tokens",
		"long_input_per_mtok": "$2.5 per million tokens", "long_output_per_mtok": "$15 per million tokens",
		"ft_min_charge": "—", "deprecated": "—",
	} {
		if got[k] != want {
			t.Errorf("%s reads %q, want %q (rows %v)", k, got[k], want, rows)
		}
	}
}
