package cli

import (
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
		details: "Prints every problem as path:line:col: message, warnings included.\n" +
			"Exit 0 when there is no error (warnings allowed), 1 on any error.",
		run: (*App).check,
	}
}

func (a *App) check(p parsed) int {
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
	printDiagnostics(a, all)
	if all.HasErrors() {
		return ExitInvalid
	}
	warnings, notes := len(all.Warnings()), len(all.Notes())
	switch {
	case warnings == 0 && notes == 0:
		fmt.Fprintf(a.Stdout, "ok: %d scenario%s, no problems\n", len(docs), plural(len(docs)))
	case notes == 0:
		fmt.Fprintf(a.Stdout, "ok: %d scenario%s, %d warning%s\n", len(docs), plural(len(docs)), warnings, plural(warnings))
	default:
		fmt.Fprintf(a.Stdout, "ok: %d scenario%s, %d warning%s, %d note%s\n", len(docs), plural(len(docs)), warnings, plural(warnings), notes, plural(notes))
	}
	return ExitOK
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
	return workspace.Options{ExtraSheets: p.flags["prices"], Now: a.now, StaleAfter: a.stale()}
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
