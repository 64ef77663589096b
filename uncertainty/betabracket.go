package uncertainty

import (
	"math"
	"math/bits"
)

// This file makes F25a's quantiles (MODEL.md F25a) fast without changing
// them. BetaQuantile's bisection asks, at each of 40 midpoints, whether the
// computed CDF I_mid(a, b) is below u. Far from the answer that question
// has only one possible answer, so it need not be asked: a bracket
// (below, above) on the bisection's last grid has every midpoint ≤ below
// taken as below u and every one ≥ above as not, and bisect evaluates only
// the midpoints between them (its walk to the first of those is
// decidedDescent). So the bisection takes the same path and returns the
// same bits, with a few CDF evaluations instead of 40.
//
// betaShape.bracket, BetaQuantile's and a run's fallback, finds the answer
// x* by Halley's method, then checks two grid points around it, below ≤
// x* − m and above ≥ x* + m, with I_below ≤ u − τ and I_above ≥ u + τ. If
// every evaluation of the CDF is within τ / 2 of a non-decreasing function
// I (the exact one up to a constant factor per branch of the continued
// fraction, and the drop between them), then every midpoint ≤ below
// computes below u and every one ≥ above at least u, which is what the
// bisection would have found by evaluating them. That costs Halley's
// evaluations and two checks. A run's draws (betaDraw) do it from one
// evaluation at a start read from a table of quantiles: betabound.go.
//
// τ bounds the error of one evaluation generously: the CDF's front factor is
// exp(ln Γ(a+b) − ln Γ(a) − ln Γ(b) + a ln x + b ln(1 − x)), whose exponent
// carries a rounding error of a few units in the last place of the largest
// of those terms; τ allows 4 units of their sum, twice (plus a few of 1
// for the upper branch's 1 − …), several times what the roundings and the
// continued fraction's 1e-15 stopping rule add. That bound is an estimate,
// not a proof: TestBetaQuantileIsTheBisectionToTheBit holds the draws to
// the plain bisection, bit for bit, from 0 of 1 to a million counts and
// into the tails. When a check fails (the tails, where the CDF barely
// moves over 1e-12), m grows; after three tries the bisection evaluates
// every midpoint, as before.

// noBracket leaves every midpoint to be evaluated.
const noBracket, noBracketAbove = -1.0, 2.0

// betaShape is Beta(a, b) with what every draw from it shares: the log of
// 1 / B(a, b) and the size of the terms of the CDF's exponent that τ
// scales with.
type betaShape struct {
	a, b, norm float64
	lgTerms    float64 // |ln Γ(a+b)| + |ln Γ(a)| + |ln Γ(b)| + |norm|
}

func newBetaShape(a, b float64) betaShape {
	la, _ := math.Lgamma(a)
	lb, _ := math.Lgamma(b)
	lab, _ := math.Lgamma(a + b)
	norm := lab - la - lb // betaNorm's sum, in its order
	return betaShape{a: a, b: b, norm: norm, lgTerms: math.Abs(lab) + math.Abs(la) + math.Abs(lb) + math.Abs(norm)}
}

