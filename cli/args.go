package cli

import (
	"fmt"

	"github.com/tunecost/tunecost/diag"
)

// flagSpec declares one command-line flag. Value flags take the next word (or
// "=value"); repeatable ones collect every occurrence. cobra parses them
// (cobra.go); the commands read what was given from a parsed.
type flagSpec struct {
	name       string
	value      bool
	repeatable bool
	help       string
	valueName  string
}

// globalFlags are accepted by every command, before or after its name.
var globalFlags = []flagSpec{
	{name: "prices", value: true, repeatable: true, valueName: "FILE", help: "layer a price sheet over the built-in one (repeatable)"},
	{name: "today", value: true, valueName: "YYYY-MM-DD", help: "the date prices are aged from (default: the clock)"},
	{name: "stale-days", value: true, valueName: "N", help: "a price older than N days is stale (default 180)"},
	{name: "help", help: "show help"},
	{name: "version", help: "print the version"},
}

// parsed is a command line split into flags and positional words.
type parsed struct {
	flags map[string][]string // name → values ("" for booleans)
	args  []string
}

func (p parsed) has(name string) bool { _, ok := p.flags[name]; return ok }

func (p parsed) last(name string) string {
	v := p.flags[name]
	if len(v) == 0 {
		return ""
	}
	return v[len(v)-1]
}

// usageError is a command line that cannot be understood: exit 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func unknownFlagMessage(name string, specs []flagSpec) string {
	names := make([]string, len(specs))
	for i, s := range specs {
		names[i] = s.name
	}
	msg := fmt.Sprintf("unknown flag --%s", name)
	if s := diag.Suggest(name, names); s != "" {
		msg += fmt.Sprintf("; did you mean --%s?", s)
	}
	return msg
}
