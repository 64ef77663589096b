package present

import (
	"testing"

	"github.com/tunecost/tunecost/uncertainty"
)

// TestBandScale: the scale runs from the smallest P10 (80, option b) to the
// largest P90 (300, option a), whichever options they belong to.
func TestBandScale(t *testing.T) {
	opts := []uncertainty.OptionStats{{P10: 100, P50: 150, P90: 300}, {P10: 80, P50: 90, P90: 120}}
	if lo, hi := BandScale(opts); lo != 80 || hi != 300 {
		t.Errorf("BandScale = %g, %g; want 80, 300", lo, hi)
	}
	if lo, hi := BandScale(nil); lo != 0 || hi != 0 {
		t.Errorf("BandScale(nil) = %g, %g; want 0, 0", lo, hi)
	}
}
