package model

// Derivation records how one figure was computed: the formula of MODEL.md it
// applies, the expression in words, every input by name with its value, and
// the result. Screens and reports show it verbatim to answer "where does this
// number come from?".
type Derivation struct {
	Figure  string // stable id: "total", "training.cost", "serving.replica_gpus", …
	Label   string // what a person calls it: "cost of one training run"
	Formula string // "F10"
	Expr    string // "instances · hourly · billed_hours"
	Inputs  []Term
	Result  float64
	Unit    string // "money", "hours", "GPUs", "tokens", "ms", "GB", "" …
}

// Term is one named input of a derivation.
type Term struct {
	Name  string
	Value float64
	Unit  string
}

// Units used in derivations; "money" is the scenario's currency.
const (
	UnitMoney   = "money"
	UnitHours   = "hours"
	UnitGPUs    = "GPUs"
	UnitTokens  = "tokens"
	UnitMs      = "ms"
	UnitGB      = "GB"
	UnitFLOPs   = "FLOPs"
	UnitParams  = "params"
	UnitQueries = "queries"
	UnitSeconds = "s"
	UnitBytes   = "bytes"
	UnitGBs     = "GB/s"
	UnitTFLOPs  = "TFLOP/s"
	UnitCount   = ""
)

// tracer collects derivations for one option. The inputs of every
// derivation share one backing array, and add copies them there, so the
// variadic arguments never escape: tracing costs two allocations an option.
type tracer struct {
	list  []Derivation
	terms []Term
}

// newTracer sizes the arena for n options: a self-hosted fine-tune of a
// mixture of experts with re-tuning, the largest, records about 42
// derivations (34 for its parts, 8 over the horizon) with about 200 inputs,
// and quality (§9) adds up to 11 more with about 40 inputs.
func newTracer(n int) *tracer {
	return &tracer{list: make([]Derivation, 0, 56*n), terms: make([]Term, 0, 250*n)}
}

// since returns the derivations recorded from index start on.
func (t *tracer) since(start int) []Derivation {
	if t == nil {
		return nil
	}
	return t.list[start:len(t.list):len(t.list)]
}

func (t *tracer) mark() int {
	if t == nil {
		return 0
	}
	return len(t.list)
}

// add records a derivation; on a nil tracer (EvaluateLean) it does nothing.
// The engine's cost functions call it inside `if t != nil`: the terms are
// built before the call, and a run without derivations (Evaluate's, and a
// Monte Carlo's thousands) would build them all for nothing.
func (t *tracer) add(figure, label, formula, expr, unit string, result float64, inputs ...Term) {
	if t != nil {
		t.record(figure, label, formula, expr, unit, result, inputs)
	}
}

func (t *tracer) record(figure, label, formula, expr, unit string, result float64, inputs []Term) {
	start := len(t.terms)
	t.terms = append(t.terms, inputs...)
	t.list = append(t.list, Derivation{Figure: figure, Label: label, Formula: formula, Expr: expr,
		Inputs: t.terms[start:len(t.terms):len(t.terms)], Result: result, Unit: unit})
}

func money(name string, v float64) Term { return Term{Name: name, Value: v, Unit: UnitMoney} }
func hours(name string, v float64) Term { return Term{Name: name, Value: v, Unit: UnitHours} }
func count(name string, v float64) Term { return Term{Name: name, Value: v} }
func gb(name string, v float64) Term    { return Term{Name: name, Value: v, Unit: UnitGB} }

// gbOf is a term of bytes shown in GB.
func gbOf(name string, bytes float64) Term { return gb(name, bytes/1e9) }
func tokens(name string, v float64) Term {
	return Term{Name: name, Value: v, Unit: UnitTokens}
}
