package present

import (
	"math"

	"github.com/tunecost/tunecost/uncertainty"
)

// BandScale is the one scale every option's P10–P90 band of the total is
// drawn on, in the reports and on the Risk screen: from the smallest P10 to
// the largest P90, so the bands compare at a glance. Zero without options.
func BandScale(opts []uncertainty.OptionStats) (lo, hi float64) {
	if len(opts) == 0 {
		return 0, 0
	}
	lo, hi = opts[0].P10, opts[0].P90
	for _, o := range opts[1:] {
		lo, hi = math.Min(lo, o.P10), math.Max(hi, o.P90)
	}
	return lo, hi
}
