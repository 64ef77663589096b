package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// complete drives cobra's hidden __complete command, as the shell scripts
// do, and returns the words offered and the directive's number.
func complete(t *testing.T, words ...string) ([]string, string) {
	t.Helper()
	out, errOut, code := run(t, append([]string{"__complete"}, words...)...)
	if code != ExitOK {
		t.Fatalf("__complete %q: exit %d %s", words, code, errOut)
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	directive := lines[len(lines)-1]
	var offered []string
	for _, l := range lines[:len(lines)-1] {
		word, _, _ := strings.Cut(l, "\t") // drop the description
		offered = append(offered, word)
	}
	return offered, directive
}

// Directives as cobra numbers them: 4 no file completion, 8 filter by extension.
const (
	noFiles      = ":4"
	onlyTheseExt = ":8"
)

func TestCompletionOfCommandsAndFlags(t *testing.T) {
	got, dir := complete(t, "")
	want := []string{"breakeven", "check", "completion", "diff", "export", "help", "init", "prices", "schema"}
	if !slices.Equal(got, want) || dir != noFiles {
		t.Errorf("commands: %q %s, want %q %s", got, dir, want, noFiles)
	}
	got, _ = complete(t, "ex")
	if !slices.Equal(got, []string{"export"}) {
		t.Errorf("ex: %q", got)
	}
	// A word that is no command's start is a scenario path.
	got, dir = complete(t, "examples/")
	if !slices.Equal(got, []string{"toml"}) || dir != onlyTheseExt {
		t.Errorf("examples/: %q %s", got, dir)
	}
	got, _ = complete(t, "export", "--f")
	if !slices.Equal(got, []string{"--format"}) {
		t.Errorf("export --f: %q", got)
	}
	// Global flags are offered after a command's name too.
	got, _ = complete(t, "check", "--sta")
	if !slices.Equal(got, []string{"--stale-days"}) {
		t.Errorf("check --sta: %q", got)
	}
}

func TestCompletionOfFilesAndValues(t *testing.T) {
	cases := []struct {
		words     []string
		want      []string
		directive string
	}{
		{[]string{"check", ""}, []string{"toml"}, onlyTheseExt},
		{[]string{"diff", "a.toml", ""}, []string{"toml"}, onlyTheseExt},
		{[]string{"--prices", ""}, []string{"toml"}, onlyTheseExt},
		{[]string{"prices", "--sheet", ""}, []string{"toml"}, onlyTheseExt},
		{[]string{"export", "--format", ""}, []string{"md", "csv", "json"}, noFiles},
		{[]string{"diff", "--format", ""}, []string{"text", "md", "json"}, noFiles},
		{[]string{"prices", "--format", ""}, []string{"text", "json", "csv"}, noFiles},
		{[]string{"prices", ""}, []string{"import", "update"}, noFiles},
		{[]string{"prices", "import", "--from", ""}, []string{"litellm", "skypilot"}, noFiles},
		{[]string{"completion", ""}, []string{"bash", "zsh", "fish"}, noFiles},
		{[]string{"help", "pr"}, []string{"prices"}, noFiles},
	}
	for _, c := range cases {
		got, dir := complete(t, c.words...)
		if !slices.Equal(got, c.want) || dir != c.directive {
			t.Errorf("%q: %q %s, want %q %s", c.words, got, dir, c.want, c.directive)
		}
	}
}

// breakeven's --a and --b complete the option names of the scenario on the
// line; the one named by the other flag is left out.
func TestCompletionOfOptionNames(t *testing.T) {
	const file = "../examples/support-assistant.toml"
	all := []string{"LoRA Llama-3.1-8B", "RAG gpt-4.1-mini", "Prompted gpt-4.1"}
	got, dir := complete(t, "breakeven", file, "--a", "")
	if !slices.Equal(got, all) || dir != noFiles {
		t.Errorf("--a: %q %s, want %q", got, dir, all)
	}
	// Flags first, the file after; --b's value left out of --a's.
	got, _ = complete(t, "breakeven", "--b", "RAG gpt-4.1-mini", file, "--a", "")
	if want := []string{"LoRA Llama-3.1-8B", "Prompted gpt-4.1"}; !slices.Equal(got, want) {
		t.Errorf("--a after --b: %q, want %q", got, want)
	}
	got, _ = complete(t, "breakeven", file, "--a=LoRA Llama-3.1-8B", "--b", "")
	if want := []string{"RAG gpt-4.1-mini", "Prompted gpt-4.1"}; !slices.Equal(got, want) {
		t.Errorf("--b: %q, want %q", got, want)
	}
	// No scenario yet, or one that cannot be read: nothing to offer.
	if got, dir := complete(t, "breakeven", "--a", ""); len(got) != 0 || dir != noFiles {
		t.Errorf("no file: %q %s", got, dir)
	}
	if got, _ := complete(t, "breakeven", "no-such.toml", "--a", ""); len(got) != 0 {
		t.Errorf("missing file: %q", got)
	}
	// A scenario with errors offers nothing: no control character from a
	// hostile name reaches the shell.
	for _, f := range []string{hostileDir + "/clear_screen_option.toml", hostileDir + "/dangling_model.toml"} {
		if got, _ := complete(t, "breakeven", f, "--a", ""); len(got) != 0 {
			t.Errorf("%s: %q", f, got)
		}
	}
	// --input offers the scenario's numbers and each option's.
	got, _ = complete(t, "breakeven", file, "--input", "")
	for _, want := range []string{"workload.queries_per_month", "team.hourly_rate", "LoRA Llama-3.1-8B.epochs", "RAG gpt-4.1-mini.top_k"} {
		if !slices.Contains(got, want) {
			t.Errorf("--input lacks %q in %q", want, got)
		}
	}
	if slices.Contains(got, "RAG gpt-4.1-mini.epochs") {
		t.Errorf("--input offers a fine-tuning input for a RAG option")
	}
	// With --a and --b, only their inputs, and only those that apply: the
	// API-served RAG option has no batch (a self-hosted serving field).
	got, _ = complete(t, "breakeven", file, "--a", "LoRA Llama-3.1-8B", "--b", "RAG gpt-4.1-mini", "--input", "")
	for _, want := range []string{"workload.queries_per_month", "LoRA Llama-3.1-8B.batch", "RAG gpt-4.1-mini.top_k"} {
		if !slices.Contains(got, want) {
			t.Errorf("--a/--b --input lacks %q in %q", want, got)
		}
	}
	for _, not := range []string{"Prompted gpt-4.1.prompt_overhead_tokens", "RAG gpt-4.1-mini.batch", "RAG gpt-4.1-mini.tensor_parallel"} {
		if slices.Contains(got, not) {
			t.Errorf("--a/--b --input offers %q", not)
		}
	}
}

// TestFishOffersOnlyScenarioFiles: cobra's fish script answers a *.toml
// filter with every file; tunecost's replaces that with a filter (fish
// itself is exercised when installed).
func TestFishOffersOnlyScenarioFiles(t *testing.T) {
	out, _, code := run(t, "completion", "fish")
	if code != ExitOK || strings.Contains(out, fishFileFallback) || !strings.Contains(out, "__fish_complete_suffix $suffixes") {
		t.Fatalf("fish script keeps cobra's fallback to every file (exit %d)", code)
	}
	fish, err := exec.LookPath("fish")
	if err != nil || testing.Short() {
		t.Skip("fish is not installed")
	}
	// A tunecost on PATH that answers __complete as the real one would:
	// scenario arguments are *.toml files.
	bin := t.TempDir()
	script := filepath.Join(bin, "tunecost.fish")
	os.WriteFile(script, []byte(out), 0o644)
	os.WriteFile(filepath.Join(bin, "tunecost"), []byte("#!/bin/sh\nprintf 'toml\\n:8\\n'\n"), 0o755)
	cmd := exec.Command(fish, "--no-config", "-c", "source "+script+"; complete -C 'tunecost export ../examples/'")
	cmd.Env = append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	got, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("fish: %v\n%s", err, got)
	}
	if !strings.Contains(string(got), "../examples/support-assistant.toml") || strings.Contains(string(got), "examples.go") {
		t.Errorf("fish offers:\n%s", got)
	}
}

