package model

import "time"

// AddMonths adds n calendar months the way MODEL.md §8 counts them: the day
// of the month stays, or becomes the month's last day when that month is
// shorter (2026-08-31 + 6 months = 2027-02-28). time.AddDate normalises
// instead (it gives 2027-03-03), which is not this.
func AddMonths(t time.Time, n int) time.Time {
	y, m, d := t.Date()
	first := time.Date(y, m+time.Month(n), 1, 0, 0, 0, 0, t.Location()) // AddDate normalises the month itself
	last := first.AddDate(0, 1, -1).Day()
	return time.Date(first.Year(), first.Month(), min(d, last), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), t.Location())
}

// Day is t's calendar date at midnight UTC, the form sheet dates take.
func Day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// HorizonEnd is E = today + horizon_months calendar months (§8): the horizon
// runs from today up to, not including, E.
func HorizonEnd(today time.Time, months int) time.Time { return AddMonths(today, months) }

// MonthOf is the month m of a date d with today ≤ d < E: the m with
// today + m months ≤ d < today + (m + 1) months (§8); false outside the horizon.
func MonthOf(today, d time.Time, months int) (int, bool) {
	if d.Before(today) || !d.Before(HorizonEnd(today, months)) {
		return 0, false
	}
	for m := 0; m < months; m++ {
		if d.Before(AddMonths(today, m+1)) {
			return m, true
		}
	}
	return 0, false
}
