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
