package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/gitrev"
	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/pricing"
	"github.com/tunecost/tunecost/report"
	"github.com/tunecost/tunecost/uncertainty"
	"github.com/tunecost/tunecost/workspace"

	"github.com/tunecost/tunecost/present"
)

func (a *App) diffCommand() command {
	return command{
		name:    "diff",
		summary: "compare two versions of a scenario: the cheapest, totals, inputs, prices",
		usage:   "diff [--format text|md|json] OLD.toml NEW.toml | diff --rev REV [--format text|md|json] FILE_OR_DIR…",
		details: "Opens with one line: the cheapest option before → after and each option's\n" +
			"change of total; with ranges, how P50, P90 and each option's chance of being\n" +
			"cheapest moved (the same --seed on both sides). Then the totals and cost per\n" +
			"1k queries, every changed input (range bounds included; an option of a kind\n" +
			"that disappears while one of the same kind appears is a rename), and the\n" +
			"changed prices. --rev compares each FILE with its version at a git revision,\n" +
			"its bases and price_sheets as they were at that revision too; a DIR stands for\n" +
			"every scenario in it then or now (a file added or removed is reported so).\n" +
			"--format md writes one pull-request comment whose first line is the marker\n" +
			report.DiffMarker + "; json is the diff as data (docs/json.md).\n" +
			"Exit 0, or with --exit-code 1 when a cost changed, and with --fail-above 1 when\n" +
			"an option's total rose by more than AMOUNT or PCT% (the output says which);\n" +
			"invalid input is 1 too, told apart by its message; usage 2 (docs/ci.md).",
		flags: append([]flagSpec{
			{name: "rev", value: true, valueName: "REV", help: "compare FILE or DIR with its content at this git revision"},
			{name: "format", value: true, valueName: "FORMAT", help: "text (default), md (a pull-request comment) or json"},
			{name: "out", value: true, valueName: "FILE", help: "write to FILE atomically instead of stdout"},
			{name: "exit-code", help: "exit 1 when any cost changed, 0 when none (as git diff --exit-code)"},
			{name: "fail-above", value: true, repeatable: true, valueName: "LIMIT", help: "exit 1 when an option's total rises by more than LIMIT: 1000 or 5% (repeatable)"},
			followLinkFlag,
			widthFlag,
		}, analysisFlags...),
		run: (*App).diff,
	}
}

// diffRenderers maps each diff --format to its renderer.
var diffRenderers = map[string]func(io.Writer, report.DiffSet) error{
	"text": report.DiffSetText,
	"md":   report.DiffSetMarkdown,
	"json": report.DiffSetJSON,
}

func (a *App) diff(p parsed) int {
	name := p.last("format")
	if name == "" {
		name = "text"
	}
	render, ok := diffRenderers[name]
	if !ok {
		return a.fail(usageError{fmt.Sprintf("--format %q is not one of text, md, json", name)})
	}
	limits, err := parseLimits(p.flags["fail-above"])
	if err != nil {
		return a.fail(err)
	}
	cfg, err := analysisConfig(p)
	if err != nil {
		return a.fail(err)
	}
	width, err := a.textWidth(p)
	if err != nil {
		return a.fail(err)
	}
	set, code := a.diffSet(p, cfg)
	if code != ExitOK {
		return code
	}
	set.Width = width
	set.Limits = limits
	set.CheckGate()
	var buf bytes.Buffer
	if err := render(&buf, set); err != nil {
		return a.fail(err)
	}
	if code := a.emit(p, buf.Bytes()); code != ExitOK {
		return code
	}
	return a.gateCode(p, &set)
}

// gateCode is the exit code of the gates, with one line on stderr saying
// which gate failed, so that it is told apart from invalid input.
func (a *App) gateCode(p parsed, set *report.DiffSet) int {
	if n := len(set.Failures); n > 0 {
		fmt.Fprintf(a.Stderr, "tunecost: cost gate failed: %s\n", format.Sanitize(set.Failures[0].GateText()))
		if n > 1 {
			fmt.Fprintf(a.Stderr, "tunecost: cost gate failed for %d more option%s (see the output)\n", n-1, plural(n-1))
		}
		return ExitInvalid
	}
	if p.has("exit-code") && set.CostChanged() {
		fmt.Fprintln(a.Stderr, "tunecost: a cost changed (--exit-code)")
		return ExitInvalid
	}
	return ExitOK
}

