package calibration

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestMedian(t *testing.T) {
	if got := Median([]float64{3, 1, 2}); got != 2 {
		t.Errorf("median of 3, 1, 2 = %g, want 2", got)
	}
	// Even count: the mean of the middle two, (2 + 3) / 2 = 2.5.
	if got := Median([]float64{4, 1, 3, 2}); got != 2.5 {
		t.Errorf("median of 4, 1, 3, 2 = %g, want 2.5", got)
	}
	if got := Median(nil); !math.IsNaN(got) {
		t.Errorf("median of nothing = %g, want NaN", got)
	}
}

func outcome(kind Kind, published, predicted float64, bound string) Outcome {
	f := Figure{Name: "x", Kind: kind, Unit: "u"}
	return Outcome{Case: Case{ID: "c", Published: published, Bound: bound}, Figure: f, Predicted: predicted}
}

func TestScoringMeasuredValue(t *testing.T) {
	// 12.5 predicted against 10 published: ratio 1.25, error ln 1.25 = 0.22314.
	o := outcome(TrainingTime, 10, 12.5, "")
	if o.Ratio() != 1.25 || math.Abs(o.LogError()-0.22314355) > 1e-8 || math.Abs(o.Off()-1.25) > 1e-12 {
		t.Errorf("ratio %g, error %g, off %g; want 1.25, 0.22314, 1.25", o.Ratio(), o.LogError(), o.Off())
	}
	// Under-prediction is as far off: 8 against 10 is ×1.25 the other way.
	u := outcome(TrainingTime, 10, 8, "")
	if math.Abs(u.Off()-1.25) > 1e-12 {
		t.Errorf("8 against 10: off %g, want 1.25", u.Off())
	}
}

func TestScoringBounds(t *testing.T) {
	// A ceiling of 48 GB, 51.6 predicted: missed by 51.6 / 48 = ×1.075.
	missed := outcome(TrainingMemory, 48, 51.6, Upper)
	if missed.Met() || math.Abs(missed.Off()-1.075) > 1e-12 || missed.Scored() {
		t.Errorf("51.6 under a 48 ceiling: met %v, off %g, scored %v; want false, 1.075, false", missed.Met(), missed.Off(), missed.Scored())
	}
	met := outcome(TrainingMemory, 48, 40, Upper)
	if !met.Met() || met.Off() != 1 {
		t.Errorf("40 under a 48 ceiling: met %v, off %g; want true, 1", met.Met(), met.Off())
	}
	// A floor of 780 GB, 600 predicted: missed by 780 / 600 = ×1.3.
	floor := outcome(TrainingMemory, 780, 600, Lower)
	if floor.Met() || math.Abs(floor.Off()-1.3) > 1e-12 {
		t.Errorf("600 over a 780 floor: met %v, off %g; want false, 1.3", floor.Met(), floor.Off())
	}
}

func TestSummariseKeepsBoundsOutOfMedians(t *testing.T) {
	outs := []Outcome{
		outcome(TrainingMemory, 10, 11, ""),     // error ln 1.1
		outcome(TrainingMemory, 10, 13, ""),     // error ln 1.3
		outcome(TrainingMemory, 48, 200, Upper), // a bound far off: not in the median
	}
	s := Summarise(outs)[1]
	// Median of ln 1.1 = 0.0953102 and ln 1.3 = 0.2623643: their mean, 0.1788372.
	if s.Kind != TrainingMemory || s.Scored != 2 || s.Bounds != 1 || s.Met != 0 || math.Abs(s.Median-0.1788372) > 1e-6 {
		t.Errorf("summary %+v; want 2 scored, 1 bound unmet, median 0.17884", s)
	}
}

func TestCheck(t *testing.T) {
	far := outcome(DecodeSpeed, 10, 25, "") // ×2.5
	problems := Check([]Outcome{far}, nil, nil)
	if len(problems) != 1 || !strings.Contains(problems[0], "×2.50") {
		t.Errorf("a case ×2.5 off without a reason: %q", problems)
	}
	far.Reason = "the published run used speculative decoding"
	if p := Check([]Outcome{far}, nil, nil); len(p) != 0 {
		t.Errorf("a case ×2.5 off with a reason: %q", p)
	}
	broken := outcome(DecodeSpeed, 10, 0, "")
	broken.Err = errors.New("unknown field")
	if p := Check([]Outcome{broken}, nil, nil); len(p) != 1 || !strings.Contains(p[0], "pending") {
		t.Errorf("a case that does not evaluate: %q", p)
	}
	broken.Pending = "tensor_parallel (model v2)"
	if p := Check([]Outcome{broken}, nil, nil); len(p) != 0 {
		t.Errorf("a pending case that does not evaluate: %q", p)
	}
	stale := outcome(DecodeSpeed, 10, 11, "")
	stale.Pending = "tensor_parallel"
	if p := Check([]Outcome{stale}, nil, nil); len(p) != 1 || !strings.Contains(p[0], "remove pending") {
		t.Errorf("a pending case that evaluates: %q", p)
	}
}

