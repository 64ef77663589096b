package uncertainty

import (
	"context"
	"testing"
)

// BenchmarkMonteCarlo10k is the budget case: 10,000 samples of a
// 3-option, 36-month scenario with 6 ranged inputs (≤ 100 ms on 2 cores).
func BenchmarkMonteCarlo10k(b *testing.B) {
	s, cat := testScenario(), testCatalog()
	s.HorizonMonths = 36
	inputs := sixInputs(b)
	b.ReportAllocs()
	for b.Loop() {
		a, err := MonteCarlo(context.Background(), s, cat, inputs, Config{Samples: 10000})
		if err != nil || a.Failed != 0 {
			b.Fatal(err, a.Failed)
		}
	}
}

// BenchmarkTornado is one tornado chart of the same scenario's fine-tune
// over its applicable default inputs.
func BenchmarkTornado(b *testing.B) {
	s, cat := testScenario(), testCatalog()
	s.HorizonMonths = 36
	inputs := DefaultInputs(s, selfHosted)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Tornado(s, cat, inputs, 2); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBreakEven solves queries_per_month between the prompt option and
// the fine-tune over the default bracket.
func BenchmarkBreakEven(b *testing.B) {
	s, cat := testScenario(), testCatalog()
	s.HorizonMonths = 36
	in, err := ParseInputPath(&s, "workload.queries_per_month")
	if err != nil {
		b.Fatal(err)
	}
	lo, hi := DefaultBracket(in.Field, in.Likely)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := SolveBreakEven(s, cat, 0, 2, in, lo, hi); err != nil {
			b.Fatal(err)
		}
	}
}
