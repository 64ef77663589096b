package model

import "math"

// growthPowers fills out[m] with math.Pow(x, m) for m = 0, 1, …, to the
// bit: F1's (1 + g)^m for every month, which a Monte Carlo sample works out
// afresh whenever it draws monthly_growth. math.Pow raises x to a whole
// power by multiplying, in turn, the successive squarings of x's mantissa
// (renormalised to [0.5, 1), their exponents kept apart) that the bits of
// m select, then scaling by the summed exponent. Those squarings are the
// same for every m, so they are worked out once here and each month does
// only its multiplications, in math.Pow's order: the same operations on
// the same numbers. Where math.Pow takes a special path (x = 1, x not a
// positive finite number, exponents beyond its overflow guard), every
// month calls it. TestGrowthPowersAreMathPow holds the two to the bit.
func growthPowers(x float64, out []float64) {
	const maxBits = 63
	var sq [maxBits]float64
	var se [maxBits]int
	bits := 0
	for n := len(out) - 1; n > 0; n >>= 1 {
		bits++
	}
	if !(x > 0) || x == 1 || math.IsInf(x, 0) || bits > maxBits {
		powEach(x, out)
		return
	}
	x1, xe := math.Frexp(x)
	for k := range bits {
		if xe < -1<<12 || 1<<12 < xe {
			powEach(x, out) // math.Pow's overflow guard: its own path
			return
		}
		sq[k], se[k] = x1, xe
		x1 *= x1
		xe <<= 1
		if x1 < .5 {
			x1 += x1
			xe--
		}
	}
	powersFromSquarings(x, sq[:bits], se[:bits], out)
}

// powersFromSquarings is growthPowers' months from the squarings: math.Pow
// multiplies the squarings m's bits select from the lowest bit up, so m's
// product is that of m without its highest bit times that bit's squaring,
// the very multiplications in the same order, one a month.
func powersFromSquarings(x float64, sq []float64, se []int, out []float64) {
	var a1s [128]float64 // unscaled products, m < 128 (F1's horizons are at most 120)
	var aes [128]int
	if len(out) > len(a1s) {
		powEach(x, out)
		return
	}
	a1s[0] = 1
	top := 0 // m's highest bit
	for m := range out {
		switch m {
		case 0:
			out[m] = 1
			continue
		case 1:
			out[m] = x
		}
		if m == 2<<top {
			top++
		}
		rest := m - 1<<top
		a1s[m], aes[m] = a1s[rest]*sq[top], aes[rest]+se[top]
		if m > 1 {
			out[m] = scale(a1s[m], aes[m])
		}
	}
}

// powEach is out[m] = math.Pow(x, m), one call a month.
func powEach(x float64, out []float64) {
	for m := range out {
		out[m] = math.Pow(x, float64(m))
	}
}

// scale is math.Ldexp(a, e): a product by 2^e, exact (so the same bits)
// when both 2^e and the result are normal numbers; Ldexp otherwise.
func scale(a float64, e int) float64 {
	if e >= -1022 && e <= 1023 {
		if r := a * math.Float64frombits(uint64(e+1023)<<52); r >= 0x1p-1022 && r <= math.MaxFloat64 {
			return r
		}
	}
	return math.Ldexp(a, e)
}
