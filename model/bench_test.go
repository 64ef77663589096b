package model

import "testing"

// BenchmarkEvaluateFixture is the engine on the test fixture, 3 options over 36 months
// (the budgeted BenchmarkEvaluate, on the built-in example, is in bench/).
func BenchmarkEvaluateFixture(b *testing.B) {
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

// BenchmarkEvaluateLeanFixture is the same without derivations (Monte Carlo's path).
func BenchmarkEvaluateLeanFixture(b *testing.B) {
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
