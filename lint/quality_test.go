package lint

import (
	"testing"

	"github.com/tunecost/tunecost/format"
)

// 200,000 queries a month at 1 per error: a point of accuracy lost costs
// 2,000 a month. A re-tune costs 50 h · 100 = 5,000 (no cycles).
//
//	never:    decay Σ_{m<24} 2,000 · m = 2,000 · 276       = 552,000
//	every 2:  11 re-tunes 55,000 + 2,000 · 12              =  79,000 (best)
//	every 6:  3 re-tunes 15,000 + 2,000 · 4 · (0+…+5) = 60 → 135,000
func TestQualityRules(t *testing.T) {
	same(t, "quality_never.toml", lines(load(t, "quality_never.toml")), []string{
		// 552,000 − 79,000 = 473,000
		`testdata/quality_never.toml:11:1: warning: option "ft": no re-tuning over a 24-month horizon (retune_every_months = 0): the model goes stale as data drifts; its accuracy decay (accuracy_decay_per_month = 0.01) costs $552,000 in bad answers, and re-tuning every 2 months would save $473,000; set a re-tuning cadence (retune_every_months, e.g. 3–6)`,
	})
	in := load(t, "quality_cadence.toml")
	// 135,000 − 79,000 = 56,000 saved; the share is of the option's total.
	pct := format.Percent(56000 / in.Result.Options[0].Total)
	same(t, "quality_cadence.toml", lines(in), []string{
		`testdata/quality_cadence.toml:24:23: warning: option "ft": retune_every_months = 6: re-tuning every 2 months would cost $56,000 less over 24 months (` + pct + ` of the option's total), given its accuracy decay and cost_per_error; set retune_every_months = 2`,
	})
	same(t, "quality_unmeasured.toml", lines(load(t, "quality_unmeasured.toml")), []string{
		`testdata/quality_unmeasured.toml:20:23: warning: option "ft": golden_set_examples = 0: no golden validation set, so regressions ship unnoticed; budget at least 100 expert-reviewed examples`,
		`testdata/quality_unmeasured.toml:23:12: warning: option "ft": accuracy = 0.95 is above every prompted and RAG option's (at most 0.9) but golden_set_examples = 0: nothing measures that claim; budget a golden validation set of at least 100 expert-reviewed examples`,
	})
}