func TestCompletionScripts(t *testing.T) {
	for shell, marker := range map[string]string{
		"bash": "complete -o default -F __start_tunecost tunecost",
		"zsh":  "#compdef tunecost",
		"fish": "complete -c tunecost",
	} {
		out, errOut, code := run(t, "completion", shell)
		if code != ExitOK || !strings.Contains(out, marker) || !strings.Contains(out, "__complete") {
			t.Errorf("completion %s: exit %d %s\n%.300s", shell, code, errOut, out)
		}
	}
	for _, args := range [][]string{{"completion"}, {"completion", "tcsh"}, {"completion", "bash", "zsh"}} {
		if _, errOut, code := run(t, args...); code != ExitUsage || errOut != "tunecost: completion needs one shell: bash, zsh, fish\n" {
			t.Errorf("%q: exit %d %q", args, code, errOut)
		}
	}
}

// What is typed narrows the words offered.
func TestCompletionKeepsWhatIsTyped(t *testing.T) {
	const file = "../examples/support-assistant.toml"
	for _, c := range []struct {
		words []string
		want  []string
	}{
		{[]string{"export", "--format", "c"}, []string{"csv"}},
		{[]string{"breakeven", file, "--a", "R"}, []string{"RAG gpt-4.1-mini"}},
		{[]string{"breakeven", file, "--input", "team."}, []string{"team.hourly_rate", "team.expert_hourly_rate"}},
		{[]string{"prices", "u"}, []string{"update"}},
	} {
		if got, _ := complete(t, c.words...); !slices.Equal(got, c.want) {
			t.Errorf("%q: %q, want %q", c.words, got, c.want)
		}
	}
}

// Shells that show descriptions show each command's summary.
func TestCompletionDescribesCommands(t *testing.T) {
	out, _, _ := run(t, "__complete", "ch")
	if want := "check\tvalidate scenarios and the sheets they load (made for CI)\n"; !strings.HasPrefix(out, want) {
		t.Errorf("got %q, want it to start with %q", out, want)
	}
}

// TestRevCompletesGitRefs: --rev offers the repository's branches and tags,
// then HEAD~N, and no files.
func TestRevCompletesGitRefs(t *testing.T) {
	dir, gitDo := gitRepo(t)
	gitDo("commit", "-q", "--allow-empty", "-m", "one")
	gitDo("branch", "feature/x")
	gitDo("tag", "v1.0")
	t.Chdir(dir)
	got, dir2 := complete(t, "diff", "--rev", "")
	for _, want := range []string{"feature/x", "v1.0", "HEAD", "HEAD~1"} {
		if !slices.Contains(got, want) {
			t.Errorf("--rev lacks %q in %q", want, got)
		}
	}
	if dir2 != noFiles {
		t.Errorf("--rev directive %s", dir2)
	}
	if got, _ := complete(t, "diff", "--rev", "fea"); !slices.Equal(got, []string{"feature/x"}) {
		t.Errorf("--rev fea: %q", got)
	}
}
