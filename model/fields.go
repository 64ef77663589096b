package model

import (
	"math"
	"strings"
)

// This file is the single description of every scenario input: its TOML key,
// where it lives, which options it applies to, its valid range and default.
// The scenarios package parses and validates files with it, the TUI edits
// with it, and the uncertainty analysis samples with it.

// FieldType is the TOML type of an input.
type FieldType int

// Input types.
const (
	Number FieldType = iota
	Text
	Flag
)

// Section is the table an input lives in.
type Section string

// Sections of a scenario file.
const (
	SectionTop      Section = ""
	SectionWorkload Section = "workload"
	SectionTeam     Section = "team"
	SectionOption   Section = "option"
)

// Hosting restricts an option field to self-hosted or API-served options.
type Hosting int

// Hostings.
const (
	AnyHosting Hosting = iota
	SelfHostedOnly
	APIOnly
)

// Ref says which catalog table a Text field refers to.
type Ref int

// References.
const (
	NoRef        Ref = iota
	RefBase          // open model, or API model with managed fine-tuning
	RefModel         // open model or API model
	RefOffer         // offer
	RefEmbedding     // embedding model
	RefVectorDB      // vector database
)

// Field describes one scenario input.
type Field struct {
	Key      string
	Section  Section
	Type     FieldType
	Kinds    []Kind // option fields: the kinds it applies to (nil: all), worked out from forKinds
	forKinds kindTest
	Hosting  Hosting // option fields: which hosting it applies to
	Methods  []string
	Required bool // must be present where it applies
	Optional bool // may stay unset (zero) with no default
	Unit     string
	Doc      string

	// Number constraints.
	Min, Max     float64
	MinExclusive bool
	Integer      bool
	Allowed      []float64 // when set, the only valid values (tensor_parallel: 0, 1, 2, 4, 8)

	// Text constraints.
	Choices []string
	Ref     Ref
	MaxLen  int // when set, the most characters a value may hold (short_name)
	// List says the file writes the value as a list of Choices
	// (eval_checks = ["general_knowledge", "diversity"]); the model holds
	// them comma-separated.
	List bool
	// Quiet fields are listed among an option's inputs only where some
	// option writes them: a label or an optional check, no assumption.
	Quiet bool

	// Defaults. DefaultNum may depend on the option (mfu by method) or the
	// scenario (expert rate = hourly rate); both arguments may be nil only
	// for non-option fields.
	DefaultNum  func(s *Scenario, o *Option) float64
	DefaultText string
	DefaultFlag bool

	// Quality marks §9's inputs, shown only where quality is modelled so
	// that a file without them renders exactly as before.
	Quality bool
	// Counts: the value may also be written as evaluation counts,
	// { correct = c, of = n } (F25a: accuracy).
	Counts bool
	// AnalysisSwitch marks a flag that changes the analyses, not the
	// comparison (efficiency_ranges): listings of inputs leave it out.
	AnalysisSwitch bool

	present func(s *Scenario, o *Option) *bool
	num     func(s *Scenario, o *Option) *float64
	text    func(s *Scenario, o *Option) *string
	flag    func(s *Scenario, o *Option) *bool
}

// Path returns the field's dotted name as written in messages: "workload.input_tokens",
// "option.lora_rank", "horizon_months".
func (f *Field) Path() string {
	if f.Section == SectionTop {
		return f.Key
	}
	return string(f.Section) + "." + f.Key
}

// AppliesTo reports whether an option field applies to an option of kind k
// whose serving model is self-hosted (selfHosted) and whose method is method.
// Non-option fields always apply.
func (f *Field) AppliesTo(k Kind, selfHosted bool, method string) bool {
	if f.Section != SectionOption {
		return true
	}
	if f.Kinds != nil && !containsKind(f.Kinds, k) {
		return false
	}
	switch f.Hosting {
	case SelfHostedOnly:
		if !selfHosted {
			return false
		}
	case APIOnly:
		if selfHosted {
			return false
		}
	}
	if f.Methods != nil && k.Adapters() && selfHosted && !containsString(f.Methods, method) {
		return false
	}
	return true
}