// diffSet evaluates both sides of every file compared.
func (a *App) diffSet(p parsed, cfg uncertainty.Config) (report.DiffSet, int) {
	if p.last("rev") == "" {
		return a.twoFiles(p, cfg)
	}
	return a.revFiles(p, cfg)
}

// twoFiles compares OLD.toml with NEW.toml. Each side is loaded on its
// own, so the same file twice is two equal sides.
func (a *App) twoFiles(p parsed, cfg uncertainty.Config) (report.DiffSet, int) {
	if len(p.args) != 2 {
		return report.DiffSet{}, a.fail(usageError{"diff needs two files (OLD.toml NEW.toml), or --rev REV and files or folders"})
	}
	var docs []*workspace.Doc
	for _, file := range p.args {
		d, err := a.loadFile(p, file)
		if err != nil {
			return report.DiffSet{}, a.fail(err)
		}
		docs = append(docs, d)
	}
	sides, code := a.evaluated(docs, cfg)
	if code != ExitOK {
		return report.DiffSet{}, code
	}
	d := report.Diff(sides[0], sides[1])
	d.Prices = priceChanges(docs[0], docs[1])
	return report.DiffSet{Base: p.args[0], Head: p.args[1], Files: []report.FileDiff{report.NewFileDiff(p.args[1], d)}}, ExitOK
}

// evaluated turns documents into report values with their analysis; any
// document with errors stops the command (exit 1).
func (a *App) evaluated(docs []*workspace.Doc, cfg uncertainty.Config) ([]report.Scenario, int) {
	sides, code := a.reports(docs)
	if code != ExitOK {
		return nil, code
	}
	if err := a.analyze(docs, sides, cfg); err != nil {
		return nil, a.fail(err)
	}
	return sides, ExitOK
}

// loadFile loads one scenario file (not a folder: a diff compares files).
func (a *App) loadFile(p parsed, file string) (*workspace.Doc, error) {
	docs, err := a.load(parsed{flags: p.flags, args: []string{file}})
	if err != nil {
		return nil, err
	}
	if len(docs) != 1 {
		return nil, usageError{fmt.Sprintf("%s: diff compares two files, not folders", file)}
	}
	return docs[0], nil
}

// showOwn reads one of the scenario's own files (a base or a sheet) at
// rev, up to the limit the workspace gives for its kind (a sheet's 2 MiB,
// a base's 1 MiB: the campaign's M3). gitrev names the file and the
// revision already: "gitrev: " says nothing more.
func showOwn(path, rev string, limit int64) ([]byte, error) {
	data, err := gitrev.ShowUpTo(path, rev, limit)
	if err != nil {
		return nil, errors.New(strings.TrimPrefix(err.Error(), "gitrev: "))
	}
	return data, nil
}

// revError says in one line why FILE at REV cannot be read, and what to do.
func revError(file, rev string, err error) error {
	switch {
	case errors.Is(err, gitrev.ErrNotAtRevision):
		return fmt.Errorf("%s: not in git at %s (added since?); compare two files instead: tunecost diff OLD.toml %s", file, rev, file)
	case errors.Is(err, gitrev.ErrNotWorkTree):
		return fmt.Errorf("%s: not inside a git work tree, so --rev has no history to read; compare two files instead: tunecost diff OLD.toml %s", file, file)
	case errors.Is(err, gitrev.ErrInvalidRevision):
		return usageError{fmt.Sprintf("--rev %q is not a revision: name a branch, a tag, a commit or HEAD~N", rev)}
	case errors.Is(err, gitrev.ErrShallow):
		return fmt.Errorf("%s: git has no revision %q in this shallow clone; fetch the history first (actions/checkout: fetch-depth: 0; or git fetch --unshallow)", file, rev)
	case errors.Is(err, gitrev.ErrUnknownRevision):
		return fmt.Errorf("%s: git has no revision %q; name a branch, a tag, a commit or HEAD~N that exists (git log --oneline lists them)", file, rev)
	}
	msg := strings.TrimPrefix(err.Error(), "gitrev: ")
	if strings.HasPrefix(msg, file+" at "+rev+": ") {
		return errors.New(msg) // gitrev named the file and the revision already
	}
	return fmt.Errorf("%s at %s: %s", file, rev, msg)
}

