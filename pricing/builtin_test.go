package pricing

import (
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

func TestBuiltinParsesClean(t *testing.T) {
	sh, diags := Parse(BuiltinFile, builtinTOML)
	if len(diags) != 0 {
		t.Fatalf("built-in sheet has diagnostics:\n%v", diags)
	}
	if Builtin() == nil || len(Builtin().Entries) != len(sh.Entries) {
		t.Fatal("Builtin() does not match the embedded sheet")
	}
	if sh.Currency != "USD" {
		t.Errorf("currency %q, want USD", sh.Currency)
	}
}

func TestBuiltinContents(t *testing.T) {
	sh := Builtin()
	count := map[Table]int{}
	providers := map[string]bool{}
	for _, e := range sh.Entries {
		count[e.Table]++
		if e.Table == TableOffer {
			providers[e.Provider()] = true
		}
	}
	least := map[Table]int{TableGPU: 11, TableOffer: 21, TableOpenModel: 16, TableAPIModel: 33, TableEmbedding: 3, TableVectorDB: 2}
	for table, n := range least {
		if count[table] < n {
			t.Errorf("%d %s entries, want at least %d", count[table], table, n)
		}
	}
	if count[TableEmbedding] != 3 || count[TableVectorDB] != 2 {
		t.Errorf("counts %v: want exactly 3 embeddings, 2 vector dbs", count)
	}
	if len(providers) < 4 {
		t.Errorf("offers from %d providers, want at least 4: %v", len(providers), providers)
	}
	cat, diags := Layer(sh)
	if len(diags) != 0 {
		t.Fatalf("layering the built-in sheet alone: %v", diags)
	}
	for _, id := range []string{"gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini", "gpt-4.1-nano"} {
		m, ok := cat.APIModels[id]
		e, _ := cat.Lookup(TableAPIModel, id)
		// Only fine-tuning is closed to new users; inference stays open.
		if !ok || !m.Managed() || m.Closed || !m.FTClosed || !e.FTClosed || e.Note == "" {
			t.Errorf("%s: want managed fine-tuning closed to new users, with a note: %+v", id, m)
		}
	}
	for id, dim := range map[string]int{"text-embedding-3-small": 1536, "text-embedding-3-large": 3072, "text-embedding-ada-002": 1536} {
		if cat.Embeddings[id].Dim != dim {
			t.Errorf("%s dim %d, want %d", id, cat.Embeddings[id].Dim, dim)
		}
	}
}

// TestBuiltinEntriesSaySourceAndDate reads the TOML itself, since Parse fills
// both from [sheet] when an entry leaves them out.
func TestBuiltinEntriesSaySourceAndDate(t *testing.T) {
	var raw map[string]any
	if _, err := toml.Decode(string(builtinTOML), &raw); err != nil {
		t.Fatal(err)
	}
	for _, table := range Tables {
		items, _ := raw[string(table)].([]map[string]any)
		for _, m := range items {
			for _, key := range []string{"source", "as_of"} {
				if _, ok := m[key]; !ok {
					t.Errorf("%s %v has no %s", table, m["id"], key)
				}
			}
		}
	}
}

// TestBuiltinUnverifiedHaveNotes: the reference marks some figures
// unverified; those entries must say so, and every "unverified" lives in a note.
func TestBuiltinUnverifiedHaveNotes(t *testing.T) {
	// A figure from a single secondary source, or one not re-checked in the
	// late-2026 review, is unverified (reference-figures.md).
	mustSay := []string{"h100-pcie", "a10g", "mi300x", "aws/g6.xlarge", "aws/p6-b200.48xlarge",
		"gcp/a3-highgpu-8g", "runpod/l40s-1x", "runpod/rtx-4090-1x", "pgvector-vm"}
	byID := map[string]Entry{}
	for _, e := range Builtin().Entries {
		byID[e.ID] = e
		if strings.Contains(strings.ToLower(e.Source), "unverified") {
			t.Errorf("%s: say unverified in note, not source", e.ID)
		}
	}
	for _, id := range mustSay {
		if !strings.Contains(byID[id].Note, "unverified") {
			t.Errorf("%s: note %q does not say unverified", id, byID[id].Note)
		}
	}
}

// TestBuiltinV2Fields checks issue #13 item 3: every GPU's memory as it
// reports it, dense fp8_tflops where the GPU has FP8, and every open model's
// vocabulary and tying from its config.json.
func TestBuiltinV2Fields(t *testing.T) {
	cat, _ := Layer(Builtin())
	// MiB · 1,048,576 / 1e9, to one decimal: 81,559 MiB → 85.5 GB (MODEL.md §1); 81,920 → 85.9.
	for id, want := range map[string]float64{"h100-sxm": 85.5, "a100-80gb-sxm": 85.9, "a100-40gb": 42.9, "l4": 24.2, "rtx-4090": 25.8} {
		if got := cat.GPUs[id].MemoryGB; got != want {
			t.Errorf("%s memory_gb = %g, want %g (reported memory)", id, got, want)
		}
	}
	for id, g := range cat.GPUs {
		ampere := id == "a100-40gb" || id == "a100-80gb-sxm" || id == "a10g"
		if g.HasFP8() == ampere {
			t.Errorf("%s: fp8_tflops = %g (Ampere GPUs have no FP8; Hopper and Ada do)", id, g.FP8TFLOPS)
		}
		// Hopper and Ada tensor cores run FP8 at twice BF16 (datasheets round: 1,979 vs 989).
		if r := g.FP8TFLOPS / g.BF16TFLOPS; g.HasFP8() && (r < 1.95 || r > 2.05) {
			t.Errorf("%s: dense FP8 %g is not about twice dense BF16 %g: a sparse figure?", id, g.FP8TFLOPS, g.BF16TFLOPS)
		}
	}
	// Of the built-in models only Gemma ties its input and output embeddings
	// (config.json tie_word_embeddings); every vocabulary is at least 32,000.
	tied := map[string]bool{"gemma-3-27b": true}
	for id, m := range cat.OpenModels {
		if m.Vocab < 32000 || m.TiedEmbeddings != tied[id] {
			t.Errorf("%s: vocab %d tied %v; want a vocabulary of at least 32,000, tied %v", id, m.Vocab, m.TiedEmbeddings, tied[id])
		}
	}
}
