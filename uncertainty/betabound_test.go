package uncertainty

import (
	"math"
	"math/rand/v2"
	"testing"
)

// drawShapes are F25a's shapes the draws are held on: the examples' 123 of
// 150, small counts (0 of 1, 1 of 1, none at all), a million counts at
// either end and in the middle, a < 1 (no bounds: the fallback) and
// shapes whose quantiles cross the CDF's switch of branch.
var drawShapes = [][2]float64{
	{124, 28}, {1, 1}, {2, 1}, {1, 2}, {3, 2}, {2, 3}, {11, 1}, {1, 11},
	{1e6 + 1, 1}, {1, 1e6 + 1}, {5e5 + 1, 5e5 + 1}, {9e5 + 1, 1e5 + 1}, {9001, 1001},
	{0.5, 0.5}, {0.5, 3}, {1.5, 1.5}, {1.0001, 7}, {40, 40},
}

// drawUs are the u a shape's draws are tested at: the far tails, every
// node of the table and its neighbours, the CDF at the switch of branch
// and at the mode and their neighbours, and n random ones.
func drawUs(rng *rand.Rand, d *betaDraw, n int) []float64 {
	us := []float64{0x1p-1074, 1e-300, 1e-16, 1e-9, 1e-4, 0x1p-53, 1 - 1e-4, 1 - 1e-9, 1 - 0x1p-53, 0.5}
	for k := 0; k <= betaNodes; k++ {
		u := float64(k) / betaNodes
		us = append(us, u, math.Nextafter(u, 0), math.Nextafter(u, 1))
	}
	sh := &d.shape
	if sh.a >= 1 && sh.b >= 1 {
		for _, x := range []float64{(sh.a + 1) / (sh.a + sh.b + 2), (sh.a - 1) / (sh.a + sh.b - 2)} {
			if x > 0 && x < 1 {
				u := betaCDFNorm(x, sh.a, sh.b, sh.norm)
				us = append(us, u, math.Nextafter(u, 0), math.Nextafter(u, 1), u+1e-12, u-1e-12)
			}
		}
	}
	for range n {
		us = append(us, float64(rng.Uint64()>>11)*0x1p-53)
	}
	return us
}

// TestBetaDrawIsTheBisectionToTheBit holds a run's draws, anchored on one
// evaluation, to the plain bisection bit for bit.
func TestBetaDrawIsTheBisectionToTheBit(t *testing.T) {
	rng := rand.New(rand.NewPCG(25, 1))
	n := 300
	if testing.Short() {
		n = 60
	}
	for _, s := range drawShapes {
		a, b := s[0], s[1]
		d := newBetaDraw(a, b)
		for _, u := range drawUs(rng, d, n) {
			want := betaQuantileBisection(u, a, b)
			if got := d.quantile(u); math.Float64bits(got) != math.Float64bits(want) {
				t.Fatalf("Beta(%g, %g) at u = %v: a run's draw %v, the bisection gives %v", a, b, u, got, want)
			}
		}
	}
}

// TestAnchoredBracketHolds: where the anchor's bounds give a bracket, the
// CDF computed there is on the right side of u with the part of τ_loc
// that is not the continued fraction's to spare (what the argument
// assumes of two evaluations). Where the continued fraction converges
// (not near the switch of a million counts) nearly every draw has one.
func TestAnchoredBracketHolds(t *testing.T) {
	rng := rand.New(rand.NewPCG(25, 2))
	for _, s := range drawShapes {
		a, b := s[0], s[1]
		d := newBetaDraw(a, b)
		sh := &d.shape
		found, tried := 0, 0
		for range 400 {
			u := 1.0/betaNodes + rng.Float64()*(1-3.0/betaNodes)
			k := int(u * betaNodes)
			below, above, ok := sh.anchoredBracket(u, d.start(k, u*betaNodes-float64(k)))
			tried++
			if !ok {
				continue
			}
			found++
			tau := sh.errorBound(math.Abs(sh.norm), (below+above)/2)
			if cb, ca := betaCDFNorm(below, a, b, sh.norm), betaCDFNorm(above, a, b, sh.norm); !(cb <= u-tau && ca >= u+tau) {
				t.Fatalf("Beta(%g, %g) at u = %v: bracket [%v, %v] computes %v, %v", a, b, u, below, above, cb, ca)
			}
		}
		sw := (a + 1) / (a + b + 2)
		if _, steps := betaFractionSteps(sw, a, b); sh.logConcave() && steps <= betaFractionLimit && found < tried*9/10 {
			t.Errorf("Beta(%g, %g): a bracket for %d of %d draws, want nearly all", a, b, found, tried)
		}
	}
}

