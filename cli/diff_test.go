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

// gitRepo makes a temporary git repository isolated from the user's git
// configuration and returns its folder and a function running git in it.
func gitRepo(t *testing.T) (string, func(args ...string)) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	gitDo := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", dir, "-c", "user.name=t", "-c", "user.email=t@t"}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	gitDo("init", "-q")
	return dir, gitDo
}

// TestDiffRevReadsSheetsAtTheRevision: the scenario is unchanged, but the
// price sheet it names changed in the work tree; --rev HEAD prices the old
// side with the sheet as committed.
func TestDiffRevReadsSheetsAtTheRevision(t *testing.T) {
	dir, gitDo := gitRepo(t)
	plain, _ := os.ReadFile("testdata/prices/plain.toml")
	scenario := filepath.Join(dir, "plan.toml")
	os.WriteFile(scenario, append([]byte("price_sheets = [\"acme.toml\"]\n"), plain...), 0o644)
	sheet, _ := os.ReadFile("testdata/prices/acme.toml")
	os.WriteFile(filepath.Join(dir, "acme.toml"), sheet, 0o644)
	gitDo("add", ".")
	gitDo("commit", "-q", "-m", "first")
	os.WriteFile(filepath.Join(dir, "acme.toml"), []byte(strings.Replace(string(sheet), "input_per_mtok = 1\n", "input_per_mtok = 3\n", 1)), 0o644)

	out, errOut, code := run(t, "diff", "--rev", "HEAD", scenario)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	// acme at HEAD: (1000·1 + 500·2)/1e6 = 0.002 a query · 1000 queries · 2
	// months = $4; now (1000·3 + 500·2)/1e6 = 0.004 → $8: +$4 (+100%).
	for _, want := range []string{
		"acme +$4.00 (+100.0%)",
		"api_model acme-llm: in $1.00/Mtok, out $2.00/Mtok (acme negotiated) → in $3.00/Mtok, out $2.00/Mtok (acme negotiated)",
		"No input changed.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("diff lacks %q:\n%s", want, out)
		}
	}
}

// TestDiffRevErrorsAreOneLine: a file neither git nor the disk has, a revision that
// names nothing and a folder outside git each get one line saying what to
// do — never git's own text.
func TestDiffRevErrorsAreOneLine(t *testing.T) {
	dir, gitDo := gitRepo(t)
	gitDo("commit", "-q", "--allow-empty", "-m", "empty")
	plain, _ := os.ReadFile("testdata/prices/plain.toml")
	file := filepath.Join(dir, "new.toml")
	os.WriteFile(file, plain, 0o644)
	gone := filepath.Join(dir, "gone.toml")
	cases := map[string]string{
		"HEAD":   gone + ": not in the work tree and not in git at HEAD; name a scenario file that exists in one of them\n",
		"HEAD~3": file + `: git has no revision "HEAD~3"; name a branch, a tag, a commit or HEAD~N that exists (git log --oneline lists them)` + "\n",
	}
	for rev, want := range cases {
		target := file
		if rev == "HEAD" {
			target = gone
		}
		_, errOut, code := run(t, "diff", "--rev", rev, target)
		if code != ExitInvalid || errOut != want {
			t.Errorf("--rev %s: exit %d, stderr %q; want exit 1 and %q", rev, code, errOut, want)
		}
	}
}

// TestDiffSameFileTwice: the same file on both sides is a diff with nothing
// changed, not a crash (cli/diff.go indexed a second document that the
// folder expansion had removed as a duplicate).
func TestDiffSameFileTwice(t *testing.T) {
	out, errOut, code := run(t, "diff", "testdata/diff/old.toml", "testdata/diff/old.toml")
	want := "Cost change: Customer-support assistant\n=======================================\n" +
		"Nothing changed: the same inputs, ranges, options and prices give the same totals.\n"
	if code != ExitOK || out != want {
		t.Errorf("exit %d\n%s%s", code, out, errOut)
	}
}

// TestDiffGolden: a range's low bound moved, an option renamed with a
// changed input, and a price sheet added that lowers gpt-4.1's price. Both
// sides list the pinned sheet first among their own price_sheets (a
// --prices sheet would override the contract's price).
func TestDiffGolden(t *testing.T) {
	for _, format := range []string{"text", "md"} {
		out, errOut, code := run(t, "--today", "2026-11-27", "diff", "--samples", "2000", "--format", format, "testdata/diff/old.toml", "testdata/diff/new.toml")
		if code != ExitOK {
			t.Fatalf("%s: exit %d: %s", format, code, errOut)
		}
		golden(t, "diff."+format, out)
	}
}

// The campaign's M3: a sheet between 1 and 2 MiB checks on disk but
// --rev read it with the scenario's 1 MiB limit. And L4: a scenario
// blob past 1 MiB said "huge.toml at HEAD: huge.toml at HEAD: …".
func TestDiffRevReadsSheetsUpToTheSheetLimit(t *testing.T) {
	dir, gitDo := gitRepo(t)
	plain, _ := os.ReadFile("testdata/prices/plain.toml")
	scenario := filepath.Join(dir, "plan.toml")
	os.WriteFile(scenario, append([]byte("price_sheets = [\"acme.toml\"]\n"), plain...), 0o644)
	sheet, _ := os.ReadFile("testdata/prices/acme.toml")
	padding := strings.Repeat("# a sheet between 1 and 2 MiB, as a big import is\n", 30000) // 1.5 MB
	os.WriteFile(filepath.Join(dir, "acme.toml"), append([]byte(padding), sheet...), 0o644)
	huge := filepath.Join(dir, "huge.toml")
	os.WriteFile(huge, []byte(padding+string(plain)), 0o644)
	gitDo("add", ".")
	gitDo("commit", "-q", "-m", "first")

	if _, errOut, code := run(t, "diff", "--rev", "HEAD", scenario); code != ExitOK {
		t.Errorf("a 1.5 MB sheet at HEAD: exit %d: %s", code, errOut)
	}
	_, errOut, code := run(t, "diff", "--rev", "HEAD", huge)
	if want := huge + " at HEAD: file is larger than 1 MiB, the most tunecost reads\n"; code != ExitInvalid || errOut != want {
		t.Errorf("a 1.5 MB scenario at HEAD: exit %d, %q; want %q", code, errOut, want)
	}
}
