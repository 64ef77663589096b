package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A slip of --out never costs the user a file they typed: an export does
// not replace a scenario, an import does not replace a scenario, and an
// import still refreshes the price sheet already at --out.
func TestOutNeverReplacesAUsersTOML(t *testing.T) {
	dir := t.TempDir()
	scenario := filepath.Join(dir, "plan.toml")
	original, err := os.ReadFile("../examples/support-assistant.toml")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(scenario, original, 0o644)

	_, errOut, code := run(t, "export", "--format", "md", "--out", scenario, "../examples/support-assistant.toml")
	if code == ExitOK || !strings.Contains(errOut, "not replaced: it is a TOML file") {
		t.Errorf("export over a scenario: exit %d, %q", code, errOut)
	}
	_, errOut, code = run(t, "prices", "import", "--from", "litellm", "--as-of", "2026-07-24", "--out", scenario, "../pricing/testdata/litellm-trimmed.json")
	if code == ExitOK || !strings.Contains(errOut, "not replaced: it exists and is not a price sheet") {
		t.Errorf("import over a scenario: exit %d, %q", code, errOut)
	}
	if got, _ := os.ReadFile(scenario); string(got) != string(original) {
		t.Error("the scenario was changed")
	}

	sheet := filepath.Join(dir, "prices.toml")
	if _, errOut, code := run(t, "prices", "import", "--from", "litellm", "--as-of", "2026-07-24", "--out", sheet, "../pricing/testdata/litellm-trimmed.json"); code != ExitOK {
		t.Fatalf("first import: exit %d, %q", code, errOut)
	}
	if _, errOut, code := run(t, "prices", "import", "--from", "litellm", "--as-of", "2026-07-24", "--out", sheet, "../pricing/testdata/litellm-trimmed.json"); code != ExitOK {
		t.Errorf("an import over its own sheet: exit %d, %q", code, errOut)
	}
}
