package uncertainty

import (
	"math"
	"math/rand/v2"
	"testing"
)

func TestTriangularInverseCDF(t *testing.T) {
	// a = 10, c = 20, b = 50: Fc = (20−10)/(50−10) = 0.25.
	a, c, b := 10.0, 20.0, 50.0
	nearRel(t, "F⁻¹(0)", Triangular(0, a, c, b), a, 1e-15)
	nearRel(t, "F⁻¹(Fc)", Triangular(0.25, a, c, b), c, 1e-15)
	// 1−ε: b − sqrt(ε·40·30) = 50 − 1.7e-6.
	nearRel(t, "F⁻¹(1−ε)", Triangular(1-0x1p-53, a, c, b), b, 1e-6)
	// Left branch at u = 0.1: 10 + sqrt(0.1·40·10) = 10 + √40 = 16.3245…
	nearRel(t, "F⁻¹(0.1)", Triangular(0.1, a, c, b), 10+math.Sqrt(40), 1e-15)
	// Right branch at u = 0.9: 50 − sqrt(0.1·40·30) = 50 − √120 = 39.0455…
	nearRel(t, "F⁻¹(0.9)", Triangular(0.9, a, c, b), 50-math.Sqrt(120), 1e-15)
	// Mode at an end: c = a gives a at 0; c = b gives b as u → 1.
	nearRel(t, "mode at low", Triangular(0, 5, 5, 9), 5, 0)
	nearRel(t, "mode at high", Triangular(1-0x1p-53, 5, 9, 9), 9, 1e-6)
	// Zero width: every u gives the value; u out of range is clamped.
	nearRel(t, "zero width", Triangular(0.7, 3, 3, 3), 3, 0)
	nearRel(t, "u < 0", Triangular(-1, a, c, b), a, 0)
	nearRel(t, "u NaN", Triangular(math.NaN(), a, c, b), a, 0)
}

func TestTriangularMean(t *testing.T) {
	// The mean of Tri(10, 20, 50) is (10 + 20 + 50)/3 = 26.666…
	r := rand.New(rand.NewPCG(7, 11))
	const n = 100000
	sum := 0.0
	for range n {
		sum += Triangular(r.Float64(), 10, 20, 50)
	}
	nearRel(t, "mean of 100,000 draws", sum/n, 80.0/3, 0.01)
}
