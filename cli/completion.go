package cli

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tunecost/tunecost/gitrev"
	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/schema"
	"github.com/tunecost/tunecost/workspace"
)

// completionShells are the shells "tunecost completion" writes a script for.
var completionShells = []string{"bash", "zsh", "fish"}

func (a *App) completionCommand() command {
	return command{
		name:    "completion",
		summary: "print a shell completion script: commands, flags, scenario files, option names",
		usage:   "completion bash|zsh|fish",
		details: "bash: source <(tunecost completion bash)       (in ~/.bashrc; needs the bash-completion package)\n" +
			"zsh:  tunecost completion zsh > \"${fpath[1]}/_tunecost\"\n" +
			"fish: tunecost completion fish > ~/.config/fish/completions/tunecost.fish",
		run: (*App).completion,
	}
}

func (a *App) completion(p parsed) int {
	if len(p.args) != 1 || !slices.Contains(completionShells, p.args[0]) {
		return a.fail(usageError{"completion needs one shell: " + strings.Join(completionShells, ", ")})
	}
	root := a.cobraTree()
	var err error
	switch p.args[0] {
	case "bash":
		err = root.GenBashCompletionV2(a.Stdout, true)
	case "zsh":
		err = root.GenZshCompletion(a.Stdout)
	case "fish":
		err = fishCompletion(root, a.Stdout)
	}
	if err != nil {
		return a.fail(fmt.Errorf("completion: %v", err))
	}
	return ExitOK
}

// scenarioFiles completes *.toml files (and directories, to reach them).
func scenarioFiles(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return []string{"toml"}, cobra.ShellCompDirectiveFilterFileExt
}

