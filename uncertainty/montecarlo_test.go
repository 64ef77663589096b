package uncertainty

import (
	"context"
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/tunecost/tunecost/model"
)

func TestMonteCarloDeterministic(t *testing.T) {
	s, cat := testScenario(), testCatalog()
	var runs []Analysis
	for _, workers := range []int{1, 2, 3, 7} {
		a, err := MonteCarlo(context.Background(), s, cat, sixInputs(t), Config{Samples: 2000, Seed: 42, Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		runs = append(runs, a)
	}
	for i := 1; i < len(runs); i++ {
		if !reflect.DeepEqual(runs[0], runs[i]) {
			t.Errorf("run %d differs from the 1-worker run:\n%+v\n%+v", i, runs[i], runs[0])
		}
	}
	other, err := MonteCarlo(context.Background(), s, cat, sixInputs(t), Config{Samples: 2000, Seed: 43})
	if err != nil {
		t.Fatal(err)
	}
	if reflect.DeepEqual(runs[0].Options, other.Options) {
		t.Error("seeds 42 and 43 gave identical statistics")
	}
	if runs[0].Samples != 2000 || runs[0].Failed != 0 || runs[0].Seed != 42 {
		t.Errorf("Samples, Failed, Seed = %d, %d, %d; want 2000, 0, 42", runs[0].Samples, runs[0].Failed, runs[0].Seed)
	}
}

func TestMonteCarloLeavesScenarioAlone(t *testing.T) {
	s := testScenario()
	if _, err := MonteCarlo(context.Background(), s, testCatalog(), sixInputs(t), Config{Samples: 100}); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(s, testScenario()) {
		t.Error("MonteCarlo wrote into the caller's scenario (options must be copied)")
	}
}

func TestMonteCarloPCheapestSumsToOne(t *testing.T) {
	a, err := MonteCarlo(context.Background(), testScenario(), testCatalog(), sixInputs(t), Config{Samples: 3000})
	if err != nil {
		t.Fatal(err)
	}
	sum := 0.0
	for _, o := range a.Options {
		if o.PCheapest < 0 || o.PCheapest > 1 {
			t.Errorf("PCheapest %g outside [0, 1]", o.PCheapest)
		}
		if !(o.P10 <= o.P50 && o.P50 <= o.P90) {
			t.Errorf("percentiles out of order: %g, %g, %g", o.P10, o.P50, o.P90)
		}
		sum += o.PCheapest
	}
	nearRel(t, "Σ PCheapest", sum, 1, 1e-12)
}

func TestMonteCarloWithoutRangesIsDeterministicTotal(t *testing.T) {
	s, cat := testScenario(), testCatalog()
	res, err := model.Evaluate(s, cat)
	if err != nil {
		t.Fatal(err)
	}
	a, err := MonteCarlo(context.Background(), s, cat, nil, Config{Samples: 50})
	if err != nil {
		t.Fatal(err)
	}
	for j, o := range a.Options {
		want := res.Options[j]
		for _, got := range []float64{o.P10, o.P50, o.P90} {
			nearRel(t, want.Name+" total percentile", got, want.Total, 0)
		}
		for _, got := range []float64{o.Per1kP10, o.Per1kP50, o.Per1kP90} {
			nearRel(t, want.Name+" per-1k percentile", got, want.CostPer1k, 0)
		}
		wantP := 0.0
		if j == res.Cheapest {
			wantP = 1
		}
		nearRel(t, want.Name+" PCheapest", o.PCheapest, wantP, 0)
	}
}

func TestMonteCarloLinearPercentiles(t *testing.T) {
	// One API prompt option: total = 8000 setup + 12·400 labour + 12·0.005·Q
	// = 12,800 + 0.06·Q, with Q ~ Tri(50k, 100k, 150k).
	// Quantiles of Q: P50 = 100,000 (symmetric); P10 = 50,000 + √(0.1·100,000·50,000)
	// = 72,360.68; P90 = 150,000 − √(0.1·100,000·50,000) = 127,639.32.
	s := testScenario()
	s.Options = s.Options[:1]
	in := []Input{ranged(t, "workload.queries_per_month", -1, 50000, 100000, 150000)}
	a, err := MonteCarlo(context.Background(), s, testCatalog(), in, Config{Samples: 10000, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	o := a.Options[0]
	d := math.Sqrt(0.1 * 100000 * 50000)
	nearRel(t, "P10", o.P10, 12800+0.06*(50000+d), 0.01)  // 17,141.64
	nearRel(t, "P50", o.P50, 12800+0.06*100000, 0.01)     // 18,800
	nearRel(t, "P90", o.P90, 12800+0.06*(150000-d), 0.01) // 20,458.36
	// Per 1k = total / (12·Q) · 1000 = 1,066,666.7/Q + 5 falls as Q grows, so
	// its P10 comes from Q's P90: 1,066,666.7/127,639.32 + 5 = 13.357.
	nearRel(t, "Per1kP10", o.Per1kP10, 12800000/(12*(150000-d))+5, 0.01)
	nearRel(t, "Per1kP50", o.Per1kP50, 12800000/(12*100000.0)+5, 0.01) // 15.667
	nearRel(t, "PCheapest", o.PCheapest, 1, 0)
}

func TestMonteCarloCountsFailures(t *testing.T) {
	// m8 serving at bf16 on one 80 GB GPU: W = 16e9 bytes, KV = 2·32·8·128·2
	// = 131,072 bytes a token · 700 tokens = 91.75 MB a sequence, so batches
	// above (72e9 − 16e9)/91.75e6 = 610.4 fit no replica (F20). With batch ~
	// Tri(16, 16, 2000), rounded, P(batch ≥ 611) = P(raw ≥ 610.5)
	// = (2000 − 610.5)² / (1984 · 1984) = 0.4905.
	s := testScenario()
	in := []Input{ranged(t, "option.batch", 2, 16, 16, 2000)}
	a, err := MonteCarlo(context.Background(), s, testCatalog(), in, Config{Samples: 10000})
	if err != nil {
		t.Fatal(err)
	}
	if share := float64(a.Failed) / float64(a.Samples); math.Abs(share-0.4905) > 0.02 {
		t.Errorf("failed share = %.4f, want 0.4905 ± 0.02", share)
	}
	sum := 0.0
	for _, o := range a.Options {
		sum += o.PCheapest
	}
	nearRel(t, "Σ PCheapest over successful samples", sum, 1, 1e-12)

	in[0] = ranged(t, "option.batch", 2, 5000, 5000, 6000)
	_, err = MonteCarlo(context.Background(), s, testCatalog(), in, Config{Samples: 300})
	if err == nil || !strings.Contains(err.Error(), "all 300 samples failed; the first (sample 0)") {
		t.Errorf("all failing: err = %v", err)
	}
}

func TestMonteCarloCancel(t *testing.T) {
	s, cat := testScenario(), testCatalog()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := MonteCarlo(ctx, s, cat, sixInputs(t), Config{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled before start: err = %v, want context.Canceled", err)
	}

	// A million samples take seconds; a cancel after 20 ms ends the run
	// with the context's error (workers check between chunks of 64).
	ctx, cancel = context.WithCancel(context.Background())
	time.AfterFunc(20*time.Millisecond, cancel)
	_, err := MonteCarlo(ctx, s, cat, sixInputs(t), Config{Samples: 1_000_000})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled during the run: err = %v, want context.Canceled", err)
	}

	ctx, cancel = context.WithTimeout(context.Background(), time.Millisecond)
	defer cancel()
	if _, err := MonteCarlo(ctx, s, cat, sixInputs(t), Config{Samples: 1_000_000}); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("deadline: err = %v, want context.DeadlineExceeded", err)
	}
}

func TestMonteCarloRejectsBadInput(t *testing.T) {
	s, cat := testScenario(), testCatalog()
	cases := []struct {
		name   string
		inputs []Input
		cfg    Config
		want   string
	}{
		{"negative samples", nil, Config{Samples: -1}, "samples must be from 1"},
		{"too many samples", nil, Config{Samples: MaxSamples + 1}, "samples must be from 1"},
		{"unordered", []Input{ranged(t, "team.hourly_rate", -1, 120, 100, 150)}, Config{}, "team.hourly_rate: the range needs low ≤ likely ≤ high"},
		{"NaN", []Input{ranged(t, "team.hourly_rate", -1, math.NaN(), 100, 150)}, Config{}, "finite"},
		{"no such option", []Input{ranged(t, "option.top_k", 9, 1, 2, 3)}, Config{}, "option #9.top_k: the scenario has no option 9"},
		{"text field", []Input{{Field: field(t, "option.method"), Option: 2}}, Config{}, `option "lora".method is not a number`},
		{"nil field", []Input{{}}, Config{}, "no field"},
	}
	for _, c := range cases {
		_, err := MonteCarlo(context.Background(), s, cat, c.inputs, c.cfg)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want %q", c.name, err, c.want)
		}
	}
}

func TestFitRoundsAndClamps(t *testing.T) {
	cases := []struct {
		path    string
		v, want float64
	}{
		{"option.top_k", 3.5, 4},               // whole number, half away from zero
		{"option.top_k", -2, 0},                // below the minimum of 0
		{"option.batch", 0.2, 1},               // minimum 1
		{"option.experiment_cycles", 1e9, 1e4}, // maximum 10,000
		{"option.corpus_churn_per_month", 1.2, 1},
		{"team.hourly_rate", 123.456, 123.456}, // in range, not an integer field
		{"option.lora_rank", 0.4, 1},
	}
	for _, c := range cases {
		if got := fit(field(t, c.path), c.v); got != c.want {
			t.Errorf("fit(%s, %g) = %g, want %g", c.path, c.v, got, c.want)
		}
	}
	// Exclusive minimums: the smallest value above them.
	if got := fit(field(t, "workload.queries_per_month"), -5); !(got > 0) {
		t.Errorf("queries_per_month clamped to %g, want > 0", got)
	}
	if got := fit(field(t, "option.utilization"), 0); !(got > 0 && got < 1e-300) {
		t.Errorf("utilization clamped to %g, want the smallest positive number", got)
	}
}

func TestPercentileInterpolates(t *testing.T) {
	x := []float64{1, 2, 3, 4, 5}
	// h = 4p: p10 → h = 0.4 → 1 + 0.4·1 = 1.4; p50 → 3; p90 → h = 3.6 → 4.6.
	nearRel(t, "p10", percentile(x, 0.1), 1.4, 1e-15)
	nearRel(t, "p50", percentile(x, 0.5), 3, 0)
	nearRel(t, "p90", percentile(x, 0.9), 4.6, 1e-15)
	nearRel(t, "p100", percentile(x, 1), 5, 0)
	nearRel(t, "single", percentile([]float64{7}, 0.9), 7, 0)
	if !math.IsNaN(percentile(nil, 0.5)) {
		t.Error("the percentile of nothing should be NaN")
	}
}
