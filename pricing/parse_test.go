package pricing

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/tunecost/tunecost/model"
)

// TestParseBadSheets pins the exact diagnostics of each broken sheet.
func TestParseBadSheets(t *testing.T) {
	cases := []struct {
		file string
		want []string
	}{
		{"bad_id.toml", []string{
			"testdata/bad/bad_id.toml:7:6: gpu #1: id \"H100 SXM\" must be lower-case letters, digits and . _ : / @ - (starting with a letter or digit)",
		}},
		{"currency.toml", []string{
			"testdata/bad/currency.toml:3:12: [sheet]: currency must be three upper-case letters (ISO 4217), got \"usd\"",
		}},
		{"datetime.toml", []string{
			"testdata/bad/datetime.toml:4:9: [sheet]: as_of must be a date (YYYY-MM-DD) without a time",
		}},
		// Names may not hide format characters; a note (prose) may.
		{"invisible.toml", []string{
			`testdata/bad/invisible.toml:2:8: [sheet]: name = "prices\u202e" contains an invisible character (U+202E), which would make it look like another name`,
			`testdata/bad/invisible.toml:8:8: api_model "m": name = "M\u200bodel" contains an invisible character (U+200B), which would make it look like another name`,
		}},
		// Reported on line 3, where the header is (the decoder said 4:12).
		{"unclosed_header.toml", []string{
			`testdata/bad/unclosed_header.toml:3:12: expected '.' or ']' to end table name, but got '\n' instead`,
		}},
		// The decoder keeps note.text and drops note = "b" silently.
		{"redefined.toml", []string{
			`testdata/bad/redefined.toml:11:1: note is defined twice; the first definition is at 10:1`,
		}},
		{"duplicate_id.toml", []string{
			"testdata/bad/duplicate_id.toml:13:6: gpu \"h100\": duplicate id; the first is at line 7",
		}},
		{"embedding_vector_db.toml", []string{
			"testdata/bad/embedding_vector_db.toml:9:7: embedding \"e\": dim must be >= 1, got 0",
			"testdata/bad/embedding_vector_db.toml:10:9: embedding \"e\": as_of must be a date (YYYY-MM-DD), got \"yesterday\"",
			"testdata/bad/embedding_vector_db.toml:12:1: vector_db \"v\": missing required field per_mquery",
			"testdata/bad/embedding_vector_db.toml:14:16: vector_db \"v\": monthly_base must be >= 0, got -50",
		}},
		{"ft_missing.toml", []string{
			"testdata/bad/ft_missing.toml:6:1: api_model \"m\": ft_output_per_mtok is required when train_per_mtok is set",
		}},
		{"ft_without_train.toml", []string{
			"testdata/bad/ft_without_train.toml:10:21: api_model \"m\": ft_hosting_hourly needs train_per_mtok (managed fine-tuning)",
			"testdata/bad/ft_without_train.toml:11:10: api_model \"m\": closed must be true or false, not a string",
		}},
		{"gpu_not_array.toml", []string{
			"testdata/bad/gpu_not_array.toml:6:1: gpu must be an array of tables ([[gpu]]), not a table",
		}},
		{"kv_heads.toml", []string{
			"testdata/bad/kv_heads.toml:13:12: open_model \"m\": heads (32) must be divisible by kv_heads (6)",
		}},
		{"missing_field.toml", []string{
			"testdata/bad/missing_field.toml:6:1: gpu \"h100\": missing required field memory_gb",
		}},
		{"nan_inf.toml", []string{
			"testdata/bad/nan_inf.toml:9:15: gpu \"h100\": bf16_tflops must be a finite number, not NaN",
			"testdata/bad/nan_inf.toml:10:17: gpu \"h100\": bandwidth_gbs must be a finite number, not +Inf",
		}},
		{"no_sheet.toml", []string{
			"testdata/bad/no_sheet.toml:1:1: missing [sheet] table (name, currency, as_of, source)",
		}},
		{"offer_id_gpus.toml", []string{
			"testdata/bad/offer_id_gpus.toml:13:6: offer \"p5\": offer id must be \"provider/instance\", got \"p5\"",
			"testdata/bad/offer_id_gpus.toml:15:8: offer \"p5\": gpus must be a whole number, got 2.5",
		}},
		{"offer_prices.toml", []string{
			"testdata/bad/offer_prices.toml:16:20: offer \"aws/p5\": on_demand_hourly must be > 0, got 0",
			"testdata/bad/offer_prices.toml:17:15: offer \"aws/p5\": spot_hourly must be > 0, got -1",
			"testdata/bad/offer_prices.toml:18:19: offer \"aws/p5\": billing_minutes must be > 0, got 0",
		}},
		{"open_model_whole.toml", []string{
			"testdata/bad/open_model_whole.toml:9:10: open_model \"m\": layers must be >= 1, got 0",
		}},
		{"sheet_as_of.toml", []string{
			"testdata/bad/sheet_as_of.toml:4:9: [sheet]: as_of must be a date (YYYY-MM-DD), got \"2026-13-01\"",
		}},
		{"sheet_unknown.toml", []string{
			"testdata/bad/sheet_unknown.toml:6:1: [sheet]: unknown field \"price\"",
		}},
		{"syntax.toml", []string{
			"testdata/bad/syntax.toml:8:13: expected value but found '=' instead",
		}},
		{"unknown_key.toml", []string{
			"testdata/bad/unknown_key.toml:6:1: gpu \"h100\": missing required field bandwidth_gbs",
			"testdata/bad/unknown_key.toml:10:1: gpu \"h100\": unknown field \"bandwith_gbs\"; did you mean \"bandwidth_gbs\"?",
		}},
		{"unknown_table.toml", []string{
			"testdata/bad/unknown_table.toml:6:1: unknown table \"gpus\"; did you mean \"gpu\"?",
		}},
		{"wrong_type.toml", []string{
			"testdata/bad/wrong_type.toml:8:13: gpu \"h100\": memory_gb must be a number, not a string",
		}},
		{"moe_missing.toml", []string{
			"testdata/bad/moe_missing.toml:6:1: open_model \"moe\": a mixture-of-experts model (experts = 128) needs active_params_b",
			"testdata/bad/moe_missing.toml:6:1: open_model \"moe\": a mixture-of-experts model (experts = 128) needs expert_intermediate",
		}},
		{"moe_k.toml", []string{
			"testdata/bad/moe_k.toml:15:21: open_model \"moe\": experts_per_token (k = 9) must be at least 1 and less than experts (E = 8)",
		}},
		{"moe_dense_fields.toml", []string{
			"testdata/bad/moe_dense_fields.toml:14:21: open_model \"dense\": experts_per_token needs experts (a mixture-of-experts model)",
		}},
		{"moe_shared.toml", []string{
			"testdata/bad/moe_shared.toml:17:19: open_model \"moe\": the parameters every token uses, N − (N − Nact) · E / (E − k) = -1.5 B, are fewer than the embedding parameters vocab · hidden · 2 = 0.6223 B: check active_params_b, experts and vocab",
		}},
		// F9a: link_gbs and network_gbps are > 0 when present (absent: not known).
		{"v3_links.toml", []string{
			"testdata/bad/v3_links.toml:11:12: gpu \"a100\": link_gbs must be > 0, got 0",
			"testdata/bad/v3_links.toml:18:16: offer \"c/a100x8\": network_gbps must be > 0, got -400",
		}},
		{"v2_fields.toml", []string{
			"testdata/bad/v2_fields.toml:11:14: gpu \"v100\": fp8_tflops must be > 0, got 0",
			"testdata/bad/v2_fields.toml:13:1: api_model \"m\": the batch tier needs both batch_input_per_mtok and batch_output_per_mtok; batch_output_per_mtok is missing",
			"testdata/bad/v2_fields.toml:18:14: api_model \"m\": deprecated must be a date (YYYY-MM-DD), got \"soon\"",
		}},
		// MODEL.md v3 §1: lifecycle dates, successors, managed-market fields.
		{"lifecycle.toml", []string{
			`testdata/bad/lifecycle.toml:11:11: api_model "old": retires = 2026-11-01 is before deprecated = 2026-12-01: a model is announced deprecated before it shuts down`,
			`testdata/bad/lifecycle.toml:12:13: api_model "old": successor "old" is the model itself`,
			`testdata/bad/lifecycle.toml:18:13: api_model "m": successor must not be empty (leave it out when the provider names none)`,
			`testdata/bad/lifecycle.toml:19:22: api_model "m": ft_storage_monthly needs train_per_mtok (managed fine-tuning)`,
			`testdata/bad/lifecycle.toml:20:15: api_model "m": ft_jobs_end needs train_per_mtok (managed fine-tuning)`,
			`testdata/bad/lifecycle.toml:29:17: api_model "ft": ft_min_charge must be >= 0, got -1`,
			`testdata/bad/lifecycle.toml:30:15: api_model "ft": ft_jobs_end must be a date (YYYY-MM-DD), got "soon"`,
		}},
		{"long_context.toml", []string{
			`testdata/bad/long_context.toml:10:26: api_model "zero": long_context_threshold must be >= 1, got 0`,
			`testdata/bad/long_context.toml:14:1: api_model "half": long-context prices need all of long_context_threshold, long_input_per_mtok and long_output_per_mtok; long_output_per_mtok is missing`,
		}},
		{"exchange_rate.toml", []string{
			`testdata/bad/exchange_rate.toml:9:8: exchange_rate #1: rate must be > 0, got 0`,
			`testdata/bad/exchange_rate.toml:13:1: exchange_rate #2: missing required field as_of`,
			`testdata/bad/exchange_rate.toml:30:9: exchange_rate #4: a second rate between EUR and USD as of 2026-12-01 in one sheet; the first is at line 19`,
			`testdata/bad/exchange_rate.toml:34:8: exchange_rate #5: from must be three upper-case letters (ISO 4217), got "usd"`,
			`testdata/bad/exchange_rate.toml:39:1: exchange_rate #5: unknown field "fee"`,
			`testdata/bad/exchange_rate.toml:44:8: exchange_rate #6: rate = 1e+12 is implausible: one currency unit is worth between 1e-9 and 1e9 of another`,
		}},
	}
	files, _ := filepath.Glob("testdata/bad/*.toml")
	if len(files) != len(cases) {
		t.Errorf("%d files under testdata/bad, %d cases: every bad sheet needs a case", len(files), len(cases))
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			path := filepath.Join("testdata", "bad", c.file)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			_, diags := Parse(path, data)
			var got []string
			for _, d := range diags {
				got = append(got, d.String())
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("got\n\t%q\nwant\n\t%q", got, c.want)
			}
		})
	}
}

