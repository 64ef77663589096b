package pricing

import (
	"bytes"
	"flag"
	"math"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/tunecost/tunecost/model"
)

var update = flag.Bool("update", false, "rewrite golden files")

func importFile(t *testing.T, path string) ([]byte, []Skipped, *Sheet) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out, skipped, err := ImportLiteLLM(f, "2025-09-05", "LiteLLM model_prices_and_context_window.json (2025-09-05)")
	if err != nil {
		t.Fatal(err)
	}
	sh, diags := Parse("litellm.toml", out)
	if len(diags) != 0 {
		t.Fatalf("imported sheet does not parse cleanly: %v", diags)
	}
	return out, skipped, sh
}

func TestImportLiteLLMTrimmed(t *testing.T) {
	out, skipped, sh := importFile(t, "testdata/litellm-trimmed.json")
	golden := "testdata/litellm-trimmed.toml"
	if *update {
		if err := os.WriteFile(golden, out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out, want) {
		t.Errorf("output differs from %s (run go test -update to accept)", golden)
	}
	again, _, _ := importFile(t, "testdata/litellm-trimmed.json")
	if !bytes.Equal(out, again) {
		t.Error("two imports of the same file differ")
	}
	if len(sh.Entries) != 28 || len(skipped) != 10 {
		t.Errorf("imported %d, skipped %d; want 28 and 10", len(sh.Entries), len(skipped))
	}
	cat, diags := Layer(sh)
	if len(diags) != 0 {
		t.Fatal(diags)
	}
	if m := cat.APIModels["gpt-4o"]; m.InputPerMtok != 2.5 || m.OutputPerMtok != 10 || m.CachedInputPerMtok != 1.25 {
		t.Errorf("gpt-4o = %+v", m)
	}
	if e := cat.Embeddings["text-embedding-3-large"]; e.Dim != 3072 || e.PerMtok != 0.13 {
		t.Errorf("text-embedding-3-large = %+v", e)
	}
	ft, ok := cat.Lookup(TableAPIModel, "ft:gpt-4o-mini-2024-07-18")
	if !ok || !strings.Contains(ft.Note, "no training price") || ft.Item.(model.APIModel).InputPerMtok != 0.3 {
		t.Errorf("ft: model without a training price = %+v", ft)
	}
	if _, ok := cat.Lookup(TableAPIModel, "azure_ai/meta-llama-3.1-8b-instruct"); !ok {
		t.Error("mixed-case keys are imported lower-cased")
	}
	reasons := map[string]string{}
	for _, s := range skipped {
		reasons[s.Key] = s.Reason
	}
	wantReasons := map[string]string{
		"whisper-1":                 `mode "audio_transcription" is not priced per text token`,
		"text-embedding-ada-002-v2": "embedding without output_vector_size (its dimension)",
		"fireworks-ai-up-to-16b":    "no mode: a LiteLLM pricing bracket, not a model",
		"bedrock/*/1-month-commitment/cohere.command-text-v14": "key cannot be an id (lower-case letters, digits and . _ : / @ -)",
	}
	for key, want := range wantReasons {
		if reasons[key] != want {
			t.Errorf("%s skipped for %q, want %q", key, reasons[key], want)
		}
	}
}

// TestImportLiteLLMWhole pins the counts for the whole 2025-09-05 file.
func TestImportLiteLLMWhole(t *testing.T) {
	_, skipped, sh := importFile(t, "testdata/litellm-2025-09-05.json")
	count := map[Table]int{}
	for _, e := range sh.Entries {
		count[e.Table]++
	}
	if count[TableAPIModel] != 1342 || count[TableEmbedding] != 32 || len(skipped) != 327 {
		t.Errorf("imported %v, skipped %d; want 1342 api models, 32 embeddings, 327 skipped", count, len(skipped))
	}
	if !slices.IsSortedFunc(skipped, func(a, b Skipped) int { return strings.Compare(a.Key, b.Key) }) {
		t.Error("report is not sorted by key")
	}
}

func TestImportLiteLLMEdgeCases(t *testing.T) {
	in := `{
  "sample_spec": {"mode": "chat", "input_cost_per_token": 0, "output_cost_per_token": 0},
  "base-model": {"mode": "chat", "litellm_provider": "x\u0007y", "input_cost_per_token": 1e-06, "output_cost_per_token": 2e-06},
  "ft:base-model": {"mode": "chat", "input_cost_per_token": 3e-06, "output_cost_per_token": 6e-06, "training_cost_per_token": 2.5e-05},
  "ft:orphan": {"mode": "chat", "input_cost_per_token": 3e-06, "output_cost_per_token": 6e-06, "training_cost_per_token": 2.5e-05},
  "Base-Model": {"mode": "chat", "input_cost_per_token": 1e-06, "output_cost_per_token": 2e-06},
  "negative": {"mode": "chat", "input_cost_per_token": -1, "output_cost_per_token": 2e-06},
  "stringy": {"mode": "chat", "input_cost_per_token": "1", "output_cost_per_token": 2e-06},
  "no-output": {"mode": "chat", "input_cost_per_token": 1e-06},
  "odd": [1, 2],
  "huge": {"mode": "chat", "input_cost_per_token": 1e308, "output_cost_per_token": 2e-06},
  "huger": {"mode": "chat", "input_cost_per_token": 1e-06, "output_cost_per_token": 1e309}
}`
	out, skipped, err := ImportLiteLLM(strings.NewReader(in), "2025-09-05", "test")
	if err != nil {
		t.Fatal(err)
	}
	sh, diags := Parse("edge.toml", out)
	if len(diags) != 0 {
		t.Fatalf("%v\n%s", diags, out)
	}
	cat, _ := Layer(sh)
	base := cat.APIModels["base-model"]
	if base.TrainPerMtok != 25 || base.FTInputPerMtok != 3 || base.FTOutputPerMtok != 6 {
		t.Errorf("ft:base-model not folded into base-model: %+v", base)
	}
	if _, ok := cat.APIModels["ft:orphan"]; !ok || len(cat.Entries) != 2 {
		t.Errorf("want base-model and ft:orphan, got %v", cat.Entries)
	}
	got := map[string]string{}
	for _, s := range skipped {
		got[s.Key] = s.Reason
	}
	want := map[string]string{
		"sample_spec":   "LiteLLM's schema example, not a model",
		"ft:base-model": `folded into "base-model" as its fine-tuning prices`,
		"base-model":    `same id as "Base-Model" after normalisation to lower case`, // sorted keys: upper case first
		"negative":      "input_cost_per_token -1 is not a price",
		"stringy":       "input_cost_per_token is not a number",
		"no-output":     "no per-token prices",
		"odd":           "not a JSON object",
		// 1e308 per token x 1e6 overflows: skipped, never written as +Inf.0.
		"huge": "input_cost_per_token 1e308 is too large: per million tokens it is not a finite number",
		// 1e309 does not fit a float64 at all.
		"huger": "output_cost_per_token 1e309 is not a price",
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: reason %q, want %q", k, got[k], w)
		}
	}
	if len(skipped) != len(want) {
		t.Errorf("skipped %v", skipped)
	}
}

