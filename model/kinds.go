package model

import "strings"

// KindSpec describes one option kind in the one place that says what it is:
// how people call it, which field names the model that serves it, the
// formulas that price it and its defaults. Everything that differs by kind
// outside the formulas themselves reads it from here (the field table says
// which fields apply to which kinds; lint's kindRules which advice applies).
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
}

// kindSpecs is every option kind, in display order. Adding a kind adds one
// entry here, its cost function and formulas (MODEL.md), the fields that
// apply to it (fieldtable.go) and its lint rules (lint's kindRules). It is set
// in init because the cost functions reach back to it (ServingModelID).
var kindSpecs []KindSpec

// Kinds lists every option kind in display order.
var Kinds []Kind

func init() {
	kindSpecs = []KindSpec{
		{Kind: FineTune, Label: "fine-tune", ServingField: "base_model", Serving: func(o *Option) string { return o.BaseModel },
			costs: fineTuneCosts, MaintenanceHours: 8},
		{Kind: RAG, Label: "RAG", ServingField: "generator", Serving: func(o *Option) string { return o.Generator },
			costs: ragCosts, MaintenanceHours: 16},
		{Kind: Prompt, Label: "prompted model", ServingField: "model", Serving: func(o *Option) string { return o.Model },
			costs: promptCosts, MaintenanceHours: 4},
	}
	Kinds = kindList()
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
	for _, s := range kindSpecs {
		if s.Kind == k {
			return s, true
		}
	}
	return KindSpec{}, false
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

// kindNames is "finetune, rag, prompt", for messages.
func kindNames() string {
	names := make([]string, len(kindSpecs))
	for i, k := range kindSpecs {
		names[i] = string(k.Kind)
	}
	return strings.Join(names, ", ")
}
