package cli

import (
	"strings"
	"testing"
)

// The command line's contract, pinned before it moved to cobra: help text,
// the exact lines of usage errors, exit codes and where flags may stand.

// TestHelpTextGolden pins every command's help, byte for byte.
func TestHelpTextGolden(t *testing.T) {
	for _, cmd := range []string{"", "breakeven", "check", "completion", "diff", "export", "init", "prices", "schema"} {
		name := cmd
		if name == "" {
			name = "root"
		}
		t.Run(name, func(t *testing.T) {
			out, errOut, code := run(t, strings.Fields(cmd+" --help")...)
			if code != ExitOK || errOut != "" {
				t.Fatalf("exit %d, stderr %q", code, errOut)
			}
			golden(t, "help-"+name+".txt", out)
			short, _, _ := run(t, strings.Fields(cmd+" -h")...)
			if short != out {
				t.Errorf("-h differs from --help")
			}
		})
	}
}

// TestUsageErrorLines pins the whole of stderr for usage errors: the problem,
// then for a command line that cannot be parsed, where to find help.
func TestUsageErrorLines(t *testing.T) {
	cases := []struct {
		args   []string
		stderr string
	}{
		{[]string{"export", "--formt", "md", "x.toml"},
			"tunecost: unknown flag --formt; did you mean --format?\nusage: tunecost export [--format md|csv|json] [--out FILE] FILE_OR_DIR… (see tunecost export --help)\n"},
		{[]string{"--prices"},
			"tunecost: --prices needs a value: --prices FILE\nusage: tunecost [FILE_OR_DIR…] | COMMAND [flags] [FILE…] (see tunecost --help)\n"},
		{[]string{"check", "--verbose", "x.toml"},
			"tunecost: unknown flag --verbose\nusage: tunecost check FILE_OR_DIR… (see tunecost check --help)\n"},
		{[]string{"export", "--format", "md", "--format", "json", "x.toml"},
			"tunecost: --format given twice\nusage: tunecost export [--format md|csv|json] [--out FILE] FILE_OR_DIR… (see tunecost export --help)\n"},
		{[]string{"--today", "2026-01-01", "check", "--today=2026-01-02", "x.toml"},
			"tunecost: --today given twice\nusage: tunecost check FILE_OR_DIR… (see tunecost check --help)\n"},
		{[]string{"check", "--version=yes", "x.toml"},
			"tunecost: --version takes no value\nusage: tunecost check FILE_OR_DIR… (see tunecost check --help)\n"},
		{[]string{"check", "--today", "tomorrow", "x.toml"},
			"tunecost: --today \"tomorrow\" is not a date (YYYY-MM-DD)\n"},
		{[]string{"help", "a", "b"},
			"tunecost: help takes one command name: breakeven, check, completion, diff, export, init, prices, schema\n"},
		{[]string{"help", "nothing"},
			"tunecost: no command \"nothing\"; commands: breakeven, check, completion, diff, export, init, prices, schema\n"},
		{[]string{"init", "extra"},
			"tunecost: init takes no arguments (got \"extra\"); use --out FILE\n"},
	}
	for _, c := range cases {
		out, errOut, code := run(t, c.args...)
		if code != ExitUsage || errOut != c.stderr || out != "" {
			t.Errorf("%q: exit %d, stdout %q\nstderr %q\nwant exit 2 and %q", c.args, code, out, errOut, c.stderr)
		}
	}
}

