package format

import "testing"

// TestNumberRules pins the one rule every output uses (the reports' rule,
// which the planner adopted): counts have no decimals when whole and two
// otherwise, so 0.125 is "0.12" (round half to even on the binary value);
// input values are written as typed.
func TestNumberRules(t *testing.T) {
	cases := []struct{ got, want string }{
		{Count(3), "3"},
		{Count(2.5), "2.50"},
		{Count(0.125), "0.12"},
		{Count(1234567), "1,234,567"},
		{Plural(1, "GPU"), "1 GPU"},
		{Plural(2, "GPU"), "2 GPUs"},
		{Months(1), "1 month"},
		{Months(36), "36 months"},
		{MonthName(15), "month 16"},
		{Volume(2.5), "2.5"},
		{Volume(41185.4), "41,185"},
		{Brief(0.012345), "0.0123"},
		{Brief(12.34), "12.3"},
		{Brief(1234.5), "1,234"},
		{Compact(57_500_000), "57.5M"},
		{Compact(999), "999"},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func TestShortAsTypedDecimals(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{Short(0.05), "0.05"}, {Short(0.0000234), "0.0000234"}, {Short(12.34), "12.3"}, {Short(1_200_000), "1.2M"}, {Short(0), "0"},
		{AsTyped(0.037500000000000006), "0.0375"}, {AsTyped(1234567), "1,234,567"},
		{Decimals(0.8267, 3), "0.827"}, {Decimals(0.88, 3), "0.88"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}
