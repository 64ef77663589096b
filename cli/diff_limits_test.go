package cli

import "testing"

func TestParseLimit(t *testing.T) {
	good := map[string][2]float64{ // amount, fraction
		"5%": {0, 0.05}, "12.5%": {0, 0.125}, "1000": {1000, 0}, "$1,000": {1000, 0}, "2500.50": {2500.5, 0}, "0": {0, 0},
	}
	for v, want := range good {
		l, ok := parseLimit(v)
		if !ok || l.Amount != want[0] || l.Pct != want[1] || l.IsPct != (want[1] != 0 || v == "0%") {
			t.Errorf("parseLimit(%q) = %+v, %v", v, l, ok)
		}
	}
	for _, v := range []string{"", "%", "5x", "-5%", "+5", "1e3", "NaN", "Inf", "5 %", "five", "$5%"} {
		if l, ok := parseLimit(v); ok {
			t.Errorf("parseLimit(%q) accepted: %+v", v, l)
		}
	}
}

// TestCents: prices below $100 get two decimals, exact digits stay.
func TestCents(t *testing.T) {
	for in, want := range map[string]string{
		"in $1.8 / out $7 per Mtok": "in $1.80 / out $7.00 per Mtok",
		"$0.075":                    "$0.075",
		"$250/h":                    "$250/h",
		"$12.5/h, spot $3.25/h":     "$12.50/h, spot $3.25/h",
		"1.8 EUR":                   "1.8 EUR",
	} {
		if got := cents(in); got != want {
			t.Errorf("cents(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzParseLimit: any --fail-above is refused or a finite, non-negative
// limit; never a panic.
func FuzzParseLimit(f *testing.F) {
	for _, s := range []string{"5%", "$1,000", "2500.50", "-5%", "1e3", "NaN%", "9999999999999999999999%"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l, ok := parseLimit(s)
		if ok && (l.Amount < 0 || l.Pct < 0 || l.Amount != l.Amount || l.Pct != l.Pct || l.Amount > 1e308 || l.Pct > 1e308) {
			t.Errorf("parseLimit(%q) = %+v", s, l)
		}
	})
}
