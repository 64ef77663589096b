package cli

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/pricing"
	"github.com/tunecost/tunecost/workspace"

	"github.com/tunecost/tunecost/present"
)

func (a *App) pricesCommand() command {
	return command{
		name:    "prices",
		summary: "list the price catalog a run would see, with each entry's sheet and as_of",
		usage: "prices [--sheet FILE…] [--format text|json|csv] | prices import --from litellm|skypilot [--as-of DATE] [--out FILE] FILE\n" +
			"       | prices update --out FILE [--base FILE] [--litellm-url URL] [--skypilot-url CLOUD=URL…] [--region CLOUD=REGION…]\n" +
			"       | prices diff OLD NEW [--format text|md|json]",
		details: "Layers the built-in sheet, each --sheet, then each --prices, as a run would.\n" +
			"Entries older than --stale-days (180) are marked stale; API models closed to new users say so.\n\n" +
			"prices import converts LiteLLM's model_prices_and_context_window.json (--from litellm) or a\n" +
			"SkyPilot catalog vms.csv (--from skypilot) into a sheet, each entry merged with the entry of\n" +
			"the same id in the catalog above (fields the source lacks are kept), and lists what it\n" +
			"skipped, and why, on stderr. The prices' date is --as-of, else a date in the file's name.\n\n" +
			"prices update fetches LiteLLM's map and SkyPilot's catalogs (aws, gcp, lambda, runpod) over\n" +
			"HTTPS, imports each the same way and writes one sheet to --out, or nothing on any error. An\n" +
			"entry whose figures equal those of the sheet already at --out (or --base) keeps its as_of and\n" +
			"source, so a refresh in which no price moved changes at most the [sheet] header.\n\n" +
			"prices diff lists what changed between two sheets: entries added and removed, and every\n" +
			"changed figure with its ratio, largest change first; \"no change\" when nothing did.",
		flags: append([]flagSpec{{name: "sheet", value: true, repeatable: true, valueName: "FILE", help: "layer this sheet (repeatable)"},
			{name: "format", value: true, valueName: "text|json|csv", help: "the listing's format: every field of every entry in json and csv (default text); prices diff: text, md or json"}},
			append(importFlags, updateFlags...)...),
		run: (*App).prices,
	}
}

func (a *App) prices(p parsed) int {
	if len(p.args) > 0 && p.args[0] == "import" {
		p.args = p.args[1:]
		return a.importPrices(p)
	}
	if len(p.args) > 0 && p.args[0] == "update" {
		p.args = p.args[1:]
		return a.updatePrices(p)
	}
	if len(p.args) > 0 && p.args[0] == "diff" {
		p.args = p.args[1:]
		return a.diffPrices(p)
	}
	writers := map[string]func(io.Writer, catalogListing) error{"json": writeCatalogJSON, "csv": writeCatalogCSV}
	form := p.last("format")
	write, structured := writers[form]
	if form != "" && form != "text" && !structured {
		return a.fail(usageError{fmt.Sprintf("--format %q is not one of text, json, csv", form)})
	}
	if len(p.args) > 0 {
		return a.fail(usageError{fmt.Sprintf("prices takes no arguments (got %q); use --sheet FILE", p.args[0])})
	}
	cat, diags := workspace.CatalogAt(p.flags["sheet"], p.flags["prices"], a.clock(), a.now())
	for _, d := range diags {
		fmt.Fprintln(a.Stderr, format.Sanitize(d.String()))
	}
	if diags.HasErrors() {
		return ExitInvalid
	}
	if structured {
		if err := write(a.Stdout, a.listing(cat)); err != nil {
			return a.fail(err)
		}
		return ExitOK
	}
	now := a.now()
	fmt.Fprintf(a.Stdout, "Price catalog (%s), %d entries; prices older than %d days are marked stale\n",
		cat.Currency, len(cat.Entries), int(a.stale().Hours()/24))
	for _, table := range pricing.Tables {
		var rows []pricing.Entry
		for _, e := range cat.Entries {
			if e.Table == table {
				rows = append(rows, e)
			}
		}
		if len(rows) == 0 {
			continue
		}
		fmt.Fprintf(a.Stdout, "\n[%s]\n", table)
		tw := tabwriter.NewWriter(a.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "id\tprices\tsheet\tas_of\tage\tnotes")
		for _, e := range rows {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%dd\t%s\n", format.Sanitize(e.ID), present.PriceSummary(e, cat.Currency),
				format.Sanitize(e.Sheet), e.AsOf.Format("2006-01-02"), days(now.Sub(e.AsOf)), format.Sanitize(truncate(entryNotes(e, now, a.stale()), 80)))
		}
		tw.Flush()
	}
	a.listRates(cat.Rates)
	return ExitOK
}

// listRates ends the text listing with the sheets' exchange rates, when
// they have any (MODEL.md v3 §1).
func (a *App) listRates(rates []pricing.ExchangeRate) {
	if len(rates) == 0 {
		return
	}
	fmt.Fprintf(a.Stdout, "\n[%s]\n", pricing.TableExchangeRate)
	tw := tabwriter.NewWriter(a.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "from\tto\trate\tsheet\tas_of\tsource")
	for _, x := range rates {
		fmt.Fprintf(tw, "%s\t%s\t%g\t%s\t%s\t%s\n", x.From, x.To, x.Rate, format.Sanitize(x.Sheet), x.AsOf.Format(time.DateOnly),
			format.Sanitize(truncate(x.Source, 60)))
	}
	tw.Flush()
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// entryNotes says what a person must know about an entry beyond its fields
// (closures to new users are fields, in the summary): its age when stale,
// and the sheet's own note.
func entryNotes(e pricing.Entry, now time.Time, staleAfter time.Duration) string {
	var parts []string
	if e.Stale(now, staleAfter) {
		parts = append(parts, fmt.Sprintf("stale (%d days old)", int(now.Sub(e.AsOf).Hours()/24)))
	}
	if e.Note != "" {
		parts = append(parts, e.Note)
	}
	return strings.Join(parts, "; ")
}
