package calibration

import "github.com/tunecost/tunecost/model"

// trainPrecision waits for model v2's train_precision.
func trainPrecision(_ *model.Option) string { return "bf16" }

// memoryOverhead waits for model v2's memory_overhead_gb.
func memoryOverhead(_ *model.Option) float64 { return 1 }