// Num returns a pointer to the field's number in s (or o), nil for other types.
func (f *Field) Num(s *Scenario, o *Option) *float64 {
	if f.num == nil {
		return nil
	}
	return f.num(s, o)
}

// Present returns a pointer to the flag saying the file wrote the field,
// nil for fields whose absence means nothing more than their default.
func (f *Field) Present(s *Scenario, o *Option) *bool {
	if f.present == nil {
		return nil
	}
	return f.present(s, o)
}

// Text returns a pointer to the field's string in s (or o), nil for other types.
func (f *Field) Text(s *Scenario, o *Option) *string {
	if f.text == nil {
		return nil
	}
	return f.text(s, o)
}

// Flag returns a pointer to the field's bool in s (or o), nil for other types.
func (f *Field) Flag(s *Scenario, o *Option) *bool {
	if f.flag == nil {
		return nil
	}
	return f.flag(s, o)
}

// InRange reports whether v is a valid value for a Number field and, when it
// is not, a phrase saying what would be valid ("a whole number from 1 to 120").
func (f *Field) InRange(v float64) (bool, string) {
	if f.valid(v) {
		return true, ""
	}
	return false, f.RangeText()
}

func (f *Field) valid(v float64) bool {
	r := f.numberRange()
	return r.valid(v)
}

// Nearest returns the allowed value closest to v (the smaller on a tie), or
// v itself for a field without a list of allowed values.
func (f *Field) Nearest(v float64) float64 {
	if f.Allowed == nil {
		return v
	}
	best := f.Allowed[0]
	for _, a := range f.Allowed[1:] {
		if math.Abs(a-v) < math.Abs(best-v) {
			best = a
		}
	}
	return best
}

// RangeText describes the valid values of a Number field, both bounds
// included, so that a huge value's refusal says why.
func (f *Field) RangeText() string {
	if f.Allowed != nil {
		parts := make([]string, len(f.Allowed))
		for i, a := range f.Allowed {
			parts[i] = formatBound(a)
		}
		return "one of " + strings.Join(parts, ", ")
	}
	what := "a number"
	if f.Integer {
		what = "a whole number"
	}
	lo, hi := formatBound(f.Min), formatBound(f.Max)
	if f.MinExclusive {
		return what + " greater than " + lo + " and at most " + hi
	}
	return what + " from " + lo + " to " + hi
}

// maxInput bounds every unbounded input so that products of inputs stay far
// from overflow (1e15 tokens or dollars is beyond any real plan).
const maxInput = 1e15

// Retired is an input an older version of the model had, and what replaced it.
type Retired struct {
	Key, Section, ReplacedBy string
}

// retiredFields are inputs a file may still set (so that it loads) but the
// engine ignores: MODEL.md v2 computes activations from the architecture.
var retiredFields = []Retired{
	{Key: "activation_fraction", Section: "option",
		ReplacedBy: "v2 computes activation memory from the architecture (F7): micro_batch_tokens, gradient_checkpointing, sharding and memory_overhead_gb replace it"},
}

// RetiredField returns the retired input of a section with that key, if any.
func RetiredField(sec Section, key string) (Retired, bool) {
	for _, r := range retiredFields {
		if r.Section == string(sec) && r.Key == key {
			return r, true
		}
	}
	return Retired{}, false
}

// Fields returns every input in file order. The slice is shared; do not modify it.
func Fields() []Field { return fieldTable }

// FieldByPath finds a field by its Path ("option.lora_rank").
func FieldByPath(path string) (*Field, bool) {
	for i := range fieldTable {
		if fieldTable[i].Path() == path {
			return &fieldTable[i], true
		}
	}
	return nil, false
}

// SectionFields returns the fields of one section, in file order.
func SectionFields(sec Section) []*Field {
	var out []*Field
	for i := range fieldTable {
		if fieldTable[i].Section == sec {
			out = append(out, &fieldTable[i])
		}
	}
	return out
}

func containsKind(ks []Kind, k Kind) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func finite(v float64) bool { return v-v == 0 } // NaN − NaN and ±Inf − ±Inf are NaN
