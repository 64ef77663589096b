package calibration

import "testing"

// BenchmarkSuite evaluates every case with its Monte Carlo band: the
// calibration test's cost, whose goal is under 3 s on two cores.
func BenchmarkSuite(b *testing.B) {
	cases, err := LoadCases(casesDir)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		Run(cases)
	}
}
