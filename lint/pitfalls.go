package lint

import (
	"slices"

	"github.com/tunecost/tunecost/model"
)

// goldenIndependence: a golden set drawn from the same source and period
// as the training data tests memory, not generalisation (issue 22's first
// pitfall of the practice the product grew from).
func goldenIndependence(c *checker, i int, o *model.Option) {
	ov := c.optionValues(i, o.Name)
	if ov == nil || o.GoldenSetExamples <= 0 {
		return // no golden set: goldenSet warns
	}
	if v, ok := ov.Values["golden_set_independent"]; !ok || !v.Set || v.Flag {
		return // the default (true) unless the file says false
	}
	c.warnOption(i, o, "golden_set_independent",
		"golden_set_independent = false: a golden set from the same source and period as the training data tests memory, not generalisation; hold one out from a later period or another source")
}

// evalBlindSpots: an evaluation plan that cannot see forgetting (a full
// fine-tune without "general_knowledge") or collapse (a style task without
// "diversity") passes a model that lost what it knew or says one thing
// one way (issue 22's second pitfall).
func evalBlindSpots(c *checker, i int, o *model.Option) {
	checks := model.SplitList(o.EvalChecks)
	key := "eval_checks"
	if o.EvalChecks == "" {
		key = "method"
	}
	if o.Method == "full" && !slices.Contains(checks, "general_knowledge") {
		c.warnOption(i, o, key,
			`a full fine-tune whose eval_checks lack "general_knowledge" cannot see catastrophic forgetting; add it (and eval_check_hours to price it)`)
	}
	if o.Task == "style" && !slices.Contains(checks, "diversity") {
		if o.EvalChecks == "" {
			key = "task"
		}
		c.warnOption(i, o, key,
			`a style fine-tune whose eval_checks lack "diversity" cannot see its outputs collapse onto a few phrasings; add it (and eval_check_hours to price it)`)
	}
}
