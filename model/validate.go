package model

import (
	"fmt"
	"math"
	"strings"
	"unicode/utf8"
)

// InputError is an invalid scenario or catalog value found by the engine. The
// scenarios package reports the same problems with file positions first; the
// engine checks again so that Evaluate is total for any value it is given.
type InputError struct {
	Option string // "" for scenario-level fields
	Field  string
	Msg    string
}

func (e *InputError) Error() string {
	if e.Option == "" {
		return fmt.Sprintf("%s: %s", e.Field, e.Msg)
	}
	return fmt.Sprintf("option %q: %s: %s", e.Option, e.Field, e.Msg)
}

func inputErr(opt, field, format string, args ...any) error {
	return &InputError{Option: opt, Field: field, Msg: fmt.Sprintf(format, args...)}
}

// validateScenario checks every applicable field of s against the registry.
// checked, when not nil, is an Evaluator's memory of options whose texts
// passed (see textsChecked); one per option; catID is then
// catalogIdentity(cat).
func validateScenario(s *Scenario, cat *Catalog, checked []textsChecked, catID [7]uintptr) error {
	if s.Currency != "" && cat.Currency != "" && s.Currency != cat.Currency {
		return inputErr("", "currency", "the scenario is in %s but the price catalog is in %s", s.Currency, cat.Currency)
	}
	if len(s.Options) == 0 {
		return inputErr("", "option", "a scenario needs at least one option")
	}
	checks := scenarioChecks()
	for i := range checks {
		if k := &checks[i]; !k.valid(k.scenarioValue(s)) {
			f := k.field
			_, want := f.InRange(*f.Num(s, nil))
			return inputErr("", f.Path(), "%v is out of range: must be %s", *f.Num(s, nil), want)
		}
	}
	if err := validateQuality(s); err != nil {
		return err
	}
	dup := firstDuplicate(s.Options)
	for i := range s.Options {
		o := &s.Options[i]
		if i == dup {
			return inputErr(o.Name, "name", "two options are named %q", o.Name)
		}
		if checked == nil {
			if err := validateOption(s, o, cat); err != nil {
				return err
			}
			continue
		}
		if err := checked[i].validate(s, o, cat, catID); err != nil {
			return err
		}
	}
	return nil
}

// firstDuplicate is the index of the first option named like one before
// it, -1 if none. A handful of options is scanned without a map: the Monte
// Carlo validates every sample.
func firstDuplicate(opts []Option) int {
	if len(opts) > 16 {
		seen := make(map[string]bool, len(opts))
		for i := range opts {
			if seen[opts[i].Name] {
				return i
			}
			seen[opts[i].Name] = true
		}
		return -1
	}
	for i := range opts {
		for j := range i {
			if opts[j].Name == opts[i].Name {
				return i
			}
		}
	}
	return -1
}

func validateOption(s *Scenario, o *Option, cat *Catalog) error {
	if !containsKind(Kinds, o.Kind) {
		return inputErr(o.Name, "kind", "%q is not one of %s", o.Kind, kindNames())
	}
	if err := validateServingModel(o, cat); err != nil {
		return err
	}
	selfHosted := o.SelfHosted(cat)
	a := applicableTo(o.Kind, selfHosted, o.Method)
	for i, f := range a.fields {
		switch f.Type {
		case Number:
			if !a.checks[i].passes(s, o) {
				return validateNumber(s, o, f) // its message
			}
		case Text:
			if err := validateText(f, o, cat); err != nil {
				return err
			}
		}
	}
	if o.Kind.Adapters() && selfHosted && o.ServePrecision == "nf4" && o.Method != "qlora" {
		return inputErr(o.Name, "serve_precision", `"nf4" serving applies to method "qlora" only`)
	}
	if selfHosted {
		return validateHardware(o, cat)
	}
	return validateAPITier(o, cat)
}

// validateNumber checks one of the option's numbers against its range; 0
// stands for "not set" in an optional field.
func validateNumber(s *Scenario, o *Option, f *Field) error {
	v := *f.Num(s, o)
	if f.Optional && v == 0 {
		return nil
	}
	if ok, want := f.InRange(v); !ok {
		return inputErr(o.Name, f.Key, "%v is out of range: must be %s", v, want)
	}
	return nil
}

