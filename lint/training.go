package lint

import (
	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/model"
)

// Thresholds of the training rules; doc.go's table lists them.
const (
	minExperimentCycles = 3   // below this a budget assumes the first runs ship
	minGoldenSet        = 100 // fewer examples cannot show a regression
	maxHorizonNoRetune  = 6   // months a fine-tune may run without re-tuning
)

// experimentCycles: teams that budget one or two runs forget that tuning is
// an experiment loop; the runs that do not ship are most of the cost.
func experimentCycles(c *checker, i int, o *model.Option) {
	if o.ExperimentCycles >= minExperimentCycles {
		return
	}
	n := format.Number(o.ExperimentCycles, 0)
	c.warnOption(i, o, "experiment_cycles",
		"experiment_cycles = %s: the experimentation tax is 5–10 cycles; budgeting %s understates experiments; budget at least 5", n, n)
}

// fullFineTune: updating every weight on a narrow dataset overwrites what
// the base model knew (catastrophic forgetting).
func fullFineTune(c *checker, i int, o *model.Option) {
	if o.Method != "full" {
		return
	}
	c.warnOption(i, o, "method",
		`method = "full" risks catastrophic forgetting of the base model's general skills; prefer PEFT (method = "lora" or "qlora") or mix replay data from the original distribution into training`)
}

// goldenSet: without a held-out, expert-reviewed set nobody can tell
// whether a new run is better or worse than the last.
func goldenSet(c *checker, i int, o *model.Option) {
	switch {
	case o.GoldenSetExamples <= 0:
		c.warnOption(i, o, "golden_set_examples",
			"golden_set_examples = 0: no golden validation set, so regressions ship unnoticed; budget at least %d expert-reviewed examples", minGoldenSet)
	case o.GoldenSetExamples < minGoldenSet:
		c.warnOption(i, o, "golden_set_examples",
			"golden_set_examples = %s is too small to detect regressions; budget at least %d expert-reviewed examples", format.Number(o.GoldenSetExamples, 0), minGoldenSet)
	}
}

// noRetune: a model tuned once is frozen while its inputs drift; over a
// long horizon the re-tuning it will need is a cost left out.
func noRetune(c *checker, i int, o *model.Option) {
	h := c.in.Scenario.HorizonMonths
	if h <= maxHorizonNoRetune || o.RetuneEveryMonths > 0 {
		return
	}
	c.warnOption(i, o, "retune_every_months",
		"no re-tuning over a %s-month horizon (retune_every_months = 0): the model goes stale as data drifts%s; set a re-tuning cadence (retune_every_months, e.g. 3–6)", format.Number(h, 0), c.decayWords(i, o))
}
