package cli

import (
	"fmt"
	"strings"

	"github.com/tunecost/tunecost/diag"
)

// flagSpec declares one command-line flag. Value flags take the next word (or
// "=value"); repeatable ones collect every occurrence.
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

// parseArgs splits words by specs (the command's own flags plus the global
// ones). "--" ends the flags; "-h" is "--help".
func parseArgs(words []string, specs []flagSpec) (parsed, error) {
	p := parsed{flags: map[string][]string{}}
	for i := 0; i < len(words); i++ {
		w := words[i]
		if w == "--" {
			p.args = append(p.args, words[i+1:]...)
			break
		}
		if w == "-h" {
			w = "--help"
		}
		if !strings.HasPrefix(w, "-") || w == "-" {
			p.args = append(p.args, w)
			continue
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(w, "-"), "=")
		spec, ok := findFlag(specs, name)
		if !ok {
			return p, usageError{unknownFlagMessage(name, specs)}
		}
		if !spec.value {
			if hasValue {
				return p, usageError{fmt.Sprintf("--%s takes no value", name)}
			}
			p.flags[name] = append(p.flags[name], "")
			continue
		}
		if !hasValue {
			if i+1 >= len(words) {
				return p, usageError{fmt.Sprintf("--%s needs a value: --%s %s", name, name, spec.valueName)}
			}
			i++
			value = words[i]
		}
		if !spec.repeatable && len(p.flags[name]) > 0 {
			return p, usageError{fmt.Sprintf("--%s given twice", name)}
		}
		p.flags[name] = append(p.flags[name], value)
	}
	return p, nil
}

func findFlag(specs []flagSpec, name string) (flagSpec, bool) {
	for _, s := range specs {
		if s.name == name {
			return s, true
		}
	}
	return flagSpec{}, false
}

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
