// Command tunecost compares the cost of fine-tuning an LLM, RAG, and a
// prompted larger model over one to three years. See README.md.
package main

import (
	"os"
	"time"

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
		RunTUI: func(docs []*workspace.Doc, opt workspace.Options) error {
			return views.Run(docs, views.Config{Now: opt.Now, StaleAfter: opt.StaleAfter, Editor: views.EditorFromEnv(),
				Analysis: opt.Analysis})
		},
	}
	os.Exit(app.Run(os.Args[1:]))
}
