package cli

import (
	"fmt"
	"os"

	"github.com/tunecost/tunecost/diag"
	"github.com/tunecost/tunecost/report"
	"github.com/tunecost/tunecost/workspace"
)

func (a *App) rootCommand() command {
	return command{
		name: "",
		summary: "tunecost compares fine-tuning, RAG and a prompted larger model over 1–3 years:\n" +
			"every cost, month by month, with every number explained.",
		usage: "[FILE_OR_DIR…] | COMMAND [flags] [FILE…]",
		details: "With no file, opens the planner on the built-in example. When stdout is not\n" +
			"a terminal, prints the comparison as plain text instead.",
		flags: append([]flagSpec{widthFlag}, analysisFlags...),
		run:   (*App).root,
	}
}

func (a *App) root(p parsed) int {
	if err := a.unknownCommand(p.args); err != nil {
		return a.fail(err)
	}
	cfg, err := analysisConfig(p) // a usage error before any file is read, for the planner too
	if err != nil {
		return a.fail(err)
	}
	width, err := a.textWidth(p)
	if err != nil {
		return a.fail(err)
	}
	restore := func() {}
	if a.Interactive && a.RunTUI != nil {
		restore = workspace.StartupGC() // until the files are loaded
	}
	docs, err := a.docs(p)
	restore()
	if err != nil {
		return a.fail(err)
	}
	if a.Interactive && a.RunTUI != nil {
		opt := a.options(p)
		opt.Analysis = cfg
		if err := a.RunTUI(docs, opt); err != nil {
			return a.fail(err)
		}
		return ExitOK
	}
	// Unlike export, the plain comparison shows every scenario it can and
	// lists the problems of the others (exit 1), as the planner does.
	var good []*workspace.Doc
	code := ExitOK
	for _, d := range docs {
		if d.OK() {
			good = append(good, d)
			continue
		}
		printDiagnostics(a, d.Diags.Errors())
		code = ExitInvalid
	}
	scenarios, _ := a.reports(good)
	if err := a.analyze(good, scenarios, cfg); err != nil {
		return a.fail(err)
	}
	if len(scenarios) > 0 {
		if err := report.TextWidth(a.Stdout, scenarios, width); err != nil {
			return a.fail(err)
		}
	}
	return code
}

// unknownCommand catches a mistyped command name, which would otherwise be
// read as a missing scenario file.
func (a *App) unknownCommand(args []string) error {
	if len(args) == 0 {
		return nil
	}
	if _, err := os.Stat(args[0]); err == nil {
		return nil
	}
	var names []string
	for _, c := range a.commands() {
		names = append(names, c.name)
	}
	if s := diag.Suggest(args[0], names); s != "" {
		return usageError{fmt.Sprintf("%q is neither a file nor a command; did you mean %q?", args[0], s)}
	}
	return nil
}
