package pricing

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
)

// The catalog's integrity: what the built-in sheet promises a budget review
// (fresh figures, each with its source), checked on the TOML itself so a
// default filled in by Parse cannot hide a missing field.

// catalogReviewDay and catalogMaxAge: the review of issue #21 (2026-12-07);
// an entry older than 180 days on that day, i.e. with an as_of before
// 2026-12-07 - 180 days = 2026-06-10 (Dec 7 back 7 days is Nov 30, then
// Oct 31 (30), Sep 30 (31), Aug 31 (30), Jul 31 (31), Jun 30 (31): 160
// days; 20 more is 2026-06-10), must be listed in notRechecked.
var (
	catalogReviewDay = time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)
	catalogMaxAge    = 180 * 24 * time.Hour
)

// notRechecked lists the entries whose figures nobody could re-check against
// a dated source in the late-2026 review. Each must say so in its note; an
// entry that gets re-checked leaves this list (the test fails until it does).
// Pinecone's newest dated read is 2026-06-09, one day past the cut-off;
// Together's is 2026-05-08 and Vertex AI's tuning price 2026-03-09.
var notRechecked = map[string]bool{"pinecone-serverless": true, "together/llama-3.3-70b": true, "vertex/gemini-2.5-flash": true}

func rawBuiltin(t *testing.T) map[string][]map[string]any {
	t.Helper()
	var raw map[string]any
	if _, err := toml.Decode(string(builtinTOML), &raw); err != nil {
		t.Fatal(err)
	}
	out := map[string][]map[string]any{}
	for _, table := range Tables {
		items, _ := raw[string(table)].([]map[string]any)
		out[string(table)] = items
	}
	return out
}

func TestCatalogReviewDateIsTheIssues(t *testing.T) {
	// Guard the constant against a slip: 180 days before 2026-12-07.
	if got := catalogReviewDay.Add(-catalogMaxAge).Format(time.DateOnly); got != "2026-06-10" {
		t.Fatalf("review cut-off %s, want 2026-06-10", got)
	}
}

func TestCatalogFreshOnReviewDay(t *testing.T) {
	for _, e := range Builtin().Entries {
		stale := e.Stale(catalogReviewDay, catalogMaxAge)
		switch {
		case stale && !notRechecked[e.ID]:
			t.Errorf("%s %s: as_of %s is older than 180 days on %s", e.Table, e.ID,
				e.AsOf.Format(time.DateOnly), catalogReviewDay.Format(time.DateOnly))
		case !stale && notRechecked[e.ID]:
			t.Errorf("%s %s was re-checked (as_of %s): take it off notRechecked", e.Table, e.ID, e.AsOf.Format(time.DateOnly))
		case notRechecked[e.ID] && !strings.Contains(e.Note, "unverified"):
			t.Errorf("%s %s is not re-checked: its note must say unverified, got %q", e.Table, e.ID, e.Note)
		}
		if e.AsOf.After(catalogReviewDay) {
			t.Errorf("%s %s: as_of %s is after the review itself (%s)", e.Table, e.ID, e.AsOf.Format(time.DateOnly), catalogReviewDay.Format(time.DateOnly))
		}
	}
}

// Prices, offers and services cite the page they came from; GPUs and open
// models may cite a datasheet or a repository's config.json by name.
func TestCatalogPricesCiteAPage(t *testing.T) {
	for _, table := range []string{"offer", "api_model", "embedding", "vector_db"} {
		for _, m := range rawBuiltin(t)[table] {
			src, _ := m["source"].(string)
			if !strings.Contains(src, "https://") {
				t.Errorf("%s %v: source %q names no page (https://...)", table, m["id"], src)
			}
		}
	}
}

// Every entry the issue asks for is in the catalog.
func TestCatalogCoversLate2026(t *testing.T) {
	want := map[Table][]string{
		TableGPU: {"b200", "mi300x", "h200-sxm"},
		TableOpenModel: {"llama-3.3-70b", "qwen3-8b", "qwen3-14b", "qwen3-32b", "qwen3-30b-a3b",
			"gpt-oss-20b", "gpt-oss-120b", "gemma-3-27b", "mistral-small-3.2-24b"},
		TableOffer: {"aws/p5.4xlarge", "aws/g6e.48xlarge", "aws/p5en.48xlarge", "aws/p6-b200.48xlarge",
			"lambda/gpu_8x_b200_sxm6"},
		TableAPIModel: {"gpt-5", "gpt-5-mini", "gpt-5-nano", "gpt-5.4-mini", "gpt-6-sol", "gpt-6-luna",
			"claude-haiku-5.5", "claude-sonnet-5.5", "claude-opus-5.5",
			"gemini-3.1-pro-preview", "gemini-3.8-flash", "deepseek-flash", "deepseek-v4-pro",
			"fireworks/llama-3.3-70b", "fireworks/qwen3-8b", "fireworks/gpt-oss-120b"},
	}
	have := map[Table]map[string]bool{}
	for _, e := range Builtin().Entries {
		if have[e.Table] == nil {
			have[e.Table] = map[string]bool{}
		}
		have[e.Table][e.ID] = true
	}
	for table, ids := range want {
		for _, id := range ids {
			if !have[table][id] {
				t.Errorf("no %s %q in the built-in catalog", table, id)
			}
		}
	}
}

