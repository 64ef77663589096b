package report

import (
	"io"

	"github.com/tunecost/tunecost/diag"
	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/model"
)

// The JSON contract of PRODUCT.md. Field names are stable: add, never rename.
type jsonDoc struct {
	Scenarios []jsonScenario `json:"scenarios"`
}

type jsonScenario struct {
	Name          string          `json:"name"`
	File          string          `json:"file"`
	Currency      string          `json:"currency"`
	HorizonMonths int             `json:"horizon_months"`
	TotalQueries  float64         `json:"total_queries"`
	Cheapest      string          `json:"cheapest"`
	Crossovers    []jsonCrossover `json:"crossovers"`
	Options       []jsonOption    `json:"options"`
	Warnings      []string        `json:"warnings"`
	BreakEven     []jsonBreakEven `json:"break_even"`
	MonteCarlo    *jsonMC         `json:"monte_carlo"`
	// Conversions: each sheet whose prices were converted into currency
	// (MODEL.md v3 Conventions); absent when none was.
	Conversions []jsonConversion `json:"conversions,omitempty"`
}

type jsonCrossover struct {
	A     string `json:"a"`
	B     string `json:"b"`
	Month int    `json:"month"`
}

type jsonOption struct {
	Name          string           `json:"name"`
	Kind          string           `json:"kind"`
	Total         float64          `json:"total"`
	CostPer1k     float64          `json:"cost_per_1k_queries"`
	MarginalPer1k float64          `json:"marginal_cost_per_1k_queries"`
	OneTime       float64          `json:"one_time"`
	LatencyMs     *float64         `json:"latency_ms"`
	TrainingRun   *jsonTraining    `json:"training_run"`
	Serving       *jsonServing     `json:"serving"`
	Months        []jsonMonth      `json:"months"`
	Warnings      []string         `json:"warnings"`
	Uncertainty   *jsonUncertainty `json:"uncertainty"`
	Sensitivity   []jsonSwing      `json:"sensitivity"`
	Derivations   []jsonDerivation `json:"derivations"`
	*JSONQuality                   // §9, only when quality is modelled
}

// jsonTraining: GPU figures are null for a managed fine-tune (MODEL.md §8).
type jsonTraining struct {
	GPUs            *float64 `json:"gpus"`
	Instances       *float64 `json:"instances"`
	MemoryGB        *float64 `json:"memory_gb"`
	MemoryPerGPUGB  *float64 `json:"memory_per_gpu_gb"`
	BilledHours     *float64 `json:"billed_hours"`
	Cost            float64  `json:"cost"`
	TrainableParams *float64 `json:"trainable_params"`
	Tokens          float64  `json:"tokens"`
	Managed         bool     `json:"managed"`
	ComputeHours    *float64 `json:"compute_hours"` // F9 (v3, added)
	CommHours       *float64 `json:"comm_hours"`    // F9a (v3, added)
}

type jsonServing struct {
	ReplicaGPUs   float64 `json:"replica_gpus"`
	MemoryGB      float64 `json:"memory_gb"`
	PeakInstances float64 `json:"peak_instances"`
	Deployments   float64 `json:"deployments"`
	Unmerged      bool    `json:"unmerged"`
}

type jsonDerivation struct {
	Figure  string     `json:"figure"`
	Label   string     `json:"label"`
	Formula string     `json:"formula"`
	Expr    string     `json:"expr"`
	Inputs  []jsonTerm `json:"inputs"`
	Result  float64    `json:"result"`
	Unit    string     `json:"unit"`
}

type jsonTerm struct {
	Name  string  `json:"name"`
	Value float64 `json:"value"`
	Unit  string  `json:"unit"`
}

// JSON writes the scenarios as the JSON contract, indented, full precision.
func JSON(w io.Writer, scenarios []Scenario) error {
	doc := jsonDoc{Scenarios: make([]jsonScenario, 0, len(scenarios))}
	for i := range scenarios {
		doc.Scenarios = append(doc.Scenarios, toJSON(&scenarios[i]))
	}
	return format.WriteJSON(w, doc)
}

