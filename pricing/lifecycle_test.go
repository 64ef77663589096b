package pricing

import (
	"slices"
	"testing"
	"time"

	"github.com/tunecost/tunecost/model"
)

// A successor must name an api_model of the layered catalog: another
// sheet's counts, a missing one is an error at the successor's value.
func TestLayerChecksSuccessors(t *testing.T) {
	base := mustParse(t, "base.toml", head("base", "USD")+`
[[api_model]]
id = "next"
input_per_mtok = 1
output_per_mtok = 2
`)
	over := mustParse(t, "over.toml", head("over", "USD")+`
[[api_model]]
id = "old"
input_per_mtok = 1
output_per_mtok = 2
retires = 2026-12-11
successor = "next"

[[api_model]]
id = "gone"
input_per_mtok = 1
output_per_mtok = 2
successor = "nxt"
`)
	cat, diags := Layer(base, over)
	want := []string{`over.toml:17:13: api_model "gone": successor "nxt" is not an api_model of the catalog; did you mean "next"?`}
	if !slices.Equal(strs(diags), want) {
		t.Errorf("diags %q, want %q", strs(diags), want)
	}
	old := cat.APIModels["old"]
	if old.Successor != "next" || old.Retires != time.Date(2026, 12, 11, 0, 0, 0, 0, time.UTC) {
		t.Errorf("old = %+v", old)
	}
}

// Every v3 §1 field reaches the engine's api model.
func TestParseV3APIModelFields(t *testing.T) {
	sh := mustParse(t, "v3.toml", head("v3", "USD")+`
[[api_model]]
id = "ft"
input_per_mtok = 1
output_per_mtok = 2
long_context_threshold = 200000
long_input_per_mtok = 2
long_output_per_mtok = 3
deprecated = 2026-11-01
retires = 2026-12-11
successor = "next"
train_per_mtok = 25
ft_input_per_mtok = 3.75
ft_output_per_mtok = 15
ft_storage_monthly = 2
ft_min_charge = 5
ft_jobs_end = 2027-01-06
`)
	m := sh.Entries[0].Item.(model.APIModel)
	day := func(y int, mo time.Month, d int) time.Time { return time.Date(y, mo, d, 0, 0, 0, 0, time.UTC) }
	want := model.APIModel{ID: "ft", InputPerMtok: 1, OutputPerMtok: 2, LongContextThreshold: 200000, LongInputPerMtok: 2,
		LongOutputPerMtok: 3, Deprecated: day(2026, 11, 1), Retires: day(2026, 12, 11), Successor: "next", TrainPerMtok: 25,
		FTInputPerMtok: 3.75, FTOutputPerMtok: 15, FTStorageMonthly: 2, FTMinCharge: 5, FTJobsEnd: day(2027, 1, 6)}
	if m != want || !m.HasLongContext() {
		t.Errorf("got  %+v\nwant %+v", m, want)
	}
}

// Rates are kept per sheet and layered: the same pair and day in a later
// sheet replaces the earlier one, whichever way round it is written.
func TestLayerExchangeRates(t *testing.T) {
	a := mustParse(t, "a.toml", head("a", "USD")+`
[[exchange_rate]]
from = "USD"
to = "EUR"
rate = 0.9
as_of = 2026-11-01
source = "a"

[[exchange_rate]]
from = "USD"
to = "EUR"
rate = 0.86
as_of = 2026-12-01
source = "a"
`)
	b := mustParse(t, "b.toml", head("b", "USD")+`
[[exchange_rate]]
from = "EUR"
to = "USD"
rate = 1.25
as_of = 2026-11-01
source = "b"
`)
	cat, diags := Layer(a, b)
	if len(diags) != 0 {
		t.Fatal(diags)
	}
	if len(cat.Rates) != 2 || cat.Rates[0].Rate != 1.25 || cat.Rates[0].Sheet != "b" || cat.Rates[1].Rate != 0.86 || cat.Rates[1].Line != 13 {
		t.Errorf("rates %+v", cat.Rates)
	}
}
