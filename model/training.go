package model

import "math"

// fineTuneCosts fills a fine-tuning option's training run, one-time and
// recurring costs (F5–F13) and its serving (F19–F22).
func fineTuneCosts(s *Scenario, o *Option, cat *Catalog, r *OptionResult, c *costs, t *tracer) error {
	rate := s.Team.HourlyRate
	run, err := trainingRun(s, o, cat, t)
	if err != nil {
		return err
	}
	r.Training = &run
	adapters := o.Adapters

	// F11: data, per fine-tuned variant.
	data := o.CurationHours*rate + o.TrainExamples*o.LabelCostPerExample +
		o.GoldenSetExamples*o.ReviewMinutesPerExample/60*s.Team.ExpertHourlyRate
	c.oneTimeData = adapters * data
	t.add("data", "data curation, labelling and expert review", "F11",
		"adapters · (curation_hours · hourly_rate + train_examples · label_cost_per_example + golden_set_examples · review_minutes_per_example / 60 · expert_hourly_rate)",
		UnitMoney, c.oneTimeData,
		count("adapters", adapters), hours("curation_hours", o.CurationHours), money("hourly_rate", rate),
		count("train_examples", o.TrainExamples), money("label_cost_per_example", o.LabelCostPerExample),
		count("golden_set_examples", o.GoldenSetExamples), Term{Name: "review_minutes_per_example", Value: o.ReviewMinutesPerExample, Unit: "min"},
		money("expert_hourly_rate", s.Team.ExpertHourlyRate))

	// F12: the experimentation tax; the production run is one of the cycles.
	cycle := run.Cost + o.EvalHoursPerCycle*rate
	c.oneTimeExperiments = adapters * o.ExperimentCycles * cycle
	t.add("experiments", "experiment cycles (the final run included)", "F12",
		"adapters · experiment_cycles · (run_cost + eval_hours_per_cycle · hourly_rate)", UnitMoney, c.oneTimeExperiments,
		count("adapters", adapters), count("experiment_cycles", o.ExperimentCycles), money("run_cost", run.Cost),
		hours("eval_hours_per_cycle", o.EvalHoursPerCycle), money("hourly_rate", rate))

	// F13: re-tuning in every month m ≥ 1 with m mod every = 0.
	retune := adapters * (o.RetuneCurationHours*rate + o.RetuneCycles*cycle)
	every := int(o.RetuneEveryMonths)
	if every > 0 {
		c.retuneEvery, c.retuneCost = every, retune
		t.add("training", "each re-tune", "F13",
			"adapters · (retune_curation_hours · hourly_rate + retune_cycles · (run_cost + eval_hours_per_cycle · hourly_rate))", UnitMoney, retune,
			count("adapters", adapters), hours("retune_curation_hours", o.RetuneCurationHours), money("hourly_rate", rate),
			count("retune_cycles", o.RetuneCycles), money("run_cost", run.Cost), hours("eval_hours_per_cycle", o.EvalHoursPerCycle),
			Term{Name: "retune_every_months", Value: o.RetuneEveryMonths, Unit: "months"})
	}
	c.oneTimeSetup = setupCost(o, rate, t, 0, "", "")
	return servingCosts(s, o, cat, r, c, t)
}

// setupCost is the setup category: integration_hours · hourly_rate plus a
// kind's own one-time part (F15, F18), named by extraName when non-zero.
func setupCost(o *Option, rate float64, t *tracer, extra float64, formula, extraName string) float64 {
	integration := o.IntegrationHours * rate
	total := integration + extra
	if extraName == "" {
		t.add("setup", "integration (one-time)", "§8", "integration_hours · hourly_rate", UnitMoney, total,
			hours("integration_hours", o.IntegrationHours), money("hourly_rate", rate))
		return total
	}
	t.add("setup", "integration and "+extraName+" (one-time)", formula, "integration_hours · hourly_rate + "+extraName, UnitMoney, total,
		hours("integration_hours", o.IntegrationHours), money("hourly_rate", rate), money(extraName, extra))
	return total
}