func num(m map[string]any, key string) float64 {
	switch v := m[key].(type) {
	case int64:
		return float64(v)
	case float64:
		return v
	}
	return 0
}

// TestCatalogMixtureOfExpertsSplits checks MODEL.md section 3's constraints on
// every built-in mixture of experts: E > k >= 1, 0 < Nact < N,
// Pshared >= Pemb and Pemb < N, with Pexp = (N - Nact) * E / (E - k),
// Pshared = N - Pexp, Pemb = vocab * hidden * (1 if tied else 2). It also
// checks that Pexp agrees with config.json's expert weights,
// layers * E * 3 * hidden * expert_intermediate, within 0.5 %.
//
// gpt-oss-20b by hand: Pexp = (20.91 - 4.18) * 32 / 28 = 19.12e9 (config:
// 24 * 32 * 3 * 2880 * 2880 = 19.11e9, plus biases); Pshared = 20.91 - 19.12
// = 1.79e9 >= Pemb = 201088 * 2880 * 2 = 1.158e9.
func TestCatalogMixtureOfExpertsSplits(t *testing.T) {
	moe := 0
	for _, m := range rawBuiltin(t)["open_model"] {
		E, k := num(m, "experts"), num(m, "experts_per_token")
		if E == 0 {
			continue
		}
		moe++
		id := m["id"]
		N, nact := num(m, "params_b")*1e9, num(m, "active_params_b")*1e9
		tied, _ := m["tied_embeddings"].(bool)
		embCopies := 2.0
		if tied {
			embCopies = 1
		}
		pemb := num(m, "vocab") * num(m, "hidden") * embCopies
		if !(E > k && k >= 1) || !(nact > 0 && nact < N) {
			t.Errorf("%v: needs E > k >= 1 and 0 < Nact < N: E %g, k %g, Nact %g, N %g", id, E, k, nact, N)
			continue
		}
		pexp := (N - nact) * E / (E - k)
		if pshared := N - pexp; pshared < pemb || pemb >= N {
			t.Errorf("%v: Pshared %.4g < Pemb %.4g (or Pemb >= N %.4g)", id, pshared, pemb, N)
		}
		fromConfig := num(m, "layers") * E * 3 * num(m, "hidden") * num(m, "expert_intermediate")
		if math.Abs(pexp/fromConfig-1) > 0.005 {
			t.Errorf("%v: Pexp %.4g from params_b/active_params_b, %.4g from config.json's shapes", id, pexp, fromConfig)
		}
	}
	if moe < 3 {
		t.Errorf("%d mixture-of-experts models, want at least 3 (Qwen3-30B-A3B, gpt-oss-20b, gpt-oss-120b)", moe)
	}
}

// denseParams counts a dense decoder's weights from its config.json shapes:
// per layer q and o (hidden x heads*head_dim each), k and v (hidden x
// kv_heads*head_dim each) and a gated MLP (3 x hidden x intermediate), plus
// the embeddings (vocab x hidden, twice unless tied). Norms and biases are
// left out (well under 0.1 %).
func denseParams(m map[string]any) float64 {
	hidden, heads, kv := num(m, "hidden"), num(m, "heads"), num(m, "kv_heads")
	hd := num(m, "head_dim")
	if hd == 0 {
		hd = hidden / heads
	}
	attention := 2*hidden*heads*hd + 2*hidden*kv*hd
	mlp := 3 * hidden * num(m, "intermediate")
	copies := 2.0
	if tied, _ := m["tied_embeddings"].(bool); tied {
		copies = 1
	}
	return num(m, "layers")*(attention+mlp) + num(m, "vocab")*hidden*copies
}

