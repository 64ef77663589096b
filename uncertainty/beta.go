package uncertainty

import "math"

// This file is F25a's distribution: accuracy written as the counts of an
// evaluation, { correct = c, of = n }, is Beta(c + 1, n − c + 1), the
// posterior of a uniform prior, drawn by the inverse of its CDF.

// BetaQuantile is the inverse of the regularised incomplete beta function:
// the x in [0, 1] with I_x(a, b) = u, for a, b > 0. u outside [0, 1] is
// clamped. It is a bisection to 1e-12 (40 halvings of [0, 1]), which keeps
// it monotone in u, as the Monte Carlo's determinism needs; the bracket of
// betabracket.go makes it fast without changing a bit of its answer.
func BetaQuantile(u, a, b float64) float64 {
	switch {
	case !(u > 0):
		return 0
	case u >= 1:
		return 1
	}
	sh := newBetaShape(a, b)
	return sh.quantile(u, sh.normalStart(u))
}

// quantile is BetaQuantile at u in (0, 1), Halley's method starting at start.
func (sh *betaShape) quantile(u, start float64) float64 {
	below, above := sh.bracket(u, start)
	return sh.bisect(u, below, above)
}

// bisect is the bisection of [0, 1] for the quantile at u, every midpoint
// ≤ below taken as computing below u and every one ≥ above as not (see
// betabracket.go and betabound.go); the others are evaluated. The walk
// starts where those decided midpoints lead it (decidedDescent).
func (sh *betaShape) bisect(u, below, above float64) float64 {
	lo, hi := decidedDescent(below, above)
	for hi-lo > 1e-12 {
		mid := (lo + hi) / 2
		if mid <= below || (mid < above && betaCDFNorm(mid, sh.a, sh.b, sh.norm) < u) {
			lo = mid
		} else {
			hi = mid
		}
	}
	return (lo + hi) / 2
}

// betaQuantileBisection is BetaQuantile as it was before the bracket: every
// one of the 40 halvings evaluates the CDF. Tests hold the two to the bit.
func betaQuantileBisection(u, a, b float64) float64 {
	switch {
	case !(u > 0):
		return 0
	case u >= 1:
		return 1
	}
	lo, hi := 0.0, 1.0
	norm := betaNorm(a, b)
	for hi-lo > 1e-12 {
		mid := (lo + hi) / 2
		if betaCDFNorm(mid, a, b, norm) < u {
			lo = mid
		} else {
			hi = mid
		}
	}
	return (lo + hi) / 2
}

// betaNorm is ln Γ(a + b) − ln Γ(a) − ln Γ(b), the log of 1 / B(a, b).
func betaNorm(a, b float64) float64 {
	la, _ := math.Lgamma(a)
	lb, _ := math.Lgamma(b)
	lab, _ := math.Lgamma(a + b)
	return lab - la - lb
}

// betaCDFNorm is the regularised incomplete beta function I_x(a, b), by the
// continued fraction of Numerical Recipes §6.4 (betacf), on the side of
// x where it converges fast.
// norm is betaNorm(a, b), worked out once by the caller.
func betaCDFNorm(x, a, b, norm float64) float64 {
	if x <= 0 {
		return 0
	}
	if x >= 1 {
		return 1
	}
	front := math.Exp(norm + a*math.Log(x) + b*math.Log1p(-x))
	if x < (a+1)/(a+b+2) {
		return front * betaFraction(x, a, b) / a
	}
	return 1 - front*betaFraction(1-x, b, a)/b
}

// countFraction, when a test sets it, is called by every betaFraction:
// the draws' cost is counted in continued fractions. Nil otherwise.
var countFraction func()

// betaFraction is the continued fraction of I_x(a, b) (modified Lentz).
func betaFraction(x, a, b float64) float64 {
	h, _ := betaFractionSteps(x, a, b)
	return h
}

// betaFractionSteps is betaFraction and the steps it took to converge,
// betaFractionLimit + 1 when it did not.
func betaFractionSteps(x, a, b float64) (h float64, steps int) {
	if countFraction != nil {
		countFraction()
	}
	qab, qap, qam := a+b, a+1, a-1
	c, d := 1.0, 1-qab*x/qap
	if math.Abs(d) < lentzTiny {
		d = lentzTiny
	}
	d = 1 / d
	h = d
	for m := 1; m <= betaFractionLimit; m++ {
		fm := float64(m)
		m2 := 2 * fm
		var del float64
		c, d, del = lentzStep(fm*(b-fm)*x/((qam+m2)*(a+m2)), c, d) // the even step
		h *= del
		c, d, del = lentzStep(-(a+fm)*(qab+fm)*x/((a+m2)*(qap+m2)), c, d) // the odd step
		h *= del
		if math.Abs(del-1) < 1e-15 {
			return h, m
		}
	}
	return h, betaFractionLimit + 1
}

// lentzTiny stands in for a zero denominator in the modified Lentz method.
const lentzTiny = 1e-300

// lentzStep is one step of the modified Lentz method with coefficient aa:
// the next c and d and their product, which multiplies the fraction.
func lentzStep(aa, c, d float64) (cNext, dNext, del float64) {
	d = 1 + aa*d
	if math.Abs(d) < lentzTiny {
		d = lentzTiny
	}
	c = 1 + aa/c
	if math.Abs(c) < lentzTiny {
		c = lentzTiny
	}
	d = 1 / d
	return c, d, d * c
}

// betaFractionLimit is the most steps betaFraction takes.
const betaFractionLimit = 300

// countsPosterior is F25a's Beta(c + 1, n − c + 1).
func countsPosterior(correct, of float64) (a, b float64) { return correct + 1, of - correct + 1 }
