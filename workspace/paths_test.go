package workspace

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// tempTree makes a folder with files (name → content) and returns its
// real path (t.TempDir may sit behind a symbolic link, as on macOS).
func tempTree(t *testing.T, files map[string]string) string {
	t.Helper()
	root, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for name, content := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

const okScenario = `name = "s"
[workload]
queries_per_month = 1000
input_tokens = 100
output_tokens = 100
[[option]]
name = "p"
kind = "prompt"
model = "gpt-4o"
`

const okSheet = "[sheet]\nname = \"x\"\ncurrency = \"USD\"\nas_of = 2026-10-01\n"

func check(t *testing.T, path string) string {
	t.Helper()
	docs, err := Load([]string{path}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, d := range docs[0].Diags.Errors() {
		lines = append(lines, d.String())
	}
	return strings.Join(lines, "\n")
}

func TestScenarioTreeFindsGit(t *testing.T) {
	root := tempTree(t, map[string]string{"repo/.git/HEAD": "", "repo/a/b/s.toml": "", "wt/.git": "gitdir: x", "wt/s.toml": "", "plain/s.toml": ""})
	cases := map[string]tree{
		"repo/a/b/s.toml": {root: filepath.Join(root, "repo"), git: true},
		"wt/s.toml":       {root: filepath.Join(root, "wt"), git: true},
	}
	for name, want := range cases {
		if got := scenarioTree(filepath.Join(root, name)); got != want {
			t.Errorf("%s: %+v, want %+v", name, got, want)
		}
	}
	// Without a .git above (the temporary folder is outside any repository),
	// the scenario's own folder is the limit.
	if got := scenarioTree(filepath.Join(root, "plain/s.toml")); !got.git && got.root != filepath.Join(root, "plain") {
		t.Errorf("plain: %+v", got)
	}
}

func TestPathsStayInsideTheWorkTree(t *testing.T) {
	root := tempTree(t, map[string]string{
		"repo/.git/HEAD":         "",
		"repo/prices/team.toml":  okSheet,
		"outside.toml":           okSheet,
		"repo/scen/up.toml":      "price_sheets = [\"../prices/team.toml\"]\n" + okScenario,
		"repo/scen/escape.toml":  "price_sheets = [\"../../outside.toml\"]\n" + okScenario,
		"repo/scen/link.toml":    "price_sheets = [\"ln.toml\"]\n" + okScenario,
		"repo/scen/dirlink.toml": "price_sheets = [\"d/outside.toml\"]\n" + okScenario,
		"repo/scen/inlink.toml":  "price_sheets = [\"in.toml\"]\n" + okScenario,
		"repo/scen/extesc.toml":  "extends = \"../../outside.toml\"\n" + okScenario,
		"repo/scen/missing.toml": "price_sheets = [\"nope.toml\"]\n" + okScenario,
		"nogit/s.toml":           "price_sheets = [\"../outside.toml\"]\n" + okScenario,
	})
	// A link to a file outside, a link to a folder outside, a link inside.
	must(t, os.Symlink(filepath.Join(root, "outside.toml"), filepath.Join(root, "repo/scen/ln.toml")))
	must(t, os.Symlink(root, filepath.Join(root, "repo/scen/d")))
	must(t, os.Symlink(filepath.Join(root, "repo/prices/team.toml"), filepath.Join(root, "repo/scen/in.toml")))
	repo := filepath.Join(root, "repo")
	cases := map[string]string{
		"repo/scen/up.toml":      "",
		"repo/scen/inlink.toml":  "",
		"repo/scen/escape.toml":  `:1:17: price_sheets[0] = "../../outside.toml": must stay inside the scenario's git work tree (` + repo + `)`,
		"repo/scen/link.toml":    `:1:17: price_sheets[0] = "ln.toml": must stay inside the scenario's git work tree (` + repo + `)`,
		"repo/scen/dirlink.toml": `:1:17: price_sheets[0] = "d/outside.toml": must stay inside the scenario's git work tree (` + repo + `)`,
		"repo/scen/extesc.toml":  `:1:11: extends = "../../outside.toml": must stay inside the scenario's git work tree (` + repo + `)`,
		"repo/scen/missing.toml": `:1:17: cannot read price sheet "nope.toml": no such file`,
		"nogit/s.toml":           `:1:17: price_sheets[0] = "../outside.toml": must stay inside the scenario's folder (` + filepath.Join(root, "nogit") + `)`,
	}
	for name, want := range cases {
		path := filepath.Join(root, name)
		if want != "" {
			want = path + want
		}
		if got := check(t, path); got != want {
			t.Errorf("%s:\n got %s\nwant %s", name, got, want)
		}
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
