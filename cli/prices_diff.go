package cli

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/pricing"
)

// diffPrices is `prices diff OLD NEW`: the review of a refresh, entries
// added and removed and every changed figure with its ratio, largest first.
func (a *App) diffPrices(p parsed) int {
	if len(p.args) != 2 {
		return a.fail(usageError{"prices diff needs two sheets: prices diff OLD NEW [--format text|md|json]"})
	}
	writers := map[string]func(io.Writer, string, string, pricing.SheetDiff) error{
		"": writeDiffText, "text": writeDiffText, "md": writeDiffMarkdown, "json": writeDiffJSON}
	write, ok := writers[p.last("format")]
	if !ok {
		return a.fail(usageError{fmt.Sprintf("--format %q is not one of text, md, json", p.last("format"))})
	}
	var sheets [2]*pricing.Sheet
	for i, path := range p.args {
		data, err := os.ReadFile(path)
		if err != nil {
			return a.fail(fmt.Errorf("%s: cannot read: %v", path, unwrapPathError(err)))
		}
		sh, diags := pricing.Parse(path, data)
		for _, d := range diags {
			fmt.Fprintln(a.Stderr, format.Sanitize(d.String()))
		}
		if sh == nil || diags.HasErrors() {
			return ExitInvalid
		}
		sheets[i] = sh
	}
	if err := write(a.Stdout, p.args[0], p.args[1], pricing.Diff(sheets[0], sheets[1])); err != nil {
		return a.fail(err)
	}
	return ExitOK
}

// figure writes a figure's value as the sheet would; "—" when absent.
func figure(v any) string {
	switch x := v.(type) {
	case nil:
		return "—"
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case int:
		return strconv.Itoa(x)
	case string:
		return format.Sanitize(x)
	}
	return fmt.Sprint(v)
}

// ratioText is "×0.33" for a change between two non-zero numbers, else "".
func ratioText(c pricing.FigureChange) string {
	if c.Ratio <= 0 {
		return ""
	}
	return "×" + strconv.FormatFloat(c.Ratio, 'f', 3, 64)
}

