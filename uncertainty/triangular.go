package uncertainty

import "math"

// Triangular is the inverse CDF of the triangular distribution on
// [low, high] with mode likely, at u in [0, 1): u = 0 gives low, u → 1
// gives high and u = (likely−low)/(high−low) gives likely. It expects
// low ≤ likely ≤ high; a range of zero width gives likely. u outside
// [0, 1] is clamped so that a caller's rounding cannot produce NaN.
func Triangular(u, low, likely, high float64) float64 {
	if !(high > low) {
		return likely
	}
	if !(u > 0) {
		u = 0
	} else if u > 1 {
		u = 1
	}
	width := high - low
	if u*width < likely-low { // u < Fc, written without dividing
		return low + math.Sqrt(u*width*(likely-low))
	}
	return high - math.Sqrt((1-u)*width*(high-likely))
}
