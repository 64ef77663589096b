package model

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestCeilIsMathCeil: ceil and math.Ceil agree bit for bit on zeros of both
// signs, halves, whole numbers and their neighbours, the edge of exact
// integers (2^52, 2^53), huge values, subnormals, NaN, ±Inf and a million
// random values of every magnitude.
func TestCeilIsMathCeil(t *testing.T) {
	xs := []float64{0, math.Copysign(0, -1), 0.5, -0.5, 1, -1, 1.5, -1.5, 2, -2, 1 << 52, -(1 << 52), 1 << 53, -(1 << 53),
		1<<52 + 0.5, -(1<<52 + 0.5), 1<<52 - 0.5, -(1<<52 - 0.5), math.MaxFloat64, -math.MaxFloat64, math.SmallestNonzeroFloat64,
		-math.SmallestNonzeroFloat64, math.NaN(), math.Inf(1), math.Inf(-1), 1e300, -1e300, 0.999999999999, -0.999999999999}
	for _, x := range xs {
		for _, y := range []float64{x, math.Nextafter(x, math.Inf(1)), math.Nextafter(x, math.Inf(-1))} {
			checkCeil(t, y)
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 1_000_000 {
		x := math.Float64frombits(rng.Uint64())
		if rng.IntN(2) == 0 { // magnitudes a month loop meets
			x = (rng.Float64() - 0.3) * math.Pow(10, float64(rng.IntN(20)))
		}
		checkCeil(t, x)
	}
}

func checkCeil(t *testing.T, x float64) {
	t.Helper()
	got, want := ceil(x), math.Ceil(x)
	if math.Float64bits(got) != math.Float64bits(want) && !(math.IsNaN(got) && math.IsNaN(want)) {
		t.Fatalf("ceil(%v) = %v, math.Ceil says %v", x, got, want)
	}
}

// TestFleetInferenceIsF22: F22 with its divisions by one skipped is F22
// as written, bit for bit, with one deployment and one replica an instance
// and without.
func TestFleetInferenceIsF22(t *testing.T) {
	rng := rand.New(rand.NewPCG(22, 1))
	one := func(v float64) float64 {
		if rng.IntN(2) == 0 {
			return 1
		}
		return v
	}
	for range 200_000 {
		f := fleetParams{deployments: one(float64(1 + rng.IntN(8))), minReplicas: float64(rng.IntN(3)), peakToAverage: 1 + 4*rng.Float64(),
			busy: rng.Float64() * 2, utilization: 0.1 + 0.9*rng.Float64(), perInstance: one(float64(1 + rng.IntN(8))), hourly: 10 * rng.Float64()}
		q := math.Pow(10, 12*rng.Float64())
		replicas := max(f.minReplicas, math.Ceil(f.peakToAverage*(q/f.deployments)/(HoursPerMonth*3600)*f.busy/f.utilization))
		wantInstances := f.deployments * math.Ceil(replicas/f.perInstance)
		want := wantInstances * f.hourly * HoursPerMonth
		got, instances := f.inference(q)
		if math.Float64bits(got) != math.Float64bits(want) || math.Float64bits(instances) != math.Float64bits(wantInstances) {
			t.Fatalf("%+v at q = %v: %v, %v; F22 says %v, %v", f, q, got, instances, want, wantInstances)
		}
	}
}
