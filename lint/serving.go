package lint

import (
	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/model"
)

// unmergedAdapter: serving adapters unmerged slows every token; the rule
// prices that by evaluating the scenario again without the overhead, so
// the warning says what merging would save, not just that it is slower.
func unmergedAdapter(c *checker, i int, o *model.Option) {
	cat := c.in.Catalog
	if cat == nil || o.Merged || (o.Method != "lora" && o.Method != "qlora") || o.UnmergedOverhead <= 0 || !o.SelfHosted(&cat.Catalog) {
		return
	}
	base, ok := c.optionTotal(i, o.Name)
	if !ok {
		return
	}
	s := c.in.Scenario
	s.Options = append([]model.Option(nil), s.Options...) // leave the caller's scenario alone
	s.Options[i].UnmergedOverhead = 0
	res, err := model.EvaluateLean(s, cat.Catalog)
	if err != nil || i >= len(res.Options) {
		return
	}
	pct, months := format.Number(o.UnmergedOverhead*100, 0), format.Number(s.HorizonMonths, 0)
	const fix = "merge the adapter (merged = true) unless one deployment must serve many variants"
	cost := base - res.Options[i].Total
	if cost < 0.005 { // the replicas have headroom: only latency pays
		c.warnOption(i, o, "merged",
			"unmerged adapters (merged = false) add %s %% to every query's serving time and latency; at this traffic the replicas absorb it (no extra cost over %s months); %s", pct, months, fix)
		return
	}
	c.warnOption(i, o, "merged",
		"unmerged adapters (merged = false) add %s %% to every query's serving time and latency, costing %s over %s months; %s",
		pct, format.Money(cost, c.currency()), months, fix)
}

// optionTotal is option i's total from the given result, or from a fresh
// evaluation when the result does not hold it.
func (c *checker) optionTotal(i int, name string) (float64, bool) {
	if r := c.in.Result.Options; i < len(r) && r[i].Name == name {
		return r[i].Total, true
	}
	res, err := model.EvaluateLean(c.in.Scenario, c.in.Catalog.Catalog)
	if err != nil || i >= len(res.Options) {
		return 0, false
	}
	return res.Options[i].Total, true
}

// currency is the scenario's, else the result's.
func (c *checker) currency() string {
	if c.in.Scenario.Currency != "" {
		return c.in.Scenario.Currency
	}
	return c.in.Result.Currency
}
