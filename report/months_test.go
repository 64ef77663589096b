package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/tunecost/tunecost/model"
)

// TestMonthKeysAreTheCategoryRegistry: the JSON month keys and the CSV
// columns are model's cost categories, in the contract's order (docs/json.md):
// the first version's categories, total and cumulative, then the late ones.
func TestMonthKeysAreTheCategoryRegistry(t *testing.T) {
	want := []string{"month", "queries", "data", "experiments", "training", "inference", "retrieval", "hosting",
		"labour", "setup", "total", "cumulative"}
	if got := monthColumns(false); !slices.Equal(got, want) {
		t.Errorf("columns without quality = %q, want %q", got, want)
	}
	if got := monthColumns(true); !slices.Equal(got, append(want, "errors")) {
		t.Errorf("columns with quality = %q, want %q then errors", got, want)
	}
}

// TestANewCategoryReachesJSONAndCSV adds a test-only late category to the
// registry's split, as a new model.CostCategory would: the JSON months and
// the CSV rows carry it at the end, with nothing else changed.
func TestANewCategoryReachesJSONAndCSV(t *testing.T) {
	saved := lateCategories
	t.Cleanup(func() { lateCategories = saved })
	lateCategories = append(slices.Clone(saved), model.CostCategory{Name: "moderation", Timing: model.Recurring, Late: true,
		Of: func(m *model.Month) float64 { return 7 + float64(m.Month) }})
	s := handScenario(t)
	var j bytes.Buffer
	if err := JSON(&j, []Scenario{s}); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Scenarios []struct {
			Options []struct {
				Months []map[string]float64 `json:"months"`
			} `json:"options"`
		} `json:"scenarios"`
	}
	if err := json.Unmarshal(j.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	m := doc.Scenarios[0].Options[0].Months[2]
	if m["moderation"] != 9 {
		t.Errorf("month 2's moderation = %v, want 7 + 2 = 9", m["moderation"])
	}
	if i, k := strings.Index(j.String(), `"cumulative"`), strings.Index(j.String(), `"moderation"`); k < i {
		t.Errorf("moderation is not after cumulative")
	}
	var c bytes.Buffer
	if err := CSV(&c, []Scenario{s}); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&c).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if h := rows[0]; h[len(h)-1] != "moderation" || h[len(h)-2] != "cumulative" {
		t.Errorf("header = %q, want moderation last", h)
	}
	if r := rows[3]; r[len(r)-1] != "9" {
		t.Errorf("the third month's row = %q, want moderation 9", r)
	}
}
