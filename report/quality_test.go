package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/present"
)

// twoPrompts: 12 months of 100,000 queries; both options cost 900 a month
// (inference 0.005 · 100,000 = 500, labour 4 · 100 = 400). "prompt" has
// 8,000 of setup (18,800 in all), "careful" 140 engineering hours more…
// 100 h + 40 h integration = 14,000 (24,800 in all). An error costs 0.1:
//
//	prompt  accuracy 0.9:  1,200,000 · 0.1  · 0.1 = 12,000 → 30,800
//	careful accuracy 0.99: 1,200,000 · 0.01 · 0.1 =  1,200 → 26,000
func twoPrompts() model.Scenario {
	s := model.Scenario{Name: "quality", Currency: "USD", HorizonMonths: 12,
		Workload: model.Workload{QueriesPerMonth: 100000, InputTokens: 500, OutputTokens: 200, PeakToAverage: 3,
			CostPerError: 0.1, HasCostPerError: true},
		Team: model.Team{HourlyRate: 100, ExpertHourlyRate: 100}}
	p, c := promptOption(), promptOption()
	p.Accuracy, p.HasAccuracy = 0.9, true
	c.Name, c.PromptEngineeringHours, c.Accuracy, c.HasAccuracy = "careful", 100, 0.99, true
	s.Options = []model.Option{p, c}
	return s
}

func TestQualityVerdict(t *testing.T) {
	s := evaluated(t, "q.toml", twoPrompts(), nil)
	money := func(v float64) string { return format.Money(v, "USD") }
	got := present.Verdict(&s, func(n string) string { return n }, money)
	want := "careful is the cheapest option over 12 months at $26,000, $4,800 (15.6%) less than prompt ($30,800). " +
		"Without the cost of errors prompt would be the cheapest, but its bad answers cost $12,000, so careful is cheaper once errors are counted." +
		// F26 split: careful's errors 1.2M queries · 0.01 · $0.10 = $1,200 of its $26,000, so $24,800
		// spent; per 1k: 24,800 / 1,200 = $20.67 and 1,200 / 1,200 = $1.00. Against prompt
		// ($30,800 = $18,800 spent + $12,000 errors) it spends $6,000 more and errs $10,800 less.
		" careful's total is $24,800 spent plus $1,200 of modelled errors (per 1k queries: $20.67 spent, $1.00 errors)." +
		" The cost of errors decides the verdict: against prompt it spends $6,000 more and its errors cost $10,800 less." +
		// 9,900 + 1,900·m against 15,000 + 1,000·m: prompt passes careful at m = 6
		" Crossovers: prompt's cumulative cost overtakes careful's in month 7."
	if got != want {
		t.Errorf("verdict:\n got %s\nwant %s", got, want)
	}
}

// Quality modelled by accuracy alone (no prices): errors are 0, value, ROI
// and payback null; an option without accuracy has every §9 figure null.
func TestQualityJSONFields(t *testing.T) {
	in := twoPrompts()
	in.Workload.HasCostPerError, in.Workload.CostPerError = false, 0
	in.Options[1].HasAccuracy, in.Options[1].Accuracy = false, 0
	var buf bytes.Buffer
	if err := JSON(&buf, []Scenario{evaluated(t, "q.toml", in, nil)}); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Scenarios []struct {
			Options []map[string]any `json:"options"`
		} `json:"scenarios"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	p, c := doc.Scenarios[0].Options[0], doc.Scenarios[0].Options[1]
	// prompt: 18,800 / (12 · 100,000 · 0.9) · 1000 = 17.407… (in float64, as the engine)
	total, good := 18800.0, 1080000.0
	if p["accuracy"] != 0.9 || p["cost_per_1k_good_answers"] != total/good*1000 {
		t.Errorf("prompt: accuracy %v, cost per 1k good %v", p["accuracy"], p["cost_per_1k_good_answers"])
	}
	for _, k := range []string{"value", "roi", "payback_month", "best_retune_every_months", "best_retune_saves"} {
		if v, ok := p[k]; !ok || v != nil {
			t.Errorf("prompt %s = %v (present %v), want null", k, v, ok)
		}
	}
	for _, k := range []string{"accuracy", "cost_per_1k_good_answers", "value"} {
		if v, ok := c[k]; !ok || v != nil {
			t.Errorf("careful (no accuracy) %s = %v (present %v), want null", k, v, ok)
		}
	}
	if m := p["months"].([]any)[0].(map[string]any); m["errors"] != 0.0 {
		t.Errorf("month 0 errors = %v, want 0", m["errors"])
	}
}

// The CSV errors column appears when any scenario models quality, empty for
// the others; a file without quality keeps the header it always had.
func TestQualityCSVColumn(t *testing.T) {
	plain := twoPrompts()
	plain.Name, plain.Workload.HasCostPerError = "plain", false
	for i := range plain.Options {
		plain.Options[i].HasAccuracy = false
	}
	var buf bytes.Buffer
	if err := CSV(&buf, []Scenario{evaluated(t, "q.toml", twoPrompts(), nil), evaluated(t, "p.toml", plain, nil)}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if !strings.HasSuffix(lines[0], ",cumulative,errors") {
		t.Errorf("header %q", lines[0])
	}
	// prompt, month 0: 100,000 · (1 − 0.9) · 0.1 = 1,000, in float64 999.9999999999999
	q, acc, c := 100000.0, 0.9, 0.1
	if !strings.HasPrefix(lines[1], "quality,prompt,prompt,0,") || !strings.HasSuffix(lines[1], ","+num(q*(1-acc)*c)) {
		t.Errorf("first row %q", lines[1])
	}
	if last := lines[len(lines)-1]; !strings.HasPrefix(last, "plain,") || !strings.HasSuffix(last, ",") {
		t.Errorf("a scenario without quality has an empty errors cell: %q", last)
	}
	buf.Reset()
	if err := CSV(&buf, []Scenario{evaluated(t, "p.toml", plain, nil)}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(strings.SplitN(buf.String(), "\n", 2)[0], "errors") {
		t.Error("errors column without quality")
	}
}
