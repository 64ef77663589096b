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
	c.training = run
	r.Training = &c.training
	adapters := o.Adapters

	// F11: data, per fine-tuned variant.
	data := o.CurationHours*rate + o.TrainExamples*o.LabelCostPerExample +
		o.GoldenSetExamples*o.ReviewMinutesPerExample/60*s.Team.ExpertHourlyRate
	c.oneTimeData = adapters * data
	if t != nil {
		t.add("data", "data curation, labelling and expert review", "F11",
			"adapters · (curation_hours · hourly_rate + train_examples · label_cost_per_example + golden_set_examples · review_minutes_per_example / 60 · expert_hourly_rate)",
			UnitMoney, c.oneTimeData,
			count("adapters", adapters), hours("curation_hours", o.CurationHours), money("hourly_rate", rate),
			count("train_examples", o.TrainExamples), money("label_cost_per_example", o.LabelCostPerExample),
			count("golden_set_examples", o.GoldenSetExamples), Term{Name: "review_minutes_per_example", Value: o.ReviewMinutesPerExample, Unit: "min"},
			money("expert_hourly_rate", s.Team.ExpertHourlyRate))
	}

	// F12: the experimentation tax; the production run is one of the cycles.
	// eval_hours_per_cycle counts each eval_checks entry's eval_check_hours
	// (issue 22): 0 when the file says no hours for them.
	evalHours := o.EvalHours()
	cycle := run.Cost + evalHours*rate
	c.oneTimeExperiments = adapters * o.ExperimentCycles * cycle
	if t != nil { // the terms a derivation shows; appended to, they would be allocated in every evaluation
		expTerms := []Term{count("adapters", adapters), count("experiment_cycles", o.ExperimentCycles), money("run_cost", run.Cost),
			hours("eval_hours_per_cycle", evalHours), money("hourly_rate", rate)}
		if o.EvalCheckHours > 0 {
			expTerms = append(expTerms, count("eval_checks", float64(CountList(o.EvalChecks))), hours("eval_check_hours", o.EvalCheckHours))
		}
		t.add("experiments", "experiment cycles (the final run included)", "F12",
			"adapters · experiment_cycles · (run_cost + eval_hours_per_cycle · hourly_rate)", UnitMoney, c.oneTimeExperiments, expTerms...)
	}

	// F13: re-tuning in every month m ≥ 1 with m mod every = 0.
	retune := adapters * (o.RetuneCurationHours*rate + o.RetuneCycles*cycle)
	every := int(o.RetuneEveryMonths)
	r.retuneEach = retune // F28 prices other cadences with it
	if every > 0 {
		c.retuneEvery, c.retuneCost = every, retune
		if t != nil {
			t.add("training.retune", "each re-tune", "F13",
				"adapters · (retune_curation_hours · hourly_rate + retune_cycles · (run_cost + eval_hours_per_cycle · hourly_rate))", UnitMoney, retune,
				count("adapters", adapters), hours("retune_curation_hours", o.RetuneCurationHours), money("hourly_rate", rate),
				count("retune_cycles", o.RetuneCycles), money("run_cost", run.Cost), hours("eval_hours_per_cycle", evalHours),
				Term{Name: "retune_every_months", Value: o.RetuneEveryMonths, Unit: "months"})
		}
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
		if t != nil {
			t.add("setup", "integration (one-time)", "§8", "integration_hours · hourly_rate", UnitMoney, total,
				hours("integration_hours", o.IntegrationHours), money("hourly_rate", rate))
		}
		return total
	}
	if t != nil { // its strings are built even when nothing is traced
		t.add("setup", "integration and "+extraName+" (one-time)", formula, "integration_hours · hourly_rate + "+extraName, UnitMoney, total,
			hours("integration_hours", o.IntegrationHours), money("hourly_rate", rate), money(extraName, extra))
	}
	return total
}

