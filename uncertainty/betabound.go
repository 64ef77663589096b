package uncertainty

import "math"

// This file brackets a run's F25a draw (MODEL.md F25a) from ONE evaluation
// of the CDF, where betabracket.go's bracket needs Halley's evaluations and
// two checks.
//
// Where the error goes. betaCDFNorm(p) is exp(norm + a ln p + b ln(1 − p))
// times a continued fraction. norm's own error ε (the three ln Γ's, most of
// τ for large counts) is the same in every evaluation, so it scales the
// exact CDF by e^ε on the lower branch (I ↦ e^ε I) and its complement on
// the upper (1 − I ↦ e^ε (1 − I)): each branch's J is non-decreasing with
// density e^ε f, and at the switch J drops by e^ε − 1 going up. What is
// left differs between evaluations: the rounding of the exponent's sum
// (scaled by |norm| + a |ln p| + b |ln(1 − p)|, not by the ln Γ's), exp's,
// the continued fraction's. localTolerance estimates it as tolerance does
// the whole: τ_loc, twice a generous bound on one evaluation's part.
//
// The argument. The anchor is the CDF computed at x: c = J(x) ± τ_loc/2.
// On x's branch, J at p > x lies within c ∓ τ_loc/2 + (p − x)·[fmin, fmax]
// times e^ε (symmetrically below x), fmin and fmax the least and greatest
// density on [x, p]: for a, b ≥ 1 the density is unimodal, so they are at
// an end or at the mode, and cost no continued fraction. A further τ_loc/2
// bounds what the bisection computes at p. Where that bound is wholly
// below u (at below) or not below u (at above), every midpoint beyond it
// on the branch is decided too, J being non-decreasing there; the other
// branch is decided by the same bound at the switch plus the drop. The
// midpoints between below and above are evaluated by the bisection's own
// betaCDFNorm call, so the walk and its bits are the bisection's.
//
// Margins: the bounds take 2τ_loc for two evaluations' τ_loc, widen the
// densities by a relative τ and take τ for the drop (each several times
// what ε and the densities' rounding can be). The premise — every
// evaluation within τ_loc / 2 of J — is an estimate, not a proof;
// TestBetaDrawIsTheBisectionToTheBit and
// TestBetaQuantileIsTheBisectionToTheBit hold the draws to the plain
// bisection bit for bit. Where no bracket is established (a or b < 1, a
// poor anchor, the answer within a few grid steps of the switch, …) the
// draw takes betabracket.go's path.

// betaBounds is what every anchor of one Beta shares: the branches'
// switch, and the densities there and at the mode.
type betaBounds struct {
	usable         bool    // a, b ≥ 1 and a finite norm: one mode, bounded density
	branch         float64 // betaCDFNorm's switch: the upper branch from here
	fBranch, mode  float64
	fMode          float64 // 0 when the mode is not inside (0, 1)
	drop, relDense float64 // the bounds on e^ε − 1 and on the densities' relative error
}

func newBetaBounds(sh *betaShape) betaBounds {
	a, b, norm := sh.a, sh.b, sh.norm
	if !(a >= 1 && b >= 1) || math.IsInf(norm, 0) || math.IsNaN(norm) {
		return betaBounds{}
	}
	bd := betaBounds{usable: true, branch: (a + 1) / (a + b + 2), mode: -1}
	bd.fBranch = betaDensity(bd.branch, a, b, norm)
	if a+b > 2 {
		bd.mode = (a - 1) / (a + b - 2)
		if bd.mode > 0 && bd.mode < 1 {
			bd.fMode = betaDensity(bd.mode, a, b, norm)
		}
	}
	// τ at the switch: 8 units of the ln Γ's and more, against at most a
	// few units of them in ε.
	bd.drop = sh.tolerance(bd.branch)
	bd.relDense = bd.drop
	return bd
}

// anchor is one evaluation of the CDF, at x: cdf and density there, and
// slack, the bound taken on two evaluations' local error (2τ_loc).
type anchor struct {
	x, cdf, density, slack float64
}

// anchorAt evaluates the CDF at x: the one continued fraction of a draw
// that starts close enough.
func (sh *betaShape) anchorAt(x float64) anchor {
	cdf, f := betaCDFDensity(x, sh.a, sh.b, sh.norm)
	return anchor{x: x, cdf: cdf, density: f, slack: 2 * sh.localTolerance(x)}
}

// localTolerance is τ_loc: twice a generous bound on the part of one
// evaluation's error near x that is not norm's ε (the exponent's sum is
// rounded in units of |norm|, not of the ln Γ's).
func (sh *betaShape) localTolerance(x float64) float64 {
	return sh.errorBound(math.Abs(sh.norm), x)
}

