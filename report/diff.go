package report

import (
	"github.com/tunecost/tunecost/present"
	"math"
	"slices"

	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/uncertainty"
)

// DiffResult is what changed between two evaluations of a scenario (say,
// the file at HEAD and in the working tree): the inputs that differ, range
// bounds included, how each option's total, cost per 1k queries and — when
// either side has ranges — its P50, P90 and chance of being cheapest moved,
// and the prices. Strings are as in the files, unescaped; the renderers
// sanitize and escape them.
type DiffResult struct {
	OldName, NewName         string
	OldCurrency, NewCurrency string
	Changes                  []Change     // scenario-level first, then by option in the new order
	Options                  []OptionDiff // the new order, then removed options in the old order
	// OldCheapest and NewCheapest name the cheapest option on each side;
	// CheapestKept says it is the same option (perhaps renamed).
	OldCheapest, NewCheapest string
	CheapestKept             bool
	// Ranged says that either side has ranged inputs, so Options carry
	// Monte Carlo figures.
	Ranged bool
	// SpendSplit is the new side's verdict on spend against the cost of
	// errors (present.SpendSplit), "" without §9.
	SpendSplit string `json:"-"`
	// Width is the text rendering's line budget in cells: option names are
	// shortened to fit it (present.Labels); 0 keeps them whole.
	Width int `json:"-"`
	// Prices are the changes in the price sheets used: the price_sheets
	// list and each catalog entry whose figures differ. The caller fills
	// them (the report values hold no catalog).
	Prices []Change
}

// Change is one input whose value differs.
type Change struct {
	Option string // the option's name (the new one); "" for a scenario-level input
	Field  string // dotted path: "workload.input_tokens", "option.lora_rank", "name", "option.kind"
	Old    string // value for people, "" when absent
	New    string
}

// OptionStatus says whether an option is on both sides or one.
type OptionStatus string

// Option statuses.
const (
	OptionKept    OptionStatus = "kept"
	OptionRenamed OptionStatus = "renamed"
	OptionNew     OptionStatus = "new"
	OptionRemoved OptionStatus = "removed"
)

// OptionDiff is one option's headline figures before and after. Figures on
// the side where the option does not exist are zero.
type OptionDiff struct {
	Name               string
	OldName            string // the name before a rename; Name otherwise
	Status             OptionStatus
	OldTotal, NewTotal float64
	OldPer1k, NewPer1k float64
	// OldErrors and NewErrors are the modelled cost of bad answers (F26),
	// nil on a side that does not model the option's quality: the total
	// minus them is money spent.
	OldErrors, NewErrors *float64
	// OldRisk and NewRisk are the Monte Carlo figures, nil on a side
	// without ranges or without the option.
	OldRisk, NewRisk *Risk
}

// Risk is an option's Monte Carlo figures on one side of a diff.
type Risk struct {
	P50, P90  float64
	PCheapest float64 // a fraction
}

// Move is a change of one figure: absolute, and relative to the old value
// when that is defined (HasPct false when the old value is zero).
type Move struct {
	Abs    float64
	Pct    float64 // a fraction: 0.1 is +10 %
	HasPct bool
}

func move(old, new float64) Move {
	m := Move{Abs: new - old}
	if old != 0 && !math.IsInf(m.Abs/old, 0) {
		m.Pct, m.HasPct = m.Abs/math.Abs(old), true
	}
	return m
}

// TotalMove is the change of the total; meaningful for options on both sides.
func (d OptionDiff) TotalMove() Move { return move(d.OldTotal, d.NewTotal) }

// Per1kMove is the change of the all-in cost per 1k queries.
func (d OptionDiff) Per1kMove() Move { return move(d.OldPer1k, d.NewPer1k) }

// Both reports whether the option exists on both sides.
func (d OptionDiff) Both() bool { return d.Status == OptionKept || d.Status == OptionRenamed }

// Same reports whether nothing that the reader sees moved.
func (d DiffResult) Same() bool {
	if len(d.Changes) > 0 || len(d.Prices) > 0 || d.OldCheapest != d.NewCheapest {
		return false
	}
	for _, o := range d.Options {
		if !o.Both() || o.TotalMove().Abs != 0 || o.Per1kMove().Abs != 0 || !sameRisk(o.OldRisk, o.NewRisk) {
			return false
		}
	}
	return true
}

func sameRisk(a, b *Risk) bool {
	return (a == nil) == (b == nil) && (a == nil || *a == *b)
}

