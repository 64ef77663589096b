package uncertainty

import (
	"strings"
	"testing"
)

func TestTornadoRanksSwings(t *testing.T) {
	// Option 0 (prompt, API): total = 128 h · rate + 12 · Q · (in·2 + out·10)/1e6
	// with in = 500 + overhead; at likely: 12,800 + 6,000 = 18,800.
	inputs := []Input{
		ranged(t, "team.hourly_rate", -1, 90, 100, 110),                    // 128·90 + 6000 = 17,520; 128·110 + 6000 = 20,080: swing 2,560
		ranged(t, "workload.queries_per_month", -1, 50000, 100000, 150000), // 12,800 + 0.06·Q: 15,800 and 21,800: swing 6,000
		ranged(t, "workload.output_tokens", -1, 150, 200, 250),             // ±50 tokens · 10/1e6 · 1.2e6 queries = ∓600: swing 1,200
		ranged(t, "option.prompt_overhead_tokens", 0, 800, 1000, 1200),     // ±200 · 2/1e6 · 1.2e6 = ∓480: swing 960
		ranged(t, "option.top_k", 1, 1, 4, 20),                             // the RAG option's: left out
		ranged(t, "workload.monthly_growth", -1, 0, 0, 0),                  // no swing; ties sort by label
		ranged(t, "team.expert_hourly_rate", -1, 100, 150, 200),            // the prompt option pays no experts: no swing
	}
	got, err := Tornado(testScenario(), testCatalog(), inputs, 0)
	if err != nil {
		t.Fatal(err)
	}
	want := []Swing{
		{"workload.queries_per_month", 50000, 150000, 15800, 21800, 6000, nil},
		{"team.hourly_rate", 90, 110, 17520, 20080, 2560, nil},
		{"workload.output_tokens", 150, 250, 18200, 19400, 1200, nil},
		{`option "prompt".prompt_overhead_tokens`, 800, 1200, 18320, 19280, 960, nil},
		{"team.expert_hourly_rate", 100, 200, 18800, 18800, 0, nil},
		{"workload.monthly_growth", 0, 0, 18800, 18800, 0, nil},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d swings, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		if g.Label != w.Label || g.Low != w.Low || g.High != w.High {
			t.Errorf("bar %d = %s [%g, %g], want %s [%g, %g]", i, g.Label, g.Low, g.High, w.Label, w.Low, w.High)
		}
		nearRel(t, w.Label+" at low", g.TotalAtLow, w.TotalAtLow, 1e-12)
		nearRel(t, w.Label+" at high", g.TotalAtHigh, w.TotalAtHigh, 1e-12)
		nearRel(t, w.Label+" swing", g.Swing, w.Swing, 1e-9)
	}
}

func TestTornadoUsesLikelyAndRoundsEnds(t *testing.T) {
	// RAG option: each chunk of top_k adds 500 tokens · 2/1e6 = 0.001 a query,
	// 1,200 over 1.2e6 queries. top_k's ends 1.4 and 6.6 round to 1 and 7: swing 6 · 1,200.
	// hourly_rate is held at its likely 200 (not the scenario's 100) meanwhile.
	inputs := []Input{
		ranged(t, "option.top_k", 1, 1.4, 4, 6.6),
		ranged(t, "team.hourly_rate", -1, 200, 200, 200),
	}
	got, err := Tornado(testScenario(), testCatalog(), inputs, 1)
	if err != nil {
		t.Fatal(err)
	}
	top := got[0]
	if top.Label != `option "rag".top_k` || top.Low != 1 || top.High != 7 {
		t.Fatalf("top bar = %+v, want option \"rag\".top_k from 1 to 7", top)
	}
	nearRel(t, "top_k swing", top.Swing, 6*1200, 1e-9)
	// At rate 200 the RAG option's hours (80 build + 40 integration + 12·16
	// maintenance = 312) cost 62,400 instead of 31,200.
	base, err := Tornado(testScenario(), testCatalog(), inputs[:1], 1)
	if err != nil {
		t.Fatal(err)
	}
	nearRel(t, "likely rate moves the bars", top.TotalAtLow-base[0].TotalAtLow, 312*100, 1e-9)
}

func TestTornadoErrors(t *testing.T) {
	if _, err := Tornado(testScenario(), testCatalog(), nil, 3); err == nil || !strings.Contains(err.Error(), "no option 3") {
		t.Errorf("option 3: err = %v", err)
	}
	// A batch of 5000 fits no replica (F20): that bar carries the error,
	// naming the input and the end; the other input still gets its bar,
	// and the failed one ranks last.
	in := []Input{ranged(t, "option.batch", 2, 16, 16, 5000), ranged(t, "workload.queries_per_month", -1, 1e5, 2e5, 3e5)}
	got, err := Tornado(testScenario(), testCatalog(), in, 2)
	if err != nil {
		t.Fatalf("one failing input failed the whole tornado: %v", err)
	}
	if len(got) != 2 {
		t.Fatalf("got %d bars, want 2: %+v", len(got), got)
	}
	if got[0].Failed() || got[0].Label != "workload.queries_per_month" || got[0].TotalAtLow <= 0 {
		t.Errorf("first bar = %+v, want the volume's, computed", got[0])
	}
	last := got[1]
	if !last.Failed() || !strings.Contains(last.Err.Error(), "at its high end 5000") || last.Label != `option "lora".batch` {
		t.Errorf("failing high end: bar = %+v", last)
	}
	if last.Swing != 0 || last.TotalAtLow != 0 || last.TotalAtHigh != 0 {
		t.Errorf("a failed bar carries totals: %+v", last)
	}
}
