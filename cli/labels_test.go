package cli

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// uxPrices are pinned.toml plus the entries the UX scenarios use.
var uxPrices = []string{"--prices", "testdata/prices/pinned.toml", "--prices", "testdata/prices/ux.toml", "--today", "2026-11-30"}

func runUX(t *testing.T, args ...string) string {
	t.Helper()
	out, errOut, code := run(t, append(append([]string{}, uxPrices...), args...)...)
	if code != ExitOK {
		t.Fatalf("%v: exit %d: %s", args, code, errOut)
	}
	return out
}

// TestOptionsNamedAlikeKeepDistinctLabels is issue 22's golden case: three
// options named "Prompted Claude Opus 5.5 standard", "… cached" and
// "… batch" are told apart in the plain text (piped: whole names; at 80
// columns: shortened around the difference), the diff and the Markdown
// export's chart.
func TestOptionsNamedAlikeKeepDistinctLabels(t *testing.T) {
	const file = "../testdata/ux/alike.toml"
	outputs := map[string]string{
		"text":         runUX(t, file),
		"text_width80": runUX(t, "--width", "80", file),
		"diff_width80": runUX(t, "diff", "--width", "80", "../testdata/ux/alike-v1.toml", file),
		"diff":         runUX(t, "diff", "../testdata/ux/alike-v1.toml", file),
		"export_md":    runUX(t, "export", "--format", "md", file),
	}
	for name, out := range outputs {
		golden(t, name, out)
		for _, tier := range []string{"standard", "cached", "batch"} {
			if !strings.Contains(out, "Opus 5.5 "+tier) {
				t.Errorf("%s: no label ends in %q:\n%s", name, "Opus 5.5 "+tier, out)
			}
		}
		if strings.Contains(out, "Opus 5.…") || strings.Contains(out, "Opus 5.5 …") {
			t.Errorf("%s: a label is cut before what tells the options apart:\n%s", name, out)
		}
	}
	if !strings.Contains(outputs["text"], "Prompted Claude Opus 5.5 standard  Prompted Claude Opus 5.5 cached") {
		t.Errorf("piped text shortened the names:\n%s", outputs["text"])
	}
	if !strings.Contains(outputs["text_width80"], "…Opus 5.5 standard") {
		t.Errorf("--width 80 did not shorten the headers around the difference:\n%s", outputs["text_width80"])
	}
}

func TestWidthFlagIsChecked(t *testing.T) {
	_, errOut, code := run(t, "--width", "12", "../testdata/ux/alike.toml")
	if code != ExitUsage || !strings.Contains(errOut, "--width \"12\" must be a whole number from 40 to 1000") {
		t.Errorf("exit %d, %q", code, errOut)
	}
}

// TestSpendAndErrorsApart: with §9 on, the verdict, the text and the diff
// give money spent and the modelled cost of errors as separate figures.
// alike.toml: 200,000 queries × 24 months = 4.8M queries at $20 an error.
func TestSpendAndErrorsApart(t *testing.T) {
	const file = "../testdata/ux/alike.toml"
	text := runUX(t, file)
	for _, want := range []string{
		// cached: errors 4.8M · (1 − 0.91) · $20 = $8,640,000 of its $8,817,600, so $177,600
		// spent; per 1k: 177,600 / 4,800 = $37.00 spent and 8,640,000 / 4,800 = $1,800 errors.
		"Prompted Claude Opus 5.5 cached's total is $177,600 spent plus $8,640,000 of modelled errors (per 1k queries: $37.00 spent, $1,800 errors).",
		// against standard ($542,400 spent, the same errors): money decides.
		"Money spent decides the verdict: against Prompted Claude Opus 5.5 standard it spends $364,800 less and its errors cost the same.",
		"Per 1k queries, all-in (incl. errors)",
	} {
		if !strings.Contains(strings.Join(strings.Fields(text), " "), want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
	diff := runUX(t, "diff", "../testdata/ux/alike-v1.toml", file)
	// batch: accuracy 0.88 → 0.90: errors 4.8M · 0.12 · $20 = $11,520,000 → 4.8M · 0.10 · $20 = $9,600,000.
	if !strings.Contains(diff, "$11,520,000 → $9,600,000") || !strings.Contains(diff, "Spend and the cost of errors") ||
		!strings.Contains(strings.Join(strings.Fields(diff), " "), "Money spent decides the verdict") {
		t.Errorf("diff does not split spend and errors:\n%s", diff)
	}
}

// TestCheckReportsEveryProblemAtOnce: the user's report fixed a typo'd
// key and a string for a number, ran check again to learn of an unknown
// model id, and a third time to see the implausible growth. One run now
// tells all four, in file order.
func TestCheckReportsEveryProblemAtOnce(t *testing.T) {
	_, errOut, code := runUXCode(t, "check", "../testdata/ux/stages.toml")
	want := []string{
		"stages.toml:7:18: warning: monthly_growth = 4",
		"stages.toml:9:17: workload.output_tokens: expected a number",
		`stages.toml:10:1: unknown key "peek_to_average"`,
		`stages.toml:15:9: option "p".model "gpt-4.2-maxi" is not an open_model or an api_model`,
	}
	lines := strings.Split(strings.TrimSpace(errOut), "\n")
	if code != ExitInvalid || len(lines) != len(want) {
		t.Fatalf("exit %d, want %d lines:\n%s", code, len(want), errOut)
	}
	for i, w := range want {
		if !strings.Contains(lines[i], w) {
			t.Errorf("line %d = %q, want %q", i+1, lines[i], w)
		}
	}
}

func runUXCode(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	return run(t, append(append([]string{}, uxPrices...), args...)...)
}

// TestExportFormatFollowsTheOutExtension: `export --out legal.json` wrote
// Markdown into a .json file (the report's LOW item).
func TestExportFormatFollowsTheOutExtension(t *testing.T) {
	out := t.TempDir() + "/alike.json"
	runUX(t, "export", "--out", out, "../testdata/ux/alike.toml")
	data, err := os.ReadFile(out)
	if err != nil || !json.Valid(data) {
		t.Errorf("--out alike.json did not write JSON (%v):\n%.200s", err, data)
	}
}