// rootArgs completes the command names cobra lists when what is typed could
// be one, else scenario files: the shell reads a file filter's words as
// extensions, so the two cannot be mixed.
func rootArgs(c *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	if len(args) == 0 {
		for _, sub := range c.Commands() {
			if sub.IsAvailableCommand() && strings.HasPrefix(sub.Name(), toComplete) {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
		}
	}
	return scenarioFiles(c, args, toComplete)
}

// fixedWords completes one of words and nothing else.
func fixedWords(words ...string) cobra.CompletionFunc {
	return func(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		return withPrefix(words, toComplete), cobra.ShellCompDirectiveNoFileComp
	}
}

// withPrefix keeps the words that start with what is typed.
func withPrefix(words []string, typed string) []string {
	var out []string
	for _, w := range words {
		if strings.HasPrefix(w, typed) {
			out = append(out, w)
		}
	}
	return out
}

// registerCompletions says what each command's arguments and value flags
// complete to; a flag not named here completes file names.
func (a *App) registerCompletions(root *cobra.Command) {
	for _, c := range append([]*cobra.Command{root}, root.Commands()...) {
		switch c.Name() {
		case "tunecost":
			c.ValidArgsFunction = rootArgs
		case "check", "export", "diff", "breakeven":
			c.ValidArgsFunction = scenarioFiles
		case "prices":
			c.ValidArgsFunction = pricesArgs
		case "completion":
			c.ValidArgsFunction = fixedWords(completionShells...)
		case "schema":
			c.ValidArgsFunction = fixedWords(schema.Kinds...)
		case "init":
			c.ValidArgsFunction = cobra.NoFileCompletions
		}
		a.registerFlagCompletions(c)
	}
}

func (a *App) registerFlagCompletions(c *cobra.Command) {
	complete := func(flag string, f cobra.CompletionFunc) {
		if c.LocalNonPersistentFlags().Lookup(flag) != nil || (c == c.Root() && c.PersistentFlags().Lookup(flag) != nil) {
			_ = c.RegisterFlagCompletionFunc(flag, f)
		}
	}
	if c == c.Root() {
		complete("prices", scenarioFiles)
		complete("today", cobra.NoFileCompletions)
		complete("stale-days", cobra.NoFileCompletions)
	}
	complete("sheet", scenarioFiles)
	complete("samples", cobra.NoFileCompletions)
	complete("seed", cobra.NoFileCompletions)
	switch c.Name() {
	case "export":
		complete("format", fixedWords("md", "csv", "json"))
	case "check":
		complete("format", fixedWords("text", "github", "sarif"))
	case "diff":
		complete("format", fixedWords("text", "md", "json"))
		complete("rev", gitRefs)
		complete("fail-above", cobra.NoFileCompletions)
	case "prices":
		complete("format", fixedWords("text", "json", "csv"))
		complete("from", fixedWords("litellm", "skypilot"))
		complete("as-of", cobra.NoFileCompletions)
	case "breakeven":
		complete("a", a.optionNames("b"))
		complete("b", a.optionNames("a"))
		complete("input", a.inputPaths)
		complete("lo", cobra.NoFileCompletions)
		complete("hi", cobra.NoFileCompletions)
	}
}

// pricesArgs completes prices' verbs, then the file an import reads.
func pricesArgs(_ *cobra.Command, args []string, typed string) ([]string, cobra.ShellCompDirective) {
	switch {
	case len(args) == 0:
		return withPrefix([]string{"import", "update"}, typed), cobra.ShellCompDirectiveNoFileComp
	case len(args) == 1 && args[0] == "import":
		return []string{"json", "csv"}, cobra.ShellCompDirectiveFilterFileExt
	}
	return nil, cobra.ShellCompDirectiveNoFileComp
}

// completionDoc loads the scenario named on the line being completed (with
// the --prices given there), or nil when it has errors.
func (a *App) completionDoc(c *cobra.Command, args []string) *workspace.Doc {
	if len(args) == 0 {
		return nil
	}
	p := parsedFrom(c, args[:1])
	if a.readClockFlags(p) != nil {
		return nil
	}
	docs, err := workspace.Load(p.args, a.options(p))
	// breakeven refuses a scenario with errors; its names are not offered
	// either (among the errors may be a name with control characters).
	if err != nil || len(docs) != 1 || !docs[0].OK() {
		return nil
	}
	return docs[0]
}

// optionNames completes the names of the options in the scenario on the
// line, leaving out the one already given to the other flag.
func (a *App) optionNames(other string) cobra.CompletionFunc {
	return func(c *cobra.Command, args []string, typed string) ([]string, cobra.ShellCompDirective) {
		d := a.completionDoc(c, args)
		if d == nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		taken := parsedFrom(c, nil).last(other)
		var names []string
		for _, o := range d.Input.Options {
			if o.Name != taken {
				names = append(names, o.Name)
			}
		}
		return withPrefix(names, typed), cobra.ShellCompDirectiveNoFileComp
	}
}

// inputPaths completes the inputs breakeven can solve for: the scenario's
// numbers and the numbers of the options --a and --b name (every option
// while neither is given) that apply to the option: its kind, its serving
// (self-hosted or an API) and its method.
func (a *App) inputPaths(c *cobra.Command, args []string, typed string) ([]string, cobra.ShellCompDirective) {
	var paths []string
	d := a.completionDoc(c, args)
	given := parsedFrom(c, nil)
	named := func(name string) bool {
		x, y := given.last("a"), given.last("b")
		return (x == "" && y == "") || name == x || name == y
	}
	for _, f := range model.Fields() {
		if f.Type != model.Number {
			continue
		}
		if f.Section != model.SectionOption {
			paths = append(paths, f.Path())
			continue
		}
		if d == nil {
			continue
		}
		for i, o := range d.Input.Options {
			if named(o.Name) && f.AppliesTo(o.Kind, selfHostedOption(d, i), o.Method) {
				paths = append(paths, o.Name+"."+f.Key)
			}
		}
	}
	return withPrefix(paths, typed), cobra.ShellCompDirectiveNoFileComp
}

// gitRefs completes --rev: the branches, remote branches and tags of the
// repository of the current folder, then HEAD and HEAD~1…HEAD~3.
func gitRefs(_ *cobra.Command, _ []string, typed string) ([]string, cobra.ShellCompDirective) {
	refs := append(gitrev.Refs("."), "HEAD", "HEAD~1", "HEAD~2", "HEAD~3")
	return withPrefix(refs, typed), cobra.ShellCompDirectiveNoFileComp
}

// fishFileFallback is the part of cobra's fish script that answers a file
// filter (*.toml) with every file; fishFileFilter offers only the files
// with the extensions given, and folders to reach them, as bash and zsh do.
const (
	fishFileFallback = `    if test $filefilter -eq 1; or test $dirfilter -eq 1
        __tunecost_debug "File extension filtering or directory filtering not supported"
        # Do full file completion instead
        return 1
    end`
	fishFileFilter = `    if test $filefilter -eq 1
        # tunecost: only files with these extensions, and folders, as in bash and zsh.
        # (fish's __fish_complete_suffix lists other files too, after these.)
        set -l suffixes
        for ext in $__tunecost_comp_results
            set -a suffixes .$ext
        end
        set -l wanted '('(string join '|' (string escape --style=regex -- $suffixes))')$'
        set --global __tunecost_comp_results
        for c in (__fish_complete_suffix $suffixes)
            set -l path (string split --max 1 \t -- $c)[1]
            if string match -q -- '*/' $path; or string match -q -r -- $wanted $path
                set -a __tunecost_comp_results $c
            end
        end
        return 0
    end
    if test $dirfilter -eq 1
        __tunecost_debug "Directory filtering not supported"
        return 1
    end`
)

// fishCompletion is cobra's fish script with file filters honoured.
func fishCompletion(root *cobra.Command, w io.Writer) error {
	var buf bytes.Buffer
	if err := root.GenFishCompletion(&buf, true); err != nil {
		return err
	}
	script := buf.String()
	if !strings.Contains(script, fishFileFallback) {
		return fmt.Errorf("cobra's fish script changed: the *.toml filter cannot be added")
	}
	_, err := io.WriteString(w, strings.Replace(script, fishFileFallback, fishFileFilter, 1))
	return err
}