// validateHardware is v2's GPU rules: fp8 needs fp8_tflops (F9, F21), a
// qlora run computes in bf16, tensor_parallel fits in the offer (F20).
func validateHardware(o *Option, cat *Catalog) error {
	if o.Kind.Trains() && o.TrainPrecision == "fp8" {
		if o.Method == "qlora" {
			return inputErr(o.Name, "train_precision", `"fp8" does not apply to method "qlora" (its 4-bit base computes in bf16); use "bf16"`)
		}
		if g := cat.GPUs[cat.Offers[o.TrainOffer].GPU]; !g.HasFP8() {
			return inputErr(o.Name, "train_precision", `"fp8" needs a GPU with fp8_tflops; gpu %q of offer %q has none: use "bf16"`, g.ID, o.TrainOffer)
		}
	}
	off := cat.Offers[o.ServeOffer]
	if g := cat.GPUs[off.GPU]; o.ServePrecision == "fp8" && !g.HasFP8() {
		return inputErr(o.Name, "serve_precision", `"fp8" needs a GPU with fp8_tflops; gpu %q of offer %q has none: use "bf16" or "int8"`, g.ID, o.ServeOffer)
	}
	return validateTensorParallel(o, off.GPUs, off.ID)
}

// validateTensorParallel is F20's rule: tensor_parallel fits in the offer.
func validateTensorParallel(o *Option, gpus int, offer string) error {
	if o.TensorParallel > float64(gpus) {
		return inputErr(o.Name, "tensor_parallel", "%g is more than the %d GPUs of offer %q", o.TensorParallel, gpus, offer)
	}
	return nil
}

// validateAPITier is F19's rule: the batch tier needs batch prices and is
// not offered for a managed fine-tuned model.
func validateAPITier(o *Option, cat *Catalog) error {
	if o.APITier != "batch" {
		return nil
	}
	if o.Kind.TunedAPIRates() {
		return inputErr(o.Name, "api_tier", `"batch" does not apply to a managed fine-tuned model; use "standard"`)
	}
	if m := cat.APIModels[o.ServingModelID()]; !m.HasBatch() {
		return inputErr(o.Name, "api_tier", `api_model %q has no batch prices; use "standard"`, m.ID)
	}
	return nil
}

func validateText(f *Field, o *Option, cat *Catalog) error {
	v := *f.Text(nil, o)
	if v == "" && !f.Required && f.Ref == NoRef {
		return nil
	}
	if f.List {
		for _, item := range SplitList(v) {
			if !containsString(f.Choices, item) {
				return inputErr(o.Name, f.Key, "%q is not one of %v", item, f.Choices)
			}
		}
	} else if f.Choices != nil && !containsString(f.Choices, v) {
		return inputErr(o.Name, f.Key, "%q is not one of %v", v, f.Choices)
	}
	if f.MaxLen > 0 && utf8.RuneCountInString(v) > f.MaxLen {
		return inputErr(o.Name, f.Key, "%q is %d characters, at most %d", v, utf8.RuneCountInString(v), f.MaxLen)
	}
	switch f.Ref {
	case RefOffer:
		off, ok := cat.Offers[v]
		if !ok {
			return inputErr(o.Name, f.Key, "no offer %q in the price catalog", v)
		}
		return validateOffer(o.Name, f.Key, off, cat)
	case RefEmbedding:
		e, ok := cat.Embeddings[v]
		if !ok {
			return inputErr(o.Name, f.Key, "no embedding %q in the price catalog", v)
		}
		if !nonNegative(e.PerMtok) || e.Dim < 1 {
			return inputErr(o.Name, f.Key, "embedding %q has an invalid price or dimension", v)
		}
	case RefVectorDB:
		d, ok := cat.VectorDBs[v]
		if !ok {
			return inputErr(o.Name, f.Key, "no vector_db %q in the price catalog", v)
		}
		if !nonNegative(d.MonthlyBase) || !nonNegative(d.PerGBMonth) || !nonNegative(d.PerMQuery) {
			return inputErr(o.Name, f.Key, "vector_db %q has an invalid price", v)
		}
	}
	return nil
}

