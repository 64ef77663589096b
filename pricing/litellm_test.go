package pricing

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/tunecost/tunecost/model"
)

func importFile(t *testing.T, path string) ([]byte, []Skipped, *Sheet) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out, skipped, err := ImportLiteLLM(f, ImportOptions{File: path, AsOf: "2025-09-05", Source: "LiteLLM model_prices_and_context_window.json (2025-09-05)"})
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
	// testdata/TestImportLiteLLMTrimmed.golden; go test -update rewrites it.
	golden.RequireEqual(t, out)
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
	// 1342 api models and 32 embeddings before keys with the maker's own
	// prefix ("openai/gpt-4o") were read as the plain key: 126 such keys now
	// repeat one (1219 + 29 + 126 = 1342 + 32; 327 + 126 = 453 skipped).
	if count[TableAPIModel] != 1219 || count[TableEmbedding] != 29 || len(skipped) != 453 {
		t.Errorf("imported %v, skipped %d; want 1219 api models, 29 embeddings, 453 skipped", count, len(skipped))
	}
	same := 0
	for _, s := range skipped {
		if strings.HasPrefix(s.Reason, "same id as") {
			same++
		}
	}
	if same != 126 {
		t.Errorf("%d keys repeat another, want 126", same)
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
  "deepseek/deepseek-chat": {"mode": "chat", "litellm_provider": "deepseek", "input_cost_per_token": 1e-06, "output_cost_per_token": 2e-06},
  "deepseek-chat": {"mode": "chat", "litellm_provider": "deepseek", "input_cost_per_token": 1e-06, "output_cost_per_token": 2e-06},
  "model-4.5": {"mode": "chat", "input_cost_per_token": 1e-06, "output_cost_per_token": 2e-06},
  "model-4-5": {"mode": "chat", "input_cost_per_token": 1e-06, "output_cost_per_token": 2e-06},
  "tiered": {"mode": "chat", "tiered_pricing": [{"input_cost_per_token": 1e-07, "range": [0, 1000]}]},
  "image": {"mode": "image_generation", "input_cost_per_token": "free"},
  "no-output": {"mode": "chat", "input_cost_per_token": 1e-06},
  "odd": [1, 2]
}`
	out, skipped, err := ImportLiteLLM(strings.NewReader(in), ImportOptions{AsOf: "2025-09-05", Source: "test"})
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
	var ids []string
	for _, e := range cat.Entries {
		ids = append(ids, e.ID)
	}
	if want := []string{"base-model", "deepseek-chat", "ft:orphan", "model-4-5"}; !slices.Equal(ids, want) {
		t.Errorf("imported %v, want %v", ids, want)
	}
	got := map[string]string{}
	for _, s := range skipped {
		got[s.Key] = s.Reason
	}
	const canon = " (ids compare in canonical form: lower case, 4.5 = 4-5)"
	want := map[string]string{
		"sample_spec":            "LiteLLM's schema example, not a model",
		"ft:base-model":          `folded into "base-model" as its fine-tuning prices`,
		"base-model":             `same id as "Base-Model"` + canon, // sorted keys: upper case first
		"deepseek/deepseek-chat": `same id as "deepseek-chat"` + canon,
		"model-4.5":              `same id as "model-4-5"` + canon,
		"tiered":                 "tiered_pricing: the price per token depends on the request's size, and a sheet holds one price",
		"image":                  `mode "image_generation" is not priced per text token`,
		"no-output":              "no per-token prices",
		"odd":                    "not a JSON object",
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
	if _, _, err := ImportLiteLLM(strings.NewReader("{}"), ImportOptions{AsOf: "05/09/2025"}); err == nil {
		t.Error("a bad as_of must be an error")
	}
	if _, _, err := ImportLiteLLM(strings.NewReader("[1]"), ImportOptions{AsOf: "2025-09-05"}); err == nil {
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

// TestImportStopsAtItsLimit: an endless input stops at MaxSourceBytes.
func TestImportStopsAtItsLimit(t *testing.T) {
	_, _, err := ImportLiteLLM(&endless{}, ImportOptions{AsOf: "2025-09-05", Source: "x", File: "x.json"})
	if err == nil || !strings.Contains(err.Error(), "x.json: larger than 32 MiB, the most an import reads") {
		t.Errorf("endless input: %v", err)
	}
}

// fiftyThousand is the campaign's H4 source: 50,000 entries on one line.
func fiftyThousand() []byte {
	var b strings.Builder
	b.WriteString("{")
	for i := range 50000 {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, "\"m%d\":1", i)
	}
	b.WriteString("}")
	return []byte(b.String())
}

// BenchmarkImportLiteLLM50000 (H4): every entry's position by one forward
// pass; 50,000 entries took 15 s when each was counted from the file start.
func BenchmarkImportLiteLLM50000(b *testing.B) {
	data := fiftyThousand()
	b.ResetTimer()
	for range b.N {
		_, skipped, err := ImportLiteLLM(bytes.NewReader(data), ImportOptions{File: "m.json", AsOf: "2025-01-01"})
		if err != nil || len(skipped) != 50000 {
			b.Fatalf("%v, %d skipped", err, len(skipped))
		}
	}
}

// TestPosCursorAgreesWithCounting: the one-pass cursor gives the line and
// column that counting from the start gives, for offsets in order.
func TestPosCursorAgreesWithCounting(t *testing.T) {
	data := []byte("{\n  \"é\": 1,\r\n\t\"日本\": {\"a\": 2},\n\"x\":3}")
	var c posCursor
	for off := int64(-1); off <= int64(len(data))+1; off++ {
		if off > 0 && off < int64(len(data)) && !utf8.RuneStart(data[off]) {
			continue // entries start at a quote, never inside a character
		}
		line, start := 1, 0
		o := min(max(off, 0), int64(len(data)))
		for i := range int(o) {
			if data[i] == '\n' {
				line, start = line+1, i+1
			}
		}
		wantCol := utf8.RuneCount(data[start:o]) + 1
		if l, col := c.at(data, off); l != line || col != wantCol {
			t.Errorf("offset %d: %d:%d, want %d:%d", off, l, col, line, wantCol)
		}
	}
	if l, col := c.at(data, 3); l != 2 || col != 2 {
		t.Errorf("an offset behind the last: %d:%d, want 2:2", l, col)
	}
}

// TestWritableNamesTheLimit (M2): a sheet past the size or the entries
// limit is refused with the limit named, before anything writes it.
func TestWritableNamesTheLimit(t *testing.T) {
	var b strings.Builder
	b.WriteString("[sheet]\nname = \"s\"\ncurrency = \"USD\"\nas_of = 2026-10-01\n")
	for i := range MaxEntries + 1 {
		fmt.Fprintf(&b, "[[api_model]]\nid = \"m%d\"\ninput_per_mtok = 1\noutput_per_mtok = 1\n", i)
	}
	err := Writable([]byte(b.String()))
	if err == nil || !strings.Contains(err.Error(), "more than 20000") {
		t.Errorf("20,001 entries: %v", err)
	}
	for b.Len() <= 2<<20 {
		b.WriteString("# padding\n")
	}
	err = Writable([]byte(b.String()))
	if err == nil || !strings.Contains(err.Error(), "more than the 2 MiB a price sheet may be") {
		t.Errorf("past 2 MiB: %v", err)
	}
	if err := Writable([]byte("[sheet]\nname = \"s\"\ncurrency = \"USD\"\nas_of = 2026-10-01\n")); err != nil {
		t.Errorf("an empty sheet: %v", err)
	}
}

// TestImportRefusesMoreEntriesThanASheetHolds (M2): counted before the
// sheet is written, with the limit named.
func TestImportRefusesMoreEntriesThanASheetHolds(t *testing.T) {
	var b strings.Builder
	b.WriteString("{")
	for i := range MaxEntries + 1 {
		fmt.Fprintf(&b, `"m%d": {"mode": "chat", "input_cost_per_token": 1e-06, "output_cost_per_token": 1e-06},`, i)
	}
	b.WriteString(`"z": 1}`)
	_, _, err := ImportLiteLLM(strings.NewReader(b.String()), ImportOptions{File: "lm.json", AsOf: "2026-07-24"})
	want := "lm.json: the sheet would hold 20001 entries, more than the 20000 a price sheet may (docs/limits.md)"
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("%v, want %q…", err, want)
	}
}
