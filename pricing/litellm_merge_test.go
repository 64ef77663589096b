package pricing

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/tunecost/tunecost/model"
)

// importMerged imports the real 2026-07-24 subset merged with the catalog
// of sheets (built-in first) and returns that catalog with the import on top.
func importMerged(t *testing.T, sheets ...*Sheet) (*Catalog, []Skipped, []byte) {
	t.Helper()
	base, diags := Layer(append([]*Sheet{Builtin()}, sheets...)...)
	if len(diags) != 0 {
		t.Fatal(diags)
	}
	f, err := os.Open("testdata/litellm-2026-07-24-subset.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out, skipped, err := ImportLiteLLM(f, ImportOptions{File: "subset.json", AsOf: "2026-07-24", Source: "LiteLLM 2026-07-24", Catalog: base})
	if err != nil {
		t.Fatal(err)
	}
	imported, diags := Parse("import.toml", out)
	if len(diags) != 0 {
		t.Fatalf("%v\n%s", diags, out)
	}
	cat, diags := Layer(append(append([]*Sheet{Builtin()}, sheets...), imported)...)
	if len(diags) != 0 {
		t.Fatal(diags)
	}
	return cat, skipped, out
}

// The built-in gpt-4.1-mini has fine-tuning prices, ft_closed and latency;
// LiteLLM's entry has none of them. Layered, the import must keep them.
func TestImportKeepsBuiltinFineTuningPrices(t *testing.T) {
	cat, _, _ := importMerged(t)
	e, _ := cat.Lookup(TableAPIModel, "gpt-4.1-mini")
	m := e.Item.(model.APIModel)
	// LiteLLM: input 4e-07, output 1.6e-06, cache read 1e-07 per token
	// = 0.4, 1.6 and 0.1 per Mtok; built-in: train 5, tuned 0.8 / 3.2, 450 ms, 90 tok/s.
	// Batch: 2e-07 and 8e-07 per token = 0.2 and 0.8 per Mtok.
	want := model.APIModel{ID: "gpt-4.1-mini", InputPerMtok: 0.4, OutputPerMtok: 1.6, CachedInputPerMtok: 0.1,
		BatchInputPerMtok: 0.2, BatchOutputPerMtok: 0.8, TrainPerMtok: 5, FTInputPerMtok: 0.8, FTOutputPerMtok: 3.2, TTFTms: 450, OutputTokensPerS: 90, FTClosed: true}
	if m != want {
		t.Errorf("gpt-4.1-mini = %+v\nwant %+v", m, want)
	}
	if e.Sheet != "LiteLLM import" || !e.FTClosed || e.Name != "OpenAI GPT-4.1 mini" || !strings.Contains(e.Note, "fine-tuning closed") {
		t.Errorf("gpt-4.1-mini entry = sheet %q, name %q, note %q, ft_closed %v", e.Sheet, e.Name, e.Note, e.FTClosed)
	}
}

// A --prices sheet's entry is merged too: LiteLLM's token prices replace the
// contract's 9/9, everything LiteLLM lacks stays as the contract says.
func TestImportMergesWithPricesSheet(t *testing.T) {
	data, err := os.ReadFile("testdata/import/negotiated.toml")
	if err != nil {
		t.Fatal(err)
	}
	neg, diags := Parse("negotiated.toml", data)
	if len(diags) != 0 {
		t.Fatal(diags)
	}
	cat, _, _ := importMerged(t, neg)
	e, _ := cat.Lookup(TableAPIModel, "gpt-4.1-mini")
	want := model.APIModel{ID: "gpt-4.1-mini", InputPerMtok: 0.4, OutputPerMtok: 1.6, CachedInputPerMtok: 0.1,
		BatchInputPerMtok: 0.2, BatchOutputPerMtok: 0.8, TrainPerMtok: 4, FTInputPerMtok: 0.7, FTOutputPerMtok: 2.9, FTHostingHourly: 1.5, TTFTms: 420, OutputTokensPerS: 95, FTClosed: true}
	if m := e.Item.(model.APIModel); m != want {
		t.Errorf("gpt-4.1-mini = %+v\nwant %+v", m, want)
	}
	// The note was written about the contract's prices: it is carried, marked as such.
	if e.Name != "GPT-4.1 mini (contract)" || e.Note != `contract rates until 2027 [note carried from sheet "negotiated", as_of 2026-05-01; the prices are the import's]` {
		t.Errorf("name %q, note %q: the contract's are kept", e.Name, e.Note)
	}
}

// LiteLLM's claude-haiku-4-5 is the catalog's claude-haiku-4.5: one entry.
func TestImportMatchesCanonicalIDs(t *testing.T) {
	cat, _, out := importMerged(t)
	if _, ok := cat.Lookup(TableAPIModel, "claude-haiku-4-5"); ok || bytes.Contains(out, []byte(`"claude-haiku-4-5"`)) {
		t.Error("claude-haiku-4-5 imported as a second entry")
	}
	e, _ := cat.Lookup(TableAPIModel, "claude-haiku-4.5")
	m := e.Item.(model.APIModel)
	// LiteLLM: 1e-06 in, 5e-06 out, 1e-07 cache read = 1, 5, 0.1 per Mtok; built-in latency 500 ms, 120 tok/s.
	if e.Sheet != "LiteLLM import" || m.InputPerMtok != 1 || m.OutputPerMtok != 5 || m.CachedInputPerMtok != 0.1 || m.TTFTms != 500 || m.OutputTokensPerS != 120 {
		t.Errorf("claude-haiku-4.5 = %+v from %q", m, e.Sheet)
	}
	if _, ok := cat.Lookup(TableAPIModel, "azure_ai/claude-haiku-4-5"); !ok {
		t.Error("another seller's prefix is kept: azure_ai/claude-haiku-4-5 is its own entry")
	}
	for _, c := range []struct{ a, b string }{{"claude-haiku-4.5", "claude-haiku-4-5"}, {"GPT-4.1", "gpt-4-1"}, {"v1.2b", "v1-2b"}} {
		if CanonicalID(c.a) != CanonicalID(c.b) {
			t.Errorf("CanonicalID(%q) != CanonicalID(%q)", c.a, c.b)
		}
	}
	if CanonicalID("gpt-4o.mini") == CanonicalID("gpt-4o-mini") {
		t.Error("a '.' not between digits is kept")
	}
}

// An id the catalog gives another kind of model is skipped with the reason.
func TestImportSkipsAnotherKindsID(t *testing.T) {
	in := `{"llama-3.1-8b": {"mode": "chat", "litellm_provider": "x", "input_cost_per_token": 1e-07, "output_cost_per_token": 1e-07}}`
	base, _ := Layer(Builtin())
	out, skipped, err := ImportLiteLLM(strings.NewReader(in), ImportOptions{AsOf: "2026-07-24", Catalog: base})
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(out, []byte("llama")) || len(skipped) != 1 ||
		skipped[0].Reason != `the catalog's open_model "llama-3.1-8b" (sheet "tunecost built-in") has this id; a model id names one kind of model` {
		t.Errorf("skipped %v", skipped)
	}
}

// Bad input is one positioned error line per problem, and no sheet.
func TestImportLiteLLMBadInput(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"nan", `{"m": {"mode": "chat", "input_cost_per_token": NaN}}`,
			`bad.json:1:47: malformed JSON: invalid character 'N' looking for beginning of value`},
		{"truncated", `{"m": {"mode": "chat"`, `bad.json:1:22: malformed JSON: unexpected end of file`},
		{"array", `[1]`, `bad.json:1:1: LiteLLM's price map must be a JSON object of models`},
		{"trailing", `{} {}`, `bad.json:1:4: malformed JSON: data after the top-level object`},
		{"empty", "", `bad.json:1:1: malformed JSON: unexpected end of file`},
	}
	for _, c := range cases {
		out, _, err := ImportLiteLLM(strings.NewReader(c.in), ImportOptions{File: "bad.json", AsOf: "2026-07-24"})
		if err == nil || err.Error() != c.want || out != nil {
			t.Errorf("%s: err %v, want %q (out %d bytes)", c.name, err, c.want, len(out))
		}
	}
	big := bytes.Repeat([]byte(" "), 50<<20)
	_, _, err := ImportLiteLLM(bytes.NewReader(big), ImportOptions{File: "big.json", AsOf: "2026-07-24"})
	if err == nil || err.Error() != "big.json: larger than 32 MiB, the most an import reads (is this the right file?)" {
		t.Errorf("50 MB: %v", err)
	}
}

