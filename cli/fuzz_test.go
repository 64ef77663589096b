package cli

import (
	"io"
	"strings"
	"testing"
	"time"
)

// FuzzCommandLine: any command line ends with exit 0, 1 or 2, never a panic.
// Words are separated by "\x1f" so that a word may hold spaces. The App is
// not interactive (no TUI), and lines that would fetch or write are skipped.
func FuzzCommandLine(f *testing.F) {
	for _, seed := range []string{
		"check\x1f--today\x1f2026-01-01", "--=x", "-\x1f--", "export\x1f-format=md", "--prices=\x1fhelp",
		"breakeven\x1f-a\x1f-b", "help\x1f--help\x1fcheck", "__complete\x1fbreakeven\x1f--a", "completion\x1fbash\x1f-h",
		"prices\x1f--stale-days\x1f-1", "---x", "-h=1", "--help=\x1f--version=",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, line string) {
		words := strings.Split(line, "\x1f")
		for _, w := range words {
			if w == "update" || w == "--out" || strings.HasPrefix(w, "--out=") || w == "init" {
				return
			}
		}
		app := &App{Stdout: io.Discard, Stderr: io.Discard, Version: "fuzz",
			Now: func() time.Time { return time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC) }}
		if code := app.Run(words); code < 0 || code > 2 {
			t.Errorf("%q: exit %d", words, code)
		}
	})
}