func TestParseGoodSheet(t *testing.T) {
	data := []byte(`[sheet]
name = "mine"
currency = "EUR"
as_of = "2026-02-03"
source = "quote from our reseller"

[[gpu]]
id = "h100-sxm"
memory_gb = 80
bf16_tflops = 989.0
bandwidth_gbs = 3350

[[offer]]
id = "acme/8x-h100"
gpu = "h100-sxm"
gpus = 8.0
on_demand_hourly = 20
reserved_hourly = 15
as_of = 2026-03-04
note = "negotiated"

[[open_model]]
id = "tiny"
params_b = 0.5
layers = 2
hidden = 100
intermediate = 400
heads = 3
kv_heads = 1
head_dim = 32

[[api_model]]
id = "ft-able"
input_per_mtok = 0
output_per_mtok = 0
train_per_mtok = 1
ft_input_per_mtok = 0
ft_output_per_mtok = 0
closed = true
`)
	sh, diags := Parse("mine.toml", data)
	if len(diags) != 0 {
		t.Fatalf("unexpected diagnostics: %v", diags)
	}
	if sh.Name != "mine" || sh.Currency != "EUR" || !sh.AsOf.Equal(time.Date(2026, 2, 3, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("header = %q %q %v", sh.Name, sh.Currency, sh.AsOf)
	}
	if len(sh.Entries) != 4 {
		t.Fatalf("got %d entries, want 4", len(sh.Entries))
	}
	gpu := sh.Entries[0]
	if gpu.Source != "quote from our reseller" || !gpu.AsOf.Equal(sh.AsOf) || gpu.Line != 7 || gpu.Col != 1 {
		t.Errorf("gpu entry defaults: %+v", gpu)
	}
	offer := sh.Entries[1]
	want := model.Offer{ID: "acme/8x-h100", GPU: "h100-sxm", GPUs: 8, OnDemandHourly: 20, ReservedHourly: 15, BillingMinutes: 1}
	if offer.Item != want || offer.Note != "negotiated" || offer.AsOf.Day() != 4 || offer.Provider() != "acme" {
		t.Errorf("offer = %+v", offer)
	}
	if line, col := offer.FieldPos("gpu"); line != 15 || col != 7 {
		t.Errorf("offer gpu at %d:%d, want 15:7", line, col)
	}
	if api := sh.Entries[3]; !api.Closed || !api.Item.(model.APIModel).Managed() {
		t.Errorf("api model = %+v", api)
	}
}

func TestParseInlineArray(t *testing.T) {
	data := []byte("embedding = [{id = \"e\", per_mtok = 0.1, dim = 8}]\n" +
		"[sheet]\ncurrency = \"USD\"\nas_of = 2026-01-01\n")
	sh, diags := Parse("inline.toml", data)
	if len(diags) != 0 || len(sh.Entries) != 1 || sh.Name != "inline" {
		t.Fatalf("diags %v, sheet %+v", diags, sh)
	}
}

func TestStale(t *testing.T) {
	e := Entry{AsOf: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	// 2026-01-01 + 180 days = 2026-06-30.
	if e.Stale(time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC), StaleAfter) {
		t.Error("180 days old is not stale")
	}
	if !e.Stale(time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC), StaleAfter) {
		t.Error("181 days old is stale")
	}
}