// TestBetaDrawContinuedFractions holds the speed claim: a draw from the
// examples' Beta(124, 28) costs about one continued fraction (the anchor;
// a second when the start needs Halley's step or a midpoint falls within
// the bounds' margin), tails included; the bracket of betabracket.go from
// the same starts costs about five.
func TestBetaDrawContinuedFractions(t *testing.T) {
	n := 0
	countFraction = func() { n++ }
	defer func() { countFraction = nil }()
	d := newBetaDraw(124, 28)
	const draws = 20000
	n = 0
	u := 0.0
	for range draws {
		u += 0.6180339887498949
		u -= math.Floor(u)
		d.quantile(u)
	}
	perDraw := float64(n) / draws
	t.Logf("%.3f continued fractions a draw", perDraw)
	if perDraw > 1.6 {
		t.Errorf("%.3f continued fractions a draw, want at most 1.6", perDraw)
	}
	n = 0
	for range draws {
		u += 0.6180339887498949
		u -= math.Floor(u)
		k := min(max(int(u*betaNodes), 1), betaNodes-2)
		d.shape.quantile(u, d.start(k, u*betaNodes-float64(k)))
	}
	if old := float64(n) / draws; old < 3*perDraw {
		t.Errorf("the bracket alone costs %.3f a draw, the anchor %.3f: want a third or less", old, perDraw)
	}
}

// TestDecidedDescentIsTheWalk holds decidedDescent to the bisection's walk
// over decided midpoints, bit for bit, on and off the grid.
func TestDecidedDescentIsTheWalk(t *testing.T) {
	rng := rand.New(rand.NewPCG(25, 3))
	cases := [][2]float64{{noBracket, noBracketAbove}, {0, 1}, {0, betaGrid}, {1 - betaGrid, 1}, {0.5, 0.5 + betaGrid}, {0.5 - betaGrid, 0.5}, {-0.5, 0.25}, {0.75, 1.5}, {0.3, 0.3}}
	for range 20000 {
		b := math.Floor(rng.Float64()/betaGrid) * betaGrid
		w := float64(1+rng.IntN(8)) * betaGrid
		if rng.IntN(4) == 0 {
			w = math.Ldexp(w, rng.IntN(30))
		}
		cases = append(cases, [2]float64{b, b + w}, [2]float64{b + rng.Float64()*betaGrid, b + w})
	}
	for _, c := range cases {
		below, above := c[0], c[1]
		lo, hi := decidedDescent(below, above)
		wlo, whi := decidedWalk(below, above)
		if math.Float64bits(lo) != math.Float64bits(wlo) || math.Float64bits(hi) != math.Float64bits(whi) {
			t.Fatalf("[%v, %v]: descent [%v, %v], the walk [%v, %v]", below, above, lo, hi, wlo, whi)
		}
	}
}

// decidedWalk is the bisection's walk up to its first midpoint strictly
// between below and above, or its end, for grid-aligned brackets; [0, 1]
// for others (as decidedDescent promises, which is where nothing is
// skipped).
func decidedWalk(below, above float64) (lo, hi float64) {
	if gb, ga := max(below, 0)/betaGrid, min(above, 1)/betaGrid; gb != math.Trunc(gb) || ga != math.Trunc(ga) || !(gb < ga) {
		return 0, 1
	}
	lo, hi = 0.0, 1.0
	for hi-lo > 1e-12 {
		mid := (lo + hi) / 2
		switch {
		case mid <= below:
			lo = mid
		case mid >= above:
			hi = mid
		default:
			return lo, hi
		}
	}
	return lo, hi
}

// TestBetaDrawAtGridCDFs holds the draws to the bisection where they are
// most easily wrong: u the very CDF computed at a grid point near the
// answer, or next to it, so that a midpoint computes u itself; near the
// switch of branch too, and for a million counts at one end (where the
// continued fraction's first step cancels).
func TestBetaDrawAtGridCDFs(t *testing.T) {
	rng := rand.New(rand.NewPCG(25, 4))
	shapes := append([][2]float64{{1e5 + 1, 1}, {1, 1e5 + 1}, {1e6 + 1, 2}, {3e4 + 1, 11}}, drawShapes...)
	n := 400
	if testing.Short() {
		n = 100
	}
	for _, s := range shapes {
		a, b := s[0], s[1]
		d := newBetaDraw(a, b)
		sw := (a + 1) / (a + b + 2)
		for i := range n {
			x := betaQuantileBisection(rng.Float64(), a, b)
			if i%4 == 0 {
				x = sw + (rng.Float64()-0.5)*1e-6*float64(1+rng.IntN(1000))
			}
			q := (math.Round(x/betaGrid) + float64(rng.IntN(5)-2)) * betaGrid
			if !(q > 0 && q < 1) {
				continue
			}
			c := betaCDFNorm(q, a, b, d.shape.norm)
			for _, u := range []float64{c, math.Nextafter(c, 0), math.Nextafter(c, 1)} {
				want := betaQuantileBisection(u, a, b)
				if got := d.quantile(u); math.Float64bits(got) != math.Float64bits(want) {
					t.Fatalf("Beta(%g, %g) at u = %v: a run's draw %v, the bisection gives %v", a, b, u, got, want)
				}
			}
		}
	}
}