// trainingRun is F5–F10 for one run.
func trainingRun(s *Scenario, o *Option, cat *Catalog, t *tracer) (TrainingRun, error) {
	d := o.TrainExamples * o.TokensPerExample * o.Epochs // F5
	if t != nil {
		t.add("training.tokens", "training tokens per run", "F5", "train_examples · tokens_per_example · epochs", UnitTokens, d,
			count("train_examples", o.TrainExamples), tokens("tokens_per_example", o.TokensPerExample), count("epochs", o.Epochs))
	}
	var buf APIModel
	if api, ok := cat.apiModelAt(o.BaseModel, &buf); ok {
		cost := managedRunCost(d, api, t) // F10, managed
		return TrainingRun{Managed: true, Tokens: d, Cost: cost}, nil
	}
	m := cat.openModel(o.BaseModel)
	off := cat.offer(o.TrainOffer)
	gpu := cat.gpu(off.GPU)
	n, nact := m.Params(), m.ActiveParams()
	tp, tact := loraParams(m, o.Method, o.LoraTargets, o.LoraRank) // F3
	traceParams(o, m, n, nact, tp, tact, t)

	flops := trainingFLOPs(o.Method, nact, tact, d, o.GradientCheckpointing) // F6
	if t != nil {                                                            // its strings are built even when nothing is traced
		t.add("training.flops", "training FLOPs per run", "F6", flopsExpr(o.Method, o.GradientCheckpointing), UnitFLOPs, flops,
			Term{Name: "Nact", Value: nact, Unit: UnitParams}, Term{Name: "Tact", Value: tact, Unit: UnitParams}, tokens("D", d))
	}

	mem, err := trainingMemory(o, m, gpu, tp, t) // F7
	if err != nil {
		return TrainingRun{}, err
	}
	instances := ceil(math.Max(mem.minGPUs, o.TrainGPUs) / float64(off.GPUs)) // F8
	used := instances * float64(off.GPUs)
	if t != nil {
		t.add("training.instances", "training instances", "F8", "ceil(max(min_gpus, train_gpus) / offer.gpus)", UnitCount, instances,
			count("min_gpus", mem.minGPUs), count("train_gpus", o.TrainGPUs), count("offer.gpus", float64(off.GPUs)))
	}
	perGPU, whole := mem.onGPUs(used)
	if t != nil { // its strings are built even when nothing is traced
		t.add("training.memory_per_gpu_gb", "training memory per GPU", "F7", mem.perGPUExpr(), UnitGB, perGPU/1e9,
			gbOf("S", mem.states), count("gpus", used), gbOf("A", mem.activations), gbOf("O", mem.overhead))
		t.add("training.memory_gb", "training memory of the whole run", "§8", mem.wholeExpr(), UnitGB, whole/1e9,
			gbOf("S", mem.states), count("gpus", used), gbOf("A", mem.activations), gbOf("O", mem.overhead))
	}

	hr := runHours(o, m, gpu, off, tp, d, flops, used, instances, t) // F9, F9a
	h, hb := hr.hours, hr.billed

	hourly, ok := off.Hourly(Pricing(o.Pricing))
	if !ok {
		return TrainingRun{}, inputErr(o.Name, "pricing", "offer %q has no %s price", off.ID, o.Pricing)
	}
	cost := instances * hourly * hb // F10
	if t != nil {                   // its strings are built even when nothing is traced
		t.add("training.cost", "cost of one training run", "F10", "instances · hourly("+o.Pricing+") · billed_hours", UnitMoney, cost,
			count("instances", instances), money("hourly", hourly), hours("billed_hours", hb))
	}
	return TrainingRun{Tokens: d, FLOPs: flops, TrainableParams: tp, MemoryGB: whole / 1e9, MemoryPerGPUGB: perGPU / 1e9,
		MinGPUs: mem.minGPUs, GPUs: used, Instances: instances, Hours: h, BilledHours: hb, Cost: cost,
		ComputeHours: hr.compute, CommHours: hr.comm.hours}, nil
}

// traceParams records F3's T and, for a mixture of experts, Nact and Tact.
func traceParams(o *Option, m OpenModel, n, nact, tp, tact float64, t *tracer) {
	if t == nil {
		return
	}
	qd, kvd := attentionDims(m)
	inputs := []Term{count("layers", float64(m.Layers)), count("lora_rank", o.LoraRank), count("hidden", float64(m.Hidden)),
		count("heads·head_dim", qd), count("kv_heads·head_dim", kvd)}
	if m.MoE() {
		inputs = append(inputs, count("experts", float64(m.Experts)), count("expert_intermediate", float64(m.ExpertIntermediate)))
	} else {
		inputs = append(inputs, count("intermediate", float64(m.Intermediate)))
	}
	t.add("training.trainable_params", "trainable parameters", "F3", trainableExpr(o, m), UnitParams, tp, inputs...)
	if !m.MoE() {
		return
	}
	t.add("training.active_params", "parameters one token computes with (Nact)", "§3", "active_params_b · 1e9", UnitParams, nact,
		Term{Name: "N", Value: n, Unit: UnitParams}, count("active_params_b", m.ActiveParamsB))
	if o.Method != "full" {
		t.add("training.active_trainable_params", "adapter parameters one token uses (Tact)", "F3", activeTrainableExpr(o), UnitParams, tact,
			count("layers", float64(m.Layers)), count("lora_rank", o.LoraRank), count("experts_per_token", float64(m.ExpertsPerToken)),
			count("expert_intermediate", float64(m.ExpertIntermediate)), Term{Name: "T", Value: tp, Unit: UnitParams})
	}
}

