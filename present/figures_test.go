package present

import (
	"slices"
	"testing"

	"github.com/tunecost/tunecost/internal/fixture"
	"github.com/tunecost/tunecost/model"
)

// One list, two views of it: the reports' rows and the screen's figures are
// Figures filtered by target, labels distinct within each, the screen's in
// section order with one heading per section, and every figure shown
// somewhere. With quality on (the shared fixture: 12 months), so §9's figures are in the list.
func TestFiguresFeedReportsAndScreen(t *testing.T) {
	in := fixture.Scenario()
	in.Workload.CostPerError, in.Workload.HasCostPerError = 0.5, true
	in.Workload.ValuePerSuccess, in.Workload.HasValuePerSuccess = 0.2, true
	for i := range in.Options {
		in.Options[i].Accuracy, in.Options[i].HasAccuracy = 0.8, true
	}
	r, err := model.Evaluate(in, fixture.Catalog("USD"))
	if err != nil {
		t.Fatal(err)
	}
	if !r.QualityModelled || !r.ValueModelled {
		t.Fatal("the fixture does not model quality and value")
	}
	all := Figures(&r)
	var labels []string
	for _, f := range all {
		if f.In == 0 || f.Cell == nil {
			t.Errorf("%q is shown nowhere or has no cell", f.Label)
		}
	}
	for _, row := range SummaryRows(&Scenario{Result: r}) {
		labels = append(labels, row.Label)
	}
	for _, want := range []string{"Kind", "Total over 12 months", "Serving", "Accuracy", "Cost of errors", "Total without errors", "Payback"} {
		if !slices.Contains(labels, want) {
			t.Errorf("report rows %q lack %q", labels, want)
		}
	}
	screen := ScreenFigures(&r)
	var short []string
	headings := 0
	for i, f := range screen {
		short = append(short, f.ShortLabel())
		if f.Heading != "" {
			headings++
		}
		if i > 0 && f.Section < screen[i-1].Section {
			t.Errorf("%q (section %d) after section %d", f.Label, f.Section, screen[i-1].Section)
		}
	}
	if headings != 4 {
		t.Errorf("%d headings on screen, want one per section (4)", headings)
	}
	for _, ls := range [][]string{labels, short} {
		sorted := slices.Clone(ls)
		slices.Sort(sorted)
		if len(slices.Compact(sorted)) != len(ls) {
			t.Errorf("labels repeat: %q", ls)
		}
	}
	for _, want := range []string{"Total, 12 months", "Without errors", "Best re-tune", "Warnings", "Inference"} {
		if !slices.Contains(short, want) {
			t.Errorf("screen figures %q lack %q", short, want)
		}
	}
}
