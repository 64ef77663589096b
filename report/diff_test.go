package report

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/tunecost/tunecost/model"
)

// diffPair: the new side reads longer queries, doubles lora's rank, drops
// rag and adds a prompt with a cached prefix.
func diffPair(t *testing.T) (Scenario, Scenario) {
	old := evaluated(t, "s.toml", handInput(), nil)
	in := handInput()
	in.Workload.InputTokens = 600
	in.Options[0].LoraRank = 32
	cached := promptOption()
	cached.Name, cached.CachedPrompt = "prompt cached", true
	in.Options = []model.Option{in.Options[0], in.Options[2], in.Options[3], cached}
	return old, evaluated(t, "s.toml", in, nil)
}

func TestDiff(t *testing.T) {
	old, new := diffPair(t)
	d := Diff(old, new)
	want := []Change{
		{Field: "workload.input_tokens", Old: "500", New: "600"},
		{Option: "lora", Field: "option.lora_rank", Old: "16", New: "32"},
	}
	if len(d.Changes) != len(want) {
		t.Fatalf("changes %+v, want %+v", d.Changes, want)
	}
	for i := range want {
		if d.Changes[i] != want[i] {
			t.Errorf("change %d = %+v, want %+v", i, d.Changes[i], want[i])
		}
	}
	status := map[string]OptionStatus{}
	for _, o := range d.Options {
		status[o.Name] = o.Status
	}
	wantStatus := map[string]OptionStatus{"lora": OptionKept, "prompt": OptionKept, "managed": OptionKept,
		"prompt cached": OptionNew, "rag": OptionRemoved}
	for name, s := range wantStatus {
		if status[name] != s {
			t.Errorf("%s: status %q, want %q", name, status[name], s)
		}
	}
	if last := d.Options[len(d.Options)-1]; last.Name != "rag" || last.OldTotal != old.Result.Options[1].Total || last.NewTotal != 0 {
		t.Errorf("removed option listed last with its old total: %+v", last)
	}
	p := d.Options[1] // prompt: more input tokens cost more
	if p.Name != "prompt" || !(p.NewTotal > p.OldTotal) || !p.TotalMove().HasPct {
		t.Errorf("prompt moved %+v", p)
	}
	m := p.TotalMove()
	if m.Abs != p.NewTotal-p.OldTotal || m.Pct != m.Abs/p.OldTotal {
		t.Errorf("TotalMove = %+v", m)
	}
}

func TestDiffIdentical(t *testing.T) {
	s := handScenario(t)
	d := Diff(s, s)
	if len(d.Changes) != 0 {
		t.Errorf("changes between a scenario and itself: %+v", d.Changes)
	}
	for _, o := range d.Options {
		if o.Status != OptionKept || o.TotalMove().Abs != 0 {
			t.Errorf("%+v", o)
		}
	}
	if !d.Same() {
		t.Errorf("a scenario differs from itself: %+v", d)
	}
	var buf bytes.Buffer
	if err := DiffText(&buf, d); err != nil {
		t.Fatal(err)
	}
	if want := "Cost change: support bot\n========================\n" + nothingChanged + "\n"; buf.String() != want {
		t.Errorf("identical diff reads:\n%s\nwant:\n%s", buf.String(), want)
	}
}

// TestDiffKindAndScenarioFields: a kind change, a rename and a currency
// change are reported although no Field describes them.
func TestDiffKindAndScenarioFields(t *testing.T) {
	oldIn := handInput()
	newIn := handInput()
	newIn.Name, newIn.Description = "support bot v2", "second try"
	newIn.Options[2] = ragOption()
	newIn.Options[2].Name = "prompt" // same name, now RAG
	d := Diff(evaluated(t, "", oldIn, nil), evaluated(t, "", newIn, nil))
	got := map[string]Change{}
	for _, c := range d.Changes {
		got[c.Option+"/"+c.Field] = c
	}
	for _, key := range []string{"/name", "/description", "prompt/option.kind", "prompt/option.generator", "prompt/option.model"} {
		if _, ok := got[key]; !ok {
			t.Errorf("no change %s in %+v", key, d.Changes)
		}
	}
	if c := got["prompt/option.kind"]; c.Old != "prompt" || c.New != "rag" {
		t.Errorf("kind change %+v", c)
	}
}

