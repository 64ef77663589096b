package model

// promptCosts fills a prompted larger model's one-time prompt engineering
// (F18) and its serving with the prompt overhead (F17, F19–F22).
func promptCosts(s *Scenario, o *Option, cat *Catalog, r *OptionResult, c *costs, t *tracer) error {
	rate := s.Team.HourlyRate
	in := s.Workload.InputTokens + o.PromptOverheadTokens // F17
	if t != nil {
		t.add("prompt.input_tokens", "input tokens per query", "F17", "input_tokens + prompt_overhead_tokens", UnitTokens, in,
			tokens("input_tokens", s.Workload.InputTokens), tokens("prompt_overhead_tokens", o.PromptOverheadTokens))
	}
	engineering := o.PromptEngineeringHours * rate // F18
	if t != nil {
		t.add("prompt.engineering", "prompt engineering (one-time)", "F18", "prompt_engineering_hours · hourly_rate", UnitMoney, engineering,
			hours("prompt_engineering_hours", o.PromptEngineeringHours), money("hourly_rate", rate))
	}
	c.oneTimeSetup = setupCost(o, rate, t, engineering, "F18", "prompt_engineering")
	return servingCosts(s, o, cat, r, c, t)
}
