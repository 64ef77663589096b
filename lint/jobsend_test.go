package lint

import (
	"os"
	"slices"
	"testing"
	"time"

	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/pricing"
	"github.com/tunecost/tunecost/scenarios"
)

// F10: a managed fine-tune whose provider stops new jobs inside the horizon
// warns about the re-tunes at or after that month. On 2026-12-07, 2027-01-06
// falls in month 0 (shown as month 1): with re-tunes every 3 months the
// first that cannot run is month 3, shown as month 4.
func TestJobsEnd(t *testing.T) {
	sheet, diags := pricing.Parse("tuner.toml", []byte(`[sheet]
name = "tuner"
currency = "USD"
as_of = 2026-12-01

[[api_model]]
id = "tuner"
input_per_mtok = 0.4
output_per_mtok = 1.6
train_per_mtok = 5
ft_input_per_mtok = 0.8
ft_output_per_mtok = 3.2
ft_jobs_end = 2027-01-06
`))
	cat, more := pricing.Layer(sheet)
	data, err := os.ReadFile("testdata/jobs_end.toml")
	if err != nil {
		t.Fatal(err)
	}
	f, parsed := scenarios.Parse("testdata/jobs_end.toml", data)
	s, resolved := f.ResolveOn(&cat.Catalog, time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC))
	if all := append(append(append(diags, more...), parsed...), resolved...); len(all) != 0 {
		t.Fatal(all)
	}
	res, err := model.Evaluate(s, cat.Catalog)
	if err != nil {
		t.Fatal(err)
	}
	got := lines(Input{File: f, Scenario: s, Catalog: cat, Result: res, Now: now})
	want := `testdata/jobs_end.toml:12:14: warning: option "managed": base_model "tuner": its provider stops new fine-tuning jobs on 2027-01-06 (month 1), so the re-tunes from month 4 on cannot run; they are still priced (F13)`
	if !slices.Contains(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// firstRetuneFrom is F13's first re-tune month at or after m.
func TestFirstRetuneFrom(t *testing.T) {
	for _, c := range []struct {
		m, every, h, first int
		ok                 bool
	}{
		{0, 3, 12, 3, true}, {3, 3, 12, 3, true}, {4, 3, 12, 6, true}, {10, 3, 12, 12, false}, {5, 0, 12, 0, false}, {0, 1, 12, 1, true},
	} {
		if first, ok := firstRetuneFrom(c.m, c.every, c.h); first != c.first || ok != c.ok {
			t.Errorf("firstRetuneFrom(%d, %d, %d) = %d, %v; want %d, %v", c.m, c.every, c.h, first, ok, c.first, c.ok)
		}
	}
}

// With quality modelled, the warning names F28's best cadence against the month the jobs stop.
func TestBestCadenceWords(t *testing.T) {
	cases := map[[3]int]string{
		{6, 1, 12}:  "; F28's best cadence, every 6 months, re-tunes after then too",
		{0, 1, 12}:  "; F28's best cadence is never to re-tune",
		{9, 10, 12}: "; F28's best cadence, every 9 months, has no re-tune after then",
	}
	for in, want := range cases {
		if got := bestCadenceWords(in[0], in[1], in[2]); got != want {
			t.Errorf("%v: %q, want %q", in, got, want)
		}
	}
}
