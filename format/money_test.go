package format

import (
	"math"
	"testing"
)

func TestMoney(t *testing.T) {
	cases := []struct {
		v        float64
		currency string
		want     string
	}{
		{1234567.4, "USD", "$1,234,567"},
		{1234567.5, "USD", "$1,234,568"},
		{12.345, "USD", "$12.35"},
		{12.344, "usd", "$12.34"},
		{0, "USD", "$0.00"},
		{999.99, "USD", "$999.99"},
		{999.996, "USD", "$1,000"},
		{-12.35, "USD", "-$12.35"},
		{-1234567, "USD", "-$1,234,567"},
		{1500, "EUR", "€1,500"},
		{0.5, "GBP", "£0.50"},
		{1234, "CHF", "1,234 CHF"},
		{-1234, "CHF", "-1,234 CHF"},
		{12.5, "", "12.50"},
		{12.5, "CH\x1b]0;x\x07F", "12.50 CHF"},
		{math.NaN(), "USD", "n/a"},
	}
	for _, c := range cases {
		if got := Money(c.v, c.currency); got != c.want {
			t.Errorf("Money(%v, %q) = %q, want %q", c.v, c.currency, got, c.want)
		}
	}
}

func TestMoneyShort(t *testing.T) {
	cases := []struct {
		v        float64
		currency string
		want     string
	}{
		{1_234_567, "USD", "$1.2M"},
		{34_500, "USD", "$34.5k"},
		{2_000_000, "USD", "$2M"},
		{999_960, "USD", "$1M"},
		{1_500_000_000, "EUR", "€1.5B"},
		{-34_500, "USD", "-$34.5k"},
		{12.345, "USD", "$12.35"},
		{999.4, "USD", "$999.40"},
		{45_000, "CHF", "45k CHF"},
	}
	for _, c := range cases {
		if got := MoneyShort(c.v, c.currency); got != c.want {
			t.Errorf("MoneyShort(%v, %q) = %q, want %q", c.v, c.currency, got, c.want)
		}
	}
}
