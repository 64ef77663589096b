package report

import (
	"bytes"
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
	var buf bytes.Buffer
	if err := DiffText(&buf, d); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "No input changed.") || !strings.Contains(buf.String(), "no change") {
		t.Errorf("identical diff reads:\n%s", buf.String())
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
	if len(headers) != 2 || headers[0] != 7 || len(rows[0]) != len(d.Options) {
		t.Errorf("diff tables %v %v", headers, rows)
	}
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