// Diff compares two evaluated scenarios. Inputs are compared field by field
// through model.Fields(), so a new input is covered without touching this
// file, each with its range when it has one. Options are matched by name;
// of those left, when exactly one option of a kind disappears and one of
// the same kind appears, it is a rename.
func Diff(old, new Scenario) DiffResult {
	d := DiffResult{OldName: old.Result.Scenario, NewName: new.Result.Scenario,
		OldCurrency: old.Result.Currency, NewCurrency: new.Result.Currency,
		OldCheapest: cheapestName(&old.Result), NewCheapest: cheapestName(&new.Result),
		Ranged: ranged(&old) || ranged(&new)}
	// §9: the new side's split of the cheapest total into spend and the
	// cost of errors, and which decides (names unescaped; renderers escape).
	d.SpendSplit = present.SpendSplit(&new.Result, func(n string) string { return n },
		func(v float64) string { return format.Money(v, new.Result.Currency) })
	oi, ni := &old.Input, &new.Input
	d.addText("", "name", oi.Name, ni.Name)
	d.addText("", "description", oi.Description, ni.Description)
	d.addText("", "currency", oi.Currency, ni.Currency)
	fields := model.Fields()
	for i := range fields {
		if f := &fields[i]; f.Section != model.SectionOption {
			d.addField(f, "", side{&old, nil, -1}, side{&new, nil, -1})
		}
	}

	pairs := matchOptions(oi.Options, ni.Options)
	if c := new.Result.Cheapest; c >= 0 && c < len(pairs) {
		d.CheapestKept = pairs[c] >= 0 && pairs[c] == old.Result.Cheapest
	}
	for k := range ni.Options {
		no := &ni.Options[k]
		od := OptionDiff{Name: no.Name, OldName: no.Name, Status: OptionNew}
		od.NewTotal, od.NewPer1k = headline(&new.Result, k)
		od.NewErrors = errorsOf(&new.Result, k)
		od.NewRisk = riskOf(&new, k)
		if j := pairs[k]; j >= 0 {
			oo := &oi.Options[j]
			od.Status, od.OldName = OptionKept, oo.Name
			if oo.Name != no.Name {
				od.Status = OptionRenamed
				d.addText(no.Name, "option.name", oo.Name, no.Name)
			}
			od.OldTotal, od.OldPer1k = headline(&old.Result, j)
			od.OldErrors = errorsOf(&old.Result, j)
			od.OldRisk = riskOf(&old, j)
			d.addText(no.Name, "option.kind", string(oo.Kind), string(no.Kind))
			for i := range fields {
				f := &fields[i]
				if f.Section == model.SectionOption &&
					(f.AppliesTo(oo.Kind, selfHosted(&old, oo), oo.Method) || f.AppliesTo(no.Kind, selfHosted(&new, no), no.Method)) {
					d.addField(f, no.Name, side{&old, oo, j}, side{&new, no, k})
				}
			}
		}
		d.Options = append(d.Options, od)
	}
	matched := make([]bool, len(oi.Options))
	for _, j := range pairs {
		if j >= 0 {
			matched[j] = true
		}
	}
	for j := range oi.Options {
		if !matched[j] {
			od := OptionDiff{Name: oi.Options[j].Name, OldName: oi.Options[j].Name, Status: OptionRemoved}
			od.OldTotal, od.OldPer1k = headline(&old.Result, j)
			od.OldErrors = errorsOf(&old.Result, j)
			od.OldRisk = riskOf(&old, j)
			d.Options = append(d.Options, od)
		}
	}
	return d
}

// matchOptions pairs each new option with an old one: by name (the first
// unmatched one on a repeat), then, per kind, the one old option left with
// the one new option left (a rename). pairs[k] is the old index of new
// option k, -1 for an option that is new.
func matchOptions(old, new []model.Option) []int {
	pairs := make([]int, len(new))
	used := make([]bool, len(old))
	for k := range new {
		pairs[k] = -1
		for j := range old {
			if !used[j] && old[j].Name == new[k].Name {
				pairs[k], used[j] = j, true
				break
			}
		}
	}
	if !slices.Contains(used, true) && len(old) > 0 {
		// Nothing kept its name: two unrelated scenarios, not one renamed
		// option ("RAG Claude Haiku 4.5 (was RAG over precedent bank)").
		return pairs
	}
	left := map[model.Kind][]int{} // old options left, by kind
	for j := range old {
		if !used[j] {
			left[old[j].Kind] = append(left[old[j].Kind], j)
		}
	}
	added := map[model.Kind][]int{} // new options left, by kind
	for k := range new {
		if pairs[k] < 0 {
			added[new[k].Kind] = append(added[new[k].Kind], k)
		}
	}
	for kind, ks := range added {
		if js := left[kind]; len(js) == 1 && len(ks) == 1 {
			pairs[ks[0]] = js[0]
		}
	}
	return pairs
}

// cheapestName is the cheapest option's name, "" without options.
func cheapestName(r *model.Result) string {
	if r.Cheapest < 0 || r.Cheapest >= len(r.Options) {
		return ""
	}
	return r.Options[r.Cheapest].Name
}

