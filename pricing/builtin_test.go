package pricing

import (
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/tunecost/tunecost/model"
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
	least := map[Table]int{TableGPU: 11, TableOffer: 27, TableOpenModel: 16, TableAPIModel: 33, TableEmbedding: 3, TableVectorDB: 2}
	for table, n := range least {
		if count[table] < n {
			t.Errorf("%d %s entries, want at least %d", count[table], table, n)
		}
	}
	if count[TableEmbedding] != 3 || count[TableVectorDB] != 2 {
		t.Errorf("counts %v: want exactly 3 embeddings, 2 vector dbs", count)
	}
	if len(providers) < 6 {
		t.Errorf("offers from %d providers, want at least 6: %v", len(providers), providers)
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
		"gcp/a3-highgpu-8g", "azure/nd96isr_h100_v5", "pgvector-vm",
		"nebius/h200-1x", "nebius/b200-1x", "nebius/l40s-1x", "nebius/gpt-oss-20b"}
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
	tied := map[string]bool{"gemma-3-27b": true, "gemma-4-31b": true}
	for id, m := range cat.OpenModels {
		if m.Vocab < 32000 || m.TiedEmbeddings != tied[id] {
			t.Errorf("%s: vocab %d tied %v; want a vocabulary of at least 32,000, tied %v", id, m.Vocab, m.TiedEmbeddings, tied[id])
		}
	}
}

// TestBuiltinV3Links: every GPU has link_gbs (F9a), and a full fine-tune
// spread over six 1-GPU instances waits on their network instead of running
// as fast as one NVLink box (issue #20).
func TestBuiltinV3Links(t *testing.T) {
	cat, _ := Layer(Builtin())
	for id, g := range cat.GPUs {
		if g.LinkGBs <= 0 {
			t.Errorf("gpu %s has no link_gbs", id)
		}
	}
	if got := cat.Offers["aws/p4d.24xlarge"].NetworkGbps; got != 400 {
		t.Errorf("aws/p4d.24xlarge network_gbps = %g, want 400 (MODEL.md §1)", got)
	}
	if got := cat.Offers["aws/p5.48xlarge"].NetworkGbps; got != 3200 {
		t.Errorf("aws/p5.48xlarge network_gbps = %g, want 3200 (MODEL.md §1)", got)
	}
	// Full fine-tune of Llama-3.1-8B on six aws/p5.4xlarge (1 H100, 100 Gb/s each):
	// B = 0.8 · min(450, 100 / 8) = 10 GB/s; V = 3 · 2 · 8.03e9 · 5/6 = 40.15 GB per round;
	// R = 1e7 / (4096 · 6) = 406.9 rounds → comm ≈ 0.45 h against compute
	// 8 · 8.03e9 · 1e7 / (989e12 · 0.45) / 6 / 3600 ≈ 0.067 h.
	six := fullOnSix(t, &cat.Catalog, "aws/p5.4xlarge")
	if six.CommHours <= six.ComputeHours {
		t.Errorf("six 1-GPU p5.4xlarge: comm %.3f h ≤ compute %.3f h: must be communication-bound", six.CommHours, six.ComputeHours)
	}
	// The same six GPUs in one NVLink box: B = 0.8 · 450 = 360 GB/s, compute-bound.
	box := fullOnSix(t, &cat.Catalog, "aws/p5.48xlarge")
	if box.CommHours >= box.ComputeHours {
		t.Errorf("one p5.48xlarge: comm %.3f h ≥ compute %.3f h: NVLink should keep it compute-bound", box.CommHours, box.ComputeHours)
	}
}

func fullOnSix(t *testing.T, cat *model.Catalog, offer string) *model.TrainingRun {
	t.Helper()
	o := model.Option{Name: "full", Kind: model.FineTune, BaseModel: "llama-3.1-8b", Method: "full", LoraRank: 16, LoraTargets: "all-linear",
		TrainExamples: 10000, TokensPerExample: 1000, Epochs: 1, CurationHours: 10, GoldenSetExamples: 0, ExperimentCycles: 1,
		TrainOffer: offer, Pricing: "on_demand", MFU: 0.45, TrainGPUs: 6, TrainPrecision: "bf16", GradientCheckpointing: true,
		MicroBatchTokens: 4096, Sharding: "zero3", MemoryOverheadGB: 1, TrainableStateBytes: 16, RunOverheadHours: 0.25,
		ServeOffer: "aws/g6e.xlarge", ServePricing: "on_demand", ServePrecision: "bf16", KVPrecision: "bf16", Batch: 16, MinReplicas: 1,
		Utilization: 0.6, Merged: true, Adapters: 1, FP8Efficiency: 0.8, BandwidthEfficiency: 0.75, PrefillEfficiency: 0.6, APITier: "standard"}
	s := model.Scenario{Name: "six", Currency: "USD", HorizonMonths: 1,
		Workload: model.Workload{QueriesPerMonth: 1000, InputTokens: 500, OutputTokens: 200, PeakToAverage: 3},
		Team:     model.Team{HourlyRate: 100, ExpertHourlyRate: 100}, Options: []model.Option{o}}
	res, err := model.Evaluate(s, *cat)
	if err != nil {
		t.Fatal(err)
	}
	return res.Options[0].Training
}

