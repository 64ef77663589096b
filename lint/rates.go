package lint

import (
	"time"

	"github.com/tunecost/tunecost/model"
)

// staleRates warns, at the scenario's currency, about every exchange rate
// its prices were converted at that is older than the staleness threshold
// (MODEL.md v3 Conventions: a rate goes stale as prices do).
func (c *checker) staleRates() {
	if c.in.Now.IsZero() {
		return
	}
	limit := c.staleAfter()
	seen := map[*model.Conversion]bool{}
	for i := range c.in.Result.Options {
		for _, e := range c.in.Result.Options[i].Entries() {
			x := e.Conversion
			if x == nil || seen[x] || c.in.Now.Sub(x.AsOf) <= limit {
				continue
			}
			seen[x] = true
			line, col := 1, 1
			if c.in.File != nil {
				if v, ok := c.in.File.Top["currency"]; ok && v.Pos.Line > 0 {
					line, col = v.Pos.Line, v.Pos.Col
				}
			}
			c.out.Warnf(c.path, line, col, "currency",
				"sheet %q is converted from %s to %s at the rate as of %s in sheet %q: %d days old, more than %d; add a newer [[exchange_rate]]",
				x.Sheet, x.From, x.To, x.AsOf.Format(time.DateOnly), x.RateSheet, days(c.in.Now.Sub(x.AsOf)), days(limit))
		}
	}
}
