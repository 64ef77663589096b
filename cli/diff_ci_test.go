package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// ciRepo is the scratch repository: scen/ holds a.toml (a ranged
// queries_per_month) and b.toml, both priced by scen/acme.toml. The first
// commit is the base; the second moves a range bound in a.toml, raises
// acme-llm's input price to inputPrice and adds an option to b.toml.
// It returns the scen folder and git.
func ciRepo(t *testing.T, inputPrice string) (string, func(args ...string)) {
	t.Helper()
	dir, gitDo := gitRepo(t)
	scen := filepath.Join(dir, "scen")
	if err := os.Mkdir(scen, 0o755); err != nil {
		t.Fatal(err)
	}
	plain, _ := os.ReadFile("testdata/prices/plain.toml")
	sheet, _ := os.ReadFile("testdata/prices/acme.toml")
	a := "price_sheets = [\"acme.toml\"]\n" + strings.Replace(string(plain), "queries_per_month = 1000",
		"queries_per_month = { low = 800, likely = 1000, high = 1500 }", 1)
	// b: plain's first option only (acme).
	b := "price_sheets = [\"acme.toml\"]\n" + string(plain[:strings.Index(string(plain), "[[option]]\nname = \"gpt-4.1")])
	write := func(name, content string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(scen, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("acme.toml", string(sheet))
	write("a.toml", a)
	write("b.toml", b)
	gitDo("add", ".")
	gitDo("commit", "-q", "-m", "base")
	write("a.toml", strings.Replace(a, "high = 1500", "high = 2000", 1))
	write("acme.toml", strings.Replace(string(sheet), "input_per_mtok = 1\n", "input_per_mtok = "+inputPrice+"\n", 1))
	write("b.toml", b+"\n[[option]]\nname = \"gpt-4.1\"\nkind = \"prompt\"\nmodel = \"gpt-4.1\"\n"+
		"prompt_overhead_tokens = 0\nprompt_engineering_hours = 0\nmaintenance_hours_per_month = 0\nintegration_hours = 0\n")
	gitDo("add", ".")
	gitDo("commit", "-q", "-m", "change")
	return scen, gitDo
}

// TestDiffForCI is the "done when" in a scratch repository. acme's
// price per query is (1000 in · $1 + 500 out · $2)/1e6 = $0.002; 1000
// queries a month for 2 months is $4. At $1.12 input: (1120+1000)/1e6 ·
// 2000 = $4.24, +6 %; at $1.08: $4.16, +4 %.
func TestDiffForCI(t *testing.T) {
	scen, _ := ciRepo(t, "1.12")
	md, errOut, code := run(t, "diff", "--rev", "HEAD~1", scen, "--format", "md", "--samples", "200")
	if code != ExitOK {
		t.Fatalf("md: exit %d: %s", code, errOut)
	}
	first, _, _ := strings.Cut(md, "\n")
	if first != "<!-- tunecost-diff -->" {
		t.Errorf("first line %q, want the marker", first)
	}
	for _, want := range []string{"#### scen/a.toml", "#### scen/b.toml", "HEAD\\~1 @ ", "this branch",
		"+\\$0.24 (+6.0%)", "1,000 (800 to 1,500) | 1,000 (800 to 2,000)", "gpt-4.1 new, \\$40.00"} {
		if !strings.Contains(md, want) {
			t.Errorf("md lacks %q:\n%s", want, md)
		}
	}

	out, _, code := run(t, "diff", "--rev", "HEAD~1", scen, "--format", "json", "--samples", "200")
	if code != ExitOK {
		t.Fatalf("json: exit %d", code)
	}
	var doc struct {
		Version int
		Base    struct{ Rev, Commit string }
		Files   []struct {
			Path    string
			Status  string
			Options []struct {
				Name                string
				TotalBefore         *float64 `json:"total_before"`
				TotalAfter          *float64 `json:"total_after"`
				TotalChangeFraction *float64 `json:"total_change_fraction"`
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("diff json does not parse: %v\n%s", err, out)
	}
	if doc.Version != 1 || doc.Base.Rev != "HEAD~1" || len(doc.Base.Commit) < 7 || len(doc.Files) != 2 {
		t.Fatalf("diff json: %+v", doc)
	}
	exported := exportTotals(t, scen)
	n := 0
	for _, f := range doc.Files {
		for _, o := range f.Options {
			want, ok := exported[filepath.Base(f.Path)+"/"+o.Name]
			if !ok || o.TotalAfter == nil || *o.TotalAfter != want {
				t.Errorf("%s %s: total_after %v, export says %v", f.Path, o.Name, o.TotalAfter, want)
			}
			n++
		}
	}
	if n != 4 {
		t.Errorf("%d options in the diff json, want 4 (a: 2, b: 1 + 1 new)", n)
	}
	if o := doc.Files[0].Options[0]; o.TotalBefore == nil || *o.TotalBefore != 4 || *o.TotalAfter != 4.24 {
		t.Errorf("a.toml acme: %v → %v, want 4 → 4.24", o.TotalBefore, o.TotalAfter)
	}

	if _, _, code := run(t, "diff", "--rev", "HEAD~1", "--exit-code", scen); code != ExitInvalid {
		t.Errorf("--exit-code with changes: exit %d, want 1", code)
	}
	head, _, _ := run(t, "diff", "--rev", "HEAD", "--format", "json", scen)
	var headDoc struct{ Base struct{ Commit string } }
	json.Unmarshal([]byte(head), &headDoc)
	wantSame := "<!-- tunecost-diff -->\nNo cost change: 2 scenario files, HEAD @ " + headDoc.Base.Commit + " → this branch.\n"
	if out, errOut, code := run(t, "diff", "--rev", "HEAD", "--exit-code", "--format", "md", scen); code != ExitOK || out != wantSame {
		t.Errorf("--exit-code unchanged: exit %d, %q, want %q %s", code, out, wantSame, errOut)
	}

	out, errOut, code = run(t, "diff", "--rev", "HEAD~1", "--fail-above", "5%", "--format", "md", "--samples", "200", scen)
	if code != ExitInvalid || !strings.Contains(errOut, "cost gate failed: scen/a.toml: “acme” rose +$0.24 (+6.0%), above --fail-above 5%") ||
		!strings.Contains(out, "**Cost gate failed:**") {
		t.Errorf("--fail-above 5%% on +6%%: exit %d, stderr %q\n%s", code, errOut, out)
	}
	if _, _, code := run(t, "diff", "--rev", "HEAD~1", "--fail-above", "0.25", "--samples", "200", scen); code != ExitOK {
		t.Errorf("--fail-above 0.25 on +$0.24: exit %d, want 0", code)
	}
}

// TestDiffFailAbovePassesBelowTheLimit: +4 % under a 5 % limit passes.
func TestDiffFailAbovePassesBelowTheLimit(t *testing.T) {
	scen, _ := ciRepo(t, "1.08")
	out, errOut, code := run(t, "diff", "--rev", "HEAD~1", "--fail-above", "5%", "--samples", "200", scen)
	if code != ExitOK || !strings.Contains(out, "+$0.16 (+4.0%)") || errOut != "" {
		t.Errorf("exit %d, stderr %q\n%s", code, errOut, out)
	}
}

// exportTotals is export --format json's total of every option, by
// "file.toml/option".
func exportTotals(t *testing.T, dir string) map[string]float64 {
	t.Helper()
	out, errOut, code := run(t, "export", "--format", "json", "--samples", "200", dir)
	if code != ExitOK {
		t.Fatalf("export: exit %d: %s", code, errOut)
	}
	var doc struct {
		Scenarios []struct {
			File    string
			Options []struct {
				Name  string
				Total float64
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	m := map[string]float64{}
	for _, s := range doc.Scenarios {
		for _, o := range s.Options {
			m[filepath.Base(s.File)+"/"+o.Name] = o.Total
		}
	}
	return m
}

// TestDiffRevBadInput: each mistake is one line saying what to do, the
// documented exit code, and nothing on stdout or in --out.
func TestDiffRevBadInput(t *testing.T) {
	scen, gitDo := ciRepo(t, "1.12")
	empty := filepath.Join(filepath.Dir(scen), "empty")
	os.Mkdir(empty, 0o755)
	outside := filepath.Join(t.TempDir(), "x.toml")
	os.WriteFile(outside, []byte("name = \"x\"\n"), 0o644)
	outFile := filepath.Join(t.TempDir(), "comment.md")
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--rev", "no-such-rev", scen}, ExitInvalid, `git has no revision "no-such-rev"; name a branch`},
		{[]string{"--rev", "HEAD", outside}, ExitInvalid, "not inside a git work tree"},
		{[]string{"--rev", "HEAD", empty}, ExitInvalid, "no *.toml scenario files in this folder, now or at HEAD"},
		{[]string{"--rev", "HEAD", "--fail-above", "5 %", scen}, ExitUsage, `--fail-above "5 %" is not an amount or a percentage`},
		{[]string{"--rev", "HEAD", "--fail-above", "-5%", scen}, ExitUsage, "is not an amount or a percentage"},
		{[]string{"--rev", "HEAD", "--format", "yaml", scen}, ExitUsage, `--format "yaml" is not one of text, md, json`},
		{[]string{"--rev", "HEAD:x", scen}, ExitUsage, `--rev "HEAD:x" is not a revision`},
	}
	for _, c := range cases {
		args := append([]string{"diff", "--out", outFile}, c.args...)
		out, errOut, code := run(t, args...)
		if code != c.code || out != "" || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, c.want) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit %d and %q", c.args, code, out, errOut, c.code, c.want)
		}
		if _, err := os.Stat(outFile); err == nil {
			t.Errorf("%q wrote %s", c.args, outFile)
		}
	}

	// A shallow clone of the repository: HEAD~1 was never fetched.
	shallow := filepath.Join(t.TempDir(), "shallow")
	gitDo("clone", "-q", "--depth", "1", "file://"+filepath.Dir(scen), shallow)
	_, errOut, code := run(t, "diff", "--rev", "HEAD~1", filepath.Join(shallow, "scen"))
	if code != ExitInvalid || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "shallow clone; fetch the history first (actions/checkout: fetch-depth: 0") ||
		strings.Contains(errOut, "try HEAD~1") {
		t.Errorf("shallow: exit %d, %q", code, errOut)
	}
}

// TestDiffRevAddedAndRemovedFiles: in the work tree b.toml is deleted and
// c.toml added; the folder's diff reports both, with their totals and the
// price sheets they use, and --exit-code sees a change.
func TestDiffRevAddedAndRemovedFiles(t *testing.T) {
	scen, _ := ciRepo(t, "1.12")
	b, _ := os.ReadFile(filepath.Join(scen, "b.toml"))
	os.Remove(filepath.Join(scen, "b.toml"))
	os.WriteFile(filepath.Join(scen, "c.toml"), []byte(strings.Replace(string(b), "name = \"Priced by a layered sheet\"", "name = \"New plan\"", 1)), 0o644)
	md, errOut, code := run(t, "diff", "--rev", "HEAD", "--format", "md", "--exit-code", scen)
	if code != ExitInvalid || errOut != "tunecost: a cost changed (--exit-code)\n" {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	// acme $4.00 and gpt-4.1 at the contract's $10/$20: (1000·10 + 500·20)/1e6 · 2000 = $40.
	for _, want := range []string{
		"#### scen/b.toml (removed): Priced by a layered sheet\n\nScenario removed. Cheapest: acme. Totals: acme \\$4.24; gpt-4.1 \\$40.00.",
		"#### scen/c.toml (added): New plan\n\nNew scenario. Cheapest: acme. Totals: acme \\$4.24; gpt-4.1 \\$40.00.",
		"| price\\_sheets | — | acme.toml |",
		"| price\\_sheets | acme.toml | — |",
		"No cost change in scen/a.toml.",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("md lacks %q:\n%s", want, md)
		}
	}
	out, _, _ := run(t, "diff", "--rev", "HEAD", "--format", "json", scen)
	var doc struct {
		Files []struct {
			Path, Status string
			Options      []struct {
				Status      string
				TotalBefore *float64 `json:"total_before"`
				TotalAfter  *float64 `json:"total_after"`
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	status := map[string]string{}
	for _, f := range doc.Files {
		status[f.Path] = f.Status
		for _, o := range f.Options {
			if (f.Status == "added") != (o.TotalBefore == nil) || (f.Status == "removed") != (o.TotalAfter == nil) {
				t.Errorf("%s %s: before %v after %v", f.Path, o.Status, o.TotalBefore, o.TotalAfter)
			}
		}
	}
	if status["scen/a.toml"] != "unchanged" || status["scen/b.toml"] != "removed" || status["scen/c.toml"] != "added" {
		t.Errorf("statuses %v", status)
	}
}
