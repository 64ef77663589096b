package calibration

import (
	"context"

	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/uncertainty"
	"github.com/tunecost/tunecost/workspace"
)

// Band is the program's own P10–P90 of a case's figure: the physics bands
// of MODEL.md §10 that the Monte Carlo reports over the scenario's default
// ranges, read in the figure's unit. Known is false when the figure has no
// band (memory, GPUs needed, a whole request's latency) or nothing varies.
type Band struct {
	Low, High float64
	Known     bool
}

// Holds reports whether v lies inside the band, ends included.
func (b Band) Holds(v float64) bool { return b.Known && b.Low <= v && v <= b.High }

// coverageSamples is enough draws for a P10 or P90 to settle (its standard
// error is about 1 % of the probability: √(0.1 · 0.9 / 1000)), and few
// enough to keep the whole suite under its time goal of 3 s.
const coverageSamples = 1000

// bandOf runs the case's Monte Carlo exactly as `tunecost export` would
// (the file's ranges, F25a's counts and §10's default ranges; a fixed
// seed) and reads the figure's P10–P90 from its physics bands.
func bandOf(d *workspace.Doc, fig Figure, r *model.OptionResult) Band {
	inputs := d.RangedInputs()
	if fig.band == nil || len(inputs) == 0 {
		return Band{}
	}
	a, err := uncertainty.MonteCarlo(context.Background(), d.Input, d.Catalog.Catalog, inputs,
		uncertainty.Config{Samples: coverageSamples, Seed: 1, Workers: 1}) // Run spreads the cases over the cores
	if err != nil || len(a.Options) == 0 || a.Options[0].Physics == nil {
		return Band{}
	}
	lo, hi, ok := fig.band(r, a.Options[0].Physics)
	if !ok || !(lo > 0) || hi < lo {
		return Band{}
	}
	return Band{Low: lo, High: hi, Known: true}
}

// Covered reports whether a scored case's published figure lies inside the
// program's own P10–P90.
func (o Outcome) Covered() bool { return o.Scored() && o.Band.Holds(o.Published) }
