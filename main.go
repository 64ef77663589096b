// Command tunecost compares the cost of fine-tuning an LLM, RAG, and a
// prompted larger model over one to three years. See README.md.
package main

import (
	"os"
	"time"

	"github.com/charmbracelet/x/term"
	"github.com/mattn/go-isatty"

	"github.com/tunecost/tunecost/cli"
	"github.com/tunecost/tunecost/views"
	"github.com/tunecost/tunecost/workspace"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

func main() {
	app := &cli.App{
		Stdout:           os.Stdout,
		Stderr:           os.Stderr,
		Version:          version,
		Now:              time.Now,
		Interactive:      isatty.IsTerminal(os.Stdout.Fd()) && isatty.IsTerminal(os.Stdin.Fd()),
		StderrIsTerminal: isatty.IsTerminal(os.Stderr.Fd()),
		StdoutWidth:      stdoutWidth(),
		RunTUI: func(docs []*workspace.Doc, opt workspace.Options) error {
			return views.Run(docs, views.Config{Now: opt.Now, StaleAfter: opt.StaleAfter, Editor: views.EditorFromEnv(),
				Analysis: opt.Analysis})
		},
	}
	os.Exit(app.Run(os.Args[1:]))
}

// stdoutWidth is the width of the terminal stdout writes to, 0 when stdout
// is a pipe or a file.
func stdoutWidth() int {
	if !isatty.IsTerminal(os.Stdout.Fd()) {
		return 0
	}
	w, _, err := term.GetSize(os.Stdout.Fd())
	if err != nil {
		return 0
	}
	return w
}
