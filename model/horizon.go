package model

import "strconv"

// traceHorizon records how the figures summed over months are reached: each
// recurring category over the horizon, the one-time costs, the recurring
// cost of the first and last month and the peak serving instances. Every
// figure a screen or report shows then has a derivation ending at it, not
// only the per-month or per-re-tune part it is built from. The one-time
// categories (data, experiments, setup) need none: their own derivations
// already end at the total. Only called with tracing on.
func traceHorizon(r *OptionResult, c *costs, qtot float64, quality bool, t *tracer) {
	all := r.Months() // a replay's: stored
	months := len(all)
	horizon := Term{Name: "months", Value: float64(months), Unit: "months"}
	if c.retuneEvery > 0 {
		// F13 re-tunes in every month m ≥ 1 (0-based) with m mod every = 0.
		retunes := float64((months - 1) / c.retuneEvery)
		t.add("category.training", "re-tuning over the horizon"+retuneMonths(c.retuneEvery, int(retunes)), "F13",
			"each_retune · retunes (one every retune_every_months, none in month 1)", UnitMoney, r.CategoryTotal("training"),
			money("each_retune", c.retuneCost), count("retunes", retunes),
			Term{Name: "retune_every_months", Value: float64(c.retuneEvery), Unit: "months"}, horizon)
	}
	if c.selfHosted {
		instanceMonths := 0.0
		for i := range all {
			instanceMonths += all[i].Instances
		}
		t.add("category.inference", "serving over the horizon", "F22",
			"Σ over months of instances · hourly · 730 = instance_months · hourly · 730", UnitMoney, r.CategoryTotal("inference"),
			count("instance_months", instanceMonths), money("hourly", c.fleet.hourly), hours("hours_per_month", HoursPerMonth))
	} else {
		t.add("category.inference", "API inference over the horizon", "F19",
			"price_per_query · total_queries", UnitMoney, r.CategoryTotal("inference"),
			money("price_per_query", c.apiPerQuery), Term{Name: "total_queries", Value: qtot, Unit: UnitQueries})
	}
	if c.hasRetrieval {
		// Per million queries: a price per query rounds to $0.00.
		perMQueries := c.queryTokens*c.embedPerMtok + c.dbPerMQuery
		t.add("category.retrieval", "retrieval over the horizon", "F16",
			"months · fixed_per_month + total_queries / 1e6 · per_million_queries (input_tokens · embedding.per_mtok + per_mquery)",
			UnitMoney, r.CategoryTotal("retrieval"),
			horizon, money("fixed_per_month", c.retrievalFixed), Term{Name: "total_queries", Value: qtot, Unit: UnitQueries},
			money("per_million_queries", perMQueries))
	}
	if c.hostingMonthly > 0 {
		t.add("category.hosting", "hosting over the horizon", "F19", "hosting_per_month · months", UnitMoney, r.CategoryTotal("hosting"),
			money("hosting_per_month", c.hostingMonthly), horizon)
	}
	t.add("category.labour", "maintenance labour over the horizon", "§8", "labour_per_month · months", UnitMoney, r.CategoryTotal("labour"),
		money("labour_per_month", all[0].Labour), horizon)
	traceMonths(r, quality, t)
}

// traceMonths records the sums over one month's categories and the peak
// instances, with months named from 1 as people count them. quality: the
// scenario models quality (§9), so a month's recurring cost includes its
// errors; otherwise the derivations are what they were before §9.
func traceMonths(r *OptionResult, quality bool, t *tracer) {
	months := r.Months() // a replay's: stored
	first, last := &months[0], &months[len(months)-1]
	t.add("one_time", "one-time costs, in month 1", "§8", "data + experiments + setup", UnitMoney,
		first.Data+first.Experiments+first.Setup,
		money("data", first.Data), money("experiments", first.Experiments), money("setup", first.Setup))
	recurring := func(id, label string, m *Month) {
		expr := "inference + retrieval + hosting + labour + training (re-tuning)"
		parts := []Term{money("inference", m.Inference), money("retrieval", m.Retrieval), money("hosting", m.Hosting),
			money("labour", m.Labour), money("training", m.Training)}
		sum := m.Inference + m.Retrieval + m.Hosting + m.Labour + m.Training
		if quality {
			expr += " + errors"
			parts = append(parts, money("errors", m.Errors))
			sum += m.Errors
		}
		t.add(id, label, "§8", expr, UnitMoney, sum, parts...)
	}
	recurring("recurring.first", "recurring cost in month 1", first)
	recurring("recurring.last", "recurring cost in month "+strconv.Itoa(len(months)), last)
	if r.Serving != nil {
		peak, at := 0.0, 0
		for i := range months {
			if months[i].Instances > peak {
				peak, at = months[i].Instances, i
			}
		}
		t.add("serving.peak_instances", "most serving instances in any month", "F22", "max over months of deployments · ceil(replicas / per_instance)",
			UnitCount, peak, count("instances in month 1", first.Instances), count("peak month", float64(at+1)))
	}
}

// retuneMonths names the months of the re-tunes as people count them (from
// 1): F13's month m = every, 2·every, … (0-based) is month m + 1.
func retuneMonths(every, n int) string {
	month := func(k int) string { return strconv.Itoa(k*every + 1) }
	switch {
	case n <= 0:
		return ""
	case n == 1:
		return ", in month " + month(1)
	case n == 2:
		return ", in months " + month(1) + " and " + month(2)
	case n == 3:
		return ", in months " + month(1) + ", " + month(2) + " and " + month(3)
	}
	return ", in months " + month(1) + ", " + month(2) + ", … " + month(n)
}