// TestFlagsStandAnywhere: global flags before or after the command's name,
// "=value" or the next word, and "--" ending the flags.
func TestFlagsStandAnywhere(t *testing.T) {
	want, _, code := run(t, "--stale-days", "30", "--today", "2025-12-01", "prices", "--format", "csv")
	if code != ExitOK || want == "" {
		t.Fatalf("exit %d", code)
	}
	for _, args := range [][]string{
		{"prices", "--format", "csv", "--stale-days", "30", "--today", "2025-12-01"},
		{"--today=2025-12-01", "prices", "--stale-days=30", "--format=csv"},
		{"--today", "2025-12-01", "--stale-days", "30", "prices", "--format", "csv"},
	} {
		if out, errOut, code := run(t, args...); code != ExitOK || out != want {
			t.Errorf("%q: exit %d %s, output differs", args, code, errOut)
		}
	}
	// After "--" a word is an argument even if it looks like a flag.
	_, errOut, code := run(t, "check", "--", "--no-such-file.toml")
	if code != ExitInvalid || !strings.Contains(errOut, "--no-such-file.toml") {
		t.Errorf("check -- --no-such-file.toml: exit %d %q", code, errOut)
	}
	// --version and --help work after any command.
	for _, args := range [][]string{{"check", "--version"}, {"--version", "export"}, {"prices", "--version"}} {
		if out, _, code := run(t, args...); code != ExitOK || out != "tunecost test\n" {
			t.Errorf("%q: exit %d %q", args, code, out)
		}
	}
	if out, _, code := run(t, "--help", "check"); code != ExitOK || !strings.HasPrefix(out, "usage: tunecost check FILE_OR_DIR…") {
		t.Errorf("--help check: exit %d %q", code, out)
	}
}

// TestHelpAndVersionOrder: a bad --today is reported before --help is
// honoured, --version wins over --help, and "help" reads only its argument.
func TestHelpAndVersionOrder(t *testing.T) {
	if out, errOut, code := run(t, "--today", "bad", "--help"); code != ExitUsage || out != "" ||
		errOut != "tunecost: --today \"bad\" is not a date (YYYY-MM-DD)\n" {
		t.Errorf("--today bad --help: exit %d %q %q", code, out, errOut)
	}
	if out, _, code := run(t, "export", "--help", "--version"); code != ExitOK || out != "tunecost test\n" {
		t.Errorf("export --help --version: exit %d %q", code, out)
	}
	rootHelp, _, _ := run(t, "--help")
	exportHelp, _, _ := run(t, "export", "--help")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"help", "--help"}, rootHelp},
		{[]string{"help", "--version"}, rootHelp},
		{[]string{"help", "export", "--help"}, exportHelp},
		{[]string{"--today", "2026-01-01", "help", "export"}, exportHelp},
	} {
		if out, errOut, code := run(t, c.args...); code != ExitOK || out != c.want {
			t.Errorf("%q: exit %d %s\n%.80q…", c.args, code, errOut, out)
		}
	}
}

// TestSingleDashLongFlagsNameTheirTwoDashForm: "-format" is not a flag
// any more; the error says what is.
func TestSingleDashLongFlagsNameTheirTwoDashForm(t *testing.T) {
	_, errOut, code := run(t, "export", "-format", "md", "x.toml")
	if code != ExitUsage || !strings.HasPrefix(errOut, "tunecost: unknown flag -format; long flags take two dashes: --format\n") {
		t.Errorf("exit %d %q", code, errOut)
	}
	_, errOut, code = run(t, "check", "-x", "x.toml")
	if code != ExitUsage || !strings.HasPrefix(errOut, "tunecost: unknown flag -x\n") {
		t.Errorf("-x: exit %d %q", code, errOut)
	}
}

// TestRepeatableFlagsKeepEveryValue: --prices and --sheet are repeatable.
func TestRepeatableFlagsKeepEveryValue(t *testing.T) {
	out, errOut, code := run(t, "prices", "--prices", "testdata/stale/old-offer.toml", "--prices", "testdata/prices/acme.toml")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "acme negotiated") || !strings.Contains(out, "old offer") {
		t.Errorf("every sheet should be layered:\n%s", out)
	}
	// A value with a comma is one file name, not a list.
	_, errOut, code = run(t, "prices", "--prices", "testdata/a,b.toml")
	if code != ExitInvalid || !strings.Contains(errOut, "a,b.toml") {
		t.Errorf("--prices a,b.toml: exit %d %q", code, errOut)
	}
}