// bracket returns below < above around the quantile at u, with the CDF
// checked to be at most u − τ at below and at least u + τ at above, or
// (noBracket, noBracketAbove) when it cannot establish that. start is
// where Halley's method begins: only the speed depends on it.
func (sh *betaShape) bracket(u, start float64) (below, above float64) {
	a, b, norm := sh.a, sh.b, sh.norm
	if !(a >= 1 && b >= 1) || math.IsInf(norm, 0) || math.IsNaN(norm) {
		return noBracket, noBracketAbove // densities unbounded at 0 or 1: bisect
	}
	x := sh.halley(u, start)
	if !(x > 0 && x < 1) {
		return noBracket, noBracketAbove
	}
	tau := sh.tolerance(x)
	f := betaDensity(x, a, b, norm)
	m := max(betaGrid, 2*tau/f)
	for range 3 {
		// On the bisection's last grid, so that the midpoints left between
		// them are as few as can be (a midpoint equal to one is decided).
		below = math.Floor((x-m)/betaGrid) * betaGrid
		above = math.Ceil((x+m)/betaGrid) * betaGrid
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

// decidedDescent is the bisection's [lo, hi] at its first midpoint strictly
// between below and above (or at its end), when every midpoint ≤ below
// goes up and every one ≥ above goes down: the smallest of its dyadic
// intervals holding [below, above], found from the grid's bits instead of
// up to 40 unpredictable branches. Every midpoint is a multiple of
// betaGrid, exact in float64, so lo and hi are the walk's to the bit.
// below < 0 and above > 1 decide nothing, as 0 and 1 do; off the grid,
// the walk starts from [0, 1].
func decidedDescent(below, above float64) (lo, hi float64) {
	below, above = max(below, 0), min(above, 1)
	gb, ga := below/betaGrid, above/betaGrid
	if !(gb < ga) || gb != math.Trunc(gb) || ga != math.Trunc(ga) {
		return 0, 1
	}
	b, a := uint64(gb), uint64(ga)
	w := uint64(1) << bits.Len64(b^(a-1)) // [l, l + w] ⊇ [b, a] for l = b rounded down to w
	l := b / w * w
	return float64(l) * betaGrid, float64(l+w) * betaGrid
}

// tolerance is τ: twice a generous bound on the error of one evaluation
// of betaCDFNorm near x.
func (sh *betaShape) tolerance(x float64) float64 {
	return sh.errorBound(sh.lgTerms, x)
}

// errorBound is twice a generous bound on the error of one evaluation of
// betaCDFNorm near x whose exponent's first term carries an error of a
// few units of scale (the ln Γ's, or only their sum: betabound.go).
func (sh *betaShape) errorBound(scale, x float64) float64 {
	return sh.errorBoundLogs(scale, math.Log(x), math.Log1p(-x))
}

// errorBoundLogs is errorBound from ln x and ln(1 − x).
func (sh *betaShape) errorBoundLogs(scale, lnX, ln1mX float64) float64 {
	terms := scale + sh.a*math.Abs(lnX) + sh.b*math.Abs(ln1mX) + 64
	rel := 4 * 0x1p-52 * terms
	return 2 * (rel + 8*0x1p-52)
}

// normalStart is the normal approximation's quantile at u, a start for
// Halley's method.
func (sh *betaShape) normalStart(u float64) float64 {
	a, b := sh.a, sh.b
	mean := a / (a + b)
	sd := math.Sqrt(a * b / ((a + b) * (a + b) * (a + b + 1)))
	return mean + sd*math.Sqrt2*math.Erfinv(2*u-1)
}

// halley is the quantile at u by Halley's method on the CDF from start,
// kept inside the bracket the signs have shown. Only its speed depends on
// its accuracy: bracket checks its answer. A step small enough that the
// next one would be below 1e-14 (Halley's error is about the cube of the
// step times (f′ / f)²) is taken without evaluating the CDF again.
func (sh *betaShape) halley(u, start float64) float64 {
	a, b, norm := sh.a, sh.b, sh.norm
	x := start
	if !(x > 0 && x < 1) {
		x = a / (a + b)
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
			if math.Abs(step) < 1e-6 && math.Abs(step*slope) < 1e-4 {
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

// betaDraw is one F25a input's Beta, ready for a run's thousands of draws:
// its shape and the quantiles at u = k /
// betaNodes, interpolated into a start close enough for one CDF evaluation
// to anchor the bracket (the tails start from Halley's method). The draws
// are BetaQuantile's to the bit. A denser table does not pay: at 128
// nodes the start needs Halley's step in about 6 % of the draws; 512 nodes
// save about 0.1 continued fraction a draw (1,000 in a run of 10,000) and
// cost about 830 more to build (about 2 a node).
type betaDraw struct {
	shape betaShape
	xs    [betaNodes + 1]float64 // the quantile at u = k / betaNodes
	dxdu  [betaNodes + 1]float64 // its slope there: 1 / density
}

const betaNodes = 128

func newBetaDraw(a, b float64) *betaDraw {
	d := &betaDraw{shape: newBetaShape(a, b)}
	for k := 1; k < betaNodes; k++ {
		u := float64(k) / betaNodes
		d.xs[k] = d.shape.halley(u, d.shape.normalStart(u))
		d.dxdu[k] = 1 / betaDensity(d.xs[k], a, b, d.shape.norm)
	}
	return d
}

// quantile is BetaQuantile(u, a, b).
func (d *betaDraw) quantile(u float64) float64 {
	switch {
	case !(u > 0):
		return 0
	case u >= 1:
		return 1
	}
	var start float64
	if k := int(u * betaNodes); k >= 1 && k < betaNodes-1 {
		start = d.start(k, u*betaNodes-float64(k))
	} else {
		start = d.shape.halley(u, d.shape.normalStart(u)) // the tails, past the table
	}
	if below, above, ok := d.shape.anchoredBracket(u, start); ok {
		return d.shape.bisect(u, below, above)
	}
	return d.shape.quantile(u, start)
}

// start is the cubic Hermite interpolation between nodes k and k + 1 at
// t in [0, 1): its error falls with the fourth power of the spacing, so
// Halley's first step lands within 1e-14 of the answer.
func (d *betaDraw) start(k int, t float64) float64 {
	const h = 1.0 / betaNodes
	t2, t3 := t*t, t*t*t
	return (2*t3-3*t2+1)*d.xs[k] + (t3-2*t2+t)*h*d.dxdu[k] + (-2*t3+3*t2)*d.xs[k+1] + (t3-t2)*h*d.dxdu[k+1]
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
