package uncertainty

import (
	"context"
	"math"
	"testing"

	"github.com/tunecost/tunecost/model"
)

// F25a: Beta(c + 1, n − c + 1). 20 of 20 is Beta(21, 1), whose CDF is x^21:
// P10 = 0.1^(1/21) = 0.89604…, P90 = 0.9^(1/21) = 0.99499… (MODEL.md: "1.0 against P90 0.995").
// Beta(1, 1) is uniform: its quantile is u itself.
func TestBetaQuantileF25a(t *testing.T) {
	a, b := countsPosterior(20, 20)
	nearRel(t, "P90 of 20 of 20", BetaQuantile(0.9, a, b), math.Pow(0.9, 1.0/21), 1e-9)
	nearRel(t, "P10 of 20 of 20", BetaQuantile(0.1, a, b), math.Pow(0.1, 1.0/21), 1e-9)
	for _, u := range []float64{0.1, 0.37, 0.9} {
		nearRel(t, "uniform", BetaQuantile(u, 1, 1), u, 1e-9)
	}
	// Beta(2, 1) (1 of 1): CDF x², so the median is √0.5.
	nearRel(t, "median of 1 of 1", BetaQuantile(0.5, 2, 1), math.Sqrt(0.5), 1e-9)
}

// F25a: counts give the same likely value as their ratio, and a band as
// wide as the evaluation says: 170 of 200 is narrower than 17 of 20.
func TestCountsInputBands(t *testing.T) {
	s := testScenario()
	s.Options[0].HasAccuracy, s.Options[0].Accuracy, s.Options[0].AccuracyCorrect, s.Options[0].AccuracyOf = true, 0.85, 170, 200
	big, ok := CountsInput(&s, 0)
	if !ok || big.Likely != 0.85 || big.Label(&s) != `option "prompt".accuracy` {
		t.Fatalf("counts input %+v", big)
	}
	s.Options[0].AccuracyCorrect, s.Options[0].AccuracyOf = 17, 20
	small, _ := CountsInput(&s, 0)
	if !(big.BarHigh-big.BarLow < small.BarHigh-small.BarLow) || big.BarLow > 0.85 || big.BarHigh < 0.85 {
		t.Errorf("170/200 P10–P90 %.4f–%.4f should sit inside 17/20's %.4f–%.4f", big.BarLow, big.BarHigh, small.BarLow, small.BarHigh)
	}
	// The Monte Carlo draws accuracy from the Beta: with a cost per error, the
	// prompt option's total moves with it (Q = 100,000 a month, 12 months, 1 per error).
	s.Workload.HasCostPerError, s.Workload.CostPerError = true, 1
	for i := range s.Options {
		s.Options[i].HasAccuracy, s.Options[i].Accuracy = true, 0.9
	}
	s.Options[0].Accuracy, s.Options[0].AccuracyCorrect, s.Options[0].AccuracyOf = 0.85, 170, 200
	big, _ = CountsInput(&s, 0)
	a, err := MonteCarlo(context.Background(), s, testCatalog(), []Input{big}, Config{Samples: 4000, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	// errors = 1.2e6 · (1 − acc): the P10 total has the P90 accuracy.
	res, _ := model.Evaluate(s, testCatalog())
	withoutErrors := res.Options[0].Total - 1.2e6*0.15
	// Sampled percentiles of 4,000 draws: within 0.002 of the Beta's (its standard error is about 0.0007).
	if acc := 1 - (a.Options[0].P10-withoutErrors)/1.2e6; math.Abs(acc-big.BarHigh) > 0.002 {
		t.Errorf("the P10 total implies accuracy %.4f, want the Beta's P90 %.4f", acc, big.BarHigh)
	}
	if acc := 1 - (a.Options[0].P90-withoutErrors)/1.2e6; math.Abs(acc-big.BarLow) > 0.002 {
		t.Errorf("the P90 total implies accuracy %.4f, want the Beta's P10 %.4f", acc, big.BarLow)
	}
}

// §10: a file without ranges gets the default ranges of the efficiency
// constants of its self-hosted options (one draw per row, shared), bands
// of their totals and physics; efficiency_ranges = false turns them off.
func TestDefaultRangesAndPhysicsBands(t *testing.T) {
	s := testScenario()
	cat := testCatalog()
	second := loraOption()
	second.Name = "lora 2"
	s.Options = append(s.Options, second)
	s.EfficiencyRanges = true
	in := EfficiencyInputs(&s, &cat, nil)
	// lora (bf16 serving): mfu (full/lora row), bandwidth_efficiency (bf16 row), prefill_efficiency.
	if len(in) != 3 || in[0].Field.Key != "mfu" || in[1].Field.Key != "bandwidth_efficiency" || in[2].Field.Key != "prefill_efficiency" {
		t.Fatalf("default ranges %+v", in)
	}
	if in[0].Option != 2 || len(in[0].Shared) != 1 || in[0].Shared[0] != 3 || in[0].Label(&s) != "mfu (default range)" {
		t.Errorf("one draw shared by both loras: %+v", in[0])
	}
	if in[0].BarLow != 0.34 || in[0].BarHigh != 0.76 || in[0].Low != 0.20 || in[0].High != 0.95 {
		t.Errorf("mfu row %+v", in[0])
	}
	if got := EfficiencyInputs(&s, &cat, func(i int, key string) bool { return key == "mfu" }); len(got) != 2 {
		t.Errorf("a written mfu has no default range: %+v", got)
	}
	sum, err := Summarize(context.Background(), s, cat, in, Config{Samples: 500, Seed: 2})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Ranged || !sum.Defaults || sum.MC == nil {
		t.Fatalf("ranged %v defaults %v mc %v", sum.Ranged, sum.Defaults, sum.MC)
	}
	lora, prompt := sum.MC.Options[2], sum.MC.Options[0]
	if prompt.Physics != nil || lora.Physics == nil || lora.Physics.TrainingHours == nil {
		t.Fatalf("physics: prompt %+v, lora %+v", prompt.Physics, lora.Physics)
	}
	if !(lora.P10 < lora.P90) || !(lora.Physics.DecodeTokensPerS.P10 < lora.Physics.DecodeTokensPerS.P90) {
		t.Errorf("lora bands do not widen: %+v %+v", lora, lora.Physics)
	}
	// The shared draw: both loras are the same option, so their samples agree.
	if sum.MC.Options[3].P50 != lora.P50 || sum.MC.Options[3].Physics.TTFTms != lora.Physics.TTFTms {
		t.Errorf("the two loras drew differently: %+v vs %+v", sum.MC.Options[3], lora)
	}
	// The fixed-share tornado leaves mfu and the efficiencies to their bars.
	bars := map[string]int{}
	for _, sw := range sum.Tornado[2] {
		bars[sw.Label]++
	}
	if bars["mfu (default range)"] != 1 || bars[`option "lora".mfu`] != 0 || bars[`option "lora".batch`] != 1 {
		t.Errorf("lora's bars %v", bars)
	}

	s.EfficiencyRanges = false
	if got := EfficiencyInputs(&s, &cat, nil); got != nil {
		t.Errorf("efficiency_ranges = false: %+v", got)
	}
}

// §10's physics bands are the engine's figures: with only the traffic
// varying, every percentile is the one value F21 gives (equal percentiles
// when nothing the figure depends on varies).
func TestPhysicsBandsAreTheEnginesFigures(t *testing.T) {
	s := testScenario()
	cat := testCatalog()
	a, err := MonteCarlo(context.Background(), s, cat, []Input{ranged(t, "workload.queries_per_month", -1, 50000, 100000, 200000)}, Config{Samples: 200})
	if err != nil {
		t.Fatal(err)
	}
	res, _ := model.Evaluate(s, cat)
	sv, tr := res.Options[2].Serving, res.Options[2].Training
	ph := a.Options[2].Physics
	want := map[string][2]float64{
		"decode": {ph.DecodeTokensPerS.P10, 1 / sv.StepSeconds},
		"ttft":   {ph.TTFTms.P90, 1000 * (0.008 + sv.PrefillSeconds)},
		"tps":    {ph.OutputTokensPerSPerGPU.P50, 200 / sv.BusySeconds / sv.ReplicaGPUs},
		"hours":  {ph.TrainingHours.P10, tr.Hours},
	}
	for name, w := range want {
		nearRel(t, name, w[0], w[1], 1e-12)
	}
}
