package report

import (
	"io"
	"math"

	"github.com/tunecost/tunecost/format"
)

// DiffJSONVersion is the version of the diff's JSON contract
// (docs/json.md): fields are added, never renamed; a change that breaks
// readers raises it.
const DiffJSONVersion = 1

type jsonDiffDoc struct {
	Version     int            `json:"version"`
	Base        jsonDiffSide   `json:"base"`
	Head        jsonDiffSide   `json:"head"`
	CostChanged bool           `json:"cost_changed"`
	Files       []jsonDiffFile `json:"files"`
	Gate        jsonGate       `json:"gate"`
}

type jsonDiffSide struct {
	Label  string `json:"label"`
	Rev    string `json:"rev,omitempty"`
	Commit string `json:"commit,omitempty"`
}

type jsonDiffFile struct {
	Path           string           `json:"path"`
	Status         FileStatus       `json:"status"`
	NameBefore     *string          `json:"name_before"`
	NameAfter      *string          `json:"name_after"`
	Currency       string           `json:"currency"`
	CheapestBefore *string          `json:"cheapest_before"`
	CheapestAfter  *string          `json:"cheapest_after"`
	Ranged         bool             `json:"ranged"`
	Options        []jsonDiffOption `json:"options"`
	Inputs         []jsonDiffChange `json:"changed_inputs"`
	Prices         []jsonDiffChange `json:"changed_prices"`
}

type jsonDiffOption struct {
	Name            string       `json:"name"`
	NameBefore      string       `json:"name_before"`
	Status          OptionStatus `json:"status"`
	TotalBefore     *float64     `json:"total_before"`
	TotalAfter      *float64     `json:"total_after"`
	TotalChange     *float64     `json:"total_change"`
	TotalChangePct  *float64     `json:"total_change_fraction"`
	Per1kBefore     *float64     `json:"cost_per_1k_queries_before"`
	Per1kAfter      *float64     `json:"cost_per_1k_queries_after"`
	RiskBefore      *jsonRisk    `json:"monte_carlo_before"`
	RiskAfter       *jsonRisk    `json:"monte_carlo_after"`
	AboveFailLimits []string     `json:"above_fail_limits"`
}

type jsonRisk struct {
	P50       float64 `json:"p50"`
	P90       float64 `json:"p90"`
	PCheapest float64 `json:"p_cheapest"`
}

type jsonDiffChange struct {
	Option *string `json:"option"`
	Field  string  `json:"field"`
	Before *string `json:"before"`
	After  *string `json:"after"`
}

type jsonGate struct {
	Limits []string       `json:"fail_above"`
	Failed bool           `json:"failed"`
	Fails  []jsonGateFail `json:"failures"`
}

type jsonGateFail struct {
	File        string   `json:"file"`
	Option      string   `json:"option"`
	Limit       string   `json:"limit"`
	TotalChange float64  `json:"total_change"`
	Fraction    *float64 `json:"total_change_fraction"`
}

// DiffSetJSON writes the diff as data: per file and option, totals
// before and after at full precision (the numbers export --format json
// prints), the change, the Monte Carlo figures when ranged, the changed
// inputs and prices, and the --fail-above verdict.
func DiffSetJSON(w io.Writer, s DiffSet) error {
	doc := jsonDiffDoc{Version: DiffJSONVersion,
		Base: jsonDiffSide{Label: s.Base, Rev: s.Rev, Commit: s.Commit}, Head: jsonDiffSide{Label: s.Head},
		CostChanged: s.CostChanged(), Files: []jsonDiffFile{},
		Gate: jsonGate{Limits: []string{}, Failed: len(s.Failures) > 0, Fails: []jsonGateFail{}}}
	for _, l := range s.Limits {
		doc.Gate.Limits = append(doc.Gate.Limits, l.Text)
	}
	failed := map[[2]string][]string{}
	for _, g := range s.Failures {
		doc.Gate.Fails = append(doc.Gate.Fails, jsonGateFail{File: g.File, Option: g.Option, Limit: g.Limit.Text,
			TotalChange: finite(g.Move.Abs), Fraction: pctOf(g.Move)})
		k := [2]string{g.File, g.Option}
		failed[k] = append(failed[k], g.Limit.Text)
	}
	for i := range s.Files {
		doc.Files = append(doc.Files, fileJSON(&s.Files[i], failed))
	}
	return format.WriteJSON(w, doc)
}

func fileJSON(f *FileDiff, failed map[[2]string][]string) jsonDiffFile {
	d := &f.Diff
	before, after := f.Status != FileAdded, f.Status != FileRemoved
	jf := jsonDiffFile{Path: f.Path, Status: f.Status, Currency: d.NewCurrency, Ranged: d.Ranged,
		Options: []jsonDiffOption{}, Inputs: changesJSON(d.Changes), Prices: changesJSON(d.Prices)}
	if before {
		jf.NameBefore, jf.CheapestBefore = &d.OldName, strOrNil(d.OldCheapest)
	}
	if after {
		jf.NameAfter, jf.CheapestAfter = &d.NewName, strOrNil(d.NewCheapest)
	}
	for _, o := range d.Options {
		jo := jsonDiffOption{Name: o.Name, NameBefore: o.OldName, Status: o.Status,
			RiskBefore: riskJSON(o.OldRisk), RiskAfter: riskJSON(o.NewRisk), AboveFailLimits: []string{}}
		if o.Status != OptionNew {
			jo.TotalBefore, jo.Per1kBefore = num64(o.OldTotal), num64(o.OldPer1k)
		}
		if o.Status != OptionRemoved {
			jo.TotalAfter, jo.Per1kAfter = num64(o.NewTotal), num64(o.NewPer1k)
		}
		if o.Both() {
			m := o.TotalMove()
			jo.TotalChange, jo.TotalChangePct = num64(m.Abs), pctOf(m)
		}
		if l := failed[[2]string{f.Path, o.Name}]; l != nil {
			jo.AboveFailLimits = l
		}
		jf.Options = append(jf.Options, jo)
	}
	return jf
}

func changesJSON(cs []Change) []jsonDiffChange {
	out := []jsonDiffChange{}
	for _, c := range cs {
		out = append(out, jsonDiffChange{Option: strOrNil(c.Option), Field: c.Field, Before: strOrNil(c.Old), After: strOrNil(c.New)})
	}
	return out
}

func riskJSON(r *Risk) *jsonRisk {
	if r == nil {
		return nil
	}
	return &jsonRisk{P50: finite(r.P50), P90: finite(r.P90), PCheapest: finite(r.PCheapest)}
}

func pctOf(m Move) *float64 {
	if !m.HasPct {
		return nil
	}
	return num64(m.Pct)
}

func strOrNil(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// num64 is v as a JSON number; NaN and ±Inf (which the engine never gives)
// would make the encoder fail, so they are 0.
func num64(v float64) *float64 {
	v = finite(v)
	return &v
}

func finite(v float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	return v
}
