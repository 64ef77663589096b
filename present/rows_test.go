package present

import (
	"testing"

	"github.com/tunecost/tunecost/model"
)

// A one-month horizon shows its recurring cost once: the summary read
// "Recurring / month, month 1" twice, the first and the last month being one.
// Two months show both rows.
func TestSummaryRowsOneMonth(t *testing.T) {
	for _, tc := range []struct {
		months int
		want   []string
	}{
		{1, []string{"Recurring / month, month 1"}},
		{2, []string{"Recurring / month, month 1", "Recurring / month, month 2"}},
	} {
		s := &Scenario{Result: model.Result{Currency: "USD", HorizonMonths: tc.months, Options: []model.OptionResult{
			{Name: "a", Kind: model.Prompt},
		}}}
		s.Result.Options[0].SetMonths(make([]model.Month, tc.months))
		var got []string
		for _, row := range SummaryRows(s) {
			if len(row.Label) > 9 && row.Label[:9] == "Recurring" {
				got = append(got, row.Label)
			}
		}
		if len(got) != len(tc.want) || got[0] != tc.want[0] || got[len(got)-1] != tc.want[len(tc.want)-1] {
			t.Errorf("%d months: recurring rows %q, want %q", tc.months, got, tc.want)
		}
	}
}
