package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// MODEL.md §10: a scenario that writes no range still gets P10–P90 bands of
// its self-hosted totals and physics (the efficiency constants' default
// ranges); efficiency_ranges = false turns them off.
func TestDefaultRangesWithoutRangesInTheFile(t *testing.T) {
	path := filepath.Join("testdata", "v3", "noranges.toml")
	out, errOut, code := runPinned(t, "export", "--format", "json", "--samples", "300", path)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	opts := exportedOptions(t, out)
	lora := opts[0]["uncertainty"].(map[string]any)
	physics := lora["physics"].(map[string]any)
	for _, k := range []string{"training_hours", "decode_tokens_per_s", "ttft_ms", "output_tokens_per_s_per_gpu"} {
		band := physics[k].(map[string]any)
		if !(band["p10"].(float64) < band["p90"].(float64)) {
			t.Errorf("%s: %v is no band", k, band)
		}
	}
	if !(lora["p10"].(float64) < lora["p90"].(float64)) {
		t.Errorf("the self-hosted total has no band: %v", lora)
	}
	// The API options vary nothing: equal percentiles, no physics.
	if api := opts[1]["uncertainty"].(map[string]any); api["p10"] != api["p90"] || api["physics"] != nil {
		t.Errorf("an API option: %v", api)
	}

	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	off := filepath.Join(t.TempDir(), "off.toml")
	if err := os.WriteFile(off, append([]byte("efficiency_ranges = false\n"), data...), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code = runPinned(t, "export", "--format", "json", "--samples", "300", off)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if u := exportedOptions(t, out)[0]["uncertainty"]; u != nil {
		t.Errorf("efficiency_ranges = false still samples: %v", u)
	}
	if !strings.Contains(out, `"monte_carlo": null`) {
		t.Error("efficiency_ranges = false: the Monte Carlo still ran")
	}
}

func exportedOptions(t *testing.T, out string) []map[string]any {
	t.Helper()
	var doc struct {
		Scenarios []struct {
			Options []map[string]any `json:"options"`
		} `json:"scenarios"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || len(doc.Scenarios) != 1 {
		t.Fatalf("export: %v\n%s", err, out)
	}
	return doc.Scenarios[0].Options
}

// F25a: diff reports evaluation counts as counts.
func TestDiffReportsEvaluationCounts(t *testing.T) {
	out, errOut, code := runPinned(t, "diff", "--samples", "200", filepath.Join("testdata", "v3", "counts-old.toml"), filepath.Join("testdata", "v3", "counts-new.toml"))
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if want := `option "full on six p5.4xlarge".accuracy: 1 (20 of 20) → 0.85 (170 of 200)`; !strings.Contains(out, want) {
		t.Errorf("diff lacks %q:\n%s", want, out)
	}
}
