package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestDiffAgainstAGitRevision commits a scenario in a temporary repository,
// changes it in the work tree, and diffs the file against HEAD.
func TestDiffAgainstAGitRevision(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	gitDo := func(args ...string) {
		cmd := exec.Command("git", append([]string{"-C", dir, "-c", "user.name=t", "-c", "user.email=t@t"}, args...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	gitDo("init", "-q")
	orig, _ := os.ReadFile("testdata/prices/plain.toml")
	file := filepath.Join(dir, "plain.toml")
	os.WriteFile(file, orig, 0o644)
	sheet, _ := os.ReadFile("testdata/prices/acme.toml")
	os.WriteFile(filepath.Join(dir, "acme.toml"), sheet, 0o644)
	gitDo("add", ".")
	gitDo("commit", "-q", "-m", "first")
	os.WriteFile(file, []byte(strings.Replace(string(orig), "queries_per_month = 1000", "queries_per_month = 3000", 1)), 0o644)

	out, errOut, code := run(t, "--prices", filepath.Join(dir, "acme.toml"), "diff", "--rev", "HEAD", file)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	// acme: 0.002 per query · 2 months: 1000 queries → 4, 3000 → 12: +8 (+200%).
	for _, want := range []string{"workload.queries_per_month: 1,000 → 3,000", "+$8.00 (+200.0%)"} {
		if !strings.Contains(out, want) {
			t.Errorf("diff lacks %q:\n%s", want, out)
		}
	}
	if _, errOut, code := run(t, "diff", "--rev", "no-such-rev", file); code != ExitInvalid || !strings.Contains(errOut, "no-such-rev") {
		t.Errorf("unknown revision: exit %d, %q", code, errOut)
	}
}
