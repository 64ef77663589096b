package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// diffSet: s.toml changed (diffPair), new.toml added, same.toml unchanged,
// a 3.5 % gate that managed's +4.0 % breaks and prompt's +3.3 % does not
// (more input tokens, diffPair); a hostile path.
func diffSet(t *testing.T) DiffSet {
	old, new := diffPair(t)
	changed := NewFileDiff("scenarios/s.toml", Diff(old, new))
	added := AddedFile("scenarios/new @team|x.toml", new, []Change{{Field: "price_sheets", New: "acme.toml"}})
	same := NewFileDiff("scenarios/same.toml", Diff(old, old))
	s := DiffSet{Base: "main @ 1a2b3c4", Head: "this branch", Rev: "main", Commit: "1a2b3c4",
		Files:  []FileDiff{changed, added, same},
		Limits: []Limit{{Text: "3.5%", Pct: 0.035, IsPct: true}}}
	s.CheckGate()
	return s
}

// TestDiffSetMarkdown: the marker first, the revision and every changed
// file named, the gate's failure, tables that parse as GFM with their
// columns, and an @ that mentions no one.
func TestDiffSetMarkdown(t *testing.T) {
	s := diffSet(t)
	if len(s.Failures) != 1 || s.Failures[0].Option != "managed" {
		t.Fatalf("failures %+v, want managed's alone", s.Failures)
	}
	var md bytes.Buffer
	if err := DiffSetMarkdown(&md, s); err != nil {
		t.Fatal(err)
	}
	golden(t, "diffset.md.golden", md.Bytes())
	out := md.String()
	if !strings.HasPrefix(out, DiffMarker+"\n### Cost change: main @ 1a2b3c4 → this branch\n") {
		t.Errorf("head:\n%.200s", out)
	}
	for _, want := range []string{"#### scenarios/s.toml: ", "#### scenarios/new @\u2060team\\|x.toml (added): ", "**Cost gate failed:**",
		"No cost change in scenarios/same.toml."} {
		if !strings.Contains(out, want) {
			t.Errorf("lacks %q", want)
		}
	}
	headers, rows := parseGFM(md.Bytes()).tables()
	for i := range headers {
		for _, r := range rows[i] {
			if r != headers[i] {
				t.Errorf("table %d: a row of %d cells under %d columns", i, r, headers[i])
			}
		}
	}
	assertUniqueColumns(t, out)
}

// TestDiffSetNoCostChange: nothing moved anywhere is the marker and one line.
func TestDiffSetNoCostChange(t *testing.T) {
	old, _ := diffPair(t)
	s := DiffSet{Base: "main @ 1a2b3c4", Head: "this branch", Rev: "main", Commit: "1a2b3c4",
		Files: []FileDiff{NewFileDiff("a.toml", Diff(old, old)), NewFileDiff("b.toml", Diff(old, old))}}
	var md, js bytes.Buffer
	DiffSetMarkdown(&md, s)
	if want := DiffMarker + "\nNo cost change: 2 scenario files, main @ 1a2b3c4 → this branch.\n"; md.String() != want {
		t.Errorf("got %q, want %q", md.String(), want)
	}
	DiffSetJSON(&js, s)
	var doc struct {
		Version     int
		CostChanged bool `json:"cost_changed"`
	}
	if err := json.Unmarshal(js.Bytes(), &doc); err != nil || doc.Version != 1 || doc.CostChanged {
		t.Errorf("json %+v %v", doc, err)
	}
}

// TestDiffSetJSON: the totals are the engine's numbers, unrounded; a new
// option has no total before; the gate names the option and its limit.
func TestDiffSetJSON(t *testing.T) {
	s := diffSet(t)
	var js bytes.Buffer
	if err := DiffSetJSON(&js, s); err != nil {
		t.Fatal(err)
	}
	golden(t, "diffset.json.golden", js.Bytes())
	var doc struct {
		Files []struct {
			Status  string
			Options []struct {
				Name        string
				Status      string
				TotalBefore *float64 `json:"total_before"`
				TotalAfter  *float64 `json:"total_after"`
				Above       []string `json:"above_fail_limits"`
			}
		}
		Gate struct {
			Failed   bool
			Failures []struct{ File, Option, Limit string }
		}
	}
	if err := json.Unmarshal(js.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	d := s.Files[0].Diff
	for i, o := range doc.Files[0].Options {
		want := d.Options[i]
		if (o.TotalAfter == nil) != (want.Status == OptionRemoved) || (o.TotalBefore == nil) != (want.Status == OptionNew) {
			t.Errorf("%s: before %v after %v for a %s option", o.Name, o.TotalBefore, o.TotalAfter, want.Status)
		}
		if o.TotalAfter != nil && *o.TotalAfter != want.NewTotal {
			t.Errorf("%s: total_after %v, the engine's %v", o.Name, *o.TotalAfter, want.NewTotal)
		}
	}
	if !doc.Gate.Failed || doc.Gate.Failures[0].Limit != "3.5%" || doc.Files[1].Status != "added" || doc.Files[2].Status != "unchanged" {
		t.Errorf("gate %+v, statuses %s %s", doc.Gate, doc.Files[1].Status, doc.Files[2].Status)
	}
}
