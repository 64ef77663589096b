package cli

import (
	"bytes"
	"fmt"

	"github.com/tunecost/tunecost/gitrev"
	"github.com/tunecost/tunecost/report"
	"github.com/tunecost/tunecost/workspace"
)

func (a *App) diffCommand() command {
	return command{
		name:    "diff",
		summary: "compare two versions of a scenario: changed assumptions, moved totals",
		usage:   "diff [--format text|md] OLD.toml NEW.toml | diff --rev REV [--format text|md] FILE.toml",
		details: "Lists the assumptions that changed and how each option's total and cost per 1k\n" +
			"queries moved (absolute and %). --rev compares FILE with its version at a git\n" +
			"revision (its price_sheets are read from the working tree). --format md writes\n" +
			"Markdown fit for a pull-request comment.",
		flags: []flagSpec{
			{name: "rev", value: true, valueName: "REV", help: "compare FILE with its content at this git revision"},
			{name: "format", value: true, valueName: "text|md", help: "output format (default text)"},
			{name: "out", value: true, valueName: "FILE", help: "write to FILE atomically instead of stdout"},
		},
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
	old, cur, code := a.diffSides(p)
	if code != ExitOK {
		return code
	}
	sides, code := a.reports([]*workspace.Doc{old, cur})
	if code != ExitOK {
		return code
	}
	var buf bytes.Buffer
	if err := render(&buf, report.Diff(sides[0], sides[1])); err != nil {
		return a.fail(err)
	}
	return a.emit(p.last("out"), buf.Bytes())
}

// diffSides loads the old and the new document from two files, or from one
// file and its version at --rev.
func (a *App) diffSides(p parsed) (*workspace.Doc, *workspace.Doc, int) {
	rev := p.last("rev")
	switch {
	case rev == "" && len(p.args) != 2:
		return nil, nil, a.fail(usageError{"diff needs two files (OLD.toml NEW.toml), or --rev REV and one file"})
	case rev != "" && len(p.args) != 1:
		return nil, nil, a.fail(usageError{"diff --rev REV needs exactly one file"})
	}
	if rev == "" {
		docs, err := a.load(parsed{flags: p.flags, args: p.args})
		if err != nil {
			return nil, nil, a.fail(err)
		}
		return docs[0], docs[1], ExitOK
	}
	file := p.args[0]
	data, err := gitrev.Show(file, rev)
	if err != nil {
		return nil, nil, a.fail(fmt.Errorf("%s at %s: %v", file, rev, err))
	}
	docs, err := a.load(parsed{flags: p.flags, args: p.args})
	if err != nil {
		return nil, nil, a.fail(err)
	}
	return workspace.LoadBytes(file, data, a.options(p)), docs[0], ExitOK
}
