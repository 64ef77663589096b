package pricing

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// FuzzParse: no input panics, every diagnostic has a real position, and
// whatever parses also layers without panicking.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/bad/*.toml")
	seeds = append(seeds, "builtin.toml", "testdata/TestImportLiteLLMTrimmed.golden", "testdata/every-field.toml")
	for _, path := range seeds {
		if data, err := os.ReadFile(path); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		sh, diags := Parse("fuzz.toml", data)
		for _, d := range diags {
			if d.Line < 1 || d.Col < 1 || d.File != "fuzz.toml" {
				t.Fatalf("diagnostic without a position: %q", d.String())
			}
		}
		if sh == nil {
			return
		}
		_, layered := Layer(Builtin(), sh)
		// Into another currency, at the sheet's own rates (MODEL.md v3).
		_, converted := LayerIn(Target{Currency: "EUR", Today: time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)}, Builtin(), sh)
		for _, d := range append(layered, converted...) {
			if d.Line < 1 || d.Col < 1 {
				t.Fatalf("layering diagnostic without a position: %q", d.String())
			}
		}
	})
}