// TestBuiltinAuditCorrections pins the seven entries the 2026-12 price audit
// found more than 10 % off (findings/prices-audit-2026-12.md) to the dated
// sources docs/reference-figures.md names, so a later edit cannot drift back.
func TestBuiltinAuditCorrections(t *testing.T) {
	cat, _ := Layer(Builtin())
	offers := map[string][2]float64{
		// a3-highgpu-1g list price read 2026-09-26: GPU $5.8632 + 26 vCPU +
		// 234 GiB = $10.9791/GPU-h (spot $6.571): 8 x 10.9791 = 87.8328,
		// 8 x 6.571 = 52.568.
		"gcp/a3-highgpu-8g": {87.8328, 52.568},
		// runpod.io/pricing, the newest dated reads (2026-10-19 through RunPod's
		// API, 2026-11-09): H100 SXM Secure $3.99, Community $2.69; A100 SXM
		// $1.79 / $1.39; the 8-GPU offers are 8 x these (the audit's 2026-09-25
		// read of $3.49 / $1.59 is older: docs/reference-figures.md).
		"runpod/h100-sxm-1x":  {3.99, 2.69},
		"runpod/h100-sxm-8x":  {31.92, 21.52},
		"runpod/a100-80gb-1x": {1.79, 1.39},
		"runpod/a100-80gb-8x": {14.32, 11.12},
	}
	for id, want := range offers {
		o := cat.Offers[id]
		if !near(o.OnDemandHourly, want[0]) || !near(o.SpotHourly, want[1]) {
			t.Errorf("%s: on demand %g, spot %g; the dated source gives %g and %g", id, o.OnDemandHourly, o.SpotHourly, want[0], want[1])
		}
	}
	// Gemini 3.8 Flash until 2026-12-31: $0.75 / $3.75, cache hits $0.075
	// (the 2027 price, twice this, is in the note).
	g := cat.APIModels["gemini-3.8-flash"]
	if !near(g.InputPerMtok, 0.75) || !near(g.OutputPerMtok, 3.75) || !near(g.CachedInputPerMtok, 0.075) {
		t.Errorf("gemini-3.8-flash %+v: want today's $0.75 / $3.75, cached $0.075", g)
	}
	// Fireworks' 4B-16B serverless tier (docs.fireworks.ai, 2026-09-25) is
	// $0.20; a LoRA fine-tune is served on a dedicated H100 at $8.00/h, not
	// per token.
	f := cat.APIModels["fireworks/llama-3.1-8b"]
	if !near(f.InputPerMtok, 0.20) || f.FTInputPerMtok != 0 || f.FTOutputPerMtok != 0 || !near(f.FTHostingHourly, 8) {
		t.Errorf("fireworks/llama-3.1-8b %+v: want $0.20 serverless, fine-tunes on an $8.00/h deployment", f)
	}
}

// near says whether got is within 10 % of want, the audit's tolerance.
func near(got, want float64) bool {
	return got >= want*0.9 && got <= want*1.1
}

// TestBuiltinLifecycle pins the provider-published dates the 2026-12 audit
// found (OpenAI deprecations page, Anthropic model pages; sources in each
// entry): what `check` turns into errors and warnings (MODEL.md v3 §8).
func TestBuiltinLifecycle(t *testing.T) {
	cat, diags := Layer(Builtin())
	if len(diags) != 0 {
		t.Fatal(diags)
	}
	type life struct{ deprecated, retires, successor, jobsEnd string }
	want := map[string]life{
		"gpt-4.1-nano":      {"", "2026-10-23", "gpt-5.6-luna", "2027-01-06"},
		"gpt-5":             {"2026-06-11", "2026-12-11", "gpt-6.1-sol", ""},
		"gpt-5-mini":        {"2026-06-11", "2026-12-11", "", ""},
		"gpt-5-nano":        {"2026-06-11", "2026-12-11", "", ""},
		"gpt-4o":            {"2026-10-14", "2027-01-14", "gpt-6-luna", "2027-01-06"},
		"gpt-4o-mini":       {"2026-10-14", "2027-01-14", "gpt-6-luna", "2027-01-06"},
		"gpt-4.1":           {"2026-10-14", "2027-01-14", "gpt-6-luna", "2027-01-06"},
		"gpt-4.1-mini":      {"2026-10-14", "2027-01-14", "gpt-6-luna", "2027-01-06"},
		"claude-sonnet-4.5": {"", "2026-11-30", "claude-sonnet-5.5", ""},
		"claude-opus-4.5":   {"2026-11-23", "2027-01-22", "", ""},
	}
	for id, w := range want {
		m, ok := cat.APIModels[id]
		if !ok {
			t.Errorf("%s: not in the built-in sheet", id)
			continue
		}
		got := life{m.Deprecated.Format(time.DateOnly), m.Retires.Format(time.DateOnly), m.Successor, m.FTJobsEnd.Format(time.DateOnly)}
		for _, p := range []*string{&got.deprecated, &got.retires, &got.jobsEnd} {
			if *p == (time.Time{}).Format(time.DateOnly) {
				*p = ""
			}
		}
		if got != w {
			t.Errorf("%s: lifecycle %+v, want %+v", id, got, w)
		}
	}
}

