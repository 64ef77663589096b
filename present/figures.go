package present

import (
	"strconv"

	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/model"
)

// Section is a group of figures: cost, §9 quality, cost by category and the
// resources an option takes.
type Section int

const (
	SectionCost Section = iota
	SectionQuality
	SectionCategory
	SectionResources
)

// Title is the section's heading on the Compare screen.
func (s Section) Title() string {
	return [...]string{"Cost", "Quality", "By category, over the horizon", "Resources"}[s]
}

// Target is where a figure is shown.
type Target uint8

const (
	// Reports: the side-by-side table of text and Markdown.
	Reports Target = 1 << iota
	// Screen: the planner's Compare screen, where each figure explains itself.
	Screen
	Everywhere = Reports | Screen
)

// Figure is one figure of the comparison, for every output: the reports'
// rows (SummaryRows, CategoryRows) and the Compare screen's (ScreenFigures)
// are this list, so a new figure is one entry here.
type Figure struct {
	Label   string // as the reports write it: "Total over 36 months"
	Short   string // on the Compare screen, when shorter: "Total, 36 months"
	Section Section
	In      Target
	// Cell is an option's value as every output shows it ("—" when none).
	Cell func(o *model.OptionResult) string
	// Explain lists the derivations (model.Derivation.Figure) that build
	// the figure, in the order they build on each other: the last one the
	// option records ends at the figure shown.
	Explain []string
	// Zero, when set, says the value is absent or zero (drawn muted).
	Zero func(o *model.OptionResult) bool
	// Unreached, when set and not "", says why the figure is a month that
	// never comes ("never"): no derivation ends there, so an explanation
	// closes with this reason.
	Unreached func(o *model.OptionResult) string
	// JSON is where the JSON export holds the figure's value: an option's
	// key ("total"), or "months.<key>" for a month's; "" when the export has
	// no key of its own for it (report.TestEveryFigureIsInTheJSON lists why).
	JSON string
	// Heading is the section's title on the first figure of its section in
	// ScreenFigures, else "".
	Heading string
}

// ShortLabel is the figure's label where room is short.
func (f Figure) ShortLabel() string {
	if f.Short != "" {
		return f.Short
	}
	return f.Label
}

// Chain returns the figure's derivations that o records, in Explain order.
func (f Figure) Chain(o *model.OptionResult) []model.Derivation {
	all := o.Derivations()
	var out []model.Derivation
	for _, id := range f.Explain {
		for _, d := range all {
			if d.Figure == id {
				out = append(out, d)
				break
			}
		}
	}
	return out
}

// Figures lists every figure of r's comparison, section by section in
// Section order. The horizon is in labels, so the list is built per result.
func Figures(r *model.Result) []Figure {
	fs := costFigures(r)
	fs = append(fs, qualityFigures(r)...)
	fs = append(fs, categoryFigures(r)...)
	return append(fs, resourceFigures(r)...)
}

// ScreenFigures are the Compare screen's rows: Figures shown on screen,
// each section's first carrying its Heading.
func ScreenFigures(r *model.Result) []Figure {
	var out []Figure
	for _, f := range Figures(r) {
		if f.In&Screen == 0 {
			continue
		}
		if len(out) == 0 || out[len(out)-1].Section != f.Section {
			f.Heading = f.Section.Title()
		}
		out = append(out, f)
	}
	return out
}

// SummaryRows are the reports' headline rows: cost, then resources, then
// (when the scenario models quality) §9's figures.
func SummaryRows(s *Scenario) []Row {
	r := &s.Result
	var rows []Row
	for _, sec := range []Section{SectionCost, SectionResources, SectionQuality} {
		rows = append(rows, reportRows(r, sec)...)
	}
	return rows
}

// CategoryRows are each option's cost by category over the horizon, then
// the total.
func CategoryRows(s *Scenario) []Row {
	r := &s.Result
	return append(reportRows(r, SectionCategory),
		OptionRow(r, "Total", func(o *model.OptionResult) string { return format.Money(o.Total, r.Currency) }))
}

func reportRows(r *model.Result, sec Section) []Row {
	var rows []Row
	for _, f := range Figures(r) {
		if f.Section == sec && f.In&Reports != 0 {
			rows = append(rows, OptionRow(r, f.Label, f.Cell))
		}
	}
	return rows
}

// per1kLabel names the all-in cost per 1k queries, saying that it counts
// the cost of bad answers when the scenario models them.
func per1kLabel(r *model.Result) string { return "Per 1k queries, all-in" + inclErrors(r) }

// inclErrors marks a report label whose figure counts the modelled cost of
// bad answers (§9): " (incl. errors)", "" without quality.
func inclErrors(r *model.Result) string {
	if r.QualityModelled {
		return " (incl. errors)"
	}
	return ""
}

