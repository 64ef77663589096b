package scenarios

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/tunecost/tunecost/model"
)

// F25a: accuracy = { correct = 170, of = 200 } prices exactly as
// accuracy = 0.85 (its likely value is 170 / 200), and keeps the counts.
func TestAccuracyCountsPriceAsTheirRatio(t *testing.T) {
	path := filepath.Join("testdata", "v3", "counts.toml")
	data := read(t, path)
	counts := evaluateBytes(t, path, data)
	plain := evaluateBytes(t, path, bytes.Replace(data, []byte("{ correct = 170, of = 200 }"), []byte("0.85"), 1))
	for i := range counts.res.Options {
		if a, b := counts.res.Options[i].Total, plain.res.Options[i].Total; a != b {
			t.Errorf("%s: total %v with counts, %v with 0.85", counts.res.Options[i].Name, a, b)
		}
	}
	ft := counts.s.Options[0]
	if ft.Accuracy != 0.85 || ft.AccuracyCorrect != 170 || ft.AccuracyOf != 200 || !ft.HasAccuracyCounts() {
		t.Errorf("resolved accuracy %v (%v of %v)", ft.Accuracy, ft.AccuracyCorrect, ft.AccuracyOf)
	}
	if plain.s.Options[0].HasAccuracyCounts() {
		t.Error("accuracy = 0.85 has no counts")
	}
	d, _ := counts.res.Options[0].Derivation("accuracy")
	if d.Label != "accuracy from an evaluation (input)" || len(d.Inputs) < 3 || d.Inputs[1].Value != 170 || d.Inputs[2].Value != 200 {
		t.Errorf("the explain of accuracy names the counts: %+v", d)
	}
}

type evaluated struct {
	s   model.Scenario
	res model.Result
}

func evaluateBytes(t *testing.T, path string, data []byte) evaluated {
	t.Helper()
	f, d := Parse(path, data)
	s, more := f.Resolve(testCatalog())
	if d = append(d, more...); d.HasErrors() {
		t.Fatal(d)
	}
	res, err := model.Evaluate(s, *testCatalog())
	if err != nil {
		t.Fatal(err)
	}
	return evaluated{s, res}
}

// A file gets §10's default ranges unless it says efficiency_ranges = false.
func TestEfficiencyRangesFlag(t *testing.T) {
	path := filepath.Join("testdata", "v3", "counts.toml")
	data := read(t, path)
	if s := evaluateBytes(t, path, data).s; !s.EfficiencyRanges {
		t.Error("efficiency_ranges defaults to true")
	}
	off := append([]byte("efficiency_ranges = false\n"), data...)
	if s := evaluateBytes(t, path, off).s; s.EfficiencyRanges {
		t.Error("efficiency_ranges = false is read")
	}
}
