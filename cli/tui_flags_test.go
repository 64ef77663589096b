package cli

import (
	"bytes"
	"strings"
	"testing"

	"github.com/tunecost/tunecost/workspace"
)

// runInteractive runs a command line as on a terminal, with a planner that
// records the settings it was opened with instead of drawing.
func runInteractive(args ...string) (opened bool, opt workspace.Options, errOut string, code int) {
	var out, errBuf bytes.Buffer
	app := &App{Stdout: &out, Stderr: &errBuf, Version: "test", Interactive: true,
		RunTUI: func(_ []*workspace.Doc, o workspace.Options) error {
			opened, opt = true, o
			return nil
		}}
	code = app.Run(args)
	return opened, opt, errBuf.String(), code
}

// TestPlannerValidatesAnalysisFlags: --samples and --seed are checked before
// the planner opens (usage error, exit 2), and the planner receives them.
func TestPlannerValidatesAnalysisFlags(t *testing.T) {
	bad := map[string][]string{
		`--samples "0" must be a whole number from 1 to 10000000`: {"--samples", "0"},
		`--samples "many" must be a whole number`:                 {"--samples", "many", "../examples/support-assistant.toml"},
		`--seed "-1" must be a whole number of at least 0`:        {"--seed=-1"},
	}
	for want, args := range bad {
		opened, _, errOut, code := runInteractive(args...)
		if opened || code != ExitUsage || !strings.Contains(errOut, want) {
			t.Errorf("%v: opened %v, exit %d, stderr %q; want exit 2 and %q", args, opened, code, errOut, want)
		}
	}
	opened, opt, errOut, code := runInteractive("--samples", "500", "--seed", "9")
	if !opened || code != ExitOK {
		t.Fatalf("good flags: opened %v, exit %d, stderr %q", opened, code, errOut)
	}
	if opt.Analysis.Samples != 500 || opt.Analysis.Seed != 9 {
		t.Errorf("the planner got samples %d, seed %d; want 500, 9", opt.Analysis.Samples, opt.Analysis.Seed)
	}
}
