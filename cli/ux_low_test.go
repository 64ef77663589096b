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