func toJSON(s *Scenario) jsonScenario {
	r := &s.Result
	out := jsonScenario{Name: r.Scenario, File: s.File, Currency: r.Currency, HorizonMonths: r.HorizonMonths,
		TotalQueries: r.TotalQueries, Crossovers: []jsonCrossover{}, Options: []jsonOption{}, Warnings: []string{}}
	if len(r.Options) > 0 {
		out.Cheapest = r.Options[r.Cheapest].Name
	}
	for _, c := range r.Crossovers {
		out.Crossovers = append(out.Crossovers, jsonCrossover{A: c.A, B: c.B, Month: c.Month})
	}
	out.Warnings = append(out.Warnings, diagStrings(s.Warnings)...)
	out.Conversions = conversionsJSON(r)
	for i := range r.Options {
		o := optionJSON(&r.Options[i], r.QualityModelled)
		o.JSONQuality = qualityJSON(r, &r.Options[i])
		o.Uncertainty, o.Sensitivity = optionUncertainty(s.Uncertainty, i), optionSensitivity(s.Uncertainty, i)
		out.Options = append(out.Options, o)
	}
	out.BreakEven, out.MonteCarlo = breakEvenJSON(s.Uncertainty), monteCarloJSON(s.Uncertainty)
	return out
}

func optionJSON(o *model.OptionResult, quality bool) jsonOption {
	j := jsonOption{Name: o.Name, Kind: string(o.Kind), Total: o.Total, CostPer1k: o.CostPer1k,
		MarginalPer1k: o.MarginalPer1k, OneTime: o.OneTime, Warnings: diagStrings(o.Warnings)}
	if o.HasLatency {
		j.LatencyMs = ptr(o.LatencyMs)
	}
	if t := o.Training; t != nil {
		j.TrainingRun = &jsonTraining{Cost: t.Cost, Tokens: t.Tokens, Managed: t.Managed}
		if !t.Managed {
			j.TrainingRun.GPUs, j.TrainingRun.Instances = ptr(t.GPUs), ptr(t.Instances)
			j.TrainingRun.MemoryGB, j.TrainingRun.BilledHours = ptr(t.MemoryGB), ptr(t.BilledHours)
			j.TrainingRun.TrainableParams = ptr(t.TrainableParams)
			j.TrainingRun.MemoryPerGPUGB = ptr(t.MemoryPerGPUGB)
			j.TrainingRun.ComputeHours, j.TrainingRun.CommHours = ptr(t.ComputeHours), ptr(t.CommHours)
		}
	}
	if sv := o.Serving; sv != nil {
		j.Serving = &jsonServing{ReplicaGPUs: sv.ReplicaGPUs, MemoryGB: sv.MemoryGB, PeakInstances: sv.PeakInstances,
			Deployments: sv.Deployments, Unmerged: sv.Unmerged}
	}
	months := o.Months()
	j.Months = make([]jsonMonth, len(months))
	for i := range months {
		j.Months[i] = jsonMonth{m: &months[i], quality: quality}
	}
	derivations := o.Derivations()
	j.Derivations = make([]jsonDerivation, len(derivations))
	for i, d := range derivations {
		terms := make([]jsonTerm, len(d.Inputs))
		for k, in := range d.Inputs {
			terms[k] = jsonTerm{Name: in.Name, Value: in.Value, Unit: in.Unit}
		}
		j.Derivations[i] = jsonDerivation{Figure: d.Figure, Label: d.Label, Formula: d.Formula, Expr: d.Expr,
			Inputs: terms, Result: d.Result, Unit: d.Unit}
	}
	return j
}

func ptr(v float64) *float64 { return &v }

// diagStrings writes each diagnostic as "path:line:col: warning: message",
// the contract's form; never null.
func diagStrings(l diag.List) []string {
	out := make([]string, 0, len(l))
	for _, d := range l {
		out = append(out, d.String())
	}
	return out
}