// maxPriceChanges bounds the catalog entries a diff lists one by one; a
// whole new sheet would otherwise bury the changes that matter.
const maxPriceChanges = 20

// priceChanges compares the price sheets two documents used: the
// price_sheets they name, and every catalog entry whose figures or sheet
// differ (entries the options use first).
func priceChanges(old, cur *workspace.Doc) []report.Change {
	var out []report.Change
	if a, b := sheetList(old), sheetList(cur); a != b {
		out = append(out, report.Change{Field: "price_sheets", Old: a, New: b})
	}
	oldE, curE := entryMap(old), entryMap(cur)
	var used, other []report.Change
	for _, key := range unionKeys(old, cur) {
		eo, inOld := oldE[key]
		ec, inCur := curE[key]
		before, after := "", ""
		if inOld {
			before = entryText(eo, old.Catalog.Currency)
		}
		if inCur {
			after = entryText(ec, cur.Catalog.Currency)
		}
		if before == after {
			continue
		}
		c := report.Change{Field: key, Old: before, New: after}
		if usedBy(old, key) || usedBy(cur, key) {
			used = append(used, c)
		} else {
			other = append(other, c)
		}
	}
	all := append(used, other...)
	if len(all) > maxPriceChanges {
		n := len(all) - maxPriceChanges
		all = append(all[:maxPriceChanges], report.Change{Field: fmt.Sprintf("%d more catalog entries", n), Old: "…", New: "changed, used by no option"})
	}
	return append(out, all...)
}

// sheetList is the price_sheets a document names, as written.
func sheetList(d *workspace.Doc) string {
	if d.File == nil {
		return ""
	}
	var paths []string
	for _, r := range d.File.PriceSheets {
		paths = append(paths, r.Path)
	}
	return strings.Join(paths, ", ")
}

// entryKey names a catalog entry as the diff shows it: "api_model gpt-4.1".
func entryKey(e pricing.Entry) string { return string(e.Table) + " " + e.ID }

func entryMap(d *workspace.Doc) map[string]pricing.Entry {
	m := map[string]pricing.Entry{}
	if d.Catalog != nil {
		for _, e := range d.Catalog.Entries {
			m[entryKey(e)] = e
		}
	}
	return m
}

// unionKeys lists the entries of both catalogs in catalog order, the old
// side's first.
func unionKeys(old, cur *workspace.Doc) []string {
	var keys []string
	seen := map[string]bool{}
	for _, d := range []*workspace.Doc{old, cur} {
		if d.Catalog == nil {
			continue
		}
		for _, e := range d.Catalog.Entries {
			if k := entryKey(e); !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	return keys
}

// entryText is an entry's figures and the sheet that sets them.
func entryText(e pricing.Entry, currency string) string {
	return cents(present.PriceSummary(e, currency)) + " (" + e.Sheet + ")"
}

// dollars is a dollar amount as PriceSummary writes it: "$1.8", "$7", "$0.075".
var dollars = regexp.MustCompile(`\$([0-9]+)(\.[0-9]+)?`)

// cents writes dollar amounts below $100 with at least two decimals, as
// money is written everywhere else: "$1.80", "$7.00"; "$0.075" keeps its
// digits.
func cents(s string) string {
	return dollars.ReplaceAllStringFunc(s, func(m string) string {
		whole, frac, _ := strings.Cut(m[1:], ".")
		if len(whole) > 2 || len(frac) >= 2 {
			return m
		}
		return "$" + whole + "." + frac + strings.Repeat("0", 2-len(frac))
	})
}

// usedBy reports whether an option of d refers to the catalog entry key
// through any catalog reference among the inputs (model.Field.Ref).
func usedBy(d *workspace.Doc, key string) bool {
	fields := model.Fields()
	for i := range d.Input.Options {
		o := &d.Input.Options[i]
		for j := range fields {
			f := &fields[j]
			if f.Section != model.SectionOption || f.Ref == model.NoRef {
				continue
			}
			if id := f.Text(&d.Input, o); id != nil && *id != "" && strings.HasSuffix(key, " "+*id) {
				return true
			}
		}
	}
	return false
}
