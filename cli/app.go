// Package cli is tunecost's command line: parsing, the commands, exit codes.
// Every command is built from an App with injected output streams, clock and
// TUI launcher so that each can be tested in-process.
package cli

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/tunecost/tunecost/diag"
	"github.com/tunecost/tunecost/pricing"
	"github.com/tunecost/tunecost/workspace"
)

// Exit codes of every command.
const (
	ExitOK      = 0
	ExitInvalid = 1 // invalid input: a scenario or sheet with errors
	ExitUsage   = 2 // a command line that cannot be understood
)

// App holds what the commands need from the outside world.
type App struct {
	Stdout, Stderr io.Writer
	Version        string
	Now            func() time.Time
	// Interactive reports whether stdout is a terminal (the TUI opens only then).
	Interactive bool
	// RunTUI opens the interactive planner on docs; opt carries the run's
	// clock and staleness threshold.
	RunTUI func(docs []*workspace.Doc, opt workspace.Options) error

	// StdoutWidth is the terminal's width when stdout is a terminal, 0 when
	// it is not: plain text then keeps option names whole unless --width.
	StdoutWidth int
	// StderrIsTerminal turns on progress lines (prices update).
	StderrIsTerminal bool
	// HTTPClient and CacheDir are for prices update: nil is a client with a
	// timeout, "" the user cache directory. Tests set both.
	HTTPClient *http.Client
	CacheDir   string

	today      time.Time     // --today; zero: the clock
	staleAfter time.Duration // --stale-days; zero: pricing.StaleAfter
	code       int           // the exit code of the command cobra ran
}

// command is one subcommand.
type command struct {
	name    string
	summary string
	usage   string // after "tunecost "
	details string
	flags   []flagSpec
	run     func(a *App, p parsed) int
}

// helpWord is the command word that prints help, as --help does.
const (
	helpWord    = "help"
	helpSummary = "this text, or a command's: tunecost help COMMAND"
)

func (a *App) commands() []command {
	return []command{a.breakevenCommand(), a.checkCommand(), a.completionCommand(), a.diffCommand(), a.exportCommand(), a.initCommand(), a.pricesCommand(), a.schemaCommand()}
}

// help is "tunecost help [COMMAND]": the same text as "tunecost [COMMAND] --help".
func (a *App) help(args []string) int {
	switch len(args) {
	case 0:
		a.printHelp(a.rootCommand())
		return ExitOK
	case 1:
		if cmd, ok := a.find(args[0]); ok {
			a.printHelp(cmd)
			return ExitOK
		}
	}
	var names []string
	for _, c := range a.commands() {
		names = append(names, c.name)
	}
	msg := fmt.Sprintf("help takes one command name: %s", strings.Join(names, ", "))
	if len(args) == 1 {
		msg = fmt.Sprintf("no command %q; commands: %s", args[0], strings.Join(names, ", "))
		if s := diag.Suggest(args[0], names); s != "" {
			msg = fmt.Sprintf("no command %q; did you mean %q?", args[0], s)
		}
	}
	return a.fail(usageError{msg})
}

func (a *App) find(name string) (command, bool) {
	for _, c := range a.commands() {
		if c.name == name && name != "" {
			return c, true
		}
	}
	return command{}, false
}

func (a *App) printHelp(cmd command) {
	w := a.Stdout
	fmt.Fprintf(w, "usage: tunecost %s\n\n%s\n", cmd.usage, cmd.summary)
	if cmd.details != "" {
		fmt.Fprintf(w, "\n%s\n", strings.TrimSpace(cmd.details))
	}
	if cmd.name == "" {
		fmt.Fprintln(w, "\ncommands:")
		cmds := a.commands()
		sort.Slice(cmds, func(i, j int) bool { return cmds[i].name < cmds[j].name })
		for _, c := range cmds {
			fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
		}
		fmt.Fprintf(w, "  %-10s %s\n", helpWord, helpSummary)
	}
	fmt.Fprintln(w, "\nflags:")
	for _, f := range append(append([]flagSpec{}, cmd.flags...), globalFlags...) {
		left := "--" + f.name
		if f.value {
			left += " " + f.valueName
		}
		fmt.Fprintf(w, "  %-18s %s\n", left, f.help)
	}
}

// fail prints err's lines to stderr and returns the exit code it calls for.
func (a *App) fail(err error) int {
	var u usageError
	if errors.As(err, &u) {
		fmt.Fprintf(a.Stderr, "tunecost: %v\n", err)
		return ExitUsage
	}
	for _, line := range strings.Split(strings.TrimRight(err.Error(), "\n"), "\n") {
		fmt.Fprintln(a.Stderr, line)
	}
	return ExitInvalid
}

// readClockFlags reads --today and --stale-days, which every command honours.
func (a *App) readClockFlags(p parsed) error {
	if v := p.last("today"); v != "" {
		t, err := time.Parse(time.DateOnly, v)
		if err != nil {
			return usageError{fmt.Sprintf("--today %q is not a date (YYYY-MM-DD)", v)}
		}
		a.today = t
	}
	if v := p.last("stale-days"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 100000 {
			return usageError{fmt.Sprintf("--stale-days %q must be a whole number of days from 1 to 100000", v)}
		}
		a.staleAfter = time.Duration(n) * 24 * time.Hour
	}
	return nil
}

// now is the date prices are aged from: --today, else the clock.
func (a *App) now() time.Time {
	if !a.today.IsZero() {
		return a.today
	}
	if a.Now != nil {
		return a.Now()
	}
	return time.Now()
}

// clock is the machine's clock (App.Now in tests), which --today does not
// move: a date after it is from the future (MODEL.md §8).
func (a *App) clock() time.Time {
	if a.Now != nil {
		return a.Now()
	}
	return time.Now()
}

// stale is the run's staleness threshold.
func (a *App) stale() time.Duration {
	if a.staleAfter > 0 {
		return a.staleAfter
	}
	return pricing.StaleAfter
}
