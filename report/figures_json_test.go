package report

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/tunecost/tunecost/present"
)

// Every figure of the comparison (present.Figures) names where the JSON
// export holds it, and the JSON has that key (a month's figure is a CSV
// column too): a figure added to the screen and the reports cannot be
// missing from the machine formats unnoticed.
// Quality and value on, so §9's figures are in the list.
func TestEveryFigureIsInTheJSON(t *testing.T) {
	in := handInput()
	in.Workload.CostPerError, in.Workload.HasCostPerError = 0.5, true
	in.Workload.ValuePerSuccess, in.Workload.HasValuePerSuccess = 0.2, true
	for i := range in.Options {
		in.Options[i].Accuracy, in.Options[i].HasAccuracy = 0.8, true
	}
	s := evaluated(t, "q.toml", in, nil)
	var buf bytes.Buffer
	if err := JSON(&buf, []Scenario{s}); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Scenarios []struct {
			Options []map[string]json.RawMessage `json:"options"`
		} `json:"scenarios"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	var csvOut bytes.Buffer
	if err := CSV(&csvOut, []Scenario{s}); err != nil {
		t.Fatal(err)
	}
	columns := strings.Split(strings.SplitN(csvOut.String(), "\n", 2)[0], ",")
	opt := doc.Scenarios[0].Options[0]
	var months []map[string]json.RawMessage
	if err := json.Unmarshal(opt["months"], &months); err != nil || len(months) == 0 {
		t.Fatalf("months: %v", err)
	}
	// Figures the JSON holds no key of its own for, and why.
	derived := map[string]string{
		"Total without errors": "total minus the months' errors",
	}
	for _, f := range present.Figures(&s.Result) {
		switch key, inMonth := strings.CutPrefix(f.JSON, "months."); {
		case f.JSON == "":
			if derived[f.Label] == "" {
				t.Errorf("%q names no JSON key", f.Label)
			}
		case inMonth:
			if _, ok := months[0][key]; !ok {
				t.Errorf("%q: a month has no key %q", f.Label, key)
			}
			if !slices.Contains(columns, key) {
				t.Errorf("%q: the CSV has no column %q: %q", f.Label, key, columns)
			}
		default:
			if _, ok := opt[f.JSON]; !ok {
				t.Errorf("%q: an option has no key %q", f.Label, f.JSON)
			}
		}
	}
}
