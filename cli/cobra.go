package cli

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// Run executes the command line (without the program name) and returns the
// exit code. cobra finds the command and parses the flags; the commands
// themselves, their help text and their messages are tunecost's own.
func (a *App) Run(words []string) int {
	root := a.cobraTree()
	// A nil slice would make cobra read os.Args.
	root.SetArgs(append([]string{}, words...))
	a.code = ExitOK
	err := root.Execute()
	var fe flagError
	switch {
	case errors.As(err, &fe):
		return a.usage(fe)
	case err != nil:
		return a.fail(err)
	}
	return a.code
}

// usage reports a command line that cannot be parsed, with where to find
// help, and returns exit 2.
func (a *App) usage(fe flagError) int {
	fmt.Fprintf(a.Stderr, "tunecost: %s\n", fe.msg)
	if fe.cmd.name != helpWord { // help has no usage line of its own
		fmt.Fprintf(a.Stderr, "usage: tunecost %s (see tunecost %s--help)\n", fe.cmd.usage, strings.TrimPrefix(fe.cmd.name+" ", " "))
	}
	return ExitUsage
}

// flagError is a command line whose flags cannot be parsed: exit 2, with
// the command's usage line.
type flagError struct {
	cmd command
	msg string
}

func (e flagError) Error() string { return e.msg }

// cobraTree builds the cobra commands from a.commands(), every one sharing
// the global flags (persistent on the root, so they may stand before or
// after the command's name).
func (a *App) cobraTree() *cobra.Command {
	specs := map[*cobra.Command]command{}
	rootSpec := a.rootCommand()
	root := a.cobraCommand("tunecost", rootSpec)
	specs[root] = rootSpec
	addFlags(root.PersistentFlags(), globalFlags)
	root.SetOut(a.Stdout)
	root.SetErr(a.Stderr)
	root.SilenceErrors = true
	root.SilenceUsage = true
	root.CompletionOptions.DisableDefaultCmd = true // ours is listed in help
	for _, spec := range a.commands() {
		c := a.cobraCommand(spec.name, spec)
		specs[c] = spec
		root.AddCommand(c)
	}
	helpSpec := command{name: helpWord, usage: "help [COMMAND]", summary: helpSummary}
	help := a.cobraCommand(helpWord, helpSpec)
	var names []string
	for _, c := range a.commands() {
		names = append(names, c.name)
	}
	help.ValidArgsFunction = fixedWords(names...)
	specs[help] = helpSpec
	root.SetHelpCommand(help)
	// cobra calls this for --help; the command decides, as for any other
	// flag, so that a bad --today or --version still comes first.
	root.SetHelpFunc(func(c *cobra.Command, _ []string) { a.execute(specs[c], c, c.Flags().Args()) })
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		spec := specs[c]
		if c == root { // "tunecost exprot --format md": the typo, not the flag, is the problem
			if typo := a.unknownCommand(c.Flags().Args()); typo != nil {
				return flagError{cmd: spec, msg: typo.Error()}
			}
		}
		return flagError{cmd: spec, msg: flagErrorMessage(err, append(append([]flagSpec{}, spec.flags...), globalFlags...))}
	})
	a.registerCompletions(root)
	return root
}

// cobraCommand is one command: its own flags, any arguments (each command
// says what it needs), and a run that records the exit code.
func (a *App) cobraCommand(use string, spec command) *cobra.Command {
	c := &cobra.Command{
		Use:   use,
		Short: spec.summary, // shown beside the name by shell completion
		Args:  cobra.ArbitraryArgs,
	}
	addFlags(c.Flags(), spec.flags)
	c.RunE = func(c *cobra.Command, args []string) error {
		a.execute(spec, c, args)
		return nil
	}
	return c
}

// execute runs cmd on what c parsed and records the exit code. "help
// [COMMAND]" reads only its arguments, as "--help" does on the command.
func (a *App) execute(cmd command, c *cobra.Command, args []string) {
	p := parsedFrom(c, args)
	if fe, twice := givenTwice(cmd, p); twice {
		a.code = a.usage(fe)
		return
	}
	if cmd.name == helpWord {
		a.code = a.help(p.args)
		return
	}
	a.code = a.runParsed(cmd, p)
}

// runParsed does what every command shares: the clock flags, --version,
// --help, then the command.
func (a *App) runParsed(cmd command, p parsed) int {
	if err := a.readClockFlags(p); err != nil {
		return a.fail(err)
	}
	switch {
	case p.has("version"):
		fmt.Fprintf(a.Stdout, "tunecost %s\n", a.Version)
		return ExitOK
	case p.has("help"):
		a.printHelp(cmd)
		return ExitOK
	}
	return cmd.run(a, p)
}