// TestTomlFloatNeverWritesGoInfinity: the writer's fallback for a number
// that should never reach it is TOML that readers refuse, not "+Inf.0".
func TestTomlFloatNeverWritesGoInfinity(t *testing.T) {
	for v, want := range map[float64]string{math.Inf(1): "inf", math.Inf(-1): "-inf", 2.5: "2.5", 3: "3.0"} {
		if got := tomlFloat(v); got != want {
			t.Errorf("tomlFloat(%v) = %q, want %q", v, got, want)
		}
	}
	if got := tomlFloat(math.NaN()); got != "nan" {
		t.Errorf("tomlFloat(NaN) = %q", got)
	}
}

func TestImportLiteLLMErrors(t *testing.T) {
	if _, _, err := ImportLiteLLM(strings.NewReader("{}"), "05/09/2025", "x"); err == nil {
		t.Error("a bad as_of must be an error")
	}
	if _, _, err := ImportLiteLLM(strings.NewReader("[1]"), "2025-09-05", "x"); err == nil {
		t.Error("a JSON array must be an error")
	}
}

// endless is `{"a": "xxxx…` that never ends.
type endless struct{ started bool }

func (e *endless) Read(p []byte) (int, error) {
	n := 0
	if !e.started {
		n, e.started = copy(p, `{"a": "`), true
	}
	for ; n < len(p); n++ {
		p[n] = 'x'
	}
	return n, nil
}

// TestImportStopsAtItsLimit: an endless input stops at MaxImportBytes.
func TestImportStopsAtItsLimit(t *testing.T) {
	_, _, err := ImportLiteLLM(&endless{}, "2025-09-05", "x")
	if err == nil || !strings.Contains(err.Error(), "larger than 64 MiB, the most prices import reads") {
		t.Errorf("endless input: %v", err)
	}
}

// FuzzImportLiteLLM: no input panics, and whatever the import writes is a
// sheet that parses without an error (the +Inf.0 of a 1e308 price was not).
func FuzzImportLiteLLM(f *testing.F) {
	for _, path := range []string{"testdata/litellm-trimmed.json"} {
		if data, err := os.ReadFile(path); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(`{"m": {"mode": "chat", "input_cost_per_token": 1e308, "output_cost_per_token": 1}}`))
	f.Add([]byte(`{"e": {"mode": "embedding", "input_cost_per_token": 1e-9, "output_vector_size": 3}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		out, _, err := ImportLiteLLM(bytes.NewReader(data), "2025-09-05", "fuzz")
		if err != nil {
			return
		}
		if _, diags := Parse("import.toml", out); diags.HasErrors() {
			t.Fatalf("the import does not parse: %v\n%s", diags, out)
		}
	})
}
