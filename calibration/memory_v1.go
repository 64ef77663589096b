package calibration

import (
	"errors"

	"github.com/tunecost/tunecost/model"
)

// trainMemoryPerGPU waits for model v2's per-GPU memory (memory_per_gpu_gb).
func trainMemoryPerGPU(_ *model.Scenario, _ *model.OptionResult) (float64, error) {
	return 0, errors.New("the engine has no per-GPU training memory yet (model v2, memory_per_gpu_gb)")
}
