package calibration

import (
	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/uncertainty"
)

// The band functions read a figure's P10–P90 from the physics bands the
// Monte Carlo reports (MODEL.md §10), in the figure's own unit. A rate is
// the inverse of a time, so a rate's P10 comes from the time's P90.

func trainTimeBand(_ *model.OptionResult, ph *uncertainty.Physics) (lo, hi float64, ok bool) {
	if ph.TrainingHours == nil {
		return 0, 0, false
	}
	return ph.TrainingHours.P10 * 60, ph.TrainingHours.P90 * 60, true
}

// trainRateBand is D over the run's seconds (per GPU when perGPU).
func trainRateBand(perGPU bool) func(*model.OptionResult, *uncertainty.Physics) (float64, float64, bool) {
	return func(r *model.OptionResult, ph *uncertainty.Physics) (lo, hi float64, ok bool) {
		if ph.TrainingHours == nil || r.Training == nil || !(ph.TrainingHours.P10 > 0) {
			return 0, 0, false
		}
		tokens := r.Training.Tokens
		if perGPU {
			tokens /= r.Training.GPUs
		}
		return tokens / (ph.TrainingHours.P90 * 3600), tokens / (ph.TrainingHours.P10 * 3600), true
	}
}

func decodeBand(_ *model.OptionResult, ph *uncertainty.Physics) (lo, hi float64, ok bool) {
	return ph.DecodeTokensPerS.P10, ph.DecodeTokensPerS.P90, true
}

func ttftBand(_ *model.OptionResult, ph *uncertainty.Physics) (lo, hi float64, ok bool) {
	return ph.TTFTms.P10, ph.TTFTms.P90, true
}

func throughputBand(_ *model.OptionResult, ph *uncertainty.Physics) (lo, hi float64, ok bool) {
	return ph.OutputTokensPerSPerGPU.P10, ph.OutputTokensPerSPerGPU.P90, true
}
