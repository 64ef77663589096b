package bench

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/tunecost/tunecost/pricing"
)

var update = flag.Bool("update", false, "rewrite testdata/large-catalog.toml")

// largeSheet is the price sheet of the large-catalog benchmarks
// (views.BenchmarkKeystrokeLargeCatalog, BenchmarkStartupLargeCatalog): a
// real LiteLLM map imported with the project's own importer, grown to the
// size of LiteLLM's 2026 map, as a user gets it from `prices import`.
const (
	largeSheet   = "../testdata/large-catalog.toml"
	litellmMap   = "../pricing/testdata/litellm-2025-09-05.json"
	largeEntries = 2300 // LiteLLM's 2026 map imports to about 2,320 entries
)

// largeMap is LiteLLM's 2025-09-05 map (1,248 importable entries) with
// regional copies of its keys ("eu/<key>", then "apac/<key>", in key order)
// until the import holds largeEntries entries: the 2026 map grew the same
// way, by more sellers and regions of the same models.
func largeMap(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile(litellmMap)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	keys := slices.Sorted(func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	})
	base := importedCount(t, m)
	need := largeEntries - base
	for _, region := range []string{"eu", "apac"} {
		for _, k := range keys {
			if need <= 0 {
				break
			}
			if !importable(t, k, m[k]) {
				continue
			}
			m[region+"/"+k] = m[k]
			need--
		}
	}
	out, err := json.MarshalIndent(m, "", "  ") // encoding/json sorts the keys
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// importedCount is how many entries the import of m writes.
func importedCount(t *testing.T, m map[string]json.RawMessage) int {
	t.Helper()
	data, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return countEntries(importMap(t, data))
}

// importable reports whether the import keeps the one entry key.
func importable(t *testing.T, key string, v json.RawMessage) bool {
	t.Helper()
	data, err := json.Marshal(map[string]json.RawMessage{key: v})
	if err != nil {
		t.Fatal(err)
	}
	return countEntries(importMap(t, data)) == 1
}

func importMap(t *testing.T, data []byte) []byte {
	t.Helper()
	sheet, _, err := pricing.ImportLiteLLM(bytes.NewReader(data), pricing.ImportOptions{
		File: "litellm-2025-09-05.json", AsOf: "2025-09-05", Source: "LiteLLM model_prices_and_context_window.json, 2025-09-05, with regional copies (bench/largesheet_test.go)"})
	if err != nil {
		t.Fatal(err)
	}
	return sheet
}

func countEntries(sheet []byte) int {
	return bytes.Count(sheet, []byte("\n[[")) + boolInt(bytes.HasPrefix(sheet, []byte("[[")))
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestLargeCatalogSheet keeps testdata/large-catalog.toml what the importer
// makes of largeMap: `go test ./bench -run TestLargeCatalogSheet -update`
// rewrites it after a change to the importer.
func TestLargeCatalogSheet(t *testing.T) {
	got := importMap(t, largeMap(t))
	if n := countEntries(got); n != largeEntries {
		t.Fatalf("the large sheet has %d entries, want %d", n, largeEntries)
	}
	if _, diags := pricing.Parse(largeSheet, got); diags.HasErrors() {
		t.Fatalf("the large sheet does not parse: %v", diags)
	}
	if *update {
		if err := os.WriteFile(largeSheet, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(largeSheet)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s is not what the importer makes of the LiteLLM map; rerun with -update", filepath.Clean(largeSheet))
	}
}