func TestDiffGolden(t *testing.T) {
	old, new := diffPair(t)
	d := Diff(old, new)
	var md, txt bytes.Buffer
	if err := DiffMarkdown(&md, d); err != nil {
		t.Fatal(err)
	}
	if err := DiffText(&txt, d); err != nil {
		t.Fatal(err)
	}
	golden(t, "diff.md.golden", md.Bytes())
	golden(t, "diff.txt.golden", txt.Bytes())

	headers, rows := parseGFM(md.Bytes()).tables()
	// Five columns (option, totals before, after, change, per 1k before → after):
	// seven wrapped names onto three lines at a comment's width.
	if len(headers) != 2 || headers[0] != 5 || len(rows[0]) != len(d.Options) {
		t.Errorf("diff tables %v %v", headers, rows)
	}
	assertUniqueColumns(t, md.String())
	// The summary comes first, the detail folded.
	if i, j := strings.Index(md.String(), "**Cheapest: lora (unchanged).**"), strings.Index(md.String(), "<details>"); i < 0 || j < i {
		t.Errorf("summary not before the details:\n%s", md.String())
	}
}

// assertUniqueColumns fails on a Markdown table with two columns of the
// same name.
func assertUniqueColumns(t *testing.T, md string) {
	t.Helper()
	lines := strings.Split(md, "\n")
	for i := 0; i+1 < len(lines); i++ {
		if !strings.HasPrefix(lines[i], "|") || !strings.HasPrefix(lines[i+1], "|---") {
			continue
		}
		seen := map[string]bool{}
		for _, h := range strings.Split(strings.Trim(lines[i], "|"), "|") {
			h = strings.TrimSpace(h)
			if seen[h] {
				t.Errorf("two columns called %q in %q", h, lines[i])
			}
			seen[h] = true
		}
	}
}

// TestDiffRename: one prompt option disappears and one prompt option
// appears, so it is the same option renamed: its figures are compared,
// not listed as removed and new. Two options of a kind that both change
// name stay removed and new: which is which cannot be told.
func TestDiffRename(t *testing.T) {
	in := handInput()
	in.Options[2].Name = "prompt v2"
	in.Options[2].PromptOverheadTokens = 2000
	d := Diff(evaluated(t, "", handInput(), nil), evaluated(t, "", in, nil))
	o := d.Options[2]
	if o.Status != OptionRenamed || o.Name != "prompt v2" || o.OldName != "prompt" {
		t.Fatalf("renamed option: %+v", o)
	}
	// 1,000 more prompt tokens at $2/Mtok = $0.002 a query, on 400,000 ·
	// (1.05^24 − 1)/0.05 = 17,800,799.5 queries over 24 months: +$35,601.60.
	queries := 400000 * (math.Pow(1.05, 24) - 1) / 0.05
	if m := o.TotalMove(); math.Abs(m.Abs-0.002*queries) > 1e-6 || math.Round(m.Abs*100) != 3560160 {
		t.Errorf("total moved %v, want +35,601.60", m.Abs)
	}
	want := []Change{
		{Option: "prompt v2", Field: "option.name", Old: "prompt", New: "prompt v2"},
		{Option: "prompt v2", Field: "option.prompt_overhead_tokens", Old: "1,000", New: "2,000"},
	}
	if len(d.Changes) != 2 || d.Changes[0] != want[0] || d.Changes[1] != want[1] {
		t.Errorf("changes %+v, want %+v", d.Changes, want)
	}
	if len(d.Options) != 4 {
		t.Errorf("%d options, want 4 (no removed, no new)", len(d.Options))
	}

	two := handInput()
	two.Options = append(two.Options, promptOption())
	two.Options[4].Name = "prompt b"
	renamed := handInput()
	renamed.Options = append(renamed.Options, promptOption())
	renamed.Options[2].Name, renamed.Options[4].Name = "x", "y"
	d = Diff(evaluated(t, "", two, nil), evaluated(t, "", renamed, nil))
	status := map[string]OptionStatus{}
	for _, o := range d.Options {
		status[o.Name] = o.Status
	}
	if status["x"] != OptionNew || status["y"] != OptionNew || status["prompt"] != OptionRemoved || status["prompt b"] != OptionRemoved {
		t.Errorf("two renames of one kind: %v", status)
	}
}