func rateText(v float64) string {
	if v == 0 {
		return "—"
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

func writeDiffText(w io.Writer, oldPath, newPath string, d pricing.SheetDiff) error {
	var b strings.Builder
	fmt.Fprintf(&b, "prices diff %s → %s\n", format.Sanitize(oldPath), format.Sanitize(newPath))
	if d.Empty() {
		b.WriteString("no change\n")
		_, err := io.WriteString(w, b.String())
		return err
	}
	list := func(title string, es []pricing.Entry) {
		if len(es) == 0 {
			return
		}
		fmt.Fprintf(&b, "\n%s (%d):\n", title, len(es))
		for _, e := range es {
			fmt.Fprintf(&b, "  %s %s\n", e.Table, format.Sanitize(e.ID))
		}
	}
	list("added", d.Added)
	list("removed", d.Removed)
	if len(d.Changed) > 0 {
		fmt.Fprintf(&b, "\nchanged figures (%d), largest change first:\n", len(d.Changed))
		for _, c := range d.Changed {
			fmt.Fprintf(&b, "  %s %s %s: %s → %s", c.Table, format.Sanitize(c.ID), c.Key, figure(c.Old), figure(c.New))
			if r := ratioText(c); r != "" {
				b.WriteString(" (" + r + ")")
			}
			b.WriteByte('\n')
		}
	}
	if len(d.Rates) > 0 {
		fmt.Fprintf(&b, "\nexchange rates (%d):\n", len(d.Rates))
		for _, r := range d.Rates {
			fmt.Fprintf(&b, "  %s→%s as of %s: %s → %s\n", r.From, r.To, r.AsOf, rateText(r.Old), rateText(r.New))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mdCell escapes a table cell: pipes and backslashes, no line breaks.
func mdCell(s string) string {
	s = strings.NewReplacer(`\`, `\\`, "|", `\|`, "\n", " ", "`", "\\`", "*", `\*`, "_", `\_`).Replace(s)
	return s
}

func writeDiffMarkdown(w io.Writer, oldPath, newPath string, d pricing.SheetDiff) error {
	var b strings.Builder
	fmt.Fprintf(&b, "## Prices: %s → %s\n\n", mdCell(format.Sanitize(oldPath)), mdCell(format.Sanitize(newPath)))
	if d.Empty() {
		b.WriteString("No change.\n")
		_, err := io.WriteString(w, b.String())
		return err
	}
	fmt.Fprintf(&b, "%d added, %d removed, %d figures changed.\n", len(d.Added), len(d.Removed), len(d.Changed))
	entries := func(title string, es []pricing.Entry) {
		if len(es) == 0 {
			return
		}
		fmt.Fprintf(&b, "\n### %s\n\n| Table | Id |\n|---|---|\n", title)
		for _, e := range es {
			fmt.Fprintf(&b, "| %s | %s |\n", e.Table, mdCell(format.Sanitize(e.ID)))
		}
	}
	entries("Added", d.Added)
	entries("Removed", d.Removed)
	if len(d.Changed) > 0 {
		b.WriteString("\n### Changed, largest first\n\n| Table | Id | Figure | Old | New | Ratio |\n|---|---|---|---:|---:|---:|\n")
		for _, c := range d.Changed {
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n", c.Table, mdCell(format.Sanitize(c.ID)), c.Key,
				mdCell(figure(c.Old)), mdCell(figure(c.New)), ratioText(c))
		}
	}
	if len(d.Rates) > 0 {
		b.WriteString("\n### Exchange rates\n\n| From | To | as_of | Old | New |\n|---|---|---|---:|---:|\n")
		for _, r := range d.Rates {
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", r.From, r.To, r.AsOf, rateText(r.Old), rateText(r.New))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

type jsonDiffEntry struct {
	Table string `json:"table"`
	ID    string `json:"id"`
}

type jsonDiffFigure struct {
	Table string   `json:"table"`
	ID    string   `json:"id"`
	Field string   `json:"field"`
	Old   any      `json:"old"`
	New   any      `json:"new"`
	Ratio *float64 `json:"ratio"`
}

type jsonDiffRate struct {
	From string   `json:"from"`
	To   string   `json:"to"`
	AsOf string   `json:"as_of"`
	Old  *float64 `json:"old"`
	New  *float64 `json:"new"`
}

func writeDiffJSON(w io.Writer, oldPath, newPath string, d pricing.SheetDiff) error {
	out := struct {
		Old     string           `json:"old"`
		New     string           `json:"new"`
		Changed bool             `json:"changed"`
		Added   []jsonDiffEntry  `json:"added"`
		Removed []jsonDiffEntry  `json:"removed"`
		Figures []jsonDiffFigure `json:"figures"`
		Rates   []jsonDiffRate   `json:"exchange_rates"`
	}{Old: oldPath, New: newPath, Changed: !d.Empty(), Added: []jsonDiffEntry{}, Removed: []jsonDiffEntry{},
		Figures: []jsonDiffFigure{}, Rates: []jsonDiffRate{}}
	for _, e := range d.Added {
		out.Added = append(out.Added, jsonDiffEntry{string(e.Table), e.ID})
	}
	for _, e := range d.Removed {
		out.Removed = append(out.Removed, jsonDiffEntry{string(e.Table), e.ID})
	}
	for _, c := range d.Changed {
		f := jsonDiffFigure{Table: string(c.Table), ID: c.ID, Field: c.Key, Old: c.Old, New: c.New}
		if c.Ratio > 0 {
			r := c.Ratio
			f.Ratio = &r
		}
		out.Figures = append(out.Figures, f)
	}
	opt := func(v float64) *float64 {
		if v == 0 {
			return nil
		}
		return &v
	}
	for _, r := range d.Rates {
		out.Rates = append(out.Rates, jsonDiffRate{From: r.From, To: r.To, AsOf: r.AsOf, Old: opt(r.Old), New: opt(r.New)})
	}
	return format.WriteJSON(w, out) // a sheet's ids and notes may hold invisible characters
}
