package calibration

import (
	"fmt"
	"math"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/workspace"
)

// Outcome is one case evaluated: the predicted figure, or why there is none.
type Outcome struct {
	Case
	Figure    Figure
	Predicted float64
	Err       error           // the scenario did not evaluate, or the figure cannot be read
	Input     *model.Scenario // the scenario as the engine saw it (nil on Err)
	Result    *model.OptionResult
	MoE       bool      // the option's model is a mixture of experts
	GPU       string    // the name of the GPU the figure ran on
	Chip      model.GPU // that GPU as the sheet has it
	Band      Band      // the program's own P10–P90 of the figure (MODEL.md §10)
}

// asOf pins the loader's clock, so staleness and deprecation warnings never
// depend on the day the suite runs.
var asOf = time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)

// Run evaluates every case through the project's loader and engine, exactly
// as `tunecost export` would read the scenario.
// Cases run on every core at once (each writes only its own outcome), so
// the order of completion cannot change the result.
func Run(cases []Case) []Outcome {
	out := make([]Outcome, len(cases))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < len(cases); i = int(next.Add(1)) - 1 {
				out[i] = run(cases[i])
			}
		})
	}
	wg.Wait()
	return out
}

func run(c Case) Outcome {
	fig, _ := FigureByName(c.Figure)
	o := Outcome{Case: c, Figure: fig}
	docs, err := workspace.Load([]string{c.ScenarioPath()}, workspace.Options{Now: func() time.Time { return asOf }})
	if err != nil {
		o.Err = err
		return o
	}
	d := docs[0]
	if d.Err != nil {
		o.Err = d.Err
		return o
	}
	if len(d.Result.Options) != 1 {
		o.Err = fmt.Errorf("%s: a case's scenario has exactly one option, this one has %d", c.ScenarioPath(), len(d.Result.Options))
		return o
	}
	o.Input, o.Result = &d.Input, &d.Result.Options[0]
	cat := &d.Catalog.Catalog
	o.MoE = cat.OpenModels[d.Input.Options[0].ServingModelID()].MoE()
	o.Chip = gpuOf(cat, &d.Input.Options[0])
	o.GPU = o.Chip.Name
	v, err := fig.predict(o.Input, o.Result)
	switch {
	case err != nil:
		o.Err = fmt.Errorf("%s: %w", c.ScenarioPath(), err)
	case !(v > 0) || math.IsInf(v, 0):
		o.Err = fmt.Errorf("%s: the predicted %s is %g, not a positive number", c.ScenarioPath(), c.Figure, v)
	default:
		o.Predicted = v
		if o.Bound == "" {
			o.Band = bandOf(d, fig, o.Result)
		}
	}
	return o
}

// gpuOf is the GPU the case's figure ran on: the training offer's for a
// fine-tune, else the serving offer's.
func gpuOf(cat *model.Catalog, o *model.Option) model.GPU {
	offer := o.ServeOffer
	if o.Kind.Trains() && o.TrainOffer != "" {
		offer = o.TrainOffer
	}
	return cat.GPUs[cat.Offers[offer].GPU]
}

// Ratio is predicted / published (0 when there is no prediction).
func (o Outcome) Ratio() float64 {
	if o.Err != nil {
		return 0
	}
	return o.Predicted / o.Published
}

// LogError is |ln(predicted / published)|, the error the medians take.
func (o Outcome) LogError() float64 { return math.Abs(math.Log(o.Ratio())) }

// Met reports whether a bound case's prediction is on the published side.
func (o Outcome) Met() bool {
	switch o.Bound {
	case Upper:
		return o.Predicted <= o.Published
	case Lower:
		return o.Predicted >= o.Published
	}
	return false
}

// Off is the factor (≥ 1) by which the case misses: for a measured value
// the larger of predicted/published and its inverse; for a bound 1 when met,
// else how far past the bound the prediction lies.
func (o Outcome) Off() float64 {
	if o.Bound != "" && o.Met() {
		return 1
	}
	return math.Exp(o.LogError())
}

// Scored reports whether the case counts in its kind's median: a measured
// value (not a bound) that evaluated.
func (o Outcome) Scored() bool { return o.Err == nil && o.Bound == "" }
