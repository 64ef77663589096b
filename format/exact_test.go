package format

import (
	"math"
	"testing"
)

func TestExact(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want string
	}{
		{0.125, "0.125"}, {10000000, "10,000,000"}, {1e-5, "1e-05"}, {-1234.5, "-1,234.5"},
		{151936, "151,936"}, {math.NaN(), "n/a"},
	} {
		if got := Exact(c.v); got != c.want {
			t.Errorf("Exact(%v) = %q, want %q", c.v, got, c.want)
		}
	}
}

func TestMoneyExact(t *testing.T) {
	for _, c := range []struct {
		v    float64
		cur  string
		want string
	}{
		{0.075, "USD", "$0.075"}, {2.5, "USD", "$2.5"}, {1500, "USD", "$1,500"}, {0.4, "CHF", "0.4 CHF"}, {-3, "EUR", "-€3"},
	} {
		if got := MoneyExact(c.v, c.cur); got != c.want {
			t.Errorf("MoneyExact(%v, %s) = %q, want %q", c.v, c.cur, got, c.want)
		}
	}
}
