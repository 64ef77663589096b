package pricing

import (
	"strings"
	"testing"

	"github.com/tunecost/tunecost/model"
)

// LiteLLM's long-context prices are imported as the sheet's tier (MODEL.md
// v3 §1); what a sheet cannot hold is said in the note, never dropped.
func TestImportLiteLLMLongContextTiers(t *testing.T) {
	in := `{
  "two-tiers": {"litellm_provider": "openai", "mode": "chat",
    "input_cost_per_token": 1.25e-06, "output_cost_per_token": 1e-05,
    "input_cost_per_token_above_272k_tokens": 2.5e-06, "output_cost_per_token_above_272k_tokens": 1.5e-05,
    "input_cost_per_token_above_128k_tokens": 2e-06, "output_cost_per_token_above_128k_tokens": 1.2e-05,
    "input_cost_per_token_above_272k_tokens_priority": 5e-06,
    "cache_read_input_token_cost_above_272k_tokens": 2.5e-07},
  "free": {"litellm_provider": "gemini", "mode": "chat", "input_cost_per_token": 0, "output_cost_per_token": 0,
    "input_cost_per_token_above_128k_tokens": 0, "output_cost_per_token_above_128k_tokens": 0},
  "input-only": {"litellm_provider": "vertex_ai", "mode": "chat",
    "input_cost_per_token": 1e-06, "output_cost_per_token": 2e-06,
    "input_cost_per_token_above_128k_tokens": 2e-06}
}`
	out, _, err := ImportLiteLLM(strings.NewReader(in), ImportOptions{AsOf: "2026-07-24", Source: "test"})
	if err != nil {
		t.Fatal(err)
	}
	sh, diags := Parse("import.toml", out)
	if len(diags) != 0 {
		t.Fatalf("%v\n%s", diags, out)
	}
	got := map[string]Entry{}
	for _, e := range sh.Entries {
		got[e.ID] = e
	}
	two := got["two-tiers"].Item.(model.APIModel)
	// The lowest tier with both prices: above 128,000 tokens, 2e-06 and 1.2e-05 per token = 2 and 12 per Mtok.
	if two.LongContextThreshold != 128000 || two.LongInputPerMtok != 2 || two.LongOutputPerMtok != 12 {
		t.Errorf("two-tiers %+v", two)
	}
	if note := got["two-tiers"].Note; !strings.Contains(note, "LiteLLM also prices prompts above 272,000 tokens (input 2.5, output 15 per Mtok); a sheet holds one tier, the lowest") {
		t.Errorf("note %q", note)
	}
	// A tier of zeros is no tier, and says nothing.
	if free := got["free"]; free.Item.(model.APIModel).HasLongContext() || strings.Contains(free.Note, "tier") {
		t.Errorf("free %+v note %q", free.Item, free.Note)
	}
	one := got["input-only"]
	if one.Item.(model.APIModel).HasLongContext() || !strings.Contains(one.Note, "LiteLLM prices only the input above 128,000 prompt tokens: that tier is not imported") {
		t.Errorf("input-only %+v note %q", one.Item, one.Note)
	}
}

// An import merged with a catalog entry keeps its v3 fields (lifecycle,
// tier, managed market): the writer must not drop what LiteLLM lacks.
func TestImportKeepsV3Fields(t *testing.T) {
	base := mustParse(t, "base.toml", head("base", "USD")+`
[[api_model]]
id = "m"
input_per_mtok = 9
output_per_mtok = 9
long_context_threshold = 200000
long_input_per_mtok = 18
long_output_per_mtok = 27
deprecated = 2026-06-11
retires = 2026-12-11
successor = "next"
train_per_mtok = 25
ft_input_per_mtok = 3
ft_output_per_mtok = 12
ft_storage_monthly = 2
ft_min_charge = 5
ft_jobs_end = 2027-01-06

[[api_model]]
id = "next"
input_per_mtok = 1
output_per_mtok = 1
`)
	cat, diags := Layer(base)
	if len(diags) != 0 {
		t.Fatal(diags)
	}
	in := `{"m": {"litellm_provider": "openai", "mode": "chat", "input_cost_per_token": 1e-06, "output_cost_per_token": 2e-06}}`
	out, _, err := ImportLiteLLM(strings.NewReader(in), ImportOptions{AsOf: "2026-07-24", Source: "test", Catalog: cat})
	if err != nil {
		t.Fatal(err)
	}
	sh, diags := Parse("import.toml", out)
	if len(diags) != 0 {
		t.Fatalf("%v\n%s", diags, out)
	}
	m := sh.Entries[0].Item.(model.APIModel)
	want := cat.APIModels["m"]
	want.InputPerMtok, want.OutputPerMtok = 1, 2
	if m != want {
		t.Errorf("got  %+v\nwant %+v", m, want)
	}
}