// headline is option i's total and cost per 1k from a result.
func headline(r *model.Result, i int) (total, per1k float64) {
	if i < 0 || i >= len(r.Options) {
		return 0, 0
	}
	return r.Options[i].Total, r.Options[i].CostPer1k
}

// errorsOf is option i's modelled cost of errors (F26), nil without §9.
func errorsOf(r *model.Result, i int) *float64 {
	if !r.QualityModelled || i < 0 || i >= len(r.Options) || r.Options[i].Quality == nil {
		return nil
	}
	v := r.Options[i].Quality.Errors
	return &v
}

// quality reports whether either side models some option's errors.
func (d *DiffResult) quality() bool {
	for i := range d.Options {
		if d.Options[i].OldErrors != nil || d.Options[i].NewErrors != nil {
			return true
		}
	}
	return false
}

// ranged reports whether the scenario's analysis sampled ranges.
func ranged(s *Scenario) bool {
	u := s.Uncertainty
	return u != nil && u.MC != nil
}

// riskOf is option i's Monte Carlo figures, nil without ranges.
func riskOf(s *Scenario, i int) *Risk {
	if !ranged(s) || i < 0 || i >= len(s.Uncertainty.MC.Options) {
		return nil
	}
	st := s.Uncertainty.MC.Options[i]
	return &Risk{P50: st.P50, P90: st.P90, PCheapest: st.PCheapest}
}

// side is where a field's value is read on one side of the diff: the
// scenario, the option (nil for scenario-level fields) and its index.
type side struct {
	s      *Scenario
	o      *model.Option
	option int
}

// rangeOf is the range the file writes for the field, if any.
func (sd side) rangeOf(f *model.Field) (uncertainty.Input, bool) {
	if !ranged(sd.s) {
		return uncertainty.Input{}, false
	}
	for _, in := range sd.s.Uncertainty.Inputs {
		if !in.FromFile() {
			continue // §10's default ranges are not the file's
		}
		if in.Field != nil && in.Field.Path() == f.Path() && (f.Section != model.SectionOption || in.Option == sd.option) {
			return in, true
		}
	}
	return uncertainty.Input{}, false
}

// valueText is the field's value for people, with its range when it has one:
// "600,000 (400,000 to 900,000)".
func (sd side) valueText(f *model.Field) string {
	v := fieldValue(f, &sd.s.Input, sd.o)
	r, ok := sd.rangeOf(f)
	switch {
	case ok && r.Kind == uncertainty.Counts: // F25a: Beta(correct + 1, of − correct + 1)
		v = format.Exact(r.Likely) + " (" + format.Exact(r.BetaA-1) + " of " + format.Exact(r.BetaA+r.BetaB-2) + ")"
	case ok:
		v = format.Exact(r.Likely) + " (" + format.Exact(r.Low) + " to " + format.Exact(r.High) + ")"
	}
	return v
}

func (d *DiffResult) addText(option, field, old, new string) {
	if old != new {
		d.Changes = append(d.Changes, Change{Option: option, Field: field, Old: old, New: new})
	}
}

// addField records f when its values differ, comparing the raw values —
// and the range bounds — so that formatting can neither hide nor invent a
// change.
func (d *DiffResult) addField(f *model.Field, option string, a, b side) {
	changed := false
	switch f.Type {
	case model.Number:
		x, y := f.Num(&a.s.Input, a.o), f.Num(&b.s.Input, b.o)
		if x == nil || y == nil {
			return
		}
		ra, oka := a.rangeOf(f)
		rb, okb := b.rangeOf(f)
		changed = !sameNumber(*x, *y) || oka != okb || (oka && (!sameNumber(ra.Low, rb.Low) || !sameNumber(ra.High, rb.High) ||
			ra.Kind != rb.Kind || !sameNumber(ra.BetaA, rb.BetaA) || !sameNumber(ra.BetaB, rb.BetaB)))
	case model.Text:
		x, y := f.Text(&a.s.Input, a.o), f.Text(&b.s.Input, b.o)
		changed = x != nil && y != nil && *x != *y
	case model.Flag:
		x, y := f.Flag(&a.s.Input, a.o), f.Flag(&b.s.Input, b.o)
		changed = x != nil && y != nil && *x != *y
	}
	if !changed {
		return
	}
	c := Change{Option: option, Field: f.Path(), Old: a.valueText(f), New: b.valueText(f)}
	if c.Old == c.New && f.Type == model.Number { // equal once rounded for people: show every digit
		c.Old, c.New = num(*f.Num(&a.s.Input, a.o)), num(*f.Num(&b.s.Input, b.o))
	}
	d.Changes = append(d.Changes, c)
}

func sameNumber(a, b float64) bool { return a == b || (math.IsNaN(a) && math.IsNaN(b)) }