// TestImportSkipsOneBadEntry (M7): an entry whose price is not one, or
// whose key holds a control character, is skipped with its reason (at its
// line and column) and the rest imported, as docs/limits.md says.
func TestImportSkipsOneBadEntry(t *testing.T) {
	good := `"ok": {"mode": "chat", "input_cost_per_token": 1e-06, "output_cost_per_token": 2e-06}`
	cases := []struct{ name, entry, key, reason string }{
		{"overflow", `"m": {"mode": "chat", "input_cost_per_token": 1e308, "output_cost_per_token": 1e-06}`,
			"m", "2:3: input_cost_per_token 1e308 is not a plausible price"},
		{"negative", `"m": {"mode": "chat", "input_cost_per_token": -1, "output_cost_per_token": 1e-06}`,
			"m", "2:3: input_cost_per_token -1 is not a price (a number >= 0)"},
		{"string", `"m": {"mode": "chat", "input_cost_per_token": "0.1", "output_cost_per_token": 1e-06}`,
			"m", "2:3: input_cost_per_token is not a number"},
		{"batch", `"m": {"mode": "chat", "input_cost_per_token": 1e-06, "output_cost_per_token": 1e-06, "input_cost_per_token_batches": -2}`,
			"m", "2:3: input_cost_per_token_batches -2 is not a price (a number >= 0)"},
		{"control", `"a\u0007b": {"mode": "chat"}`, "a\ab", "2:3: the key contains a control character"},
	}
	for _, c := range cases {
		in := "{\n  " + c.entry + ",\n  " + good + "\n}"
		out, skipped, err := ImportLiteLLM(strings.NewReader(in), ImportOptions{File: "bad.json", AsOf: "2026-07-24"})
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if !bytes.Contains(out, []byte(`id = "ok"`)) {
			t.Errorf("%s: the good entry is not imported:\n%s", c.name, out)
		}
		if len(skipped) != 1 || skipped[0].Key != c.key || skipped[0].Reason != c.reason {
			t.Errorf("%s: skipped %q, want %q: %q", c.name, skipped, c.key, c.reason)
		}
	}
}

