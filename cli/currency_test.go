package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// A scenario in EUR over a USD sheet with dated rates reports in EUR at the
// latest rate on or before --today, and says so under "Prices used".
func TestScenarioInEUR(t *testing.T) {
	out, errOut, code := run(t, "export", "--today", "2026-12-07", "--format", "md", "testdata/currency/eur.toml")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	// Per query (500 · 2 + 200 · 10) / 1e6 = $0.003 · 0.86 = €0.00258;
	// 100,000 queries a month: €258; 12 months: €3,096.
	for _, want := range []string{
		"| Recurring / month, month 1 | €258.00 |",
		"| Total over 12 months | €3,096 |",
		`- sheet "usd prices": USD → EUR at 0.86 (1 USD = 0.86 EUR; rate as of 2026-11-01, sheet "usd prices": ECB reference rate)`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	out, _, _ = run(t, "export", "--today", "2026-12-07", "--format", "json", "testdata/currency/eur.toml")
	// Each converted price's derivation names the rate, its as_of and its sheet.
	if !strings.Contains(out, `"label": "api_model \"m\" converted from USD to EUR at the rate as of 2026-11-01 in sheet \"usd prices\""`) {
		t.Errorf("no conversion derivation in\n%s", out)
	}
	var doc struct {
		Scenarios []struct {
			Currency    string `json:"currency"`
			Conversions []struct {
				Factor float64 `json:"factor"`
				AsOf   string  `json:"as_of"`
			} `json:"conversions"`
		} `json:"scenarios"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || len(doc.Scenarios) != 1 {
		t.Fatalf("%v: %s", err, out)
	}
	if sc := doc.Scenarios[0]; sc.Currency != "EUR" || len(sc.Conversions) != 1 || sc.Conversions[0].Factor != 0.86 || sc.Conversions[0].AsOf != "2026-11-01" {
		t.Errorf("json %+v", sc)
	}

	// On 2026-10-31 the 2026-11-01 rate postdates today: the older EUR→USD
	// 1.25 is used as its inverse, 0.8: €240 a month.
	out, _, _ = run(t, "export", "--today", "2026-10-31", "--format", "md", "testdata/currency/eur.toml")
	if !strings.Contains(out, "| Recurring / month, month 1 | €240.00 |") || !strings.Contains(out, "at 0.8 (1 EUR = 1.25 USD, used as its inverse; rate as of 2026-06-01") {
		t.Errorf("the older rate:\n%s", out)
	}

	// A year on, the 2027-01-01 rate is the one chosen, and it is stale.
	out, errOut, _ = run(t, "check", "--today", "2027-12-07", "testdata/currency/eur.toml")
	if !strings.Contains(out+errOut, `eur.toml:2:12: warning: sheet "usd prices" is converted from USD to EUR at the rate as of 2027-01-01 in sheet "usd prices": 340 days old, more than 180; add a newer [[exchange_rate]]`) {
		t.Errorf("no stale-rate warning:\n%s%s", out, errOut)
	}

	_, errOut, code = run(t, "check", "--today", "2026-12-07", "testdata/currency/eur-norate.toml")
	want := `testdata/currency/eur-norate.toml:2:12: sheet "usd prices" (testdata/currency/norate.toml) is in USD and the scenario in EUR, but no [[exchange_rate]] joining USD and EUR is dated on or before 2026-12-07`
	if code != ExitInvalid || !strings.Contains(errOut, want) {
		t.Errorf("exit %d: %s", code, errOut)
	}
}

// tunecost prices lists the sheets' exchange rates after the entries.
func TestPricesListsRates(t *testing.T) {
	out, errOut, code := run(t, "prices", "--sheet", "testdata/currency/usd.toml")
	if code != ExitOK || !strings.Contains(out, "\n[exchange_rate]\n") || !strings.Contains(out, "USD   EUR  0.86  usd prices  2026-11-01  ECB reference rate") {
		t.Errorf("exit %d %s\n%s", code, errOut, out)
	}
}
