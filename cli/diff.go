package cli

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/tunecost/tunecost/gitrev"
	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/pricing"
	"github.com/tunecost/tunecost/report"
	"github.com/tunecost/tunecost/workspace"

	"github.com/tunecost/tunecost/present"
)

func (a *App) diffCommand() command {
	return command{
		name:    "diff",
		summary: "compare two versions of a scenario: the cheapest, totals, inputs, prices",
		usage:   "diff [--format text|md] OLD.toml NEW.toml | diff --rev REV [--format text|md] FILE.toml",
		details: "Opens with one line: the cheapest option before → after and each option's\n" +
			"change of total; with ranges, how P50, P90 and each option's chance of being\n" +
			"cheapest moved (the same --seed on both sides). Then the totals and cost per\n" +
			"1k queries, every changed input (range bounds included; an option of a kind\n" +
			"that disappears while one of the same kind appears is a rename), and the\n" +
			"changed prices. --rev compares FILE with its version at a git revision, its\n" +
			"bases and price_sheets as they were at that revision too. --format md writes\n" +
			"a pull-request comment: the summary first, the detail folded.",
		flags: append([]flagSpec{
			{name: "rev", value: true, valueName: "REV", help: "compare FILE with its content at this git revision"},
			{name: "format", value: true, valueName: "text|md", help: "output format (default text)"},
			{name: "out", value: true, valueName: "FILE", help: "write to FILE atomically instead of stdout"},
		}, analysisFlags...),
		run: (*App).diff,
	}
}

func (a *App) diff(p parsed) int {
	render := report.DiffText
	switch p.last("format") {
	case "", "text":
	case "md":
		render = report.DiffMarkdown
	default:
		return a.fail(usageError{fmt.Sprintf("--format %q is not one of text, md", p.last("format"))})
	}
	cfg, err := analysisConfig(p)
	if err != nil {
		return a.fail(err)
	}
	old, cur, code := a.diffSides(p)
	if code != ExitOK {
		return code
	}
	docs := []*workspace.Doc{old, cur}
	sides, code := a.reports(docs)
	if code != ExitOK {
		return code
	}
	if err := a.analyze(docs, sides, cfg); err != nil {
		return a.fail(err)
	}
	d := report.Diff(sides[0], sides[1])
	d.Prices = priceChanges(old, cur)
	var buf bytes.Buffer
	if err := render(&buf, d); err != nil {
		return a.fail(err)
	}
	return a.emit(p.last("out"), buf.Bytes())
}

// diffSides loads the old and the new document from two files, or from one
// file and its version at --rev. Each side is loaded on its own, so the
// same file twice is two equal sides.
func (a *App) diffSides(p parsed) (*workspace.Doc, *workspace.Doc, int) {
	rev := p.last("rev")
	switch {
	case rev == "" && len(p.args) != 2:
		return nil, nil, a.fail(usageError{"diff needs two files (OLD.toml NEW.toml), or --rev REV and one file"})
	case rev != "" && len(p.args) != 1:
		return nil, nil, a.fail(usageError{"diff --rev REV needs exactly one file"})
	}
	var docs []*workspace.Doc
	for _, file := range p.args {
		d, err := a.loadFile(p, file)
		if err != nil {
			return nil, nil, a.fail(err)
		}
		docs = append(docs, d)
	}
	if rev == "" {
		return docs[0], docs[1], ExitOK
	}
	file := p.args[0]
	data, err := gitrev.Show(file, rev)
	if err != nil {
		return nil, nil, a.fail(revError(file, rev, err))
	}
	opt := a.options(p)
	opt.ReadOwn = func(path string, limit int64) ([]byte, error) {
		data, err := gitrev.ShowUpTo(path, rev, limit)
		if err != nil { // it names the file and the revision: "gitrev: " says nothing more
			return nil, errors.New(strings.TrimPrefix(err.Error(), "gitrev: "))
		}
		return data, nil
	}
	return workspace.LoadBytes(file, data, opt), docs[0], ExitOK
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

// revError says in one line why FILE at REV cannot be read, and what to do.
func revError(file, rev string, err error) error {
	switch {
	case errors.Is(err, gitrev.ErrNotAtRevision):
		return fmt.Errorf("%s: not in git at %s (added since?); compare two files instead: tunecost diff OLD.toml %s", file, rev, file)
	case errors.Is(err, gitrev.ErrNotWorkTree):
		return fmt.Errorf("%s: not inside a git work tree, so --rev has no history to read; compare two files instead: tunecost diff OLD.toml %s", file, file)
	case errors.Is(err, gitrev.ErrUnknownRevision):
		return fmt.Errorf("%s: git has no revision %q (try HEAD, HEAD~1, a branch, a tag or a commit)", file, rev)
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
	return present.PriceSummary(e, currency) + " (" + e.Sheet + ")"
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
