package calibration

import (
	"bytes"
	"flag"
	"os"
	"testing"
)

var update = flag.Bool("update", false, "rewrite docs/calibration.md and lower testdata/calibration/records.toml to the medians measured")

const (
	casesDir    = "../testdata/calibration/cases"
	recordsPath = "../testdata/calibration/records.toml"
	docsPath    = "../docs/calibration.md"
)

// TestCalibrationSuite runs every published case through the loader and the
// engine: it fails when a kind's median error grows past its record, when a
// case is off by more than ×2 without a written reason, or when
// docs/calibration.md no longer matches the suite.
func TestCalibrationSuite(t *testing.T) {
	cases, err := LoadCases(casesDir)
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) == 0 {
		t.Fatal("no calibration cases")
	}
	outs := Run(cases)
	sums := Summarise(outs)
	recs, err := LoadRecords(recordsPath)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		recs = Lowered(recs, sums)
		writeFile(t, recordsPath, recs.Bytes())
	}
	doc := Markdown(outs, sums, recs)
	if *update {
		writeFile(t, docsPath, doc)
	} else if disk, err := os.ReadFile(docsPath); err != nil || !bytes.Equal(disk, doc) {
		t.Errorf("%s does not match the suite: run go test ./calibration -update and read the diff", docsPath)
	}
	for _, s := range sums {
		t.Logf("%-20s %2d cases, %2d scored, median error %s, %d of %d bounds met, %d not evaluated",
			s.Kind.Name, s.Cases, s.Scored, factor(s.Median), s.Met, s.Bounds, s.Pending)
	}
	for _, p := range Check(outs, sums, recs) {
		t.Error(p)
	}
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestSuiteCoverage keeps the suite's breadth: every kind has a case, and
// the cases beyond the starting set number at least 10, with at least three
// mixture-of-experts and three FP8 runs among them.
func TestSuiteCoverage(t *testing.T) {
	cases, err := LoadCases(casesDir)
	if err != nil {
		t.Fatal(err)
	}
	perKind := map[Kind]int{}
	own, moe, fp8 := 0, 0, 0
	for _, o := range Run(cases) {
		perKind[o.Figure.Kind]++
		if o.Origin == "fit-cases" || o.Err != nil {
			continue
		}
		own++
		opt := option(o)
		if o.MoE {
			moe++
		}
		if opt.TrainPrecision == "fp8" || opt.ServePrecision == "fp8" {
			fp8++
		}
	}
	for _, k := range Kinds {
		if perKind[k] == 0 {
			t.Errorf("no case of kind %s", k.Name)
		}
	}
	t.Logf("%d cases beyond the starting set: %d mixture of experts, %d FP8", own, moe, fp8)
	if own < 10 || moe < 3 || fp8 < 3 {
		t.Errorf("%d cases beyond the starting set (%d mixture of experts, %d FP8); want at least 10, 3 and 3", own, moe, fp8)
	}
}
