package format

import (
	"math"
	"testing"
)

func TestNumber(t *testing.T) {
	cases := []struct {
		v    float64
		d    int
		want string
	}{
		{0, 0, "0"},
		{999, 0, "999"},
		{1000, 0, "1,000"},
		{1234567.891, 2, "1,234,567.89"},
		{-1234567.891, 0, "-1,234,568"},
		{123456, 0, "123,456"},
		{-0.001, 2, "0.00"},
		{0.5, -1, "0"}, // round half to even in strconv: 0.5 → "0"
		{12.5, 1, "12.5"},
		{math.NaN(), 2, "n/a"},
		{math.Inf(1), 0, "∞"},
		{math.Inf(-1), 0, "-∞"},
	}
	for _, c := range cases {
		if got := Number(c.v, c.d); got != c.want {
			t.Errorf("Number(%v, %d) = %q, want %q", c.v, c.d, got, c.want)
		}
	}
}

func TestPercent(t *testing.T) {
	cases := map[float64]string{0.1234: "12.3%", 0: "0.0%", -0.05: "-5.0%", 1.5: "150.0%"}
	for v, want := range cases {
		if got := Percent(v); got != want {
			t.Errorf("Percent(%v) = %q, want %q", v, got, want)
		}
	}
}

func TestDuration(t *testing.T) {
	cases := map[float64]string{
		850:    "850 ms",
		0:      "0 ms",
		999.4:  "999 ms",
		999.6:  "1.00 s",
		1250:   "1.25 s",
		59_999: "1.0 min",
		150000: "2.5 min",
	}
	for v, want := range cases {
		if got := Duration(v); got != want {
			t.Errorf("Duration(%v) = %q, want %q", v, got, want)
		}
	}
}

func TestTokens(t *testing.T) {
	cases := map[float64]string{
		1:         "1 token",
		850:       "850 tokens",
		34_500:    "34.5k tokens",
		1_200_000: "1.2M tokens",
		2_000_000: "2M tokens",
		999_960:   "1M tokens",
		3.4e9:     "3.4B tokens",
	}
	for v, want := range cases {
		if got := Tokens(v); got != want {
			t.Errorf("Tokens(%v) = %q, want %q", v, got, want)
		}
	}
}
