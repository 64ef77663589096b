package model

import (
	"strconv"
	"strings"
)

var peft = []string{"lora", "qlora"}

// A kindTest says which kinds an option field applies to, by what they do
// (KindSpec), so that a new kind gets its fields from its capabilities.
type kindTest func(*KindSpec) bool

var (
	training   kindTest = func(k *KindSpec) bool { return k.Trains }
	adapters   kindTest = func(k *KindSpec) bool { return k.Adapters }
	decaying   kindTest = func(k *KindSpec) bool { return k.AccuracyDecays }
	retuned    kindTest = func(k *KindSpec) bool { return k.Retunes }
	retrieving kindTest = func(k *KindSpec) bool { return k.Retrieves }
	prompting  kindTest = func(k *KindSpec) bool { return k.PromptOverhead }
)

// servedBy is the kinds whose serving model the field names.
func servedBy(key string) kindTest {
	return func(k *KindSpec) bool { return k.ServingField == key }
}

// completeFieldTable adds §9's fields and works out every option field's
// Kinds from its kindTest; it runs once the kinds are registered.
func completeFieldTable() {
	fieldTable = append(fieldTable, qualityFields...)
	resolveFieldKinds()
}

func resolveFieldKinds() {
	for i := range fieldTable {
		f := &fieldTable[i]
		if f.forKinds == nil {
			continue
		}
		f.Kinds = nil
		for j := range kindSpecs {
			if f.forKinds(&kindSpecs[j]) {
				f.Kinds = append(f.Kinds, kindSpecs[j].Kind)
			}
		}
	}
}

func constant(v float64) func(*Scenario, *Option) float64 {
	return func(*Scenario, *Option) float64 { return v }
}

// optNum declares a numeric option field.
func optNum(key string, kinds kindTest, h Hosting, min, max float64, integer bool, def func(*Scenario, *Option) float64, unit, doc string, get func(*Option) *float64) Field {
	return Field{Key: key, Section: SectionOption, Type: Number, forKinds: kinds, Hosting: h,
		Min: min, Max: max, Integer: integer, DefaultNum: def, Unit: unit, Doc: doc,
		num: func(_ *Scenario, o *Option) *float64 { return get(o) }}
}

// optText declares a string option field.
func optText(key string, kinds kindTest, h Hosting, def string, choices []string, ref Ref, doc string, get func(*Option) *string) Field {
	return Field{Key: key, Section: SectionOption, Type: Text, forKinds: kinds, Hosting: h,
		DefaultText: def, Choices: choices, Ref: ref, Required: def == "" && choices == nil && ref != NoRef, Doc: doc,
		text: func(_ *Scenario, o *Option) *string { return get(o) }}
}

func required(f Field) Field { f.Required = true; f.DefaultNum = nil; return f }
func optional(f Field) Field { f.Optional = true; f.Required = false; return f }
func exclusive(f Field) Field {
	f.MinExclusive = true
	return f
}
func allowed(f Field, vs ...float64) Field { f.Allowed = vs; return f }
func methods(f Field, m []string) Field    { f.Methods = m; return f }
func list(f Field) Field                   { f.List, f.Quiet = true, true; return f }
func quiet(f Field) Field                  { f.Quiet = true; return f }
func shortName(f Field) Field              { f.MaxLen, f.Quiet = ShortNameMax, true; return f }

// EvalChecks are the checks an evaluation plan may list (eval_checks):
// general_knowledge sees forgetting after a full fine-tune, diversity a
// style task's collapse onto a few phrasings.
var EvalChecks = []string{"general_knowledge", "diversity", "safety", "format", "regression"}

