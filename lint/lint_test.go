package lint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/pricing"
	"github.com/tunecost/tunecost/scenarios"
)

// now is the tests' clock: the built-in sheet (as_of 2026-11-01) is fresh.
var now = time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)

// load parses, layers, resolves and evaluates a scenario under testdata/ as
// a run would, failing on any diagnostic so each file tests only its rule.
func load(t *testing.T, name string) Input {
	t.Helper()
	path := filepath.Join("testdata", name)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, diags := scenarios.Parse(path, data)
	b := pricing.Builtin()
	sheets := []*pricing.Sheet{b}
	infos := []SheetInfo{{Name: b.Name, File: b.File, AsOf: b.AsOf}}
	for _, ref := range f.PriceSheets {
		raw, err := os.ReadFile(ref.Resolved)
		if err != nil {
			t.Fatal(err)
		}
		sh, more := pricing.Parse(ref.Resolved, raw)
		diags = append(diags, more...)
		sheets = append(sheets, sh)
		infos = append(infos, SheetInfo{Name: sh.Name, File: sh.File, AsOf: sh.AsOf, Pos: ref.Pos})
	}
	cat, more := pricing.Layer(sheets...)
	diags = append(diags, more...)
	s, more := f.Resolve(&cat.Catalog)
	for _, d := range append(diags, more...) {
		t.Fatalf("%s: unexpected diagnostic %s", name, d.String())
	}
	res, err := model.Evaluate(s, cat.Catalog)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return Input{File: f, Scenario: s, Catalog: cat, Result: res, Sheets: infos, Now: now}
}

func lines(in Input) []string {
	var out []string
	for _, d := range Check(in) {
		out = append(out, d.String())
	}
	return out
}

