package lint

import (
	"strings"
	"testing"
	"time"

	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/tomlpos"
)

// TestStaleSheets: one warning per stale sheet, at the scenario's
// price_sheets entry for a named sheet, at 1:1 for the built-in one.
func TestStaleSheets(t *testing.T) {
	in := load(t, "sheets.toml")
	// now 2026-12-01: old runpod (2026-01-05) is 330 days old, and so is the
	// offer the option trains on; the built-in runpod/h100-sxm-1x
	// (2026-09-25) is 67 days old, within 180.
	same(t, "fresh built-in", lines(in), []string{
		`testdata/sheets.toml:2:17: warning: price sheet "old runpod" (testdata/old-prices.toml) is 330 days old (as_of 2026-01-05, older than 180 days): prices move every quarter; update the sheet or layer a newer one`,
		`testdata/sheets.toml:19:15: warning: option "ft": offer "runpod/l40s-1x" is priced as of 2026-01-05 in sheet "old runpod": 330 days old, more than 180; check the price or layer a newer sheet`,
	})

	// 2027-06-01: the built-in sheet (as_of 2026-12-07) is 176 days old, not
	// stale, but its runpod/h100-sxm-1x entry (re-checked 2026-09-25) is 249
	// days: stale, like old runpod (2026-01-05, 512 days) and its offer.
	in.Now = time.Date(2027, 6, 1, 0, 0, 0, 0, time.UTC)
	in.Sheets = append(in.Sheets, in.Sheets...) // a sheet listed twice warns once
	same(t, "entry stale, built-in sheet fresh", lines(in), []string{
		`testdata/sheets.toml:2:17: warning: price sheet "old runpod" (testdata/old-prices.toml) is 512 days old (as_of 2026-01-05, older than 180 days): prices move every quarter; update the sheet or layer a newer one`,
		`testdata/sheets.toml:18:15: warning: option "ft": offer "runpod/h100-sxm-1x" is priced as of 2026-11-09 in sheet "tunecost built-in": 204 days old, more than 180; check the price or layer a newer sheet`,
		`testdata/sheets.toml:19:15: warning: option "ft": offer "runpod/l40s-1x" is priced as of 2026-01-05 in sheet "old runpod": 512 days old, more than 180; check the price or layer a newer sheet`,
	})

	// --stale-days 400: only what is more than 400 days old.
	in.StaleAfter = 400 * 24 * time.Hour
	same(t, "400 days", lines(in), []string{
		`testdata/sheets.toml:2:17: warning: price sheet "old runpod" (testdata/old-prices.toml) is 512 days old (as_of 2026-01-05, older than 400 days): prices move every quarter; update the sheet or layer a newer one`,
		`testdata/sheets.toml:19:15: warning: option "ft": offer "runpod/l40s-1x" is priced as of 2026-01-05 in sheet "old runpod": 512 days old, more than 400; check the price or layer a newer sheet`,
	})

	// Without the caller's position, the price_sheets entry is found by file.
	in = load(t, "sheets.toml")
	in.Sheets[1].Pos = tomlpos.Pos{}
	if got := lines(in); len(got) != 2 || !strings.HasPrefix(got[0], "testdata/sheets.toml:2:17: ") {
		t.Errorf("fallback position: %q", got)
	}

	// Exactly 180 days is not stale; an unknown as_of or clock says nothing.
	in = load(t, "sheets.toml")
	in.Now = in.Sheets[1].AsOf.Add(180 * 24 * time.Hour)
	same(t, "180 days", lines(in), nil)
	in.Now = time.Time{}
	same(t, "no clock", lines(in), nil)
}

// TestUnmergedCost: the money is the option's total minus its total with
// unmerged_overhead = 0, and the caller's scenario is not changed.
func TestUnmergedCost(t *testing.T) {
	in := load(t, "unmerged.toml")
	s := in.Scenario
	s.Options = append([]model.Option(nil), s.Options...)
	s.Options[0].UnmergedOverhead = 0
	res, err := model.Evaluate(s, in.Catalog.Catalog)
	if err != nil {
		t.Fatal(err)
	}
	want := format.Money(in.Result.Options[0].Total-res.Options[0].Total, "USD")
	got := lines(in)
	if len(got) != 1 || !strings.Contains(got[0], "costing "+want+" over") {
		t.Errorf("want %s in %q", want, got)
	}
	if in.Scenario.Options[0].UnmergedOverhead != 0.20 {
		t.Errorf("Check changed the caller's scenario: overhead %v", in.Scenario.Options[0].UnmergedOverhead)
	}

	// Without a result, the rule evaluates the baseline itself.
	in.Result = model.Result{}
	same(t, "no result", lines(in), got)
}

// TestMissingInputs: no file, catalog or result is no panic; findings lose
// their position, and the rule that re-prices is skipped without a catalog.
func TestMissingInputs(t *testing.T) {
	if got := Check(Input{}); len(got) != 0 {
		t.Errorf("empty input: %v", got)
	}
	in := load(t, "unmerged.toml")
	in.File, in.Catalog, in.Result = nil, nil, model.Result{}
	in.Scenario.Options[0].ExperimentCycles = 1
	same(t, "no file", lines(in), []string{
		`warning: option "ft": experiment_cycles = 1: the experimentation tax is 5–10 cycles; budgeting 1 understates experiments; budget at least 5`,
	})
	in.Scenario.Options[0].Name = ""
	if got := lines(in); len(got) != 1 || !strings.Contains(got[0], "option #1: ") {
		t.Errorf("unnamed option: %q", got)
	}
}

// TestOptionMatchedByName: a file whose options are in another order than
// the scenario's still positions each finding at its own option.
func TestOptionMatchedByName(t *testing.T) {
	in := load(t, "golden.toml")
	o := in.Scenario.Options
	in.Scenario.Options = []model.Option{o[1], o[0]}
	in.Result = model.Result{}
	got := lines(in)
	if len(got) != 2 || !strings.HasPrefix(got[0], "testdata/golden.toml:21:23: ") || !strings.HasPrefix(got[1], "testdata/golden.toml:31:23: ") {
		t.Errorf("%q", got)
	}
}