// TestDiffRangeBounds: moving only a range's low bound changes no likely
// value and no total, yet the diff reports it, with P50/P90 and the chance
// of being cheapest before and after.
func TestDiffRangeBounds(t *testing.T) {
	paths := []string{"workload.queries_per_month"}
	old := withUncertainty(t, handScenario(t), paths, ranges{"workload.queries_per_month": {250000, 600000}})
	new := withUncertainty(t, handScenario(t), paths, ranges{"workload.queries_per_month": {6, 600000}})
	d := Diff(old, new)
	want := Change{Field: "workload.queries_per_month", Old: "400,000 (250,000 to 600,000)", New: "400,000 (6 to 600,000)"}
	if len(d.Changes) != 1 || d.Changes[0] != want {
		t.Fatalf("changes %+v, want %+v", d.Changes, want)
	}
	if d.Same() || !d.Ranged {
		t.Errorf("Same %v, Ranged %v", d.Same(), d.Ranged)
	}
	for i, o := range d.Options {
		if o.TotalMove().Abs != 0 {
			t.Errorf("%s: the likely total moved", o.Name)
		}
		mc := old.Uncertainty.MC.Options[i]
		if o.OldRisk == nil || *o.OldRisk != (Risk{P50: mc.P50, P90: mc.P90, PCheapest: mc.PCheapest}) || o.NewRisk == nil {
			t.Errorf("%s: risk %+v → %+v", o.Name, o.OldRisk, o.NewRisk)
		}
		// A lower volume pulls the median total down, except lora's: its
		// one GPU replica serves either volume.
		if i > 0 && !(o.NewRisk.P50 < o.OldRisk.P50) {
			t.Errorf("%s: P50 %v → %v, want lower", o.Name, o.OldRisk.P50, o.NewRisk.P50)
		}
	}
	var txt bytes.Buffer
	if err := DiffText(&txt, d); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"Risk (Monte Carlo over the ranges)", "workload.queries_per_month: 400,000 (250,000 to 600,000) → 400,000 (6 to 600,000)"} {
		if !strings.Contains(txt.String(), s) {
			t.Errorf("text lacks %q:\n%s", s, txt.String())
		}
	}
	// A value that becomes a range is a change too.
	d = Diff(withUncertainty(t, handScenario(t), nil, nil), new)
	if len(d.Changes) != 1 || d.Changes[0].Old != "400,000" {
		t.Errorf("ranged now: %+v", d.Changes)
	}
}

func TestDiffRangedGolden(t *testing.T) {
	paths := []string{"workload.queries_per_month", "workload.monthly_growth"}
	old := withUncertainty(t, handScenario(t), paths, ranges{"workload.queries_per_month": {250000, 600000}, "workload.monthly_growth": {0.02, 0.08}})
	in := handInput()
	in.Options[2].Name = "prompt v2"
	new := evaluated(t, "s.toml", in, nil)
	new = withUncertainty(t, new, paths, ranges{"workload.queries_per_month": {300000, 900000}, "workload.monthly_growth": {0.02, 0.08}})
	d := Diff(old, new)
	d.Prices = []Change{{Field: "price_sheets", Old: "acme.toml", New: "acme.toml, extra.toml"},
		{Field: "api_model big", Old: "in $2 / out $10 per Mtok (built-in)", New: "in $1.5 / out $10 per Mtok (extra)"}}
	var md, txt bytes.Buffer
	if err := DiffMarkdown(&md, d); err != nil {
		t.Fatal(err)
	}
	if err := DiffText(&txt, d); err != nil {
		t.Fatal(err)
	}
	golden(t, "diff_ranged.md.golden", md.Bytes())
	golden(t, "diff_ranged.txt.golden", txt.Bytes())
	assertUniqueColumns(t, md.String())
}

func TestDiffHostile(t *testing.T) {
	old := hostileScenario(t)
	in := hostileInput()
	in.Options[0].Name = "x | <b>y</b>\x1b]0;t\x07"
	d := Diff(old, evaluated(t, "", in, nil))
	var md, txt bytes.Buffer
	if err := DiffMarkdown(&md, d); err != nil {
		t.Fatal(err)
	}
	if err := DiffText(&txt, d); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(md.String(), "<b>") || strings.ContainsRune(md.String()+txt.String(), 0x1b) {
		t.Errorf("hostile name leaked:\n%s\n%s", md.String(), txt.String())
	}
	headers, rows := parseGFM(md.Bytes()).tables()
	for i, r := range rows {
		for _, c := range r {
			if c != headers[i] {
				t.Errorf("table %d: a row has %d cells, header %d", i, c, headers[i])
			}
		}
	}
}

// TestUnrelatedScenariosAreNotPairedByKind: diffing two scenarios that share
// no option name paired their options by kind, reading one as a rename of
// the other (the UX report's LOW item).
func TestUnrelatedScenariosAreNotPairedByKind(t *testing.T) {
	a, b := promptOption(), promptOption()
	a.Name, b.Name = "RAG over precedent bank", "RAG Claude Haiku 4.5"
	if got := matchOptions([]model.Option{a}, []model.Option{b}); got[0] != -1 {
		t.Errorf("pairs = %v, want the new option unpaired", got)
	}
	c := promptOption()
	c.Name = "kept"
	if got := matchOptions([]model.Option{c, a}, []model.Option{c, b}); got[1] != 1 {
		t.Errorf("with a kept option, the one left of each kind is a rename: pairs = %v", got)
	}
}
