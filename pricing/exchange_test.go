package pricing

import (
	"slices"
	"testing"
	"time"

	"github.com/tunecost/tunecost/model"
)

func rateSheet(t *testing.T) *Sheet {
	return mustParse(t, "rates.toml", head("rates", "USD")+`
[[api_model]]
id = "m"
input_per_mtok = 2
output_per_mtok = 10
train_per_mtok = 25
ft_input_per_mtok = 3
ft_output_per_mtok = 12
ft_min_charge = 100

[[exchange_rate]]
from = "EUR"
to = "USD"
rate = 1.25
as_of = 2026-06-01
source = "old"

[[exchange_rate]]
from = "USD"
to = "EUR"
rate = 0.86
as_of = 2026-11-01
source = "ecb"

[[exchange_rate]]
from = "USD"
to = "EUR"
rate = 0.5
as_of = 2027-01-01
source = "future"
`)
}

// The rate is the latest on or before today, either way round; one dated
// after today is skipped; none is none.
func TestChooseRate(t *testing.T) {
	rates := rateSheet(t).Rates
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	cases := []struct {
		from, to string
		today    time.Time
		factor   float64
		source   string
	}{
		{"USD", "EUR", day(2026, 12, 7), 0.86, "ecb"},
		{"EUR", "USD", day(2026, 12, 7), 1 / 0.86, "ecb"},
		{"USD", "EUR", day(2026, 10, 31), 1 / 1.25, "old"}, // 0.8: the EUR→USD rate inverted
		{"USD", "EUR", day(2027, 1, 1), 0.5, "future"},     // dated today: it counts
		{"USD", "EUR", day(2026, 5, 31), 0, ""},            // every rate postdates today
		{"USD", "GBP", day(2026, 12, 7), 0, ""},            // no chain through EUR
	}
	for _, c := range cases {
		x, f, ok := chooseRate(rates, c.from, c.to, c.today)
		if ok != (c.source != "") || f != c.factor || x.Source != c.source {
			t.Errorf("%s→%s on %s: %v %v %q, want %v %q", c.from, c.to, c.today.Format(time.DateOnly), f, ok, x.Source, c.factor, c.source)
		}
	}
}

// LayerIn converts every money field of a sheet in another currency and
// records the conversion on each entry; the sheet itself is unchanged.
func TestLayerInConverts(t *testing.T) {
	sh := rateSheet(t)
	today := time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)
	cat, diags := LayerIn(Target{Currency: "EUR", Today: today}, sh)
	if len(diags) != 0 {
		t.Fatal(diags)
	}
	m := cat.APIModels["m"]
	// 2 · 0.86 = 1.72, 10 · 0.86 = 8.6, 25 · 0.86 = 21.5, ft_min_charge 100 · 0.86 = 86.
	if m.InputPerMtok != 2*0.86 || m.OutputPerMtok != 10*0.86 || m.TrainPerMtok != 25*0.86 || m.FTMinCharge != 100*0.86 || cat.Currency != "EUR" {
		t.Errorf("converted %+v in %s", m, cat.Currency)
	}
	c := cat.Origins["api_model/m"].Conversion
	if c == nil || c.Factor != 0.86 || c.RateSheet != "rates" || c.AsOf.Format(time.DateOnly) != "2026-11-01" || len(cat.Conversions) != 1 {
		t.Errorf("conversion %+v, %d in the catalog", c, len(cat.Conversions))
	}
	if sh.Entries[0].Item.(model.APIModel).InputPerMtok != 2 || sh.Currency != "USD" {
		t.Error("the sheet itself changed")
	}

	_, diags = LayerIn(Target{Currency: "GBP", Today: today}, sh)
	want := []string{`rates.toml:3:12: sheet "rates" (rates.toml) is in USD and the scenario in GBP, but no [[exchange_rate]] joining USD and GBP is dated on or before 2026-12-07: add one to a sheet (from, to, rate, as_of, source)`}
	if !slices.Equal(strs(diags), want) {
		t.Errorf("diags %q", strs(diags))
	}
}
