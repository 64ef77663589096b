package uncertainty

import "math"

// This file brackets a run's F25a draw (MODEL.md F25a) from ONE evaluation
// of the CDF, where betabracket.go's bracket needs Halley's evaluations and
// two checks.
//
// The anchor is the CDF computed at x, c. The exact CDF moves from x by
// the integral of the density, and for a, b ≥ 1 the log of the density is
// concave: it lies below its tangent at x and above that tangent less half
// its largest curvature times the squared distance, so the density near x
// is bounded from the anchor's with no continued fraction. Adding what the
// computed CDF may be off at x and at p bounds what the bisection would
// compute at p. Where that bound is wholly below u (at below) or not below
// u (at above), every midpoint beyond it is decided too, the exact CDF
// being non-decreasing. The midpoints between are evaluated by the
// bisection's own betaCDFNorm call, so the walk and its bits are the
// bisection's.
//
// Two sizes of error. Far from x (beyond x ± D), the bound takes 3τ:
// betabracket.go's τ / 2 for each of the two evaluations and τ / 2 for the
// drop at the CDF's switch of branch, doubled. Near x it takes 2τ_loc:
// norm's own error ε (the three ln Γ's, most of τ for large counts) is the
// same in every evaluation, so it only scales the exact CDF by e^ε on the
// lower branch and its complement on the upper, which widening the
// densities by τ covers; what differs between two evaluations on one
// branch is the rounding of the exponent's sum (in units of |norm| + a |ln
// p| + b |ln(1 − p)|, not of the ln Γ's), exp's, and the continued
// fraction's (its first step loses as much as its cancellation,
// s / (1 − s), and every step may add some). localTolerance estimates
// those as tolerance does the whole; the near region is kept small beside
// x's distance from 0, 1 and the switch, so that they hold across it, and
// an anchor whose continued fraction did not converge is not used.
//
// These bounds are estimates, not proofs: TestBetaDrawIsTheBisectionToTheBit
// and TestBetaQuantileIsTheBisectionToTheBit hold the draws to the plain
// bisection bit for bit. Where no bracket is established (a or b < 1, a
// poor anchor, x near the switch, …) the draw takes betabracket.go's path.

// anchor is one evaluation of the CDF, at x: cdf and density there, the
// slope of ln density, and the bounds taken on two evaluations' error far
// from x (far: 3τ) and near it (near: 2τ_loc), and τ, the densities'
// relative error.
type anchor struct {
	x, cdf, density, slope float64
	far, near, rel         float64
	converged              bool
}

// anchorAt evaluates the CDF at x as betaCDFNorm does, to the bit: the one
// continued fraction of a draw that starts close enough.
func (sh *betaShape) anchorAt(x float64) anchor {
	a, b := sh.a, sh.b
	lnX, ln1mX := math.Log(x), math.Log1p(-x)
	front := math.Exp(sh.norm + a*lnX + b*ln1mX)
	an := anchor{x: x, density: front / (x * (1 - x)), slope: (a-1)/x - (b-1)/(1-x)}
	var h, s float64 // s: the continued fraction's first step subtracts it from 1
	var steps int
	if x < (a+1)/(a+b+2) {
		h, steps = betaFractionSteps(x, a, b)
		an.cdf, s = front*h/a, (a+b)*x/(a+1)
	} else {
		h, steps = betaFractionSteps(1-x, b, a)
		an.cdf, s = 1-front*h/b, (a+b)*(1-x)/(b+1)
	}
	an.converged = steps <= betaFractionLimit
	tau := sh.errorBoundLogs(sh.lgTerms, lnX, ln1mX) // tolerance(x)
	an.far, an.rel = 3*tau, tau
	an.near = 2 * sh.errorBoundLogs(math.Abs(sh.norm)+s/(1-s)+float64(steps), lnX, ln1mX)
	return an
}

// logConcave reports a, b ≥ 1 and a finite norm: a bounded density whose
// log is concave, which the bounds need.
func (sh *betaShape) logConcave() bool {
	return sh.a >= 1 && sh.b >= 1 && !math.IsInf(sh.norm, 0) && !math.IsNaN(sh.norm)
}

// betaDensity is the density of Beta(a, b) at x in (0, 1): the CDF's front
// factor over x (1 − x), with no continued fraction.
func betaDensity(x, a, b, norm float64) float64 {
	return math.Exp(norm+a*math.Log(x)+b*math.Log1p(-x)) / (x * (1 - x))
}

// curvature is −(ln density)″ at t, (a − 1) / t² + (b − 1) / (1 − t)²:
// convex in t, so its largest on an interval is at an end.
func (sh *betaShape) curvature(t float64) float64 {
	return (sh.a-1)/(t*t) + (sh.b-1)/((1-t)*(1-t))
}

// densityBounds is the least and greatest the exact density can be between
// the anchor and p, from the anchor's by concavity (e^y ≥ 1 + y, and
// e^z ≤ 1 / (1 − z) for z < 1), widened by the anchor's relative error.
// fmax is +Inf when the tangent climbs too far for the bound.
func (sh *betaShape) densityBounds(an anchor, p float64) (fmin, fmax float64) {
	h := p - an.x
	curv := max(sh.curvature(an.x), sh.curvature(p))
	low := min(0, an.slope*h-curv*h*h/2)
	high := max(0, an.slope*h)
	if !(high < 0.5) {
		return 0, math.Inf(1)
	}
	return an.density * (1 - an.rel) * max(0, 1+low), an.density * (1 + an.rel) / (1 - high)
}