// TestParsePositionsBeyondOneKeyPerLine: inline tables and dotted keys still
// get the value's own line and column (columns count runes).
func TestParsePositionsBeyondOneKeyPerLine(t *testing.T) {
	data := []byte("embedding = [{id = \"é\", per_mtok = -1, dim = 8}]\n" +
		"[sheet]\ncurrency = \"USD\"\nas_of = 2026-01-01\n" +
		"[[gpu]]\nid = \"g\"\nmemory_gb = 1\nbf16_tflops = 1\nbandwidth_gbs = 1\nnote.x = \"ü\"\n")
	_, diags := Parse("p.toml", data)
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	want := []string{
		`p.toml:1:20: embedding #1: id "é" must be lower-case letters, digits and . _ : / @ - (starting with a letter or digit)`,
		`p.toml:1:36: embedding #1: per_mtok must be >= 0, got -1`,
		`p.toml:10:1: gpu "g": note must be a string, not a table`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n\t%q\nwant\n\t%q", got, want)
	}
}

// TestParseV2Fields reads every field version 2 of the model added to the
// sheets: fp8_tflops, vocab and tying, the mixture-of-experts fields, batch
// prices and deprecated. The MoE numbers are Qwen3-30B-A3B's config.json.
func TestParseV2Fields(t *testing.T) {
	data := []byte(`[sheet]
currency = "USD"
as_of = 2026-11-01

[[gpu]]
id = "h100-sxm"
memory_gb = 85.5
bf16_tflops = 989
fp8_tflops = 1979
bandwidth_gbs = 3350

[[open_model]]
id = "qwen3-30b-a3b"
params_b = 30.5
active_params_b = 3.3
layers = 48
hidden = 2048
heads = 32
kv_heads = 4
head_dim = 128
vocab = 151936
tied_embeddings = false
experts = 128
experts_per_token = 8
expert_intermediate = 768

[[api_model]]
id = "m"
input_per_mtok = 2
output_per_mtok = 8
batch_input_per_mtok = 1
batch_output_per_mtok = 4
deprecated = 2027-03-31
`)
	sh, diags := Parse("v2.toml", data)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	g := sh.Entries[0].Item.(model.GPU)
	m := sh.Entries[1].Item.(model.OpenModel)
	a := sh.Entries[2].Item.(model.APIModel)
	if g.FP8TFLOPS != 1979 {
		t.Errorf("fp8_tflops = %g", g.FP8TFLOPS)
	}
	want := model.OpenModel{ID: "qwen3-30b-a3b", ParamsB: 30.5, ActiveParamsB: 3.3, Layers: 48, Hidden: 2048, Heads: 32, KVHeads: 4,
		HeadDim: 128, Vocab: 151936, Experts: 128, ExpertsPerToken: 8, ExpertIntermediate: 768}
	if m != want {
		t.Errorf("open_model = %+v, want %+v", m, want)
	}
	if !a.HasBatch() || a.BatchInputPerMtok != 1 || a.BatchOutputPerMtok != 4 || !a.Deprecated.Equal(time.Date(2027, 3, 31, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("api_model = %+v", a)
	}
}