// trainMemory is F7's parts for one run: model states S, activations A
// and the per-GPU overhead O, in bytes, and the fewest GPUs that hold them.
type trainMemory struct {
	states, activations, overhead float64
	sharded                       bool
	sharding                      string // zero3 or model when sharded
	minGPUs                       float64
}

// onGPUs returns the per-GPU need on g GPUs and the memory of the whole
// run (§8): zero3 S/g + A + O and S + g · (A + O); none S + A + O and g · (S + A + O).
func (mm trainMemory) onGPUs(g float64) (perGPU, whole float64) {
	if mm.sharded {
		return mm.states/g + mm.activations + mm.overhead, mm.states + g*(mm.activations+mm.overhead)
	}
	perGPU = mm.states + mm.activations + mm.overhead
	return perGPU, g * perGPU
}

func (mm trainMemory) perGPUExpr() string {
	if mm.sharded {
		return "S / gpus + A + O (" + mm.sharding + ")"
	}
	return "S + A + O (no sharding)"
}

func (mm trainMemory) wholeExpr() string {
	if mm.sharded {
		return "S + gpus · (A + O) (" + mm.sharding + ")"
	}
	return "gpus · (S + A + O) (no sharding)"
}

// trainingMemory is F7: model states, activations, overhead and the
// fewest GPUs, or an error naming what would make the run fit.
func trainingMemory(o *Option, m OpenModel, gpu GPU, tp float64, t *tracer) (trainMemory, error) {
	n, pemb := m.Params(), m.EmbeddingParams()
	k := o.TrainableStateBytes
	mm := trainMemory{states: trainingStates(o.Method, n, pemb, tp, k), overhead: o.MemoryOverheadGB * 1e9, sharded: o.Sharding != "none", sharding: o.Sharding}
	if t != nil {
		t.add("training.states_gb", "model states (weights, gradients, optimiser)", "F7", statesExpr(o.Method), UnitGB, mm.states/1e9,
			Term{Name: "N", Value: n, Unit: UnitParams}, Term{Name: "Pemb", Value: pemb, Unit: UnitParams}, Term{Name: "T", Value: tp, Unit: UnitParams},
			Term{Name: "k = trainable_state_bytes", Value: k, Unit: UnitBytes})
	}

	a := activationBytes(m)
	qd, kvd := attentionDims(m)
	if t != nil {
		t.add("training.activation_bytes", "activation bytes per token and layer", "F7", "2 · (4 · hidden + 2 · qd + 2 · kvd + 4 · Imlp)", UnitBytes, a,
			count("hidden", float64(m.Hidden)), count("qd", qd), count("kvd", kvd), count("Imlp", mlpWidth(m)))
	}
	layers, hidden := float64(m.Layers), float64(m.Hidden)
	expr := "micro_batch_tokens · layers · a"
	if o.GradientCheckpointing {
		mm.activations = o.MicroBatchTokens * (layers*2*hidden + a)
		expr = "micro_batch_tokens · (layers · 2 · hidden + a) (gradient checkpointing)"
	} else {
		mm.activations = o.MicroBatchTokens * layers * a
	}
	if t != nil {
		t.add("training.activations_gb", "activations one GPU holds", "F7", expr, UnitGB, mm.activations/1e9,
			tokens("micro_batch_tokens", o.MicroBatchTokens), count("layers", layers), count("hidden", hidden), Term{Name: "a", Value: a, Unit: UnitBytes})
	}

	mem := gpu.MemoryGB * 1e9
	if err := fitsOneGPU(o, gpu, mm); err != nil {
		return mm, err
	}
	mm.minGPUs = 1
	if mm.sharded {
		mm.minGPUs = ceil(mm.states / (mem - mm.activations - mm.overhead))
		if t != nil { // its string is built even when nothing is traced
			t.add("training.min_gpus", "fewest GPUs the run fits on", "F7", "ceil(S / (memory_gb · 1e9 − A − O)) ("+mm.sharding+")", UnitGPUs, mm.minGPUs,
				gbOf("S", mm.states), gb("memory_gb", gpu.MemoryGB), gbOf("A", mm.activations), gbOf("O", mm.overhead))
		}
	} else {
		if t != nil {
			t.add("training.min_gpus", "fewest GPUs the run fits on", "F7", "1 (no sharding: every GPU holds the whole run)", UnitGPUs, 1,
				gbOf("S + A + O", mm.states+mm.activations+mm.overhead), gb("memory_gb", gpu.MemoryGB))
		}
	}
	return mm, nil
}

