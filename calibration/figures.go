package calibration

import (
	"fmt"

	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/uncertainty"
)

// Kind is a family of figures whose errors share one median.
type Kind struct {
	ID   string // key in records.toml
	Name string // as the docs say it
}

// The figure kinds, in report order.
var (
	TrainingTime      = Kind{"training_time", "training time"}
	TrainingMemory    = Kind{"training_memory", "training memory"}
	GPUsNeeded        = Kind{"gpus_needed", "GPUs needed"}
	DecodeSpeed       = Kind{"decode_speed", "decode speed"}
	TimeToFirstToken  = Kind{"time_to_first_token", "time to first token"}
	BatchedThroughput = Kind{"batched_throughput", "batched throughput"}
	RequestLatency    = Kind{"request_latency", "request latency"}
	Kinds             = []Kind{TrainingTime, TrainingMemory, GPUsNeeded, DecodeSpeed, TimeToFirstToken, BatchedThroughput, RequestLatency}
)

// Figure is one published quantity and how the engine's result predicts it.
type Figure struct {
	Name    string
	Kind    Kind
	Unit    string
	Doc     string
	predict func(in *model.Scenario, r *model.OptionResult) (float64, error)
	// band reads the figure's P10–P90 from §10's physics bands; nil for a
	// figure no efficiency constant moves (memory, GPUs needed) or that
	// §10 does not band (a whole request's latency).
	band func(r *model.OptionResult, ph *uncertainty.Physics) (lo, hi float64, ok bool)
}

var figures = []Figure{
	{"train_time_min", TrainingTime, "min", "the timed training run (F9's h with run_overhead_hours = 0) in minutes", trainTimeMin, trainTimeBand},
	{"train_tok_per_s", TrainingTime, "tokens/s", "training tokens D (F5) over the run's seconds", trainTokPerS, trainRateBand(false)},
	{"train_tok_per_s_per_gpu", TrainingTime, "tokens/s/GPU", "training tokens D (F5) over the run's seconds and gpus_used (F8)", trainTokPerSPerGPU, trainRateBand(true)},
	{"train_memory_gb", TrainingMemory, "GB", "the memory of the whole run (§8 training summary memory_gb)", trainMemoryGB, nil},
	{"train_memory_gb_per_gpu", TrainingMemory, "GB", "the per-GPU need of F7 on gpus_used GPUs (§8 memory_per_gpu_gb)", trainMemoryPerGPU, nil},
	{"min_gpus", GPUsNeeded, "GPUs", "the fewest GPUs the run fits on (F7's gmin)", minGPUs, nil},
	{"decode_tok_per_s_b1", DecodeSpeed, "tokens/s", "one stream's decode speed: 1 / F21's step at batch 1", decodeTokPerS, decodeBand},
	{"ttft_ms", TimeToFirstToken, "ms", "F21's latency with no output tokens", ttftMs, ttftBand},
	{"out_tok_per_s_per_gpu", BatchedThroughput, "tokens/s/GPU", "output tokens over F21's busy seconds per query and the replica's GPUs", outTokPerSPerGPU, throughputBand},
	{"request_latency_ms", RequestLatency, "ms", "F21's latency of a whole request (0.008 + prefill + out · step) at the scenario's batch", requestLatencyMs, nil},
}

// FigureByName finds a figure by its case.toml name.
func FigureByName(name string) (Figure, bool) {
	for _, f := range figures {
		if f.Name == name {
			return f, true
		}
	}
	return Figure{}, false
}

// FigureNames lists every figure name, in table order.
func FigureNames() []string {
	out := make([]string, len(figures))
	for i, f := range figures {
		out[i] = f.Name
	}
	return out
}

func training(r *model.OptionResult) (*model.TrainingRun, error) {
	if r.Training == nil || r.Training.Managed {
		return nil, fmt.Errorf("option %q has no self-hosted training run", r.Name)
	}
	if !(r.Training.Hours > 0) {
		return nil, fmt.Errorf("option %q: the training run takes no time", r.Name)
	}
	return r.Training, nil
}

func trainTimeMin(_ *model.Scenario, r *model.OptionResult) (float64, error) {
	t, err := training(r)
	if err != nil {
		return 0, err
	}
	return t.Hours * 60, nil
}

func trainTokPerS(_ *model.Scenario, r *model.OptionResult) (float64, error) {
	t, err := training(r)
	if err != nil {
		return 0, err
	}
	return t.Tokens / (t.Hours * 3600), nil
}

func trainTokPerSPerGPU(in *model.Scenario, r *model.OptionResult) (float64, error) {
	perRun, err := trainTokPerS(in, r)
	if err != nil {
		return 0, err
	}
	return perRun / r.Training.GPUs, nil
}

func trainMemoryGB(_ *model.Scenario, r *model.OptionResult) (float64, error) {
	t, err := training(r)
	if err != nil {
		return 0, err
	}
	return t.MemoryGB, nil
}

func minGPUs(_ *model.Scenario, r *model.OptionResult) (float64, error) {
	t, err := training(r)
	if err != nil {
		return 0, err
	}
	return t.MinGPUs, nil
}

func serving(r *model.OptionResult) (*model.Serving, error) {
	if r.Serving == nil {
		return nil, fmt.Errorf("option %q is not served by a self-hosted model", r.Name)
	}
	return r.Serving, nil
}

// decodeTokPerS is 1 / step, the step read from F21's busy-seconds
// derivation: the engine's own figure, not a copy of its formula.
func decodeTokPerS(in *model.Scenario, r *model.OptionResult) (float64, error) {
	if _, err := serving(r); err != nil {
		return 0, err
	}
	if b := in.Options[0].Batch; b != 1 {
		return 0, fmt.Errorf("decode speed of one stream needs batch = 1, the scenario has %g", b)
	}
	step, err := term(r, "serving.busy_seconds", "step")
	if err != nil {
		return 0, err
	}
	return 1 / step, nil
}

// requestLatencyMs is F21's latency of a whole request, output included.
func requestLatencyMs(in *model.Scenario, r *model.OptionResult) (float64, error) {
	if _, err := serving(r); err != nil {
		return 0, err
	}
	if !r.HasLatency {
		return 0, fmt.Errorf("option %q has no latency", r.Name)
	}
	return r.LatencyMs, nil
}

func ttftMs(in *model.Scenario, r *model.OptionResult) (float64, error) {
	if out := in.Workload.OutputTokens; out != 0 {
		return 0, fmt.Errorf("time to first token needs output_tokens = 0, the scenario has %g", out)
	}
	if !r.HasLatency {
		return 0, fmt.Errorf("option %q has no latency", r.Name)
	}
	return r.LatencyMs, nil
}

func outTokPerSPerGPU(in *model.Scenario, r *model.OptionResult) (float64, error) {
	s, err := serving(r)
	if err != nil {
		return 0, err
	}
	return in.Workload.OutputTokens / s.BusySeconds / s.ReplicaGPUs, nil
}

// term finds one input of one of the option's derivations.
func term(r *model.OptionResult, figure, name string) (float64, error) {
	d, ok := r.Derivation(figure)
	if !ok {
		return 0, fmt.Errorf("the engine recorded no %q derivation", figure)
	}
	for _, t := range d.Inputs {
		if t.Name == name {
			return t.Value, nil
		}
	}
	return 0, fmt.Errorf("the %q derivation has no input %q", figure, name)
}

func trainMemoryPerGPU(_ *model.Scenario, r *model.OptionResult) (float64, error) {
	t, err := training(r)
	if err != nil {
		return 0, err
	}
	return t.MemoryPerGPUGB, nil
}
