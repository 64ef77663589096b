package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The UX report's LOW items about imports: an absolute path written into a
// sheet's source, and a CSV given to --from litellm without a hint.
func TestImportSourceIsTheFileNameOnly(t *testing.T) {
	if got := defaultSource("litellm", "/home/me/Downloads/model_prices_2026-07-24.json"); strings.Contains(got, "/home") ||
		!strings.Contains(got, "(model_prices_2026-07-24.json)") {
		t.Errorf("source %q", got)
	}
}

func TestLiteLLMImportOfACSVSuggestsSkyPilot(t *testing.T) {
	csv := filepath.Join(t.TempDir(), "vms-2026-07-24.csv")
	os.WriteFile(csv, []byte("# SkyPilot\nInstanceType,AcceleratorName\n"), 0o644)
	_, errOut, code := run(t, "prices", "import", "--from", "litellm", "--as-of", "2026-07-24", csv)
	if code == ExitOK || !strings.Contains(errOut, "--from skypilot --cloud") {
		t.Errorf("exit %d, %q", code, errOut)
	}
}

// TestTypoedCommandWithFlags: "tunecost exprot --format md FILE" said
// "unknown flag --format"; the typo is the problem.
func TestTypoedCommandWithFlags(t *testing.T) {
	_, errOut, code := run(t, "exprot", "--format", "md", "../testdata/ux/alike.toml")
	if code != ExitUsage || !strings.Contains(errOut, `did you mean "export"?`) {
		t.Errorf("exit %d, %q", code, errOut)
	}
}

// TestShortNameLabelsANarrowColumn: an option's short_name is its label
// where its name must be shortened, and only there.
func TestShortNameLabelsANarrowColumn(t *testing.T) {
	data, err := os.ReadFile("../testdata/ux/alike.toml")
	if err != nil {
		t.Fatal(err)
	}
	src := strings.Replace(string(data), "name = \"Prompted Claude Opus 5.5 batch\"\n", "name = \"Prompted Claude Opus 5.5 batch\"\nshort_name = \"Opus overnight\"\n", 1)
	path := filepath.Join(t.TempDir(), "short.toml")
	os.WriteFile(path, []byte(src), 0o644)
	narrow := runUX(t, "--width", "80", path)
	if !strings.Contains(narrow, "Opus overnight") {
		t.Errorf("--width 80 does not use the short name:\n%s", narrow)
	}
	if piped := runUX(t, path); strings.Contains(piped, "Opus overnight") {
		t.Errorf("piped text used the short name though the name fits:\n%s", piped)
	}
}
