package pricing

import (
	"time"

	"github.com/tunecost/tunecost/diag"
)

// CheckDates checks a sheet's dates, its own as_of and its entries', by
// MODEL.md §8's last paragraph: one after the clock's date is an error (a
// date from the future: such prices could never go stale, and their age
// showed as -26687d — the campaign's M9); one after the report's date
// (today, which --today may set in the past) but not the clock's is one
// warning per sheet, at its latest date, so that an old report can still
// be reproduced. Dates compare as calendar days.
func (sh *Sheet) CheckDates(clock, today time.Time) diag.List {
	var out diag.List
	clockDay, todayDay := day(clock), day(today)
	latest, at := sh.AsOf, sh.asOfAt
	if day(sh.AsOf) > clockDay {
		out.Errorf(sh.File, at.Line, at.Col, "as_of", "as_of %s is after today's date by the clock (%s): a date from the future",
			day(sh.AsOf), clockDay)
	}
	for _, e := range sh.Entries {
		if !e.AsOf.After(latest) {
			continue
		}
		line, col := e.FieldPos("as_of")
		if day(e.AsOf) > clockDay {
			out.Errorf(sh.File, line, col, "as_of", "%s %q: as_of %s is after today's date by the clock (%s): a date from the future",
				e.Table, e.ID, day(e.AsOf), clockDay)
			continue
		}
		latest, at = e.AsOf, position{Line: line, Col: col}
	}
	if len(out) == 0 && day(latest) > todayDay {
		out.Warnf(sh.File, at.Line, at.Col, "as_of", "prices dated %s postdate the report's date %s (--today): the report uses prices from after its date",
			day(latest), todayDay)
	}
	return out
}

// day is t's calendar date, in its own location, as YYYY-MM-DD (which
// sorts as the dates do).
func day(t time.Time) string { return t.Format(time.DateOnly) }
