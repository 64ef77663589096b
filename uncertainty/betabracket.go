package uncertainty

import "math"

// This file makes F25a's draws fast without changing them. BetaQuantile's
// bisection asks, at each of 40 midpoints, whether the computed CDF
// I_mid(a, b) is below u. Far from the answer that question has only one
// possible answer, so it need not be asked: betaBracket finds the answer x*
// by Halley's method, then checks two points around it, below = x* − m and
// above = x* + m, with I_below ≤ u − τ and I_above ≥ u + τ. If every
// evaluation of the CDF is within τ / 2 of a non-decreasing function I
// (the exact one up to a constant factor per branch of the continued
// fraction), then every midpoint ≤ below computes below u and every
// midpoint ≥ above computes at least u, which is what the bisection would
// have found by evaluating them; the midpoints in between are still
// evaluated. So the bisection takes the same path and returns the same
// bits, with about 8 CDF evaluations instead of 40.
//
// τ bounds the error of one evaluation generously: the CDF's front factor is
// exp(ln Γ(a+b) − ln Γ(a) − ln Γ(b) + a ln x + b ln(1 − x)), whose exponent
// carries a rounding error of a few units in the last place of the largest
// of those terms; τ allows 16 units of their sum, twice (plus a few of 1 for the
// upper branch's 1 − …), far above what the continued fraction's 1e-15
// stopping rule and the roundings add. When a check fails (the tails, where
// the CDF barely moves over 1e-12), m grows; after three tries the
// bisection evaluates every midpoint, as before.

// noBracket leaves every midpoint to be evaluated.
const noBracket, noBracketAbove = -1.0, 2.0

// betaBracket returns below < above around the quantile at u of Beta(a, b),
// with the CDF checked to be at most u − τ at below and at least u + τ at
// above, or (noBracket, noBracketAbove) when it cannot establish that.
func betaBracket(u, a, b, norm float64) (below, above float64) {
	if !(a >= 1 && b >= 1) || math.IsInf(norm, 0) || math.IsNaN(norm) {
		return noBracket, noBracketAbove // densities unbounded at 0 or 1: bisect
	}
	x := betaHalley(u, a, b, norm)
	if !(x > 0 && x < 1) {
		return noBracket, noBracketAbove
	}
	tau := betaTolerance(x, a, b, norm)
	_, f := betaCDFDensity(x, a, b, norm)
	m := max(2*betaGrid, 2*tau/f)
	for range 3 {
		below, above = x-m, x+m
		if !(m < 0.5) {
			break
		}
		if betaCDFNorm(below, a, b, norm) <= u-tau && betaCDFNorm(above, a, b, norm) >= u+tau {
			return below, above
		}
		m *= 64
	}
	return noBracket, noBracketAbove
}

// betaGrid is the bisection's last step: 40 halvings of [0, 1].
const betaGrid = 0x1p-40

// betaTolerance is τ: twice a generous bound on the error of one
// evaluation of betaCDFNorm near x.
func betaTolerance(x, a, b, norm float64) float64 {
	la, _ := math.Lgamma(a)
	lb, _ := math.Lgamma(b)
	lab, _ := math.Lgamma(a + b)
	terms := math.Abs(lab) + math.Abs(la) + math.Abs(lb) + math.Abs(norm) +
		a*math.Abs(math.Log(x)) + b*math.Abs(math.Log1p(-x)) + 64
	rel := 16 * 0x1p-52 * terms
	return 2 * (rel + 8*0x1p-52)
}

// betaHalley is the quantile at u by Halley's method on the CDF, from the
// normal approximation, kept inside the bracket the signs have shown.
// Only its speed depends on its accuracy: betaBracket checks its answer.
func betaHalley(u, a, b, norm float64) float64 {
	mean := a / (a + b)
	sd := math.Sqrt(a * b / ((a + b) * (a + b) * (a + b + 1)))
	x := mean + sd*math.Sqrt2*math.Erfinv(2*u-1)
	if !(x > 0 && x < 1) {
		x = mean
	}
	lo, hi := 0.0, 1.0
	for range 30 {
		cdf, f := betaCDFDensity(x, a, b, norm)
		r := cdf - u
		if r < 0 {
			lo = x
		} else {
			hi = x
		}
		next := (lo + hi) / 2
		if f > 0 && !math.IsInf(f, 0) {
			t := r / f
			slope := (a-1)/x - (b-1)/(1-x) // f′ / f
			step := t
			if d := 1 - t*slope/2; d > 0.5 && d < 2 {
				step = t / d // Halley; else Newton
			}
			if math.Abs(step) < betaGrid/64 {
				return x - step
			}
			if cand := x - step; cand > lo && cand < hi {
				next = cand
			}
		}
		x = next
	}
	return x
}

// betaCDFDensity is betaCDFNorm(x, …) and the density at x, which shares
// its front factor: f = front / (x (1 − x)).
func betaCDFDensity(x, a, b, norm float64) (cdf, density float64) {
	front := math.Exp(norm + a*math.Log(x) + b*math.Log1p(-x))
	density = front / (x * (1 - x))
	if x < (a+1)/(a+b+2) {
		return front * betaFraction(x, a, b) / a, density
	}
	return 1 - front*betaFraction(1-x, b, a)/b, density
}
