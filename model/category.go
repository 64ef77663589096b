package model

import "strings"

// CostTiming says when a cost category is paid (§8).
type CostTiming uint8

const (
	// OneTime costs fall in the first month (month 0) only.
	OneTime CostTiming = iota
	// Recurring costs may fall in any month.
	Recurring
)

// CostCategory describes one of Month's cost categories in the one place
// that says what it is: its name (the key in reports, JSON and CSV), when it
// is paid, whether it grows with queries (the marginal cost, F23) and where
// Month holds it. The month's total, the one-time and recurring figures and
// the marginal cost per 1k queries are all summed from this table.
type CostCategory struct {
	Name     string
	Timing   CostTiming
	Marginal bool // counted in the marginal cost per 1k queries (F23)
	// Quality marks §9's errors: a result that models no quality does not
	// list it, so its output is what it was before quality existed.
	Quality bool
	// Late marks a category added after the export contract's first
	// version: its JSON key and CSV column come after total and cumulative,
	// so that the columns before keep their places (docs/json.md).
	Late bool
	Of   func(m *Month) float64
	// Chain is the derivations (figure ids) from the category's unit figure
	// (a run, a month, a query) to its total over the horizon, in the order
	// they build on each other: what the planner's explain shows for it.
	Chain []string
}

// costCategories is every category in report order; the month's total adds
// them in this order. Adding a category adds one entry here (Late: its JSON
// key and CSV column go at the end), its field in Month, the formula that
// fills it and its term in the month's total (engine.go's month loop,
// MODEL.md §8) and its derivations (Chain); the JSON and CSV exports are
// built from this table (docs/json.md).
var costCategories = []CostCategory{
	{Name: "data", Timing: OneTime, Of: func(m *Month) float64 { return m.Data },
		Chain: []string{"data"}},
	{Name: "experiments", Timing: OneTime, Of: func(m *Month) float64 { return m.Experiments },
		Chain: []string{"training.cost", "experiments"}},
	{Name: "training", Timing: Recurring, Of: func(m *Month) float64 { return m.Training },
		Chain: []string{"training.cost", "training.retune", "category.training"}},
	{Name: "inference", Timing: Recurring, Marginal: true, Of: func(m *Month) float64 { return m.Inference },
		Chain: []string{"inference.per_query", "serving.replicas", "inference", "category.inference"}},
	{Name: "retrieval", Timing: Recurring, Marginal: true, Of: func(m *Month) float64 { return m.Retrieval },
		Chain: []string{"retrieval", "category.retrieval"}},
	{Name: "hosting", Timing: Recurring, Marginal: true, Of: func(m *Month) float64 { return m.Hosting },
		Chain: []string{"hosting", "category.hosting"}},
	{Name: "labour", Timing: Recurring, Of: func(m *Month) float64 { return m.Labour },
		Chain: []string{"labour", "category.labour"}},
	{Name: "setup", Timing: OneTime, Of: func(m *Month) float64 { return m.Setup },
		Chain: []string{"rag.build", "prompt.engineering", "setup"}},
	{Name: "errors", Timing: Recurring, Marginal: true, Quality: true, Late: true, Of: func(m *Month) float64 { return m.Errors },
		Chain: []string{"errors"}}, // §9: bad answers · cost_per_error,
}

// CategoryChain is the named category's Chain (nil for a name that is not one).
func CategoryChain(name string) []string {
	for _, c := range costCategories {
		if c.Name == name {
			return c.Chain
		}
	}
	return nil
}

// CostCategories returns the table of cost categories, in report order.
func CostCategories() []CostCategory { return append([]CostCategory(nil), costCategories...) }

// Categories names Month's cost categories in report order, without §9's
// errors (see Result.CategoryNames).
var Categories = categoryNames(false)

var qualityCategories = categoryNames(true)

func categoryNames(quality bool) []string {
	var out []string
	for _, c := range costCategories {
		if quality || !c.Quality {
			out = append(out, c.Name)
		}
	}
	return out
}

// Category returns the month's cost in the named category (0 for a name
// that is not one).
func (m *Month) Category(name string) float64 {
	for i := range costCategories {
		if c := &costCategories[i]; c.Name == name {
			return c.Of(m)
		}
	}
	return 0
}

// The accessors of the one-time and the marginal categories, in table
// order, so the engine's sums run without testing each category.
var (
	oneTimeOf  = accessors(func(c *CostCategory) bool { return c.Timing == OneTime })
	marginalOf = accessors(func(c *CostCategory) bool { return c.Marginal })
)

func accessors(keep func(c *CostCategory) bool) []func(*Month) float64 {
	var out []func(*Month) float64
	for i := range costCategories {
		if c := &costCategories[i]; keep(c) {
			out = append(out, c.Of)
		}
	}
	return out
}

// marginalCost is m.sum(marginalOf) written out, the categories in table
// order from 0 as the loop adds them, so the same bits: F23's marginal cost
// is summed every month of every option of every Monte Carlo sample, where
// the calls through the accessors were a twentieth of a run.
// TestMarginalCostIsTheRegistrySum fails when the table's marginal
// categories change and this is not.
func marginalCost(m *Month) float64 {
	return marginalSum(m.Inference, m.Retrieval, m.Hosting, m.Errors)
}

// marginalSum is marginalCost of a month with those categories, for the
// month loop, which keeps them in registers.
func marginalSum(inference, retrieval, hosting, errors float64) float64 {
	v := 0.0
	v += inference
	v += retrieval
	v += hosting
	v += errors
	return v
}

// oneTimeCost is m.sum(oneTimeOf) written out the same way, for the month
// loop, which keeps its month in registers: the calls through the
// accessors would move it to the heap. TestOneTimeCostIsTheRegistrySum
// holds it to the table.
func oneTimeCost(m *Month) float64 {
	v := 0.0
	v += m.Data
	v += m.Experiments
	v += m.Setup
	return v
}

// sum adds the month's costs in the given categories, in table order.
func (m *Month) sum(of []func(*Month) float64) float64 {
	v := 0.0
	for _, f := range of {
		v += f(m)
	}
	return v
}

// marginalExpr and marginalTerm are F23's marginal cost as its derivation
// writes it, without and with §9's errors; built once, as the engine prices
// thousands of samples.
var (
	marginalExpr = [2]string{"Σ (" + marginalNames(" + ", false) + ") / total_queries · 1000",
		"Σ (" + marginalNames(" + ", true) + ") / total_queries · 1000"}
	marginalTerm = [2]string{marginalNames("+", false), marginalNames("+", true)}
)

// marginalNames joins the names of the marginal categories, the errors
// only when withErrors: "inference + retrieval + hosting".
func marginalNames(sep string, withErrors bool) string {
	var names []string
	for _, c := range costCategories {
		if c.Marginal && (withErrors || !c.Quality) {
			names = append(names, c.Name)
		}
	}
	return strings.Join(names, sep)
}
