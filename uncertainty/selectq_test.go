package uncertainty

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestTypeSevenQuantilesAreTheSortedOnes: P10, P50 and P90 by selection are
// to the bit those of the sorted values, on random sizes with many ties,
// sorted and reversed runs, negative and positive zeros and NaN.
func TestTypeSevenQuantilesAreTheSortedOnes(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 6))
	for run := range 1000 {
		n := 1 + rng.IntN(3000)
		x := make([]float64, n)
		distinct := 1 + rng.IntN(n+1)
		for i := range x {
			x[i] = float64(rng.IntN(distinct)) * (1 + rng.Float64()*float64(run%2))
		}
		switch run % 7 {
		case 1:
			slices.Sort(x)
		case 2:
			slices.Sort(x)
			slices.Reverse(x)
		case 3:
			x[rng.IntN(n)] = math.Copysign(0, -1)
		case 4:
			x[rng.IntN(n)] = math.NaN()
		}
		sorted := slices.Clone(x)
		slices.Sort(sorted)
		w10, w50, w90 := percentile(sorted, 0.10), percentile(sorted, 0.50), percentile(sorted, 0.90)
		g10, g50, g90 := typeSevenQuantiles(x)
		for _, c := range [][2]float64{{g10, w10}, {g50, w50}, {g90, w90}} {
			if math.Float64bits(c[0]) != math.Float64bits(c[1]) {
				t.Fatalf("run %d (n %d): %v, %v, %v; sorted gives %v, %v, %v", run, n, g10, g50, g90, w10, w50, w90)
			}
		}
	}
}
