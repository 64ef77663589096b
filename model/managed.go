package model

// managedRunCost is F10 for a managed fine-tune: the provider's price per
// training token, but never less than its minimum charge per job.
func managedRunCost(d float64, api *APIModel, t *tracer) float64 {
	byTokens := d * api.TrainPerMtok / 1e6
	if api.FTMinCharge <= 0 {
		if t != nil {
			t.add("training.cost", "cost of one managed training run", "F10", "training_tokens · train_per_mtok / 1e6", UnitMoney, byTokens,
				tokens("training_tokens", d), money("train_per_mtok", api.TrainPerMtok))
		}
		return byTokens
	}
	cost := max(byTokens, api.FTMinCharge)
	if t != nil {
		t.add("training.cost", "cost of one managed training run", "F10", "max(training_tokens · train_per_mtok / 1e6, ft_min_charge)", UnitMoney, cost,
			tokens("training_tokens", d), money("train_per_mtok", api.TrainPerMtok), money("ft_min_charge", api.FTMinCharge))
	}
	return cost
}

// managedHosting is F19's hosting category for a managed fine-tune: each
// deployed variant's hourly deployment and monthly storage.
func managedHosting(o *Option, api *APIModel, c *costs, t *tracer) {
	switch {
	case api.FTStorageMonthly > 0:
		c.hostingMonthly = o.Adapters * (api.FTHostingHourly*HoursPerMonth + api.FTStorageMonthly)
		t.add("hosting", "hosting and storage of deployed fine-tuned models per month", "F19",
			"adapters · (ft_hosting_hourly · 730 + ft_storage_monthly)", UnitMoney, c.hostingMonthly,
			count("adapters", o.Adapters), money("ft_hosting_hourly", api.FTHostingHourly), money("ft_storage_monthly", api.FTStorageMonthly))
	case api.FTHostingHourly > 0:
		c.hostingMonthly = o.Adapters * api.FTHostingHourly * HoursPerMonth
		t.add("hosting", "hosting of deployed fine-tuned models per month", "F19", "adapters · ft_hosting_hourly · 730", UnitMoney, c.hostingMonthly,
			count("adapters", o.Adapters), money("ft_hosting_hourly", api.FTHostingHourly))
	}
}
