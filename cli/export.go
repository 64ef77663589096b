package cli

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/present"
	"github.com/tunecost/tunecost/report"
	"github.com/tunecost/tunecost/workspace"
)

// renderers maps each --format to its renderer.
var renderers = map[string]func(io.Writer, []present.Scenario) error{
	"json": report.JSON,
	"md":   report.Markdown,
	"csv":  report.CSV,
}

func (a *App) exportCommand() command {
	return command{
		name:    "export",
		summary: "write the comparison as Markdown, CSV or JSON (deterministic bytes)",
		usage:   "export [--format md|csv|json] [--out FILE] FILE_OR_DIR…",
		details: "Needs at least one scenario file or directory. JSON is the machine contract\n" +
			"(docs/json.md); numbers are at full precision. JSON and CSV count months from 0,\n" +
			"as machine formats; Markdown, like the planner, from 1.",
		flags: append([]flagSpec{
			{name: "format", value: true, valueName: "md|csv|json", help: "output format (default: the --out file's extension, .json or .csv, else md)"},
			{name: "out", value: true, valueName: "FILE", help: "write to FILE atomically instead of stdout"},
			followLinkFlag,
		}, analysisFlags...),
		run: (*App).export,
	}
}

// formatOfPath is export's format when --format is not given: the --out
// file's extension when it names one (legal.json is JSON, not Markdown),
// else md.
func formatOfPath(out string) string {
	switch strings.ToLower(filepath.Ext(out)) {
	case ".json":
		return "json"
	case ".csv":
		return "csv"
	}
	return "md"
}

func (a *App) export(p parsed) int {
	name := p.last("format")
	if name == "" {
		name = formatOfPath(p.last("out"))
	}
	render, ok := renderers[name]
	if !ok {
		return a.fail(usageError{fmt.Sprintf("--format %q is not one of md, csv, json", name)})
	}
	if len(p.args) == 0 { // an export of the built-in example is never what was meant
		return a.fail(usageError{"export needs at least one scenario file or directory"})
	}
	cfg, err := analysisConfig(p)
	if err != nil {
		return a.fail(err)
	}
	docs, err := a.docs(p)
	if err != nil {
		return a.fail(err)
	}
	if _, code := a.reports(docs); code != ExitOK { // every file's errors, then stop
		return code
	}
	jobs := make([]workspace.ExportJob, len(docs))
	for i, d := range docs {
		jobs[i] = d.ExportJob()
	}
	// The planner's x writes Markdown through the same function.
	data, err := workspace.Export(jobs, cfg, name != "csv", render) // CSV has no column for the analysis
	if err != nil {
		return a.fail(err)
	}
	if name == "csv" { // the CSV has no place for warnings (stale prices among them)
		for _, d := range docs {
			printDiagnostics(a, d.Diags.Warnings())
		}
	}
	return a.emit(p, data)
}

// docs loads the files named, or the built-in example when there are none.
func (a *App) docs(p parsed) ([]*workspace.Doc, error) {
	if len(p.args) == 0 {
		return []*workspace.Doc{workspace.LoadBuiltin(a.options(p))}, nil
	}
	return a.load(p)
}

// reports turns evaluated documents into report values; any document with
// errors stops the command with its diagnostics (exit 1).
func (a *App) reports(docs []*workspace.Doc) ([]report.Scenario, int) {
	out := make([]report.Scenario, 0, len(docs))
	failed := false
	for _, d := range docs {
		if !d.OK() {
			printDiagnostics(a, d.Diags.Errors())
			failed = true
			continue
		}
		out = append(out, d.Report())
	}
	if failed {
		return nil, ExitInvalid
	}
	return out, ExitOK
}

// followLinkFlag lets --out write through a symbolic link.
var followLinkFlag = flagSpec{name: "through-link", help: "with --out: write through FILE when it is a symbolic link (else refused)"}

// emit writes data to stdout, or atomically to out. An out that is a
// symbolic link is refused, naming its target, unless --through-link: a
// repository may plant report.md -> a file elsewhere (docs/security.md).
func (a *App) emit(p parsed, data []byte) int {
	out := p.last("out")
	if out == "" {
		a.Stdout.Write(data)
		return ExitOK
	}
	if l, ok := workspace.LinkAt(out, ""); ok && !p.has(followLinkFlag.name) {
		return a.fail(fmt.Errorf("%s: not written; --out does not write through a link unless --through-link is given", format.Sanitize(l.String())))
	}
	if err := replaceable(out, data); err != nil {
		return a.fail(err)
	}
	if err := workspace.WriteAtomic(out, data); err != nil {
		return a.fail(fmt.Errorf("%s: cannot write: %v", out, unwrapPathError(err)))
	}
	return ExitOK
}