// betaDensity is the density of Beta(a, b) at x in (0, 1): the CDF's front
// factor over x (1 − x), with no continued fraction.
func betaDensity(x, a, b, norm float64) float64 {
	return math.Exp(norm+a*math.Log(x)+b*math.Log1p(-x)) / (x * (1 - x))
}

// densityRange is the least and greatest density between the anchor and p
// (unimodal: the least at an end, the greatest at an end or the mode),
// widened by the densities' relative error.
func (d *betaDraw) densityRange(an anchor, p float64) (fmin, fmax float64) {
	fp := betaDensity(p, d.shape.a, d.shape.b, d.shape.norm)
	fmin, fmax = min(fp, an.density), max(fp, an.density)
	if l, r := min(p, an.x), max(p, an.x); l < d.bounds.mode && d.bounds.mode < r {
		fmax = max(fmax, d.bounds.fMode)
	}
	rel := d.bounds.relDense
	return fmin * (1 - rel), fmax * (1 + rel)
}

// computedBounds bounds what betaCDFNorm computes at p, on the anchor's
// branch.
func (d *betaDraw) computedBounds(an anchor, p float64) (lower, upper float64) {
	fmin, fmax := d.densityRange(an, p)
	if p >= an.x {
		return an.cdf - an.slack + (p-an.x)*fmin, an.cdf + an.slack + (p-an.x)*fmax
	}
	return an.cdf - an.slack - (an.x-p)*fmax, an.cdf + an.slack - (an.x-p)*fmin
}

// otherBranchDecided reports whether the bounds decide every midpoint on
// the branch the anchor is not on: all below u when the anchor is on the
// upper branch, none when it is on the lower.
func (d *betaDraw) otherBranchDecided(u float64, an anchor) bool {
	bd := &d.bounds
	fmin := min(bd.fBranch, an.density) * (1 - bd.relDense) // least on [switch, x] or [x, switch]
	if an.x >= bd.branch {
		return an.cdf+an.slack-(an.x-bd.branch)*fmin+bd.drop < u
	}
	return an.cdf-an.slack+(bd.branch-an.x)*fmin-bd.drop > u
}

// anchoredBracket is bracket's (below, above) from a run's start: anchored
// there, or after one Halley step when the start is too far for the
// tangent to predict the crossing within a grid step. One or two
// continued fractions; ok = false where the argument does not apply.
func (d *betaDraw) anchoredBracket(u, start float64) (below, above float64, ok bool) {
	sh := &d.shape
	if !d.bounds.usable || !(start > 0 && start < 1) {
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
	if !d.otherBranchDecided(u, an) {
		return noBracket, noBracketAbove, false
	}
	return d.bracketAround(u, an)
}

// bracketAround is the grid points nearest the crossing the anchor's
// tangent predicts that the bounds decide, each side moved out up to three
// times if its first is not decided, and on the anchor's branch.
func (d *betaDraw) bracketAround(u float64, an anchor) (below, above float64, ok bool) {
	dx := (an.cdf - u) / an.density
	cross := an.x - dx
	slope := (d.shape.a-1)/an.x - (d.shape.b-1)/(1-an.x) // f′ / f: the tangent's error is about dx² |slope| / 2
	m := 1.125*an.slack/an.density + dx*dx*math.Abs(slope)
	below, okBelow := d.decidedBelow(u, an, cross, m)
	above, okAbove := d.decidedAbove(u, an, cross, m)
	onBranch := (below < d.bounds.branch) == (an.x < d.bounds.branch) && (above < d.bounds.branch) == (an.x < d.bounds.branch)
	if !okBelow || !okAbove || !onBranch {
		return noBracket, noBracketAbove, false
	}
	return below, above, true
}

// decidedBelow is the highest grid point at most cross − m (m doubled up
// to three times) where the bounds have the computed CDF below u.
func (d *betaDraw) decidedBelow(u float64, an anchor, cross, m float64) (float64, bool) {
	for range 4 {
		below := math.Floor((cross-m)/betaGrid) * betaGrid
		if !(below > 0) {
			return noBracket, false
		}
		if _, up := d.computedBounds(an, below); up < u {
			return below, true
		}
		m = 2*m + betaGrid
	}
	return noBracket, false
}

// decidedAbove is the lowest grid point at least cross + m (m doubled up
// to three times) where the bounds have the computed CDF at least u.
func (d *betaDraw) decidedAbove(u float64, an anchor, cross, m float64) (float64, bool) {
	for range 4 {
		above := math.Ceil((cross+m)/betaGrid) * betaGrid
		if !(above < 1) {
			return noBracketAbove, false
		}
		if low, _ := d.computedBounds(an, above); low > u {
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
	slope := (sh.a-1)/an.x - (sh.b-1)/(1-an.x) // f′ / f
	if t*t*math.Abs(slope) <= betaGrid {
		return an.x, true
	}
	step := t
	if d := 1 - t*slope/2; d > 0.5 && d < 2 {
		step = t / d
	}
	return an.x - step, false
}
