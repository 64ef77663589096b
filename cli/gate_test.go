package cli

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/tunecost/tunecost/internal/hostile"
)

// TestHostileCorpusOneLineEach: the bad-input standard for the campaign's
// corpus — each file, checked as a scenario and listed as a price sheet
// (and each hostile LiteLLM map imported), is one positioned line and exit
// 1, and the file is left as it was.
func TestHostileCorpusOneLineEach(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 10 MB of hostile files")
	}
	dir := t.TempDir()
	positioned := regexp.MustCompile(`^[^\n]+\.(toml|json|csv):[1-9][0-9]*:[1-9][0-9]*: [^\n]+\n$`)
	check := func(path string, data []byte, args ...string) {
		_, errOut, code := run(t, args...)
		if code != ExitInvalid || !positioned.MatchString(errOut) {
			t.Errorf("%v: exit %d, want 1 and one positioned line: %.300q", args, code, errOut)
		}
		if now, _ := os.ReadFile(path); string(now) != string(data) {
			t.Errorf("%v changed %s", args, path)
		}
	}
	toml := hostile.TOML()
	for _, name := range slices.Sorted(maps.Keys(toml)) {
		path := filepath.Join(dir, name)
		os.WriteFile(path, toml[name], 0o644)
		check(path, toml[name], "check", path)
		check(path, toml[name], "prices", "--sheet", path)
	}
	json := hostile.JSON()
	for _, name := range slices.Sorted(maps.Keys(json)) {
		path := filepath.Join(dir, strings.TrimSuffix(name, ".json")+"-2026-07-24.json")
		os.WriteFile(path, json[name], 0o644)
		check(path, json[name], "prices", "import", "--from", "litellm", path)
	}
	csv := hostile.CSV()
	for _, name := range slices.Sorted(maps.Keys(csv)) {
		path := filepath.Join(dir, "aws-"+strings.TrimSuffix(name, ".csv")+"-2026-07-24.csv")
		os.WriteFile(path, csv[name], 0o644)
		check(path, csv[name], "prices", "import", "--from", "skypilot", path)
	}
}

// TestLongKeyIsOneShortLine (L3): a 1 MiB unknown key is refused where it
// starts, in a line that does not quote it.
func TestLongKeyIsOneShortLine(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"scenario.toml": "name = \"x\"\n" + strings.Repeat("k", 1<<20-20) + " = 1\n",
		"sheet.toml":    "[sheet]\nname = \"s\"\n\"" + strings.Repeat("k", 1<<20-40) + "\" = 1\n",
	} {
		path := filepath.Join(dir, name)
		os.WriteFile(path, []byte(body), 0o644)
		line := 2
		args := []string{"check", path}
		if name == "sheet.toml" {
			line, args = 3, []string{"prices", "--sheet", path}
		}
		_, errOut, code := run(t, args...)
		if want := fmt.Sprintf("%s:%d:1: a key is longer than 256 bytes\n", path, line); code != ExitInvalid || errOut != want {
			t.Errorf("%s: exit %d, %.200q, want %q", name, code, errOut, want)
		}
	}
}

// TestCompletionOnAHostileFile (H2): completing an option name in a
// hostile scenario costs no more than refusing it — it took 2.3 s and
// 957 MB on every TAB when the price-sheet sniff decoded it first.
func TestCompletionOnAHostileFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "d.toml")
	os.WriteFile(path, hostile.TOML()["dotted-key.toml"], 0o644)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, _, code := run(t, "__complete", "breakeven", path, "--a", "")
	runtime.ReadMemStats(&after)
	if used := after.TotalAlloc - before.TotalAlloc; code != ExitOK || used > 150<<20 {
		t.Errorf("exit %d, %d MB allocated (budget 150 MB)", code, used>>20)
	}
}
