package model

import "testing"

// BenchmarkEvaluate is the engine on one scenario of 3 options over 36 months
// (issue budget: ≤ 10 µs).
func BenchmarkEvaluate(b *testing.B) {
	s := testScenario()
	s.HorizonMonths = 36
	cat := testCatalog()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Evaluate(s, cat); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEvaluateLean is the same without derivations (Monte Carlo's path).
func BenchmarkEvaluateLean(b *testing.B) {
	s := testScenario()
	s.HorizonMonths = 36
	cat := testCatalog()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := EvaluateLean(s, cat); err != nil {
			b.Fatal(err)
		}
	}
}
