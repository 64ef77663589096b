package lint

import (
	"fmt"
	"time"

	"github.com/tunecost/tunecost/model"
)

// jobsEnd is F10's warning for a managed fine-tune whose provider stops new
// tuning jobs inside the horizon (ft_jobs_end in month m) while the option
// re-tunes (F13) in months ≥ m: those re-tunes cannot run, yet are priced.
// With quality modelled it names F28's best cadence, and whether that one
// re-tunes after the jobs stop too. (On or before today the resolver has
// already refused the option.)
func jobsEnd(c *checker, i int, o *model.Option) {
	s := &c.in.Scenario
	if c.in.Catalog == nil || s.Today.IsZero() {
		return
	}
	api, ok := c.in.Catalog.APIModels[o.BaseModel]
	if !ok || api.FTJobsEnd.IsZero() || !api.FTJobsEnd.After(s.Today) {
		return
	}
	h := int(s.HorizonMonths)
	m, in := model.MonthOf(s.Today, api.FTJobsEnd, h)
	first, retunes := firstRetuneFrom(m, int(o.RetuneEveryMonths), h)
	if !in || !retunes {
		return
	}
	msg := fmt.Sprintf("base_model %q: its provider stops new fine-tuning jobs on %s (month %d), so the re-tunes from month %d on cannot run; they are still priced (F13)",
		o.BaseModel, api.FTJobsEnd.Format(time.DateOnly), m+1, first+1)
	if i < len(c.in.Result.Options) {
		if q := c.in.Result.Options[i].Quality; q != nil && q.HasBestRetune {
			msg += bestCadenceWords(q.BestRetuneEvery, m, h)
		}
	}
	c.warnOption(i, o, "base_model", "%s", msg)
}

// firstRetuneFrom is the first month ≥ m (and ≥ 1) that F13 re-tunes in
// with a cadence of every months, if the horizon has one.
func firstRetuneFrom(m, every, h int) (int, bool) {
	if every <= 0 {
		return 0, false
	}
	first := (max(m, 1) + every - 1) / every * every
	return first, first < h
}

// bestCadenceWords names F28's best cadence against the month the jobs stop.
func bestCadenceWords(every, m, h int) string {
	if _, after := firstRetuneFrom(m, every, h); after {
		return fmt.Sprintf("; F28's best cadence, every %d months, re-tunes after then too", every)
	}
	if every <= 0 {
		return "; F28's best cadence is never to re-tune"
	}
	return fmt.Sprintf("; F28's best cadence, every %d months, has no re-tune after then", every)
}
