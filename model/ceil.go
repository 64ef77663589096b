package model

import "math"

// ceil is math.Ceil, to the bit, written so that it is inlined: with the
// default GOAMD64=v1, math.Ceil is a call into assembly (it checks for
// SSE4.1), and a call in F22's month loop made the loop keep its sums in
// memory around it, twice a month. Whole-number magnitudes of 2^52 and up,
// NaN and ±Inf are math.Ceil's own; a result of zero keeps x's sign
// (math.Ceil(−0.5) is −0). TestCeilIsMathCeil holds it to math.Ceil.
func ceil(x float64) float64 {
	if !(x > -1<<52 && x < 1<<52) { // two comparisons: math.Abs moves x out of its register and back
		return math.Ceil(x)
	}
	t := float64(int64(x)) // x truncated toward zero
	if t < x {
		t++
	}
	if t == 0 {
		return math.Copysign(0, x)
	}
	return t
}
