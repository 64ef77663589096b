package model

import "strings"

// KindSpec describes one option kind in the one place that says what it is:
// how people call it, which field names the model that serves it, the
// formulas that price it, its defaults and what it does. Everything that
// differs by kind outside the formulas themselves asks it one of these
// questions (Kind.Trains, Kind.Retrieves, …), never which kind an option is:
// the fields that apply, the checks, the lint advice and the sentences follow.
type KindSpec struct {
	Kind  Kind
	Label string // as people say it: "fine-tune", "RAG", "prompted model"
	// ServingField is the option key naming the model that serves it; Serving
	// reads that field of an option.
	ServingField string
	Serving      func(o *Option) string
	// costs fills the option's one-time and per-query costs (its formulas)
	// and the training or serving summaries.
	costs func(s *Scenario, o *Option, cat *Catalog, r *OptionResult, c *costs, t *tracer) error
	// MaintenanceHours is maintenance_hours_per_month's default.
	MaintenanceHours float64

	// What the kind does: every question the code asks of a kind. Each
	// decides fields (fieldtable.go), checks, formulas and advice.

	// Trains: a training run before serving (F5–F12): training data,
	// train_offer and its price, training checks, "fine-tuning pays".
	Trains bool
	// Adapters: tuned by a method (full, lora, qlora) whose adapters may be
	// many variants, merged or served unmerged (F3, F11–F13, F20–F22).
	Adapters bool
	// TunedAPIRates: on an api_model it needs managed fine-tuning and pays
	// its ft_* prices and hosting, with no batch tier (F19).
	TunedAPIRates bool
	// AccuracyDecays: accuracy falls every month since the last tuning (F25).
	AccuracyDecays bool
	// Retunes: re-tuned every retune_every_months (F13), so it has a best
	// re-tune cadence (F28).
	Retunes bool
	// Retrieves: retrieves chunks into each query from an embedded corpus
	// (F14–F16), adding retrieval latency (F19, F21).
	Retrieves bool
	// PromptOverhead: sends a fixed prompt with every query, which an API
	// may price at its cached rate (F17, F18).
	PromptOverhead bool
}

// kindSpecs is every option kind, in display order. Adding a kind adds one
// entry here and its cost function and formulas (MODEL.md); the fields, the
// checks and the advice follow from its capabilities (docs/architecture.md).
// It is set in init because the cost functions reach back to it
// (ServingModelID), and the field table's kinds are worked out from it.
var kindSpecs []KindSpec

// Kinds lists every option kind in display order.
var Kinds []Kind

func init() {
	kindSpecs = []KindSpec{
		{Kind: FineTune, Label: "fine-tune", ServingField: "base_model", Serving: func(o *Option) string { return o.BaseModel },
			costs: fineTuneCosts, MaintenanceHours: 8,
			Trains: true, Adapters: true, TunedAPIRates: true, AccuracyDecays: true, Retunes: true},
		{Kind: RAG, Label: "RAG", ServingField: "generator", Serving: func(o *Option) string { return o.Generator },
			costs: ragCosts, MaintenanceHours: 16, Retrieves: true},
		{Kind: Prompt, Label: "prompted model", ServingField: "model", Serving: func(o *Option) string { return o.Model },
			costs: promptCosts, MaintenanceHours: 4, PromptOverhead: true},
	}
	Kinds = kindList()
	completeFieldTable()
}

func kindList() []Kind {
	out := make([]Kind, len(kindSpecs))
	for i, k := range kindSpecs {
		out[i] = k.Kind
	}
	return out
}

// Spec returns the kind's description; ok is false for a kind that does
// not exist.
func (k Kind) Spec() (KindSpec, bool) {
	if s := k.spec(); s != &noKind {
		return *s, true
	}
	return KindSpec{}, false
}

// noKind answers every capability of a kind that does not exist: no.
var noKind KindSpec

// spec is the kind's registry entry (noKind when there is none), without
// a copy: the capabilities are asked in the engine's loops.
func (k Kind) spec() *KindSpec {
	for i := range kindSpecs {
		if s := &kindSpecs[i]; sameString(string(s.Kind), string(k)) {
			return s
		}
	}
	return &noKind
}

// KindOf is the kind a file names: the registry's own string when text is
// one (so that the engine's many capability checks match it by address),
// else text as it is (an unknown kind, which validation refuses).
func KindOf(text string) Kind {
	for i := range kindSpecs {
		if k := kindSpecs[i].Kind; string(k) == text {
			return k
		}
	}
	return Kind(text)
}

// Label is the kind as people say it; an unknown kind is shown as written.
func (k Kind) Label() string {
	if s, ok := k.Spec(); ok {
		return s.Label
	}
	return string(k)
}

// ServingField is the key naming the model that serves an option of kind k:
// the fine-tune's base_model, the RAG generator, the prompt model
// (base_model for an unknown kind).
func (k Kind) ServingField() string {
	if s, ok := k.Spec(); ok {
		return s.ServingField
	}
	return "base_model"
}

// The capabilities of KindSpec asked of a kind; an unknown kind has none.

// Trains reports whether an option of kind k trains before it serves.
func (k Kind) Trains() bool { return k.spec().Trains }

// Adapters reports whether kind k is tuned by a method with adapters.
func (k Kind) Adapters() bool { return k.spec().Adapters }

// TunedAPIRates reports whether kind k pays managed fine-tuning rates on an
// api_model.
func (k Kind) TunedAPIRates() bool { return k.spec().TunedAPIRates }

// AccuracyDecays reports whether kind k's accuracy falls between tunings.
func (k Kind) AccuracyDecays() bool { return k.spec().AccuracyDecays }

// Retunes reports whether kind k is re-tuned on a cadence.
func (k Kind) Retunes() bool { return k.spec().Retunes }

// Retrieves reports whether kind k retrieves chunks into each query.
func (k Kind) Retrieves() bool { return k.spec().Retrieves }

// PromptOverhead reports whether kind k sends a fixed prompt with each query.
func (k Kind) PromptOverhead() bool { return k.spec().PromptOverhead }

// kindNames is "finetune, rag, prompt", for messages.
func kindNames() string {
	names := make([]string, len(kindSpecs))
	for i, k := range kindSpecs {
		names[i] = string(k.Kind)
	}
	return strings.Join(names, ", ")
}