// fitsOneGPU is F7's refusal: zero3 needs room for A + O beside a share of
// the states; none needs S + A + O on each GPU.
func fitsOneGPU(o *Option, gpu GPU, mm trainMemory) error {
	mem := gpu.MemoryGB * 1e9
	ckpt := ""
	if !o.GradientCheckpointing {
		ckpt = ", gradient_checkpointing = true"
	}
	if mm.sharded && mem <= mm.activations+mm.overhead {
		return inputErr(o.Name, "micro_batch_tokens",
			"does not fit: activations %.1f GB + overhead %.1f GB need more than the %g GB of gpu %q before any model state; use fewer micro_batch_tokens%s, or a GPU with more memory",
			mm.activations/1e9, mm.overhead/1e9, gpu.MemoryGB, gpu.ID, ckpt)
	}
	if !mm.sharded && mm.states+mm.activations+mm.overhead > mem {
		return inputErr(o.Name, "sharding",
			"does not fit: each GPU needs %.1f GB (states %.1f + activations %.1f + overhead %.1f) but gpu %q has %g GB; use sharding = \"zero3\", fewer micro_batch_tokens%s, or a GPU with more memory",
			(mm.states+mm.activations+mm.overhead)/1e9, mm.states/1e9, mm.activations/1e9, mm.overhead/1e9, gpu.ID, gpu.MemoryGB, ckpt)
	}
	return nil
}

// trainingFLOPs is F6: full 6·Nact·D; lora and qlora (4·Nact + 6·Tact)·D;
// gradient checkpointing adds 2·Nact·D (the forward pass again).
func trainingFLOPs(method string, nact, tact, d float64, checkpointing bool) float64 {
	f := (4*nact + 6*tact) * d
	if method == "full" {
		f = 6 * nact * d
	}
	if checkpointing {
		f += 2 * nact * d
	}
	return f
}

// trainingStates is F7's model states with k = trainable_state_bytes: full
// k·N; lora 2·N + k·T; qlora (4.127/8)·(N − Pemb) + 2·Pemb + k·T (embeddings
// and head stay 16-bit).
func trainingStates(method string, n, pemb, tp, k float64) float64 {
	switch method {
	case "full":
		return k * n
	case "qlora":
		return nf4Bytes*(n-pemb) + 2*pemb + k*tp
	}
	return 2*n + k*tp
}

func trainableExpr(o *Option, m OpenModel) string {
	switch {
	case o.Method == "full":
		return "N (full fine-tuning trains every parameter)"
	case o.LoraTargets == "attention":
		return "layers · lora_rank · Σ (d_in + d_out) over q, k, v, o"
	case m.MoE():
		return "layers · lora_rank · (Σ (d_in + d_out) over q, k, v, o + experts · 3 · (hidden + expert_intermediate))"
	}
	return "layers · lora_rank · Σ (d_in + d_out) over q, k, v, o, gate, up, down"
}

func activeTrainableExpr(o *Option) string {
	if o.LoraTargets == "attention" {
		return "T (attention adapters: every token uses them all)"
	}
	return "T with experts replaced by experts_per_token"
}

func flopsExpr(method string, checkpointing bool) string {
	e := "(4 · Nact + 6 · Tact) · D"
	if method == "full" {
		e = "6 · Nact · D"
	}
	if checkpointing {
		e += " + 2 · Nact · D (gradient checkpointing)"
	}
	return e
}

func statesExpr(method string) string {
	switch method {
	case "full":
		return "k · N"
	case "qlora":
		return "4.127 / 8 · (N − Pemb) + 2 · Pemb + k · T"
	}
	return "2 · N + k · T"
}
