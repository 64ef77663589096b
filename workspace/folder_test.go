package workspace

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestFolderSkipsPriceSheets opens a folder holding a scenario, the price
// sheet it names and a file that only mentions "[sheet]" in a string: the
// sheet is no scenario, so it is neither loaded nor reported.
func TestFolderSkipsPriceSheets(t *testing.T) {
	docs, err := Load([]string{"testdata/folder"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, d := range docs {
		names = append(names, filepath.Base(d.Path))
		for _, dg := range d.Diags {
			if strings.Contains(dg.Message, "[sheet]") && strings.Contains(dg.Message, "unknown") {
				t.Errorf("%s: %s", d.Path, dg)
			}
		}
	}
	if got := strings.Join(names, " "); got != "not-a-sheet.toml plan.toml" {
		t.Fatalf("loaded %q, want the two scenarios only", got)
	}
	plan := docs[1]
	if !plan.OK() {
		t.Fatalf("plan.toml: %v", plan.Diags)
	}
	// acme.toml still prices the scenario that names it:
	// (1000·1 + 500·2)/1e6 = 0.002 per query · 1000 queries · 2 months = 4.
	if got := plan.Result.Options[0].Total; got != 4 {
		t.Errorf("acme total = %v, want 4", got)
	}
}

// A price sheet named on the command line is said to be one, in one line
// that names what to do with it; it read "unknown table [sheet]", "missing
// name, [workload] and [[option]]" and "unknown table [[api_model]]".
func TestSheetNamedAsScenario(t *testing.T) {
	path := filepath.Join("testdata", "folder", "acme.toml")
	docs, err := Load([]string{path}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	d := docs[0]
	if d.OK() || len(d.Diags) != 1 {
		t.Fatalf("want one error, got %v", d.Diags)
	}
	msg := d.Diags[0].String()
	for _, want := range []string{"is a price sheet", "--prices " + path, "tunecost prices --sheet " + path} {
		if !strings.Contains(msg, want) {
			t.Errorf("%q lacks %q", msg, want)
		}
	}
}
