package uncertainty

import (
	"math"
	"math/rand/v2"
	"os"
	"strconv"
	"testing"
)

// TestBetaQuantileIsTheBisectionToTheBit holds the bracketed bisection, and
// a run's draws from its table of starts, to the plain bisection bit for
// bit, on random u (the far tails too) for F25a's shapes: counts from 0 of
// 1 to a million, the examples' 123 of 150 among them, and 40 random ones.
// TUNECOST_BETA_DRAWS sets the draws a shape (500; 100 under -short).
func TestBetaQuantileIsTheBisectionToTheBit(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 6))
	shapes := [][2]float64{{124, 28}, {1, 1}, {2, 1}, {1, 2}, {21, 1}, {1, 21}, {9001, 1001}, {10001, 1}, {1, 10001}, {50.5, 3}, {1e6 + 1, 1}, {9e5 + 1, 1e5 + 1}, {1.5, 1.5}}
	for range 40 {
		of := math.Floor(math.Pow(10, 4*rng.Float64())) + 1
		c := math.Floor(rng.Float64() * (of + 1))
		a, b := countsPosterior(c, of)
		shapes = append(shapes, [2]float64{a, b})
	}
	draws := 500
	if os.Getenv("TUNECOST_BETA_DRAWS") != "" {
		draws, _ = strconv.Atoi(os.Getenv("TUNECOST_BETA_DRAWS"))
	}
	if testing.Short() {
		draws = 100
	}
	for _, sh := range shapes {
		a, b := sh[0], sh[1]
		us := []float64{1e-300, 1e-16, 1e-9, 1e-4, 0.1, 0.5, 0.9, 1 - 1e-4, 1 - 1e-9, 1 - 0x1p-53}
		for range draws {
			us = append(us, float64(rng.Uint64()>>11)*0x1p-53)
		}
		d := newBetaDraw(a, b)
		for _, u := range us {
			want := betaQuantileBisection(u, a, b)
			if got := BetaQuantile(u, a, b); math.Float64bits(got) != math.Float64bits(want) {
				t.Fatalf("Beta(%g, %g) at u = %v: %v, the bisection gives %v", a, b, u, got, want)
			}
			if got := d.quantile(u); math.Float64bits(got) != math.Float64bits(want) {
				t.Fatalf("Beta(%g, %g) at u = %v: a run's draw %v, the bisection gives %v", a, b, u, got, want)
			}
		}
	}
}

// TestBetaBracketHolds: the bracket it returns, when it returns one, has the
// CDF on the right side of u by τ at both ends (the premise of skipping).
func TestBetaBracketHolds(t *testing.T) {
	a, b := countsPosterior(123, 150)
	sh := newBetaShape(a, b)
	norm := sh.norm
	found := 0
	for i := 1; i < 1000; i++ {
		u := float64(i) / 1000
		below, above := sh.bracket(u, sh.normalStart(u))
		if below == noBracket {
			continue
		}
		found++
		tau := sh.tolerance((below + above) / 2)
		if !(betaCDFNorm(below, a, b, norm) <= u-tau && betaCDFNorm(above, a, b, norm) >= u+tau) {
			t.Fatalf("u = %g: bracket [%v, %v] does not hold", u, below, above)
		}
		if u >= 0.05 && u <= 0.95 && above-below > 1e-9 {
			t.Errorf("u = %g: bracket %g wide, want a few 1e-12 in the body", u, above-below)
		}
	}
	if found < 990 {
		t.Errorf("a bracket for %d of 999 central u, want nearly all", found)
	}
}

func BenchmarkBetaQuantile(b *testing.B) {
	a, bb := countsPosterior(123, 150)
	u := 0.0
	for b.Loop() {
		u += 0.6180339887498949
		u -= math.Floor(u)
		BetaQuantile(u, a, bb)
	}
}

func BenchmarkBetaDraw(b *testing.B) {
	d := newBetaDraw(countsPosterior(123, 150))
	u := 0.0
	for b.Loop() {
		u += 0.6180339887498949
		u -= math.Floor(u)
		d.quantile(u)
	}
}

func BenchmarkBetaQuantileBisection(b *testing.B) {
	a, bb := countsPosterior(123, 150)
	u := 0.0
	for b.Loop() {
		u += 0.6180339887498949
		u -= math.Floor(u)
		betaQuantileBisection(u, a, bb)
	}
}