func same(t *testing.T, name string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\ngot:\n  %s\nwant:\n  %s", name, strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

// TestRules: each file triggers exactly its rule, at the exact position.
func TestRules(t *testing.T) {
	cases := map[string][]string{
		"cycles.toml": {
			`testdata/cycles.toml:21:21: warning: option "ft": experiment_cycles = 2: the experimentation tax is 5–10 cycles; budgeting 2 understates experiments; budget at least 5`,
		},
		"full.toml": {
			`testdata/full.toml:13:10: warning: option "full ft": method = "full" risks catastrophic forgetting of the base model's general skills; prefer PEFT (method = "lora" or "qlora") or mix replay data from the original distribution into training`,
			`testdata/full.toml:13:10: warning: option "full ft": a full fine-tune whose eval_checks lack "general_knowledge" cannot see catastrophic forgetting; add it (and eval_check_hours to price it)`,
			// Its 16·8e9 bytes of states need two 1-GPU RunPod instances, whose network the sheet does not give (F9a).
			// The UX report's M3: several 1-GPU instances are no cluster: a warning, not a note.
			`testdata/full.toml:17:15: warning: option "full ft": the run spans 2 instances of offer "runpod/h100-sxm-1x", one GPU each, with no fast interconnect between them, priced as if their traffic were free (F9a); train on one instance with more GPUs, e.g. runpod/h100-sxm-8x, aws/p5.48xlarge, azure/nd96isr_h100_v5`,
		},
		"golden.toml": {
			`testdata/golden.toml:21:23: warning: option "ft": golden_set_examples = 0: no golden validation set, so regressions ship unnoticed; budget at least 100 expert-reviewed examples`,
			`testdata/golden.toml:31:23: warning: option "small golden": golden_set_examples = 40 is too small to detect regressions; budget at least 100 expert-reviewed examples`,
		},
		"retune.toml": {
			`testdata/retune.toml:10:1: warning: option "ft": no re-tuning over a 24-month horizon (retune_every_months = 0): the model goes stale as data drifts; set a re-tuning cadence (retune_every_months, e.g. 3–6)`,
		},
		// The extra replicas are 72 instance-months of runpod/l40s-1x at the
		// built-in $1.09/h (model v2's slower decode needs them):
		// 72 x 730 h x 1.09 = $57,290.40.
		"unmerged.toml": {
			`testdata/unmerged.toml:22:10: warning: option "ft": unmerged adapters (merged = false) add 20 % to every query's serving time and latency, costing $57,290 over 24 months; merge the adapter (merged = true) unless one deployment must serve many variants`,
		},
		"task.toml": {
			`testdata/task.toml:14:18: warning: option "ft": train_examples = 2,000 is few for task = "reasoning" (at least 10,000): hundreds can serve style, tens of thousands for complex reasoning or code; collect more examples or compare RAG and prompting`,
		},
		"duplicates.toml": {
			`testdata/duplicates.toml:21:19: warning: option "ft": unique_examples = 150 is 8 % of train_examples = 2,000: rephrased duplicates are learned by heart; collect distinct examples (at least 400) rather than paraphrases`,
		},
		"unmerged_headroom.toml": {
			`testdata/unmerged_headroom.toml:22:10: warning: option "ft": unmerged adapters (merged = false) add 20 % to every query's serving time and latency; at this traffic the replicas absorb it (no extra cost over 24 months); merge the adapter (merged = true) unless one deployment must serve many variants`,
		},
		// MODEL.md §10: fp8_efficiency on an option without fp8 changes nothing.
		"fp8_ignored.toml": {
			`testdata/fp8_ignored.toml:22:18: warning: option "ft": fp8_efficiency is ignored: it scales the FP8 peak (F4a), and this option neither trains nor serves in fp8 (train_precision, serve_precision); remove it, or set a precision to "fp8" on a GPU with fp8_tflops`,
		},
		// MODEL.md F9 and F9a: notes, not warnings (only `check` prints them).
		"notes.toml": {
			`testdata/notes.toml:19:7: note: option "moe": mfu is written, so it is taken as this mixture-of-experts run's own (F9); left out, the default would be multiplied by expert_intermediate / (expert_intermediate + 4000) = 768 / 4768 = 0.161 for the expert-parallel all-to-all`,
			`testdata/notes.toml:29:15: note: option "two boxes": the run spans 2 instances of offer "runpod/h100-sxm-8x", which gives no network_gbps: the traffic between them is not counted (F9a), so the run may be slower than shown; a price sheet can add the offer's network_gbps`,
		},
		// Issue 22: the golden set's independence and the evaluation's blind spots.
		"pitfalls.toml": {
			`testdata/pitfalls.toml:15:10: warning: option "full ft": method = "full" risks catastrophic forgetting of the base model's general skills; prefer PEFT (method = "lora" or "qlora") or mix replay data from the original distribution into training`,
			`testdata/pitfalls.toml:20:26: warning: option "full ft": golden_set_independent = false: a golden set from the same source and period as the training data tests memory, not generalisation; hold one out from a later period or another source`,
			`testdata/pitfalls.toml:21:15: warning: option "full ft": a full fine-tune whose eval_checks lack "general_knowledge" cannot see catastrophic forgetting; add it (and eval_check_hours to price it)`,
			`testdata/pitfalls.toml:34:8: warning: option "style": a style fine-tune whose eval_checks lack "diversity" cannot see its outputs collapse onto a few phrasings; add it (and eval_check_hours to price it)`,
		},
		// Rules off, or thresholds exactly met: nothing.
		"clean.toml":      nil,
		"boundaries.toml": nil,
		"short.toml":      nil,
	}
	for name, want := range cases {
		same(t, name, lines(load(t, name)), want)
	}
}

// TestImplausibleInputs: each value far outside practice is warned about
// at its position, with the figure it implies.
func TestImplausibleInputs(t *testing.T) {
	same(t, "implausible.toml", lines(load(t, "implausible.toml")), []string{
		// (1 + 3)^35 = 4^35 = 1.18e21.
		`testdata/implausible.toml:10:18: warning: monthly_growth = 3 = 300 % a month: month 36 carries 1.2e21 × month 1's traffic; a fraction is expected (0.05 = 5 % a month); plausible up to 0.5`,
		`testdata/implausible.toml:12:17: warning: output_tokens high = 200,000 tokens per answer is more than models write in one answer (most stop at 8k–32k); plausible up to 100,000`,
		// 700,000 · 1,760 h = 1.232e9.
		`testdata/implausible.toml:15:15: warning: hourly_rate = 700,000 an hour is 1.2e9 USD a year at 1,760 hours: a loaded rate is usually 50–300 an hour; was a yearly salary typed?; plausible up to 1,000`,
		`testdata/implausible.toml:25:10: warning: option "ft": epochs = 50 shows every example 50 times; fine-tunes run 1–5 epochs, more learn the examples by heart; plausible up to 20`,
		// 2,000 h / 160 h = 12.5 people.
		`testdata/implausible.toml:37:31: warning: option "prompted": maintenance_hours_per_month = 2,000 hours a month is 12.5 people full time (160 h a month each); plausible up to 800`,
	})
	same(t, "plausible_edges.toml", lines(load(t, "plausible_edges.toml")), nil)
}

// TestPlausibilityTableIsDocumented: docs/model.md lists every bound the
// lint applies, with the same number.
func TestPlausibilityTableIsDocumented(t *testing.T) {
	doc, err := os.ReadFile("../docs/model.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range plausibilities {
		row := "| `" + p.path + "` | " + plainFigure(p.above) + " |"
		if !strings.Contains(string(doc), row) {
			t.Errorf("docs/model.md lacks the row %q", row)
		}
	}
}
