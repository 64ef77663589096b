package report

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"testing"
)

func TestCSVGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := CSV(&buf, []Scenario{handScenario(t), hostileScenario(t)}); err != nil {
		t.Fatal(err)
	}
	golden(t, "csv.golden", buf.Bytes())
}

// TestCSVReadsBack checks the shape (header, one row per option and month)
// and that numbers read back exactly.
func TestCSVReadsBack(t *testing.T) {
	s := handScenario(t)
	var buf bytes.Buffer
	if err := CSV(&buf, []Scenario{s}); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := 1
	for _, o := range s.Result.Options {
		want += len(o.Months())
	}
	if len(recs) != want {
		t.Fatalf("%d records, want %d", len(recs), want)
	}
	o := s.Result.Options[1]
	rec := recs[1+len(s.Result.Options[0].Months())+5] // rag, month 5
	if rec[1] != o.Name || rec[3] != "5" {
		t.Fatalf("record %q is not rag's month 5", rec)
	}
	got, err := strconv.ParseFloat(rec[14], 64)
	if err != nil || got != o.Months()[5].Cumulative {
		t.Errorf("cumulative %q, want %v exactly", rec[14], o.Months()[5].Cumulative)
	}
}

func TestCSVText(t *testing.T) {
	cases := map[string]string{
		"plain":             "plain",
		"=HYPERLINK(\"x\")": "'=HYPERLINK(\"x\")",
		"+1":                "'+1",
		"-2":                "'-2",
		"@SUM(A1)":          "'@SUM(A1)",
		"  =1":              "'  =1",
		"\t=1":              "' =1",
		"a=b":               "a=b",
		"x\x1b[2Jy\nz":      "xy z",
		"":                  "",
	}
	for in, want := range cases {
		if got := csvText(in); got != want {
			t.Errorf("csvText(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCSVNumbersPlain: a million queries is 1000000, not 1e+06 ('g' format
// switched to an exponent at 1e6); fractions keep their shortest digits.
func TestCSVNumbersPlain(t *testing.T) {
	for v, want := range map[float64]string{1e6: "1000000", 1010780.0781502556: "1010780.0781502556", 2.7: "2.7", 1e-7: "0.0000001", 0: "0"} {
		if got := num(v); got != want {
			t.Errorf("num(%v) = %q, want %q", v, got, want)
		}
	}
}