// switchGiven is what pflag sets a switch to when it is given without
// "=value"; any other value is refused, as a switch takes none.
const switchGiven = "\x00given"

// addFlags declares specs on fs. "help" gets cobra's -h; a one-letter flag
// (breakeven's --a, --b) is its own shorthand too, as cobra completes the
// value of a one-letter flag only through its shorthand.
func addFlags(fs *pflag.FlagSet, specs []flagSpec) {
	for _, s := range specs {
		short := ""
		switch {
		case s.name == "help":
			short = "h"
		case len(s.name) == 1:
			short = s.name
		}
		f := fs.VarPF(&flagValue{spec: s}, s.name, short, s.help)
		if !s.value {
			f.NoOptDefVal = switchGiven
		}
	}
}

// flagValue keeps every value a flag was given, in order. A single-value
// flag given twice is refused after parsing (givenTwice): cobra parses a
// line twice when it completes one.
type flagValue struct {
	spec   flagSpec
	values []string
}

func (v *flagValue) Set(s string) error {
	switch {
	case !v.spec.value && s != switchGiven:
		return usageError{fmt.Sprintf("--%s takes no value", v.spec.name)}
	case !v.spec.value:
		s = ""
	}
	v.values = append(v.values, s)
	return nil
}

// String is the last value, or for a switch whether it was given (cobra
// reads --help as a bool).
func (v *flagValue) String() string {
	if !v.spec.value {
		return strconv.FormatBool(len(v.values) > 0)
	}
	if len(v.values) == 0 {
		return ""
	}
	return v.values[len(v.values)-1]
}

func (v *flagValue) Type() string {
	if !v.spec.value {
		return "bool"
	}
	return "string"
}

// parsedFrom collects what c's flags (its own and the global ones) were given.
func parsedFrom(c *cobra.Command, args []string) parsed {
	p := parsed{flags: map[string][]string{}, args: args}
	c.Flags().VisitAll(func(f *pflag.Flag) {
		if v, ok := f.Value.(*flagValue); ok && len(v.values) > 0 {
			p.flags[f.Name] = v.values
		}
	})
	return p
}

// givenTwice refuses a single-value flag given more than once: which one
// was meant is not for tunecost to guess.
func givenTwice(cmd command, p parsed) (flagError, bool) {
	for _, s := range append(append([]flagSpec{}, cmd.flags...), globalFlags...) {
		if s.value && !s.repeatable && len(p.flags[s.name]) > 1 {
			return flagError{cmd: cmd, msg: fmt.Sprintf("--%s given twice", s.name)}, true
		}
	}
	return flagError{}, false
}

// flagErrorMessage says what pflag found wrong in tunecost's words.
func flagErrorMessage(err error, specs []flagSpec) string {
	var (
		notExist *pflag.NotExistError
		required *pflag.ValueRequiredError
		invalid  *pflag.InvalidValueError
		usage    usageError
	)
	switch {
	case errors.As(err, &usage):
		return usage.msg
	case errors.As(err, &notExist) && notExist.GetSpecifiedShortnames() != "":
		return singleDashMessage(notExist.GetSpecifiedShortnames(), specs)
	case errors.As(err, &notExist):
		return unknownFlagMessage(notExist.GetSpecifiedName(), specs)
	case errors.As(err, &required):
		f := required.GetFlag()
		if s, ok := findFlag(specs, f.Name); ok {
			return fmt.Sprintf("--%s needs a value: --%s %s", f.Name, f.Name, s.valueName)
		}
		return fmt.Sprintf("--%s needs a value", f.Name)
	case errors.As(err, &invalid):
		return invalid.Error()
	}
	return err.Error()
}

// singleDashMessage answers "-format": long flags take two dashes now.
func singleDashMessage(word string, specs []flagSpec) string {
	name, _, _ := strings.Cut(word, "=")
	if _, ok := findFlag(specs, name); ok {
		return fmt.Sprintf("unknown flag -%s; long flags take two dashes: --%s", word, name)
	}
	return fmt.Sprintf("unknown flag -%s", word)
}

func findFlag(specs []flagSpec, name string) (flagSpec, bool) {
	for _, s := range specs {
		if s.name == name {
			return s, true
		}
	}
	return flagSpec{}, false
}
