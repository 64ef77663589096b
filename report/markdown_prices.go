package report

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/tunecost/tunecost/model"
)

// usedEntry is one catalog entry the options were priced with, and which
// options used it.
type usedEntry struct {
	model.EntryRef
	options []string
}

// usedEntries gathers every option's entries, once each, in first-use order.
func usedEntries(r *model.Result) []usedEntry {
	var out []usedEntry
	for i := range r.Options {
		o := &r.Options[i]
		for _, e := range o.Entries() {
			k := slices.IndexFunc(out, func(u usedEntry) bool { return u.Table == e.Table && u.ID == e.ID })
			if k < 0 {
				out = append(out, usedEntry{EntryRef: e})
				k = len(out) - 1
			}
			if !slices.Contains(out[k].options, o.Name) {
				out[k].options = append(out[k].options, o.Name)
			}
		}
	}
	return out
}

// writeMarkdownPrices ends a scenario with the prices it rests on: the
// sheets that supplied them with their as_of, then every entry older than
// the staleness threshold or deprecated before the horizon ends.
func writeMarkdownPrices(sb *strings.Builder, s *Scenario, h string) {
	used := usedEntries(&s.Result)
	rows := sheetsUsed(s, used)
	if len(rows) == 0 || s.Today.IsZero() { // a result not priced from sheets
		return
	}
	sb.WriteString("\n" + h + " Prices used\n\n| Sheet | as_of | Entries used |\n|---|---|---:|\n")
	for _, sh := range rows {
		fmt.Fprintf(sb, "| %s | %s | %d |\n", escapeMarkdown(sh.name), sh.asOf, sh.count)
	}
	if conv := conversionLines(&s.Result, escapeMarkdown); len(conv) > 0 {
		sb.WriteString("\nConverted into " + escapeMarkdown(s.Result.Currency) + ":\n\n")
		for _, l := range conv {
			sb.WriteString("- " + l + "\n")
		}
	}
	days := int(s.StaleAfter.Hours() / 24)
	stale := staleLines(s, used)
	today := s.Today.Format(time.DateOnly)
	if len(stale) == 0 {
		fmt.Fprintf(sb, "\nNo price used is older than %d days on %s or retired before the horizon ends.\n", days, today)
		return
	}
	fmt.Fprintf(sb, "\nStale on %s (older than %d days, or retired before the horizon ends):\n\n", today, days)
	for _, l := range stale {
		sb.WriteString("- " + l + "\n")
	}
}

type sheetRow struct {
	name, asOf string
	count      int
}

// sheetsUsed lists, in layering order, the sheets that supplied an entry.
func sheetsUsed(s *Scenario, used []usedEntry) []sheetRow {
	var rows []sheetRow
	for _, sh := range s.Sheets {
		if slices.ContainsFunc(rows, func(r sheetRow) bool { return r.name == sh.Name }) {
			continue
		}
		n := 0
		for _, u := range used {
			if u.Sheet == sh.Name {
				n++
			}
		}
		if n > 0 {
			rows = append(rows, sheetRow{name: sh.Name, asOf: sh.AsOf.Format(time.DateOnly), count: n})
		}
	}
	return rows
}

// staleLines says, per entry, why its price may no longer hold.
func staleLines(s *Scenario, used []usedEntry) []string {
	var out []string
	end := model.HorizonEnd(model.Day(s.Today), s.Result.HorizonMonths) // §8's calendar months
	for _, u := range used {
		var why []string
		if u.StaleOn(s.Today, s.StaleAfter) {
			why = append(why, fmt.Sprintf("as_of %s, %d days old", u.AsOf.Format(time.DateOnly), int(s.Today.Sub(u.AsOf).Hours()/24)))
		}
		switch {
		case !u.Retires.IsZero() && u.Retires.Before(end):
			why = append(why, "retires on "+u.Retires.Format(time.DateOnly)+", before the horizon ends")
		case !u.Deprecated.IsZero() && u.Deprecated.Before(end):
			why = append(why, "deprecated on "+u.Deprecated.Format(time.DateOnly)+", before the horizon ends")
		}
		if len(why) == 0 {
			continue
		}
		names := make([]string, len(u.options))
		for i, n := range u.options {
			names[i] = escapeMarkdown(n)
		}
		out = append(out, fmt.Sprintf("%s %s (sheet %s): %s; used by %s", escapeMarkdown(u.Table), escapeMarkdown(u.ID),
			escapeMarkdown(u.Sheet), strings.Join(why, "; "), strings.Join(names, ", ")))
	}
	return out
}
