package scenarios

import (
	"path/filepath"
	"strings"
	"testing"
)

// MODEL.md §9's bad input: one positioned error each, naming what is valid.
func TestQualityBadInput(t *testing.T) {
	cases := map[string][]string{
		"ranges.toml": {
			`testdata/quality/ranges.toml:7:18: workload.cost_per_error = -3: must be a number from 0 to 100,000,000`,
			`testdata/quality/ranges.toml:8:21: workload.value_per_success = -0.5: must be a number from 0 to 100,000,000`,
			`testdata/quality/ranges.toml:14:12: option "p".accuracy = 1.2: must be a number from 0 to 1`,
		},
		"decay.toml": {
			`testdata/quality/decay.toml:19:28: option "ft".accuracy_decay_per_month: expected a number, got a string ("fast")`,
		},
		// One line per option without accuracy, at its [[option]] header.
		"missing.toml": {
			`testdata/quality/missing.toml:9:1: option "p" is missing accuracy (a number from 0 to 1, the share of good answers): [workload] sets cost_per_error, so every option needs it`,
			`testdata/quality/missing.toml:20:1: option "r" is missing accuracy (a number from 0 to 1, the share of good answers): [workload] sets cost_per_error, so every option needs it`,
		},
		"range_order.toml": {
			`testdata/quality/range_order.toml:13:46: option "p".accuracy.high = 1.1: must be a number from 0 to 1`,
		},
	}
	for file, want := range cases {
		var got []string
		for _, d := range check(t, filepath.Join("testdata", "quality", file)) {
			got = append(got, d.String())
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s:\n got:\n\t%s\nwant:\n\t%s", file, strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
		}
	}
}