func costFigures(r *model.Result) []Figure {
	cur := r.Currency
	money := func(get func(o *model.OptionResult) float64) func(*model.OptionResult) string {
		return func(o *model.OptionResult) string { return format.Money(get(o), cur) }
	}
	fs := []Figure{
		{Label: "Kind", JSON: "kind", In: Reports, Cell: func(o *model.OptionResult) string { return KindName(o.Kind) }},
		{Label: "Total over " + format.Months(r.HorizonMonths), Short: "Total, " + format.Months(r.HorizonMonths),
			Cell: money(func(o *model.OptionResult) float64 { return o.Total }), Explain: []string{"total"}, JSON: "total"},
	}
	fs = append(fs, spendFigures(r, true)...)
	fs = append(fs, Figure{Label: per1kLabel(r), Short: "Per 1k queries",
		Cell: money(func(o *model.OptionResult) float64 { return o.CostPer1k }), Explain: []string{"total", "cost_per_1k"}, JSON: "cost_per_1k_queries"})
	fs = append(fs, spendFigures(r, false)...)
	fs = append(fs, []Figure{
		{Label: "Per 1k queries, marginal", Short: "Per 1k, marginal",
			Cell:    money(func(o *model.OptionResult) float64 { return o.MarginalPer1k }),
			Explain: []string{"category.inference", "category.retrieval", "category.hosting", "errors", "marginal_per_1k"},
			JSON:    "marginal_cost_per_1k_queries"},
		{Label: "One-time", Cell: money(func(o *model.OptionResult) float64 { return o.OneTime }),
			Explain: []string{"data", "experiments", "rag.build", "prompt.engineering", "setup", "one_time"}, JSON: "one_time"},
		{Label: "Recurring / month, month 1" + inclErrors(r), Short: "Recurring/mo, month 1",
			Cell: money(func(o *model.OptionResult) float64 { return o.Recurring(0) }), Explain: []string{"recurring.first"},
			JSON: "months.total"},
	}...)
	if last := r.HorizonMonths; last > 1 { // a one-month horizon has no other month to show
		fs = append(fs, Figure{Label: "Recurring / month, month " + strconv.Itoa(last) + inclErrors(r), Short: "Recurring/mo, month " + strconv.Itoa(last),
			Cell:    money(func(o *model.OptionResult) float64 { return o.Recurring(len(o.Months()) - 1) }),
			Explain: []string{"recurring.last"}, JSON: "months.total"})
	}
	return everywhereUnlessSet(SectionCost, fs)
}

func categoryFigures(r *model.Result) []Figure {
	var fs []Figure
	for _, c := range r.CategoryNames() {
		fs = append(fs, Figure{Label: CategoryName(c),
			Cell:    func(o *model.OptionResult) string { return CategoryCell(r, o, c) },
			Explain: model.CategoryChain(c), Zero: func(o *model.OptionResult) bool { return o.CategoryTotal(c) == 0 },
			JSON: "months." + c})
	}
	return everywhereUnlessSet(SectionCategory, fs)
}

func resourceFigures(r *model.Result) []Figure {
	noTraining := func(o *model.OptionResult) bool { return o.Training == nil }
	noServing := func(o *model.OptionResult) bool { return o.Serving == nil }
	fs := []Figure{
		{Label: "Latency", JSON: "latency_ms", Cell: LatencyCell, Zero: func(o *model.OptionResult) bool { return !o.HasLatency },
			Explain: []string{"serving.weights_read_gb", "serving.bandwidth", "serving.peak_tflops", "serving.tp_seconds",
				"serving.prefill_seconds", "serving.step_seconds", "serving.busy_seconds", "latency"}},
		{Label: "Training run", JSON: "training_run", Cell: TrainingSummary, Zero: noTraining,
			Explain: []string{"training.tokens", "training.trainable_params", "training.active_params", "training.active_trainable_params",
				"training.flops", "training.activation_bytes", "training.activations_gb", "training.states_gb", "training.memory_per_gpu_gb",
				"training.memory_gb", "training.min_gpus", "training.instances", "training.peak_tflops", "training.mfu",
				"training.compute_hours", "training.comm_hours", "training.hours", "training.billed_hours"}},
		{Label: "Training run cost", JSON: "training_run", Zero: noTraining, Explain: []string{"training.hours", "training.billed_hours", "training.cost"},
			Cell: func(o *model.OptionResult) string {
				if o.Training == nil {
					return "—"
				}
				return format.Money(o.Training.Cost, r.Currency)
			}},
		{Label: "Serving", JSON: "serving", In: Reports, Cell: ServingCell},
		{Label: "Serving GPUs", JSON: "serving", In: Screen, Cell: ReplicaGPUs,
			Explain: []string{"serving.kv_bytes", "serving.weights_gb", "serving.memory_gb", "serving.replica_gpus"}},
		{Label: "Peak instances", JSON: "serving", In: Screen, Zero: noServing,
			Explain: []string{"serving.busy_seconds", "serving.replicas", "serving.peak_instances"},
			Cell: func(o *model.OptionResult) string {
				if o.Serving == nil {
					return "—"
				}
				return format.Count(o.Serving.PeakInstances)
			}},
		{Label: "Warnings", JSON: "warnings", In: Screen, Zero: func(o *model.OptionResult) bool { return len(o.Warnings) == 0 },
			Cell: func(o *model.OptionResult) string {
				if len(o.Warnings) == 0 {
					return "none"
				}
				return "⚠ " + strconv.Itoa(len(o.Warnings))
			}},
	}
	return everywhereUnlessSet(SectionResources, fs)
}

// everywhereUnlessSet puts fs in section sec, shown everywhere unless a
// figure names its target.
func everywhereUnlessSet(sec Section, fs []Figure) []Figure {
	for i := range fs {
		fs[i].Section = sec
		if fs[i].In == 0 {
			fs[i].In = Everywhere
		}
	}
	return fs
}
