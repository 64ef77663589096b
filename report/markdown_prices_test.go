package report

import (
	"strings"
	"testing"
	"time"

	"github.com/tunecost/tunecost/model"
)

func day(s string) time.Time {
	t, _ := time.Parse(time.DateOnly, s)
	return t
}

// The section names each sheet an entry came from and, on 2026-12-01 with
// 180 days and a 12-month horizon (ending 2027-12-01), the offer priced
// 2026-01-05 (330 days old) and the model retired on 2027-06-30.
func TestMarkdownPricesUsed(t *testing.T) {
	builtin := model.Origin{Sheet: "tunecost built-in", AsOf: day("2026-11-01")}
	old := model.Origin{Sheet: "old runpod", AsOf: day("2026-01-05")}
	retiring := model.Origin{Sheet: "tunecost built-in", AsOf: day("2026-11-01"), Deprecated: day("2027-06-30")}
	s := Scenario{
		Today: day("2026-12-01"), StaleAfter: 180 * 24 * time.Hour,
		Sheets: []SheetUsed{{Name: "tunecost built-in", AsOf: day("2026-11-01")}, {Name: "unused", AsOf: day("2026-11-20")}, {Name: "old runpod", AsOf: day("2026-01-05")}},
		Result: model.Result{HorizonMonths: 12, Options: []model.OptionResult{{Name: "ft"}, {Name: "prompt"}, {Name: "ft2"}}},
	}
	opts := s.Result.Options
	opts[0].SetEntries([]model.EntryRef{{Table: "open_model", ID: "llama-3.1-8b", Origin: builtin}, {Table: "offer", ID: "runpod/l40s-1x", Origin: old}, {Table: "gpu", ID: "l40s", Origin: builtin}})
	opts[1].SetEntries([]model.EntryRef{{Table: "api_model", ID: "gpt-4o", Origin: retiring}})
	opts[2].SetEntries([]model.EntryRef{{Table: "offer", ID: "runpod/l40s-1x", Origin: old}})
	var sb strings.Builder
	writeMarkdownPrices(&sb, &s, "##")
	want := `
## Prices used

| Sheet | as_of | Entries used |
|---|---|---:|
| tunecost built-in | 2026-11-01 | 3 |
| old runpod | 2026-01-05 | 1 |

Stale on 2026-12-01 (older than 180 days, or retired before the horizon ends):

- offer runpod/l40s-1x (sheet old runpod): as_of 2026-01-05, 330 days old; used by ft, ft2
- api\_model gpt-4o (sheet tunecost built-in): deprecated on 2027-06-30, before the horizon ends; used by prompt
`
	if sb.String() != want {
		t.Errorf("got\n%s\nwant\n%s", sb.String(), want)
	}
	// A horizon of 6 months ends 2027-06-01, before the retirement.
	s.Result.HorizonMonths = 6
	sb.Reset()
	writeMarkdownPrices(&sb, &s, "##")
	if strings.Contains(sb.String(), "deprecated") {
		t.Errorf("a retirement after the horizon is not a warning:\n%s", sb.String())
	}
}