// trainingRun is F5–F10 for one run.
func trainingRun(s *Scenario, o *Option, cat *Catalog, t *tracer) (TrainingRun, error) {
	d := o.TrainExamples * o.TokensPerExample * o.Epochs // F5
	t.add("training.tokens", "training tokens per run", "F5", "train_examples · tokens_per_example · epochs", UnitTokens, d,
		count("train_examples", o.TrainExamples), tokens("tokens_per_example", o.TokensPerExample), count("epochs", o.Epochs))
	if api, ok := cat.APIModels[o.BaseModel]; ok {
		cost := d * api.TrainPerMtok / 1e6 // F10, managed
		t.add("training.cost", "cost of one managed training run", "F10", "training_tokens · train_per_mtok / 1e6", UnitMoney, cost,
			tokens("training_tokens", d), money("train_per_mtok", api.TrainPerMtok))
		return TrainingRun{Managed: true, Tokens: d, Cost: cost}, nil
	}
	m := cat.OpenModels[o.BaseModel]
	off := cat.Offers[o.TrainOffer]
	gpu := cat.GPUs[off.GPU]
	n := m.Params()
	tp := loraParams(m, o.Method, o.LoraTargets, o.LoraRank) // F3
	t.add("training.trainable_params", "trainable parameters", "F3", trainableExpr(o), UnitParams, tp,
		count("layers", float64(m.Layers)), count("lora_rank", o.LoraRank), count("hidden", float64(m.Hidden)),
		count("intermediate", float64(m.Intermediate)), count("heads·head_dim", float64(m.Heads)*m.HeadDimension()),
		count("kv_heads·head_dim", float64(m.KVHeads)*m.HeadDimension()))

	flops := trainingFLOPs(o.Method, n, tp, d) // F6
	t.add("training.flops", "training FLOPs per run", "F6", flopsExpr(o.Method), UnitFLOPs, flops,
		Term{Name: "N", Value: n, Unit: UnitParams}, Term{Name: "T", Value: tp, Unit: UnitParams}, tokens("D", d))

	const v1ActivationFraction = 0.25                                    // v1's F7, until the v2 engine step replaces it
	need := trainingStates(o.Method, n, tp) * (1 + v1ActivationFraction) // F7
	gmin := math.Ceil(need / (gpu.MemoryGB * 1e9))
	t.add("training.memory_gb", "training memory", "F7", statesExpr(o.Method)+" · (1 + activation_fraction)", UnitGB, need/1e9,
		Term{Name: "N", Value: n, Unit: UnitParams}, Term{Name: "T", Value: tp, Unit: UnitParams}, count("activation_fraction", v1ActivationFraction))
	t.add("training.min_gpus", "fewest GPUs the run fits on", "F7", "ceil(need / (memory_gb · 1e9))", UnitGPUs, gmin,
		Term{Name: "need", Value: need / 1e9, Unit: UnitGB}, Term{Name: "memory_gb", Value: gpu.MemoryGB, Unit: UnitGB})

	instances := math.Ceil(math.Max(gmin, o.TrainGPUs) / float64(off.GPUs)) // F8
	used := instances * float64(off.GPUs)
	t.add("training.instances", "training instances", "F8", "ceil(max(min_gpus, train_gpus) / offer.gpus)", UnitCount, instances,
		count("min_gpus", gmin), count("train_gpus", o.TrainGPUs), count("offer.gpus", float64(off.GPUs)))

	h := flops/(gpu.BF16TFLOPS*1e12*o.MFU)/used/3600 + o.RunOverheadHours // F9
	hb := math.Ceil(h*60/off.BillingMinutes) * off.BillingMinutes / 60
	t.add("training.billed_hours", "billed hours per run", "F9",
		"ceil((FLOPs / (bf16_tflops · 1e12 · mfu) / gpus / 3600 + run_overhead_hours) · 60 / billing_minutes) · billing_minutes / 60", UnitHours, hb,
		Term{Name: "FLOPs", Value: flops, Unit: UnitFLOPs}, count("bf16_tflops", gpu.BF16TFLOPS), count("mfu", o.MFU),
		count("gpus", used), hours("run_overhead_hours", o.RunOverheadHours), Term{Name: "billing_minutes", Value: off.BillingMinutes, Unit: "min"})

	hourly, ok := off.Hourly(Pricing(o.Pricing))
	if !ok {
		return TrainingRun{}, inputErr(o.Name, "pricing", "offer %q has no %s price", off.ID, o.Pricing)
	}
	cost := instances * hourly * hb // F10
	t.add("training.cost", "cost of one training run", "F10", "instances · hourly("+o.Pricing+") · billed_hours", UnitMoney, cost,
		count("instances", instances), money("hourly", hourly), hours("billed_hours", hb))
	return TrainingRun{Tokens: d, FLOPs: flops, TrainableParams: tp, MemoryGB: need / 1e9, MinGPUs: gmin,
		GPUs: used, Instances: instances, Hours: h, BilledHours: hb, Cost: cost}, nil
}

// trainingFLOPs is F6: full 6·N·D; LoRA and QLoRA (4·N + 6·T)·D.
func trainingFLOPs(method string, n, tp, d float64) float64 {
	if method == "full" {
		return 6 * n * d
	}
	return (4*n + 6*tp) * d
}

// trainingStates is F7's model states: full 16·N; lora 2·N + 16·T; qlora (4.127/8)·N + 16·T.
func trainingStates(method string, n, tp float64) float64 {
	switch method {
	case "full":
		return 16 * n
	case "qlora":
		return nf4Bytes*n + 16*tp
	}
	return 2*n + 16*tp
}

func trainableExpr(o *Option) string {
	switch {
	case o.Method == "full":
		return "N (full fine-tuning trains every parameter)"
	case o.LoraTargets == "attention":
		return "layers · lora_rank · Σ (d_in + d_out) over q, k, v, o"
	}
	return "layers · lora_rank · Σ (d_in + d_out) over q, k, v, o, gate, up, down"
}

func flopsExpr(method string) string {
	if method == "full" {
		return "6 · N · D"
	}
	return "(4 · N + 6 · T) · D"
}

func statesExpr(method string) string {
	switch method {
	case "full":
		return "16 · N"
	case "qlora":
		return "(4.127 / 8 · N + 16 · T)"
	}
	return "(2 · N + 16 · T)"
}
