package cli

import (
	_ "embed"
	"fmt"
	"os"

	"github.com/tunecost/tunecost/workspace"
)

//go:embed starter.toml
var starterScenario []byte

func (a *App) initCommand() command {
	return command{
		name:    "init",
		summary: "write a commented starter scenario (stdout, or --out FILE)",
		usage:   "init [--out FILE]",
		details: "The starter compares a self-hosted LoRA fine-tune, RAG and a prompted larger model\n" +
			"with prices from the built-in sheet, and passes `tunecost check`.",
		flags: []flagSpec{{name: "out", value: true, valueName: "FILE", help: "write to FILE (refuses to overwrite)"}},
		run: func(a *App, p parsed) int {
			if len(p.args) > 0 {
				return a.fail(usageError{fmt.Sprintf("init takes no arguments (got %q); use --out FILE", p.args[0])})
			}
			out := p.last("out")
			if out == "" {
				a.Stdout.Write(starterScenario)
				return ExitOK
			}
			// Through a temporary file, like every file tunecost writes: a
			// kill leaves no half starter under the name.
			if err := workspace.WriteNew(out, starterScenario); err != nil {
				return a.fail(fmt.Errorf("%s: %v (init never overwrites a file)", out, unwrapPathError(err)))
			}
			fmt.Fprintf(a.Stdout, "wrote %s — check it with: tunecost check %s\n", out, out)
			return ExitOK
		},
	}
}

// unwrapPathError drops the "open NAME:" prefix that the caller already prints.
func unwrapPathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
