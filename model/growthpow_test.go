package model

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestGrowthPowersAreMathPow: every month's (1 + g)^m is math.Pow's, bit for
// bit, for growths from −100 % to +1000 % a month, the special ones
// (0, 1, tiny, huge, NaN, Inf) included, over horizons up to 1,200 months.
func TestGrowthPowersAreMathPow(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 6))
	xs := []float64{0, 1, 2, 0.5, 1 + 1e-15, 1 - 1e-15, 1e-300, 5e-324, 1e300, math.Inf(1), math.NaN(), -0.5, 1.01, 0.99, 1.05}
	for range 300 {
		xs = append(xs, 1+(rng.Float64()*2-1)*math.Pow(10, -8*rng.Float64()), 11*rng.Float64())
	}
	for _, x := range xs {
		for _, h := range []int{0, 1, 2, 3, 12, 36, 120, 127, 128, 129, 1200} {
			got := make([]float64, h)
			growthPowers(x, got)
			for m := range got {
				want := math.Pow(x, float64(m))
				if math.Float64bits(got[m]) != math.Float64bits(want) && !(math.IsNaN(got[m]) && math.IsNaN(want)) {
					t.Fatalf("(%v)^%d = %v, math.Pow gives %v", x, m, got[m], want)
				}
			}
		}
	}
}
