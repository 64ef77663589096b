package cli

import (
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