// computedBounds bounds what betaCDFNorm computes at p, from the anchor,
// with slack for the two evaluations' error.
func (sh *betaShape) computedBounds(an anchor, p, slack float64) (lower, upper float64) {
	fmin, fmax := sh.densityBounds(an, p)
	h := p - an.x
	if h >= 0 {
		return an.cdf - slack + h*fmin, an.cdf + slack + h*fmax
	}
	return an.cdf - slack + h*fmax, an.cdf + slack + h*fmin
}

// anchoredBracket is bracket's (below, above) from a draw's start:
// anchored there, or after one Halley step when the start is too far for
// the tangent to predict the crossing within a grid step. One or two
// continued fractions; ok = false where the argument does not apply.
func (sh *betaShape) anchoredBracket(u, start float64) (below, above float64, ok bool) {
	if !sh.logConcave() || !(start > 0 && start < 1) {
		return noBracket, noBracketAbove, false
	}
	an := sh.anchorAt(start)
	if !(an.density > 0) || math.IsInf(an.density, 0) {
		return noBracket, noBracketAbove, false
	}
	if x, near := sh.halleyStep(u, an); !near {
		if !(x > 0 && x < 1) {
			return noBracket, noBracketAbove, false
		}
		if an = sh.anchorAt(x); !(an.density > 0) || math.IsInf(an.density, 0) {
			return noBracket, noBracketAbove, false
		}
	}
	if !an.converged {
		return noBracket, noBracketAbove, false
	}
	return sh.bracketAround(u, an)
}

// bracketAround decides the midpoints beyond x ± D by the far bounds,
// then finds the grid points nearest the crossing the anchor's tangent
// predicts that the near bounds decide, within x ± D.
func (sh *betaShape) bracketAround(u float64, an anchor) (below, above float64, ok bool) {
	d := 2*(math.Abs(an.cdf-u)+an.far)/an.density + 2*betaGrid
	if !sh.nearRegionSmall(an.x, d) {
		return noBracket, noBracketAbove, false
	}
	if _, up := sh.computedBounds(an, an.x-d, an.far); !(up < u) {
		return noBracket, noBracketAbove, false
	}
	if low, _ := sh.computedBounds(an, an.x+d, an.far); !(low > u) {
		return noBracket, noBracketAbove, false
	}
	dx := (an.cdf - u) / an.density
	cross := an.x - dx
	m := 1.125*an.near/an.density + dx*dx*math.Abs(an.slope) // the tangent's error is about dx² |slope| / 2
	below, okBelow := sh.decidedBelow(u, an, cross, m)
	above, okAbove := sh.decidedAbove(u, an, cross, m)
	if !okBelow || !okAbove || !(below >= an.x-d && above <= an.x+d) {
		return noBracket, noBracketAbove, false
	}
	return below, above, true
}

// nearRegionSmall reports x ± d a thousandth or less of x's distance from
// 0, 1 and the CDF's switch of branch, so that the near bounds' terms,
// estimated at x, hold across it, and no switch lies in it.
func (sh *betaShape) nearRegionSmall(x, d float64) bool {
	sw := (sh.a + 1) / (sh.a + sh.b + 2)
	return d*1000 <= min(x, 1-x, math.Abs(x-sw))
}

// decidedBelow is the highest grid point at most cross − m (m doubled up
// to three times) where the near bounds have the computed CDF below u.
func (sh *betaShape) decidedBelow(u float64, an anchor, cross, m float64) (float64, bool) {
	for range 4 {
		below := math.Floor((cross-m)/betaGrid) * betaGrid
		if !(below > 0) {
			return noBracket, false
		}
		if _, up := sh.computedBounds(an, below, an.near); up < u {
			return below, true
		}
		m = 2*m + betaGrid
	}
	return noBracket, false
}

// decidedAbove is the lowest grid point at least cross + m (m doubled up
// to three times) where the near bounds have the computed CDF at least u.
func (sh *betaShape) decidedAbove(u float64, an anchor, cross, m float64) (float64, bool) {
	for range 4 {
		above := math.Ceil((cross+m)/betaGrid) * betaGrid
		if !(above < 1) {
			return noBracketAbove, false
		}
		if low, _ := sh.computedBounds(an, above, an.near); low > u {
			return above, true
		}
		m = 2*m + betaGrid
	}
	return noBracketAbove, false
}

// halleyStep is Halley's step from the anchor towards the quantile at u,
// and near when the anchor's tangent already predicts the crossing to
// within a grid step (the step is then not worth a continued fraction).
func (sh *betaShape) halleyStep(u float64, an anchor) (x float64, near bool) {
	t := (an.cdf - u) / an.density
	if t*t*math.Abs(an.slope) <= betaGrid {
		return an.x, true
	}
	step := t
	if d := 1 - t*an.slope/2; d > 0.5 && d < 2 {
		step = t / d
	}
	return an.x - step, false
}