// validateServingModel checks the model that serves (and for fine-tunes,
// is tuned) and the catalog numbers the formulas divide by.
func validateServingModel(o *Option, cat *Catalog) error {
	id := o.ServingModelID()
	field := o.Kind.ServingField()
	if m, ok := cat.OpenModels[id]; ok {
		if !positive(m.ParamsB) || m.ParamsB > 1e6 || m.Layers < 1 || m.Hidden < 1 || (m.Intermediate < 1 && !m.MoE()) || m.Heads < 1 || m.KVHeads < 1 || m.HeadDim < 0 {
			return inputErr(o.Name, field, "open_model %q has an invalid architecture", id)
		}
		if m.Vocab < 0 || m.Experts < 0 || m.ExpertsPerToken < 0 || m.ExpertIntermediate < 0 || !finite(m.ActiveParamsB) {
			return inputErr(o.Name, field, "open_model %q has an invalid architecture", id)
		}
		if key, msg := m.ArchitectureProblem(); key != "" {
			return inputErr(o.Name, field, "open_model %q: %s", id, msg)
		}
		return nil
	}
	m, ok := cat.APIModels[id]
	if !ok {
		return inputErr(o.Name, field, "no open_model or api_model %q in the price catalog", id)
	}
	for _, p := range []float64{m.InputPerMtok, m.OutputPerMtok, m.CachedInputPerMtok, m.BatchInputPerMtok, m.BatchOutputPerMtok, m.BatchCachedInputPerMtok, m.TTFTms, m.OutputTokensPerS, m.TrainPerMtok, m.FTInputPerMtok, m.FTOutputPerMtok, m.FTHostingHourly} {
		if !nonNegative(p) {
			return inputErr(o.Name, field, "api_model %q has a negative or non-finite price", id)
		}
	}
	if o.Kind.TunedAPIRates() && !m.Managed() {
		return inputErr(o.Name, field, "api_model %q offers no managed fine-tuning (train_per_mtok)", id)
	}
	return nil
}

func validateOffer(opt, field string, off Offer, cat *Catalog) error {
	g, ok := cat.GPUs[off.GPU]
	if !ok {
		return inputErr(opt, field, "offer %q names gpu %q, which is not in the price catalog", off.ID, off.GPU)
	}
	if off.GPUs < 1 || !positive(off.BillingMinutes) || !nonNegative(off.OnDemandHourly) || !nonNegative(off.SpotHourly) || !nonNegative(off.ReservedHourly) {
		return inputErr(opt, field, "offer %q has an invalid GPU count, price or billing increment", off.ID)
	}
	if !positive(g.MemoryGB) || !positive(g.BF16TFLOPS) || !positive(g.BandwidthGBs) || !nonNegative(g.FP8TFLOPS) {
		return inputErr(opt, field, "gpu %q needs positive memory_gb, bf16_tflops and bandwidth_gbs", g.ID)
	}
	if !nonNegative(g.LinkGBs) {
		return inputErr(opt, field, "gpu %q: link_gbs must be > 0 (GB/s), or left out when not known", g.ID)
	}
	if !nonNegative(off.NetworkGbps) {
		return inputErr(opt, field, "offer %q: network_gbps must be > 0 (Gb/s), or left out when not known", off.ID)
	}
	return nil
}

func positive(v float64) bool    { return v > 0 && !math.IsInf(v, 0) }
func nonNegative(v float64) bool { return v >= 0 && !math.IsInf(v, 0) }

// SplitList is a list field's entries (eval_checks), held comma-separated.
func SplitList(v string) []string {
	var out []string
	for item := range strings.SplitSeq(v, ",") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}

// CountList is len(SplitList(v)) without building the list: F12 counts
// eval_checks in every evaluation, a Monte Carlo's thousands included.
func CountList(v string) int {
	n := 0
	for item := range strings.SplitSeq(v, ",") {
		if strings.TrimSpace(item) != "" {
			n++
		}
	}
	return n
}