func TestCheckRecords(t *testing.T) {
	sums := []Summary{{Kind: DecodeSpeed, Scored: 3, Median: 0.30}}
	if p := Check(nil, sums, Records{"decode_speed": {Median: 0.25}}); len(p) != 1 || !strings.Contains(p[0], "past its record") {
		t.Errorf("median 0.30 over a record of 0.25: %q", p)
	}
	if p := Check(nil, sums, Records{"decode_speed": {Median: 0.30}}); len(p) != 0 {
		t.Errorf("median equal to its record: %q", p)
	}
	if p := Check(nil, sums, Records{}); len(p) != 1 || !strings.Contains(p[0], "no record") {
		t.Errorf("a kind without a record: %q", p)
	}
}

func TestLoweredOnlyMovesDown(t *testing.T) {
	sums := []Summary{
		{Kind: TrainingTime, Scored: 4, Median: 0.31234}, // record 0.5 moves down to 0.3124 (rounded up)
		{Kind: DecodeSpeed, Scored: 4, Median: 0.30},     // record 0.2 stays: raising is by hand
		{Kind: TimeToFirstToken, Scored: 2, Median: 0.1}, // no record: one is added
		{Kind: GPUsNeeded}, // nothing scored: no record
	}
	// The v2 record and the reason ride along with a lowered record.
	recs := Lowered(Records{"training_time": {Median: 0.5, V2: 0.3922, Reason: "r"}, "decode_speed": {Median: 0.2}}, sums)
	want := Records{"training_time": {Median: 0.3124, V2: 0.3922, Reason: "r"}, "decode_speed": {Median: 0.2}, "time_to_first_token": {Median: 0.1}}
	if len(recs) != len(want) {
		t.Fatalf("records %v, want %v", recs, want)
	}
	for id, r := range want {
		if recs[id] != r {
			t.Errorf("%s: %+v, want %+v", id, recs[id], r)
		}
	}
}

func TestRecordsRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "records.toml")
	in := Records{"training_time": {Median: 0.3124, V2: 0.3922, Reason: "FP8 cases added"}, "decode_speed": {Median: 0.2}}
	if err := os.WriteFile(path, in.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := LoadRecords(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 2 || out["training_time"] != in["training_time"] || out["decode_speed"] != in["decode_speed"] {
		t.Errorf("read back %v, want %v", out, in)
	}
}

func TestLoadCaseErrors(t *testing.T) {
	for _, tc := range []struct{ name, body, want string }{
		{"figure", "figure = \"speed\"\npublished = 1\nframework = \"f\"\nsource = \"s\"\nwhere = \"w\"\nsetup = \"x\"\n", `figure = "speed": must be one of train_time_min`},
		{"published", "figure = \"ttft_ms\"\npublished = 0\nframework = \"f\"\nsource = \"s\"\nwhere = \"w\"\nsetup = \"x\"\n", "published = 0: must be a number greater than 0"},
		{"bound", "figure = \"ttft_ms\"\npublished = 1\nbound = \"under\"\nframework = \"f\"\nsource = \"s\"\nwhere = \"w\"\nsetup = \"x\"\n", `bound = "under"`},
		{"source", "figure = \"ttft_ms\"\npublished = 1\nframework = \"f\"\nwhere = \"w\"\nsetup = \"x\"\n", "source is required"},
		{"unknown", "figure = \"ttft_ms\"\npublished = 1\nframework = \"f\"\nsource = \"s\"\nwhere = \"w\"\nsetup = \"x\"\nreasons = \"typo\"\n", `unknown key "reasons"`},
	} {
		dir := filepath.Join(t.TempDir(), tc.name)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, "case.toml")
		if err := os.WriteFile(path, []byte(tc.body), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := loadCase(dir)
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), path) {
			t.Errorf("%s: error %v, want one naming %s and %q", tc.name, err, path, tc.want)
		}
	}
}

func TestNum(t *testing.T) {
	for v, want := range map[float64]string{25206: "25,206", 1543.2: "1,543", 53.8213: "53.82", 17.3946: "17.39", 0.5: "0.5", 2.0: "2", 0.001234: "0.001234"} {
		if got := num(v); got != want {
			t.Errorf("num(%g) = %q, want %q", v, got, want)
		}
	}
}

func TestSummariseCoverageAndBefore(t *testing.T) {
	in := outcome(DecodeSpeed, 100, 110, "") // error ln 1.1, published inside 90–120
	in.Band = Band{Low: 90, High: 120, Known: true}
	out := outcome(DecodeSpeed, 100, 150, "") // error ln 1.5, published outside 130–170
	out.Band = Band{Low: 130, High: 170, Known: true}
	out.Added = "issue 20"
	unbanded := outcome(DecodeSpeed, 100, 80, "") // error ln 1.25, no band
	s := Summarise([]Outcome{in, out, unbanded})[3]
	// Two banded, one inside: 50 %. Before = median of v2's cases (in, unbanded):
	// (ln 1.1 + ln 1.25) / 2 = (0.0953102 + 0.2231436) / 2 = 0.1592269.
	if s.Kind != DecodeSpeed || s.Banded != 2 || s.Inside != 1 || s.Coverage() != 0.5 || math.Abs(s.Before-0.1592269) > 1e-6 {
		t.Errorf("summary %+v; want 2 banded, 1 inside, coverage 0.5, before 0.15923", s)
	}
	if !math.IsNaN((Summary{}).Coverage()) {
		t.Error("coverage of no banded case is not NaN")
	}
	// A bound is never covered, even inside its band.
	bound := outcome(TrainingMemory, 48, 40, Upper)
	bound.Band = Band{Low: 30, High: 50, Known: true}
	if bound.Covered() {
		t.Error("a published bound counted as covered")
	}
}
