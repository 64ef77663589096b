package cli

import (
	"bytes"
	"fmt"

	"github.com/tunecost/tunecost/diag"
	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/workspace"
)

func (a *App) checkCommand() command {
	return command{
		name:    "check",
		summary: "validate scenarios and the sheets they load (made for CI)",
		usage:   "check FILE_OR_DIR…",
		details: "Prints every problem as path:line:col: message, warnings included, in one\n" +
			"pass in file order. Standard input is read as /dev/stdin (not -).\n" +
			"--format github writes GitHub Actions workflow commands (::error file=…::),\n" +
			"so problems show on the pull request's lines; --format sarif a SARIF 2.1.0 log\n" +
			"for code scanning, one rule per kind of problem. Both name files relative to\n" +
			"the git repository's root when inside one (docs/ci.md).\n" +
			"Exit 0 when there is no error (warnings allowed, unless --strict), 1 on any error.",
		flags: []flagSpec{
			{name: "format", value: true, valueName: "FORMAT", help: "text (default), github or sarif"},
			{name: "strict", help: "warnings fail too (exit 1)"},
		},
		run: (*App).check,
	}
}

func (a *App) check(p parsed) int {
	form := p.last("format")
	switch form {
	case "", "text", "github", "sarif":
	default:
		return a.fail(usageError{fmt.Sprintf("--format %q is not one of text, github, sarif", form)})
	}
	if len(p.args) == 0 {
		return a.fail(usageError{"check needs at least one scenario file or directory"})
	}
	docs, err := a.load(p)
	if err != nil {
		return a.fail(err)
	}
	var all diag.List
	for _, d := range docs {
		all = append(all, d.Diags...)
	}
	failed := all.HasErrors() || (p.has("strict") && len(all.Warnings()) > 0) // notes never fail
	switch form {
	case "github":
		a.Stdout.Write(githubCommands(all))
	case "sarif":
		if d, ok := unreadable(all); ok {
			// Code scanning would show a log of one unreadable file as a
			// clean run of nothing: say it, write nothing.
			return a.fail(fmt.Errorf("%s; fix the path or the permissions and run check again", format.Sanitize(d.String())))
		}
		var buf bytes.Buffer
		if err := writeSARIF(&buf, all, a.Version); err != nil {
			return a.fail(err)
		}
		a.Stdout.Write(buf.Bytes())
		return exitFor(failed)
	default:
		printDiagnostics(a, all)
	}
	a.checkSummary(docs, all, p.has("strict"))
	return exitFor(failed)
}

// checkSummary is the last line: ok, or why warnings fail under --strict.
func (a *App) checkSummary(docs []*workspace.Doc, all diag.List, strict bool) {
	if all.HasErrors() {
		return
	}
	n, w, notes := len(docs), len(all.Warnings()), len(all.Notes())
	switch {
	case w == 0 && notes == 0:
		fmt.Fprintf(a.Stdout, "ok: %d scenario%s, no problems\n", n, plural(n))
	case strict && w > 0:
		fmt.Fprintf(a.Stderr, "tunecost: %d warning%s, and --strict makes warnings fail\n", w, plural(w))
	case notes == 0:
		fmt.Fprintf(a.Stdout, "ok: %d scenario%s, %d warning%s\n", n, plural(n), w, plural(w))
	default:
		fmt.Fprintf(a.Stdout, "ok: %d scenario%s, %d warning%s, %d note%s\n", n, plural(n), w, plural(w), notes, plural(notes))
	}
}

func exitFor(failed bool) int {
	if failed {
		return ExitInvalid
	}
	return ExitOK
}

// unreadable is the first problem that is a file that could not be read.
func unreadable(l diag.List) (diag.Diagnostic, bool) {
	for _, d := range l {
		if checkRules[ruleOf(d)].name == "unreadable-file" {
			return d, true
		}
	}
	return diag.Diagnostic{}, false
}

// printDiagnostics writes errors and warnings to stderr, one per line,
// with any control characters from the files made inert.
func printDiagnostics(a *App, l diag.List) {
	for _, d := range l {
		fmt.Fprintln(a.Stderr, format.Sanitize(d.String()))
	}
}

func (a *App) load(p parsed) ([]*workspace.Doc, error) {
	return workspace.Load(p.args, a.options(p))
}

func (a *App) options(p parsed) workspace.Options {
	return workspace.Options{ExtraSheets: p.flags["prices"], Now: a.now, Clock: a.clock, StaleAfter: a.stale()}
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
