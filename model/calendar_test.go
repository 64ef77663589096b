package model

import (
	"testing"
	"time"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// §8's calendar months keep the day or take the month's last day.
func TestAddMonthsKeepsTheDayOrTheLast(t *testing.T) {
	cases := []struct {
		from time.Time
		n    int
		want time.Time
	}{
		{day(2026, 8, 31), 6, day(2027, 2, 28)}, // §8's example; AddDate gives 2027-03-03
		{day(2026, 12, 7), 24, day(2028, 12, 7)},
		{day(2027, 1, 31), 1, day(2027, 2, 28)},
		{day(2028, 1, 31), 1, day(2028, 2, 29)}, // a leap year
		{day(2026, 10, 31), 1, day(2026, 11, 30)},
		{day(2026, 12, 15), 0, day(2026, 12, 15)},
	}
	for _, c := range cases {
		if got := AddMonths(c.from, c.n); !got.Equal(c.want) {
			t.Errorf("%s + %d months = %s, want %s", c.from.Format(time.DateOnly), c.n, got.Format(time.DateOnly), c.want.Format(time.DateOnly))
		}
	}
}

// A date falls in month m when today + m months ≤ d < today + (m + 1) months.
func TestMonthOf(t *testing.T) {
	today := day(2026, 12, 7)
	cases := []struct {
		d    time.Time
		m    int
		in   bool
		what string
	}{
		{day(2026, 12, 11), 0, true, "gpt-5 retires in month 0 (shown as month 1)"},
		{day(2026, 12, 7), 0, true, "today itself"},
		{day(2027, 1, 7), 1, true, "one calendar month on"},
		{day(2027, 1, 6), 0, true, "the day before"},
		{day(2027, 1, 14), 1, true, "gpt-4o retires"},
		{day(2028, 12, 6), 23, true, "the last day of a 24-month horizon"},
		{day(2028, 12, 7), 0, false, "E itself is outside"},
		{day(2026, 12, 6), 0, false, "before today"},
	}
	for _, c := range cases {
		m, in := MonthOf(today, c.d, 24)
		if m != c.m || in != c.in {
			t.Errorf("%s: MonthOf(%s) = %d, %v; want %d, %v", c.what, c.d.Format(time.DateOnly), m, in, c.m, c.in)
		}
	}
	// From 2026-08-31, 2027-02-28 is month 6 and 2027-02-27 month 5.
	if m, _ := MonthOf(day(2026, 8, 31), day(2027, 2, 28), 12); m != 6 {
		t.Errorf("month %d, want 6", m)
	}
	if m, _ := MonthOf(day(2026, 8, 31), day(2027, 2, 27), 12); m != 5 {
		t.Errorf("month %d, want 5", m)
	}
}
