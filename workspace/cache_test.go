package workspace

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/tunecost/tunecost/model"
)

// An edit changes only the scenario's values, so it layers the same sheets:
// the catalog is the one already built, not layered again per keystroke.
func TestEditReusesTheLayeredCatalog(t *testing.T) {
	d := LoadBuiltin(Options{ExtraSheets: []string{"testdata/g6e-override.toml"}})
	if !d.OK() {
		t.Fatal(d.Diags)
	}
	before := d.Catalog
	if err := d.Set(model.SectionTeam, 0, "hourly_rate", "150"); err != nil {
		t.Fatal(err)
	}
	if d.Catalog != before {
		t.Error("an edit layered the catalog again")
	}
	if got := d.Catalog.Offers["aws/g6e.xlarge"].OnDemandHourly; got != 1.5 {
		t.Errorf("g6e.xlarge costs %g/h after the edit, want the override's 1.5", got)
	}
}

// Reload reads the sheets again, so a price changed on disk is layered.
func TestReloadLayersChangedSheets(t *testing.T) {
	sheet := filepath.Join(t.TempDir(), "override.toml")
	data, err := os.ReadFile("testdata/g6e-override.toml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(sheet, data, 0o644); err != nil {
		t.Fatal(err)
	}
	d := LoadBuiltin(Options{ExtraSheets: []string{sheet}})
	changed := []byte(string(data[:len(data)-len("1.5\n")]) + "2.25\n")
	if err := os.WriteFile(sheet, changed, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := d.Reload(); err != nil {
		t.Fatal(err)
	}
	if got := d.Catalog.Offers["aws/g6e.xlarge"].OnDemandHourly; got != 2.25 {
		t.Errorf("g6e.xlarge costs %g/h after Reload, want the sheet's new 2.25", got)
	}
}
