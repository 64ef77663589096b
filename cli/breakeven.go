package cli

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/tunecost/tunecost/diag"
	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/report"
	"github.com/tunecost/tunecost/uncertainty"
	"github.com/tunecost/tunecost/workspace"
)

func (a *App) breakevenCommand() command {
	return command{
		name:    "breakeven",
		summary: "the value of one input at which two options cost the same",
		usage:   "breakeven FILE --a NAME --b NAME [--input PATH] [--lo X --hi Y]",
		details: "Bisects the difference of the two options' totals over a bracket (default\n" +
			"[value/1000, value·1000], within the input's valid range) and prints the value\n" +
			"where their order changes, or \"never within [lo, hi]\". PATH is\n" +
			"workload.KEY, team.KEY or OPTION_NAME.KEY (default workload.queries_per_month).",
		flags: []flagSpec{
			{name: "a", value: true, valueName: "NAME", help: "the first option"},
			{name: "b", value: true, valueName: "NAME", help: "the second option"},
			{name: "input", value: true, valueName: "PATH", help: "the input to solve for (default workload.queries_per_month)"},
			{name: "lo", value: true, valueName: "X", help: "the bracket's low end"},
			{name: "hi", value: true, valueName: "Y", help: "the bracket's high end"},
		},
		run: (*App).breakeven,
	}
}

func (a *App) breakeven(p parsed) int {
	if len(p.args) != 1 || p.last("a") == "" || p.last("b") == "" {
		return a.fail(usageError{"breakeven needs one scenario file, --a NAME and --b NAME"})
	}
	docs, err := a.load(p)
	if err != nil {
		return a.fail(err)
	}
	d := docs[0]
	if !d.OK() {
		printDiagnostics(a, d.Diags.Errors())
		return ExitInvalid
	}
	ia, ib, err := optionPair(d, p.last("a"), p.last("b"))
	if err != nil {
		return a.fail(err)
	}
	path := p.last("input")
	if path == "" {
		path = uncertainty.BreakEvenInput
	}
	in, err := uncertainty.ParseInputPath(&d.Input, path)
	if err != nil {
		return a.fail(err)
	}
	lo, hi := uncertainty.DefaultBracket(in.Field, in.Likely)
	if lo, hi, err = bracketFlags(p, lo, hi); err != nil {
		return a.fail(err)
	}
	if err := inputRefusal(d, in, ia, ib, lo, hi); err != nil {
		return a.fail(err)
	}
	be, err := uncertainty.SolveBreakEven(d.Input, d.Catalog.Catalog, ia, ib, in, lo, hi)
	if err != nil {
		return a.fail(err)
	}
	name := format.Sanitize
	if !be.Found {
		fmt.Fprintf(a.Stdout, "%s and %s: never break even on %s within [%s, %s]\n",
			name(be.A), name(be.B), name(be.Input), format.Exact(be.Lo), format.Exact(be.Hi))
		return ExitOK
	}
	fmt.Fprintf(a.Stdout, "%s and %s break even at %s = %s (now %s; searched [%s, %s])\n",
		name(be.A), name(be.B), name(be.Input), number(be.Value),
		format.Exact(in.Likely), format.Exact(be.Lo), format.Exact(be.Hi)) // as written, not padded
	if words := report.AccuracyBreakEvenWords(&d.Input, in, be); words != "" {
		fmt.Fprintln(a.Stdout, words) // §9: the decision the value settles
	}
	return ExitOK
}

// optionPair finds the two named options.
func optionPair(d *workspace.Doc, a, b string) (int, int, error) {
	var names []string
	find := func(name string) (int, error) {
		for i, o := range d.Input.Options {
			if format.NameKey(o.Name) == format.NameKey(name) { // "Café" typed matches "Cafe\u0301" written
				return i, nil
			}
		}
		msg := fmt.Sprintf("%s: no option named %q", d.DisplayPath(), name)
		if s := suggestOption(name, names); s != "" {
			msg += fmt.Sprintf("; did you mean %q?", s)
		}
		return 0, fmt.Errorf("%s (options: %s)", msg, quoteNames(names))
	}
	for _, o := range d.Input.Options {
		names = append(names, o.Name)
	}
	ia, err := find(a)
	if err != nil {
		return 0, 0, err
	}
	ib, err := find(b)
	if err != nil {
		return 0, 0, err
	}
	if ia == ib {
		return 0, 0, usageError{"--a and --b name the same option"}
	}
	return ia, ib, nil
}

// suggestOption is a likely typo of an option name, else the one name that
// starts with what was typed ("LoRA" for "LoRA Llama-3.1-8B").
func suggestOption(typed string, names []string) string {
	if s := diag.Suggest(typed, names); s != "" {
		return s
	}
	found := ""
	for _, n := range names {
		if typed != "" && strings.HasPrefix(strings.ToLower(n), strings.ToLower(typed)) {
			if found != "" {
				return ""
			}
			found = n
		}
	}
	return found
}

func quoteNames(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = strconv.Quote(format.Sanitize(n))
	}
	return strings.Join(q, ", ")
}

func bracketFlags(p parsed, lo, hi float64) (float64, float64, error) {
	for _, f := range []struct {
		name string
		dst  *float64
	}{{"lo", &lo}, {"hi", &hi}} {
		if v := p.last(f.name); v != "" {
			if _, err := fmt.Sscanf(v, "%g", f.dst); err != nil {
				return 0, 0, usageError{fmt.Sprintf("--%s %q is not a number", f.name, v)}
			}
		}
	}
	if !(lo < hi) {
		return 0, 0, usageError{fmt.Sprintf("the bracket [%g, %g] is empty: --lo must be below --hi", lo, hi)}
	}
	return lo, hi, nil
}

func number(v float64) string {
	if v == float64(int64(v)) || v >= 1000 {
		return format.Number(v, 0)
	}
	return format.Number(v, 4)
}
