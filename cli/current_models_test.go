package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestExamplesUseCurrentModels: on the day of the catalog review (issue #21,
// 2026-12-07) no example and not the starter may use a model that is
// deprecated or retires inside its horizon: `check` names none of them.
func TestExamplesUseCurrentModels(t *testing.T) {
	starter := filepath.Join(t.TempDir(), "starter.toml")
	if _, errOut, code := run(t, "init", "--out", starter); code != ExitOK {
		t.Fatalf("init: exit %d: %s", code, errOut)
	}
	files, _ := filepath.Glob("../examples/*.toml")
	for _, f := range append(files, starter) {
		_, errOut, code := run(t, "check", f, "--today", "2026-12-07")
		if code != ExitOK {
			t.Errorf("%s: exit %d\n%s", f, code, errOut)
		}
		for _, line := range strings.Split(errOut, "\n") {
			if strings.Contains(line, "deprecated") || strings.Contains(line, "retire") || strings.Contains(line, "shut") {
				t.Errorf("%s: %s", f, line)
			}
		}
	}
}