var fieldTable = []Field{
	{Key: "horizon_months", Section: SectionTop, Type: Number, Min: 1, Max: 120, Integer: true,
		DefaultNum: constant(24), Unit: "months", Doc: "how many months the comparison covers",
		num: func(s *Scenario, _ *Option) *float64 { return &s.HorizonMonths }},
	{Key: "efficiency_ranges", Section: SectionTop, Type: Flag, DefaultFlag: true, AnalysisSwitch: true,
		Doc:  "the analyses vary the efficiency constants the file does not set over their default ranges (§10); false: they stay at their defaults",
		flag: func(s *Scenario, _ *Option) *bool { return &s.EfficiencyRanges }},

	{Key: "queries_per_month", Section: SectionWorkload, Type: Number, Min: 0, MinExclusive: true, Max: maxInput, Required: true,
		Unit: "queries", Doc: "production queries in the first month (F1's Q0)",
		num: func(s *Scenario, _ *Option) *float64 { return &s.Workload.QueriesPerMonth }},
	{Key: "monthly_growth", Section: SectionWorkload, Type: Number, Min: 0, Max: 10, DefaultNum: constant(0),
		Unit: "fraction", Doc: "growth of queries per month (F1's g: 0.05 = 5 %)",
		num: func(s *Scenario, _ *Option) *float64 { return &s.Workload.MonthlyGrowth }},
	{Key: "input_tokens", Section: SectionWorkload, Type: Number, Min: 0, Max: 1e7, Required: true,
		Unit: "tokens", Doc: "input tokens of a query before any retrieved context or prompt overhead",
		num: func(s *Scenario, _ *Option) *float64 { return &s.Workload.InputTokens }},
	{Key: "output_tokens", Section: SectionWorkload, Type: Number, Min: 0, Max: 1e7, Required: true,
		Unit: "tokens", Doc: "output tokens of a query",
		num: func(s *Scenario, _ *Option) *float64 { return &s.Workload.OutputTokens }},
	{Key: "peak_to_average", Section: SectionWorkload, Type: Number, Min: 1, Max: 1000, DefaultNum: constant(3),
		Unit: "ratio", Doc: "peak traffic over average traffic, for sizing replicas (F22)",
		num: func(s *Scenario, _ *Option) *float64 { return &s.Workload.PeakToAverage }},

	{Key: "hourly_rate", Section: SectionTeam, Type: Number, Min: 0, Max: 1e6, DefaultNum: constant(100),
		Unit: "per hour", Doc: "loaded cost of an engineer-hour",
		num: func(s *Scenario, _ *Option) *float64 { return &s.Team.HourlyRate }},
	{Key: "expert_hourly_rate", Section: SectionTeam, Type: Number, Min: 0, Max: 1e6,
		DefaultNum: func(s *Scenario, _ *Option) float64 { return s.Team.HourlyRate },
		Unit:       "per hour", Doc: "cost of a domain expert's hour for golden-set review (default: hourly_rate)",
		num: func(s *Scenario, _ *Option) *float64 { return &s.Team.ExpertHourlyRate }},

	// Fine-tuning (§4).
	optText("base_model", servedBy("base_model"), AnyHosting, "", nil, RefBase, "an open_model id (self-hosted) or an api_model id with managed fine-tuning",
		func(o *Option) *string { return &o.BaseModel }),
	required(optText("method", adapters, SelfHostedOnly, "", []string{"full", "lora", "qlora"}, NoRef, "full fine-tuning, LoRA, or QLoRA (4-bit base)",
		func(o *Option) *string { return &o.Method })),
	methods(optNum("lora_rank", adapters, SelfHostedOnly, 1, 65536, true, constant(16), "", "LoRA rank r (F3)", func(o *Option) *float64 { return &o.LoraRank }), peft),
	methods(optText("lora_targets", adapters, SelfHostedOnly, "all-linear", []string{"all-linear", "attention"}, NoRef, "which matrices LoRA adapts (F3)",
		func(o *Option) *string { return &o.LoraTargets }), peft),
	required(optNum("train_examples", training, AnyHosting, 0, maxInput, true, nil, "examples", "training examples (F5)", func(o *Option) *float64 { return &o.TrainExamples })),
	required(optNum("tokens_per_example", training, AnyHosting, 0, 1e7, false, nil, "tokens", "tokens per training example (F5)", func(o *Option) *float64 { return &o.TokensPerExample })),
	optNum("epochs", training, AnyHosting, 0, 1000, false, constant(3), "", "passes over the training set (F5)", func(o *Option) *float64 { return &o.Epochs }),
	required(optNum("curation_hours", training, AnyHosting, 0, 1e7, false, nil, "hours", "engineer hours to collect and clean the training data (F11)", func(o *Option) *float64 { return &o.CurationHours })),
	optNum("label_cost_per_example", training, AnyHosting, 0, 1e6, false, constant(0), "per example", "paid labelling per training example (F11)", func(o *Option) *float64 { return &o.LabelCostPerExample }),
	optNum("golden_set_examples", training, AnyHosting, 0, 1e9, true, constant(150), "examples", "expert-reviewed validation examples (F11)", func(o *Option) *float64 { return &o.GoldenSetExamples }),
	optNum("review_minutes_per_example", training, AnyHosting, 0, 1e4, false, constant(3), "minutes", "expert minutes to review one golden example (F11)", func(o *Option) *float64 { return &o.ReviewMinutesPerExample }),
	optNum("experiment_cycles", training, AnyHosting, 1, 1e4, true, constant(6), "cycles", "tuning runs until one ships, the final run included (F12)", func(o *Option) *float64 { return &o.ExperimentCycles }),
	optNum("eval_hours_per_cycle", training, AnyHosting, 0, 1e5, false, constant(4), "hours", "engineer hours to evaluate each cycle (F12)", func(o *Option) *float64 { return &o.EvalHoursPerCycle }),
	optText("train_offer", training, SelfHostedOnly, "", nil, RefOffer, "the offer id training runs on (F8–F10)", func(o *Option) *string { return &o.TrainOffer }),
	optText("pricing", training, SelfHostedOnly, "on_demand", []string{"on_demand", "spot", "reserved"}, NoRef, "which hourly price training pays (F10)", func(o *Option) *string { return &o.Pricing }),
	withPresence(exclusive(optNum("mfu", training, SelfHostedOnly, 0, 1, false, defaultMFU, "fraction",
		"model FLOPs utilisation of training (F9; default by method, with a §10 range; a written mfu is the run's own, mixture of experts included)",
		func(o *Option) *float64 { return &o.MFU })), func(o *Option) *bool { return &o.MFUSet }),
	optNum("train_gpus", training, SelfHostedOnly, 0, 100000, true, constant(0), "GPUs", "GPUs to train on; 0 = the fewest that fit (F8)", func(o *Option) *float64 { return &o.TrainGPUs }),
	optText("train_precision", training, SelfHostedOnly, "bf16", []string{"bf16", "fp8"}, NoRef, "precision training computes in: fp8 needs a GPU with fp8_tflops, not qlora (F9)",
		func(o *Option) *string { return &o.TrainPrecision }),
	{Key: "gradient_checkpointing", Section: SectionOption, Type: Flag, forKinds: training, Hosting: SelfHostedOnly, DefaultFlag: true,
		Doc:  "keep each layer's input and recompute the rest in the backward pass (F6, F7)",
		flag: func(_ *Scenario, o *Option) *bool { return &o.GradientCheckpointing }},
	optNum("micro_batch_tokens", training, SelfHostedOnly, 1, 1e7, true, constant(4096), "tokens", "tokens whose activations one GPU holds in a step, after any tensor or context split (F7)",
		func(o *Option) *float64 { return &o.MicroBatchTokens }),
	optText("sharding", training, SelfHostedOnly, "zero3", []string{"zero3", "model", "none"}, NoRef,
		"zero3: model states split over the GPUs, weights gathered (ZeRO-3/FSDP); model: split by tensor, pipeline or expert parallelism (Megatron); none: every GPU holds them all (F7, F9a)",
		func(o *Option) *string { return &o.Sharding }),
	optNum("memory_overhead_gb", training, SelfHostedOnly, 0, 1000, false, constant(1), "GB", "per-GPU memory for the CUDA context and allocator (F7)",
		func(o *Option) *float64 { return &o.MemoryOverheadGB }),
	exclusive(optNum("trainable_state_bytes", training, SelfHostedOnly, 0, 64, false, constant(16), "bytes",
		"bytes of model state per trainable parameter (F7): 16 for mixed-precision Adam; 8-bit Adam 10, offloaded or pure-bf16 Adam 8, SGD 6",
		func(o *Option) *float64 { return &o.TrainableStateBytes })),
	optNum("run_overhead_hours", training, SelfHostedOnly, 0, 1e4, false, constant(0.25), "hours", "set-up and checkpointing hours per run (F9)", func(o *Option) *float64 { return &o.RunOverheadHours }),
	optNum("retune_every_months", retuned, AnyHosting, 0, 120, true, constant(0), "months", "re-tune every N months; 0 = never (F13)", func(o *Option) *float64 { return &o.RetuneEveryMonths }),
	optNum("retune_curation_hours", retuned, AnyHosting, 0, 1e7, false,
		func(_ *Scenario, o *Option) float64 { return o.CurationHours / 4 }, "hours", "curation hours per re-tune (F13; default a quarter of curation_hours)",
		func(o *Option) *float64 { return &o.RetuneCurationHours }),
	optNum("retune_cycles", retuned, AnyHosting, 0, 1e4, true, constant(2), "cycles", "tuning runs per re-tune (F13)", func(o *Option) *float64 { return &o.RetuneCycles }),
	{Key: "golden_set_independent", Section: SectionOption, Type: Flag, forKinds: training, DefaultFlag: true, Quiet: true,
		Doc:  "false when the golden set comes from the same source and period as the training data (it then tests memory, not generalisation)",
		flag: func(_ *Scenario, o *Option) *bool { return &o.GoldenSetIndependent }},
	list(optText("eval_checks", training, AnyHosting, "", EvalChecks, NoRef, "what each evaluation cycle checks beyond the golden set: a list of "+strings.Join(EvalChecks, ", "),
		func(o *Option) *string { return &o.EvalChecks })),
	quiet(optional(optNum("eval_check_hours", training, AnyHosting, 0, 1e5, false, nil, "hours", "engineer hours each eval_checks entry adds to eval_hours_per_cycle (F12); unset adds none",
		func(o *Option) *float64 { return &o.EvalCheckHours }))),
	optText("task", training, AnyHosting, "", []string{"style", "classification", "extraction", "reasoning", "code"}, NoRef, "what the fine-tune teaches (for the data-size check)",
		func(o *Option) *string { return &o.Task }),
	optional(optNum("unique_examples", training, AnyHosting, 0, maxInput, true, nil, "examples", "distinct examples among train_examples (for the duplication check)", func(o *Option) *float64 { return &o.UniqueExamples })),

	// RAG (§5).
	optText("generator", servedBy("generator"), AnyHosting, "", nil, RefModel, "the model that answers (an open_model or api_model id)", func(o *Option) *string { return &o.Generator }),
	required(optNum("corpus_tokens", retrieving, AnyHosting, 0, maxInput, false, nil, "tokens", "tokens in the document corpus (F15, F16)", func(o *Option) *float64 { return &o.CorpusTokens })),
	exclusive(optNum("chunk_tokens", retrieving, AnyHosting, 0, 1e7, false, constant(512), "tokens", "tokens per retrieved chunk (F14, F16)", func(o *Option) *float64 { return &o.ChunkTokens })),
	optNum("top_k", retrieving, AnyHosting, 0, 10000, true, constant(5), "chunks", "chunks added to each query (F14)", func(o *Option) *float64 { return &o.TopK }),
	optText("embedding", retrieving, AnyHosting, "", nil, RefEmbedding, "the embedding model id (F15, F16)", func(o *Option) *string { return &o.Embedding }),
	optText("vector_db", retrieving, AnyHosting, "", nil, RefVectorDB, "the vector database id (F16)", func(o *Option) *string { return &o.VectorDB }),
	optNum("corpus_churn_per_month", retrieving, AnyHosting, 0, 1, false, constant(0.05), "fraction", "share of the corpus re-embedded each month (F16)", func(o *Option) *float64 { return &o.CorpusChurnPerMonth }),
	optNum("build_hours", retrieving, AnyHosting, 0, 1e7, false, constant(80), "hours", "engineer hours to build the retrieval pipeline (F15)", func(o *Option) *float64 { return &o.BuildHours }),
	optNum("retrieval_latency_ms", retrieving, AnyHosting, 0, 1e7, false, constant(50), "ms", "latency retrieval adds to a query (F19, F21)", func(o *Option) *float64 { return &o.RetrievalLatencyMs }),

	// Prompted larger model (§6).
	optText("model", servedBy("model"), AnyHosting, "", nil, RefModel, "the prompted model (an open_model or api_model id)", func(o *Option) *string { return &o.Model }),
	optNum("prompt_overhead_tokens", prompting, AnyHosting, 0, 1e7, false, constant(1000), "tokens", "instructions and examples added to every query (F17)", func(o *Option) *float64 { return &o.PromptOverheadTokens }),
	{Key: "cached_prompt", Section: SectionOption, Type: Flag, forKinds: prompting, Hosting: APIOnly, DefaultFlag: false,
		Doc:  "price the prompt overhead at the model's cached-input rate (F17)",
		flag: func(_ *Scenario, o *Option) *bool { return &o.CachedPrompt }},
	optNum("prompt_engineering_hours", prompting, AnyHosting, 0, 1e7, false, constant(40), "hours", "engineer hours to write and test the prompt (F18)", func(o *Option) *float64 { return &o.PromptEngineeringHours }),

	// Every kind.
	shortName(optText("short_name", nil, AnyHosting, "", nil, NoRef, "the label outputs use where the name must be shortened (at most 16 characters)",
		func(o *Option) *string { return &o.ShortName })),
	optText("api_tier", nil, APIOnly, "standard", []string{"standard", "batch"}, NoRef, "batch: the provider's batch prices, no latency (F19; not for managed fine-tunes)",
		func(o *Option) *string { return &o.APITier }),
	optNum("maintenance_hours_per_month", nil, AnyHosting, 0, 1e6, false, defaultMaintenance, "hours", "engineer hours every month to keep the option running (labour)", func(o *Option) *float64 { return &o.MaintenanceHoursPerMonth }),
	optNum("integration_hours", nil, AnyHosting, 0, 1e7, false, constant(40), "hours", "one-time engineer hours to integrate the option (setup)", func(o *Option) *float64 { return &o.IntegrationHours }),

	// Self-hosted serving (§7).
	optText("serve_offer", nil, SelfHostedOnly, "", nil, RefOffer, "the offer id serving runs on (F20–F22)", func(o *Option) *string { return &o.ServeOffer }),
	optText("serve_pricing", nil, SelfHostedOnly, "on_demand", []string{"on_demand", "spot", "reserved"}, NoRef, "which hourly price serving pays (F22)", func(o *Option) *string { return &o.ServePricing }),
	optText("serve_precision", nil, SelfHostedOnly, "bf16", []string{"bf16", "fp8", "int8", "int4", "nf4"}, NoRef, "weight precision when serving: fp8 needs a GPU with fp8_tflops, nf4 a qlora fine-tune (F4, F20, F21)", func(o *Option) *string { return &o.ServePrecision }),
	optText("kv_precision", nil, SelfHostedOnly, "bf16", []string{"bf16", "fp8"}, NoRef, "KV-cache precision, a storage format any GPU holds (F2)", func(o *Option) *string { return &o.KVPrecision }),
	allowed(optNum("tensor_parallel", nil, SelfHostedOnly, 0, 8, true, constant(0), "GPUs", "GPUs per replica; 0 = the fewest that fit (F20)", func(o *Option) *float64 { return &o.TensorParallel }), 0, 1, 2, 4, 8),
	optNum("batch", nil, SelfHostedOnly, 1, 100000, true, constant(16), "sequences", "concurrent sequences per replica (F20, F21)", func(o *Option) *float64 { return &o.Batch }),
	optNum("min_replicas", nil, SelfHostedOnly, 0, 100000, true, constant(1), "replicas", "replicas kept up at all times (F22)", func(o *Option) *float64 { return &o.MinReplicas }),
	exclusive(optNum("utilization", nil, SelfHostedOnly, 0, 1, false, constant(0.6), "fraction", "target busy fraction of a replica at peak (F22)", func(o *Option) *float64 { return &o.Utilization })),
	{Key: "merged", Section: SectionOption, Type: Flag, forKinds: adapters, Hosting: SelfHostedOnly, Methods: peft, DefaultFlag: true,
		Doc:  "serve the adapter merged into the weights (false: unmerged adapters, F20–F21 overhead)",
		flag: func(_ *Scenario, o *Option) *bool { return &o.Merged }},
	optNum("adapters", adapters, AnyHosting, 1, 10000, true, constant(1), "variants", "fine-tuned variants curated, tuned and served (F11–F13, F19–F22)", func(o *Option) *float64 { return &o.Adapters }),
	methods(optNum("unmerged_overhead", adapters, SelfHostedOnly, 0, 10, false, constant(0.20), "fraction", "extra busy time of unmerged adapters (F21)", func(o *Option) *float64 { return &o.UnmergedOverhead }), peft),
	exclusive(optNum("fp8_efficiency", nil, SelfHostedOnly, 0, 1, false, constant(0.8), "fraction",
		"share of fp8_tflops an fp8 run or fp8 serving reaches (F4a; §10 range)", func(o *Option) *float64 { return &o.FP8Efficiency })),
	exclusive(optNum("bandwidth_efficiency", nil, SelfHostedOnly, 0, 1, false, defaultBandwidthEfficiency, "fraction",
		"share of the memory bandwidth decoding reaches (F21; default by serve_precision, with a §10 range)",
		func(o *Option) *float64 { return &o.BandwidthEfficiency })),
	exclusive(optNum("prefill_efficiency", nil, SelfHostedOnly, 0, 1, false, constant(0.6), "fraction",
		"share of the compute peak the prefill reaches (F21; §10 range)", func(o *Option) *float64 { return &o.PrefillEfficiency })),
}