// TestImportLiteLLMOddValues (L7): a price of -0.0 is written as 0; an
// implausible dimension says so; a provider's escape sequence and bidi
// override never reach the written note.
func TestImportLiteLLMOddValues(t *testing.T) {
	in := `{"z": {"mode": "chat", "input_cost_per_token": 1e-06, "output_cost_per_token": -0.0},
 "e": {"mode": "embedding", "input_cost_per_token": 1e-06, "output_vector_size": 99999999999},
 "p": {"mode": "chat", "litellm_provider": "x\u001b]0;t\u0007\u202ey", "input_cost_per_token": 1e-06, "output_cost_per_token": 1e-06}}`
	out, skipped, err := ImportLiteLLM(strings.NewReader(in), ImportOptions{File: "odd.json", AsOf: "2026-07-24"})
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(out, []byte("= -0")) || !bytes.Contains(out, []byte("output_per_mtok = 0.0\n")) {
		t.Errorf("-0.0 written as:\n%s", out)
	}
	if bytes.Contains(out, []byte("]0;")) || bytes.Contains(out, []byte("\u202e")) || bytes.Contains(out, []byte("\\u202e")) || bytes.Contains(out, []byte("\\e")) {
		t.Errorf("the provider's escape sequence reached the note:\n%s", out)
	}
	want := Skipped{Key: "e", Reason: "output_vector_size 99999999999 is not a plausible dimension"}
	if !slices.Contains(skipped, want) {
		t.Errorf("skipped %q, want %q", skipped, want)
	}
}

// LiteLLM's deprecation_date becomes the sheet's deprecated date.
func TestImportCarriesDeprecation(t *testing.T) {
	cat, _, _ := importMerged(t)
	e, _ := cat.Lookup(TableAPIModel, "gpt-3.5-turbo-1106")
	if d := e.Item.(model.APIModel).Deprecated; d.Format("2006-01-02") != "2026-09-28" {
		t.Errorf("gpt-3.5-turbo-1106 deprecated %v, want 2026-09-28", d)
	}
}

// FuzzImportMerged: no input panics, and whatever the import writes, merged
// with the built-in catalog, parses and layers without an error.
func FuzzImportMerged(f *testing.F) {
	if data, err := os.ReadFile("testdata/litellm-2026-07-24-subset.json"); err == nil {
		f.Add(data)
	}
	f.Add([]byte(`{"gpt-4-1-mini": {"mode": "chat", "input_cost_per_token": 1e-300, "output_cost_per_token": 1, "input_cost_per_token_batches": 0}}`))
	f.Add([]byte(`{"m": {"mode": "chat", "input_cost_per_token": 1e308, "output_cost_per_token": 1}}`))
	base, _ := Layer(Builtin())
	f.Fuzz(func(t *testing.T, data []byte) {
		out, _, err := ImportLiteLLM(bytes.NewReader(data), ImportOptions{AsOf: "2026-07-24", Source: "fuzz", Catalog: base})
		if err != nil {
			return
		}
		sh, diags := Parse("import.toml", out)
		if diags.HasErrors() {
			t.Fatalf("the import does not parse: %v\n%s", diags, out)
		}
		if _, diags := Layer(Builtin(), sh); diags.HasErrors() {
			t.Fatalf("the import does not layer: %v\n%s", diags, out)
		}
	})
}