// TestCatalogDenseParamsMatchShapes catches a mistyped layer count or width:
// params_b must be the count of config.json's shapes, or up to 2 % more for a
// multimodal checkpoint's vision tower (Gemma 3 27B: 27.01e9 text + 0.42e9
// SigLIP = 27.43e9; Mistral Small 3.2: 23.57e9 + 0.44e9 = 24.01e9).
// Qwen3 8B by hand: per layer 2*4096*4096 + 2*4096*1024 + 3*4096*12288 =
// 33.55e6 + 8.39e6 + 151.0e6 = 192.9e6; * 36 = 6.945e9; + 151936*4096*2 =
// 1.245e9: 8.19e9.
func TestCatalogDenseParamsMatchShapes(t *testing.T) {
	for _, m := range rawBuiltin(t)["open_model"] {
		if num(m, "experts") != 0 || num(m, "vocab") == 0 {
			continue // vocab is needed to count the embeddings
		}
		counted, stated := denseParams(m), num(m, "params_b")*1e9
		if r := stated / counted; r < 0.995 || r > 1.02 {
			t.Errorf("%v: params_b %.4g but config.json's shapes count %.4g (ratio %.3f)", m["id"], stated, counted, r)
		}
	}
	if got := denseParams(map[string]any{"hidden": int64(4096), "heads": int64(32), "kv_heads": int64(8),
		"head_dim": int64(128), "intermediate": int64(12288), "layers": int64(36), "vocab": int64(151936)}); math.Abs(got-8.190427136e9) > 1 {
		t.Errorf("Qwen3 8B counts %.10g, want 8.190427136e9 (see comment)", got)
	}
}

// A GPU's reported memory sits a little above its marketing GiB or GB figure,
// never below 0.9 of it; FP8 is twice BF16 on every GPU that has it.
func TestCatalogNewGPUsFigures(t *testing.T) {
	for _, m := range rawBuiltin(t)["gpu"] {
		bf16, fp8 := num(m, "bf16_tflops"), num(m, "fp8_tflops")
		// Datasheets round each figure on its own: L40S 733 / 362.05 = 2.025.
		if fp8 != 0 && math.Abs(fp8/bf16-2) > 0.03 {
			t.Errorf("%v: fp8_tflops %g is not 2 x bf16_tflops %g", m["id"], fp8, bf16)
		}
	}
	// B200: 183,359 MiB * 1,048,576 B / 1e9 = 192.27 GB; MI300X: rocm-smi
	// 205,822,885,888 B = 205.82 GB.
	want := map[string]float64{"b200": 192.3, "mi300x": 205.8}
	for _, m := range rawBuiltin(t)["gpu"] {
		if w, ok := want[fmt.Sprint(m["id"])]; ok && num(m, "memory_gb") != w {
			t.Errorf("%v: memory_gb %g, want %g (the memory the GPU reports)", m["id"], num(m, "memory_gb"), w)
		}
	}
}

// Deprecation dates are dates, and a deprecated model's note says so.
func TestCatalogDeprecatedModelsSaySo(t *testing.T) {
	n := 0
	for _, m := range rawBuiltin(t)["api_model"] {
		d, ok := m["deprecated"]
		if !ok {
			continue
		}
		n++
		if _, isDate := d.(time.Time); !isDate {
			t.Errorf("%v: deprecated = %v is not a date", m["id"], d)
		}
		if note, _ := m["note"].(string); !strings.Contains(note, "deprecated") {
			t.Errorf("%v: deprecated but its note does not say so: %q", m["id"], note)
		}
	}
	if n == 0 {
		t.Error("no deprecated model: Anthropic retires claude-sonnet-4.5 on 2026-11-30")
	}
}

// pgvector-vm's fixed bill is one r6i.xlarge month plus 200 GB of gp3, both
// us-east-1 on-demand: $0.252/h x 730 h = $183.96, 200 GB x $0.08 = $16.00,
// so $199.96. A re-check that changes a rate must redo this sum.
func TestCatalogPgvectorBaseIsInstancePlusDisk(t *testing.T) {
	const r6iHourly, hoursPerMonth, gp3PerGBMonth, diskGB = 0.252, 730, 0.08, 200
	want := r6iHourly*hoursPerMonth + gp3PerGBMonth*diskGB
	for _, m := range rawBuiltin(t)["vector_db"] {
		if m["id"] != "pgvector-vm" {
			continue
		}
		if got := num(m, "monthly_base"); math.Abs(got-want) > 1e-9 || math.Abs(got-199.96) > 1e-9 {
			t.Errorf("pgvector-vm monthly_base %g, want %.2f (183.96 + 16.00)", got, want)
		}
		return
	}
	t.Fatal("pgvector-vm is missing from the built-in sheet")
}