// defaultMFU is §4's mfu default by method (v3): full 0.45, lora 0.45,
// qlora 0.36 (LoRA runs the frozen matrix multiplications of full training;
// QLoRA pays 0.8× for dequantising its 4-bit base).
func defaultMFU(_ *Scenario, o *Option) float64 {
	if o.Method == "qlora" {
		return 0.36
	}
	return 0.45
}

// defaultBandwidthEfficiency is F21's eb by serve_precision: bf16 0.75, fp8
// and int8 0.65, int4 0.45, nf4 0.40 (dequantising kernels reach less).
func defaultBandwidthEfficiency(_ *Scenario, o *Option) float64 {
	return bandwidthEfficiency(o.ServePrecision)
}

func withPresence(f Field, present func(*Option) *bool) Field {
	f.present = func(_ *Scenario, o *Option) *bool { return present(o) }
	return f
}

// defaultMaintenance is maintenance_hours_per_month by kind (KindSpec):
// finetune 8, rag 16, prompt 4.
func defaultMaintenance(_ *Scenario, o *Option) float64 {
	s, _ := o.Kind.Spec()
	return s.MaintenanceHours
}

// formatBound writes a range bound as people read it: 65536, 0.25,
// 10,000,000, 1e15.
func formatBound(v float64) string {
	if v >= 1e9 {
		return strings.Replace(strconv.FormatFloat(v, 'g', -1, 64), "e+", "e", 1)
	}
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if v < 1e5 {
		return s
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
