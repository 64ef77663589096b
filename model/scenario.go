package model

import "time"

// Kind is an option's strategy.
type Kind string

// The three strategies tunecost compares; each is described in kindSpecs.
const (
	FineTune Kind = "finetune"
	RAG      Kind = "rag"
	Prompt   Kind = "prompt"
)

// Scenario is one fully resolved scenario: every default applied, every
// reference still an id into the Catalog. The scenarios package builds it from
// a file; the engine validates it again, so a hand-built value is safe too.
type Scenario struct {
	Name          string
	Description   string
	HorizonMonths float64 // a whole number of months, 1…120
	Currency      string
	// EfficiencyRanges turns on §10's default ranges of the efficiency
	// constants in the analyses (a file's default is true).
	EfficiencyRanges bool
	Workload         Workload
	Team             Team
	Options          []Option
	// Today is the date §8's lifecycle counts from (--today, at midnight
	// UTC), set by the resolver; zero = none, and no lifecycle is judged.
	Today time.Time
}

// Workload is the production traffic of MODEL.md §2.
type Workload struct {
	QueriesPerMonth float64 // Q0
	MonthlyGrowth   float64 // g, a fraction per month
	InputTokens     float64
	OutputTokens    float64
	PeakToAverage   float64

	// Quality (§9): what a bad answer costs and a good one earns. The Has
	// flags say the file contains the key, which models quality even at 0.
	CostPerError       float64
	ValuePerSuccess    float64
	HasCostPerError    bool
	HasValuePerSuccess bool
}

// Team holds labour rates.
type Team struct {
	HourlyRate       float64
	ExpertHourlyRate float64
}

// Option is one strategy under comparison. Fields that do not apply to its
// Kind (or to its hosting) are ignored by the engine; see Fields for which
// apply where.
type Option struct {
	Name string
	Kind Kind
	// ShortName, when set, is the label outputs use where Name must be
	// shortened (present.Labels); at most ShortNameMax characters.
	ShortName string

	// Fine-tuning (§4).
	BaseModel           string
	Method              string // full | lora | qlora
	LoraRank            float64
	LoraTargets         string // all-linear | attention
	TrainExamples       float64
	TokensPerExample    float64
	Epochs              float64
	CurationHours       float64
	LabelCostPerExample float64
	GoldenSetExamples   float64
	// GoldenSetIndependent is false when the golden set is drawn from the
	// same source and period as the training data (it then tests memory).
	GoldenSetIndependent bool
	// EvalChecks are the evaluation's checks beyond the golden set
	// ("general_knowledge", "diversity", …), comma-separated as written
	// in the file's list; EvalCheckHours the hours each adds to a cycle.
	EvalChecks              string
	EvalCheckHours          float64
	ReviewMinutesPerExample float64
	ExperimentCycles        float64
	EvalHoursPerCycle       float64
	TrainOffer              string
	Pricing                 string
	MFU                     float64
	MFUSet                  bool    // the file writes mfu (a number or a range): F9's mixture-of-experts factor is not applied
	FP8Efficiency           float64 // F4a: share of fp8_tflops reached, training and serving
	TrainableStateBytes     float64 // F7's k: bytes of model state per trainable parameter
	TrainGPUs               float64
	TrainPrecision          string // bf16 | fp8
	GradientCheckpointing   bool
	MicroBatchTokens        float64
	Sharding                string // zero3 | model | none
	MemoryOverheadGB        float64
	RunOverheadHours        float64
	RetuneEveryMonths       float64
	RetuneCurationHours     float64
	RetuneCycles            float64
	Task                    string  // optional: style | classification | extraction | reasoning | code
	UniqueExamples          float64 // optional: 0 = unknown

	// RAG (§5).
	Generator           string
	CorpusTokens        float64
	ChunkTokens         float64
	TopK                float64
	Embedding           string
	VectorDB            string
	CorpusChurnPerMonth float64
	BuildHours          float64
	RetrievalLatencyMs  float64

	// Prompted larger model (§6).
	Model                  string
	PromptOverheadTokens   float64
	CachedPrompt           bool
	PromptEngineeringHours float64

	// Every kind.
	APITier                  string // standard | batch (API-served, not fine-tuned)
	MaintenanceHoursPerMonth float64
	IntegrationHours         float64

	// Self-hosted serving (§7).
	ServeOffer       string
	ServePricing     string
	ServePrecision   string  // bf16 | fp8 | int8 | int4 | nf4
	KVPrecision      string  // bf16 | fp8
	TensorParallel   float64 // 0 = the fewest GPUs per replica that fit; else 1, 2, 4 or 8
	Batch            float64
	MinReplicas      float64
	Utilization      float64
	Merged           bool
	Adapters         float64
	UnmergedOverhead float64
	// F21's efficiencies: share of the memory bandwidth (by serve_precision)
	// and of the compute peak the prefill reaches.
	BandwidthEfficiency float64
	PrefillEfficiency   float64

	// Quality (§9). HasAccuracy says the option sets accuracy: absent means
	// quality is not modelled for it (0 is a valid accuracy).
	Accuracy              float64
	AccuracyDecayPerMonth float64 // fine-tunes: accuracy lost per month since the last tuning (F25)
	HasAccuracy           bool
	// F25a: accuracy written as evaluation counts { correct, of }; AccuracyOf
	// is 0 when accuracy is a number. Accuracy is then correct / of.
	AccuracyCorrect, AccuracyOf float64
}

// ServingModelID returns the id of the model that serves the option: the
// fine-tune's base model, the RAG generator or the prompt model.
func (o *Option) ServingModelID() string {
	if s, ok := o.Kind.Spec(); ok {
		return s.Serving(o)
	}
	return ""
}

// SelfHosted reports whether the option's serving model is an open model of
// the catalog (as opposed to an API model).
func (o *Option) SelfHosted(cat *Catalog) bool {
	_, ok := cat.OpenModels[o.ServingModelID()]
	return ok
}

// ShortNameMax is the most characters an option's short_name may hold:
// a label that fits a Compare column at 80 columns.
const ShortNameMax = 16

// EvalHours is F12's engineer hours to evaluate one cycle:
// eval_hours_per_cycle plus eval_check_hours for each eval_checks entry
// (none unless the file gives eval_check_hours).
func (o *Option) EvalHours() float64 {
	return o.EvalHoursPerCycle + float64(CountList(o.EvalChecks))*o.EvalCheckHours
}