// TestBuiltinManagedFineTuningProviders: the managed fine-tuning market the
// sheet prices (issue #21 item 3). OpenAI's models carry no prefix.
func TestBuiltinManagedFineTuningProviders(t *testing.T) {
	providers := map[string]bool{}
	for _, e := range Builtin().Entries {
		m, ok := e.Item.(model.APIModel)
		if !ok || !m.Managed() {
			continue
		}
		provider, _, found := strings.Cut(e.ID, "/")
		if !found {
			provider = "openai"
		}
		providers[provider] = true
	}
	for _, p := range []string{"openai", "fireworks", "together", "vertex", "bedrock", "nebius"} {
		if !providers[p] {
			t.Errorf("no managed fine-tuning price from %s: %v", p, providers)
		}
	}
	// Bedrock stores each custom model for $1.95 a month and serves it on
	// demand; Fireworks, Together and Nebius serve a LoRA fine-tune on a
	// dedicated deployment by the hour, not per token.
	cat, _ := Layer(Builtin())
	if b := cat.APIModels["bedrock/nova-2-lite"]; b.FTStorageMonthly != 1.95 || b.FTHostingHourly != 0 {
		t.Errorf("bedrock/nova-2-lite %+v", b)
	}
	for _, id := range []string{"fireworks/qwen3-8b", "together/llama-3.3-70b", "nebius/gpt-oss-20b"} {
		if m := cat.APIModels[id]; m.FTHostingHourly <= 0 || m.FTInputPerMtok != 0 || m.FTOutputPerMtok != 0 {
			t.Errorf("%s %+v: a dedicated deployment by the hour, no per-token fine-tuned price", id, m)
		}
	}
	// Nebius: $2.00 per 1M training tokens (a job billed 0.05311 M tokens at
	// $0.10622 = $2.00/M) and one H100 endpoint at $4.05/h.
	if n := cat.APIModels["nebius/gpt-oss-20b"]; n.TrainPerMtok != 2.00 || n.FTHostingHourly != 4.05 {
		t.Errorf("nebius/gpt-oss-20b %+v", n)
	}
}

// TestBuiltinNewOffers pins the offers the late-2026 review added or moved
// (issue #21 item 4; sources in docs/reference-figures.md): a B300 and its
// GPU, and Nebius' prices after its change of 2026-10-01.
func TestBuiltinNewOffers(t *testing.T) {
	cat, _ := Layer(Builtin())
	// AWS p6-b300 GpuInfo: 275,040 MiB x 1,048,576 B = 288.40 GB; HGX B300
	// dense BF16 2,250 TFLOPS (4,500 with sparsity, halved).
	g := cat.GPUs["b300"]
	if !near(g.MemoryGB, 288.4) || !near(g.BF16TFLOPS, 2250) || g.LinkGBs <= 0 {
		t.Errorf("b300 %+v", g)
	}
	want := map[string]float64{
		"runpod/b300-1x": 7.89, // runpod.io/pricing, read 2026-10-07
		"nebius/h100-1x": 4.50, // nebius.com/prices, 2026-10-24 (from 2026-10-01)
		"nebius/h200-1x": 5.40, // nebius.com/prices, 2026-10-24
	}
	for id, price := range want {
		if o := cat.Offers[id]; !near(o.OnDemandHourly, price) {
			t.Errorf("%s: on demand %g, the dated source gives %g", id, o.OnDemandHourly, price)
		}
	}
	if cat.Offers["runpod/b300-1x"].GPU != "b300" {
		t.Errorf("runpod/b300-1x is not a B300: %+v", cat.Offers["runpod/b300-1x"])
	}
}
