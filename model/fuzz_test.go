package model

import (
	"math"
	"testing"
)

// FuzzEvaluate drives the engine with arbitrary numbers on a valid-by-construction
// scenario: whatever the values, Evaluate returns an error or a result with no
// NaN or Inf, non-negative totals and a non-decreasing cumulative cost.
func FuzzEvaluate(f *testing.F) {
	f.Add(100000.0, 0.05, 500.0, 200.0, 16.0, 10000.0, 6.0, 0.6, 12.0, uint8(0))
	f.Add(1e15, 10.0, 1e7, 1e7, 65536.0, 1e15, 1e4, 1e-300, 120.0, uint8(7))
	f.Add(1e-9, 0.0, 0.0, 0.0, 1.0, 0.0, 1.0, 1.0, 1.0, uint8(3))
	f.Fuzz(func(t *testing.T, q, g, in, out, rank, examples, cycles, util, horizon float64, flags uint8) {
		s := testScenario()
		s.Workload.QueriesPerMonth, s.Workload.MonthlyGrowth = q, g
		s.Workload.InputTokens, s.Workload.OutputTokens = in, out
		s.HorizonMonths = horizon
		lora := &s.Options[2]
		lora.LoraRank, lora.TrainExamples, lora.ExperimentCycles, lora.Utilization = rank, examples, cycles, util
		lora.Merged = flags&1 == 0
		lora.Method = []string{"lora", "qlora", "full", "lora"}[flags>>1&3]
		lora.Adapters = float64(flags>>3) + 1
		s.Options = append(s.Options, managedOption())
		res, err := Evaluate(s, testCatalog())
		if err != nil {
			return
		}
		for _, o := range res.Options {
			prev := 0.0
			for _, m := range o.Months {
				if math.IsNaN(m.Cumulative) || math.IsInf(m.Cumulative, 0) || m.Total < 0 || m.Cumulative < prev {
					t.Fatalf("%s month %d: total %v cumulative %v after %v", o.Name, m.Month, m.Total, m.Cumulative, prev)
				}
				prev = m.Cumulative
			}
			if o.Total < 0 || math.IsNaN(o.CostPer1k) || math.IsInf(o.MarginalPer1k, 0) {
				t.Fatalf("%s: total %v per1k %v marginal %v", o.Name, o.Total, o.CostPer1k, o.MarginalPer1k)
			}
		}
	})
}
