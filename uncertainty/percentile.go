package uncertainty

import "math"

// percentile is the p-quantile (0 ≤ p ≤ 1) of sorted, non-empty x by linear
// interpolation between order statistics (R's type 7, NumPy's default):
// h = (n−1)·p, x[⌊h⌋] + (h−⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]). Equal values give
// exactly that value, so a sample without ranges has P10 = P50 = P90.
func percentile(x []float64, p float64) float64 {
	if len(x) == 0 {
		return math.NaN()
	}
	h := float64(len(x)-1) * p
	i := int(math.Floor(h))
	if i >= len(x)-1 {
		return x[len(x)-1]
	}
	if i < 0 {
		return x[0]
	}
	return x[i] + (h-float64(i))*(x[i+1]-x[i])
}
