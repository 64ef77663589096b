package report

import (
	"math"

	"github.com/tunecost/tunecost/model"
)

// DiffResult is what changed between two evaluations of a scenario (say,
// the file at HEAD and in the working tree): the inputs that differ and how
// each option's total and cost per 1k queries moved. Strings are as in the
// files, unescaped; the renderers sanitize and escape them.
type DiffResult struct {
	OldName, NewName         string
	OldCurrency, NewCurrency string
	Changes                  []Change     // scenario-level first, then by option in the new order
	Options                  []OptionDiff // the new order, then removed options in the old order
}

// Change is one input whose value differs.
type Change struct {
	Option string // the option's name; "" for a scenario-level input
	Field  string // dotted path: "workload.input_tokens", "option.lora_rank", "name", "option.kind"
	Old    string // value for people, "" when absent
	New    string
}

// OptionStatus says whether an option is on both sides or one.
type OptionStatus string

// Option statuses.
const (
	OptionKept    OptionStatus = "kept"
	OptionNew     OptionStatus = "new"
	OptionRemoved OptionStatus = "removed"
)

// OptionDiff is one option's headline figures before and after. Figures on
// the side where the option does not exist are zero.
type OptionDiff struct {
	Name               string
	Status             OptionStatus
	OldTotal, NewTotal float64
	OldPer1k, NewPer1k float64
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

// TotalMove is the change of the total; meaningful for kept options only.
func (d OptionDiff) TotalMove() Move { return move(d.OldTotal, d.NewTotal) }

// Per1kMove is the change of the all-in cost per 1k queries.
func (d OptionDiff) Per1kMove() Move { return move(d.OldPer1k, d.NewPer1k) }

// Diff compares two evaluated scenarios. Inputs are compared field by field
// through model.Fields(), so a new input is covered without touching this
// file; options are matched by name (the first unmatched one on a repeat).
func Diff(old, new Scenario) DiffResult {
	d := DiffResult{OldName: old.Result.Scenario, NewName: new.Result.Scenario,
		OldCurrency: old.Result.Currency, NewCurrency: new.Result.Currency}
	oi, ni := &old.Input, &new.Input
	d.addText("", "name", oi.Name, ni.Name)
	d.addText("", "description", oi.Description, ni.Description)
	d.addText("", "currency", oi.Currency, ni.Currency)
	fields := model.Fields()
	for i := range fields {
		if f := &fields[i]; f.Section != model.SectionOption {
			d.addField(f, "", oi, ni, nil, nil)
		}
	}

	used := make([]bool, len(oi.Options))
	for k := range ni.Options {
		no := &ni.Options[k]
		j := matchOption(oi.Options, used, no.Name)
		od := OptionDiff{Name: no.Name, Status: OptionNew}
		od.NewTotal, od.NewPer1k = headline(&new.Result, no.Name)
		if j >= 0 {
			used[j] = true
			oo := &oi.Options[j]
			od.Status = OptionKept
			od.OldTotal, od.OldPer1k = headline(&old.Result, oo.Name)
			d.addText(no.Name, "option.kind", string(oo.Kind), string(no.Kind))
			for i := range fields {
				f := &fields[i]
				if f.Section == model.SectionOption &&
					(f.AppliesTo(oo.Kind, selfHosted(&old, oo), oo.Method) || f.AppliesTo(no.Kind, selfHosted(&new, no), no.Method)) {
					d.addField(f, no.Name, oi, ni, oo, no)
				}
			}
		}
		d.Options = append(d.Options, od)
	}
	for j := range oi.Options {
		if !used[j] {
			od := OptionDiff{Name: oi.Options[j].Name, Status: OptionRemoved}
			od.OldTotal, od.OldPer1k = headline(&old.Result, oi.Options[j].Name)
			d.Options = append(d.Options, od)
		}
	}
	return d
}

// matchOption finds the first unused option called name, -1 if none.
func matchOption(opts []model.Option, used []bool, name string) int {
	for j := range opts {
		if !used[j] && opts[j].Name == name {
			return j
		}
	}
	return -1
}

// headline is an option's total and cost per 1k from a result, by name.
func headline(r *model.Result, name string) (total, per1k float64) {
	for i := range r.Options {
		if r.Options[i].Name == name {
			return r.Options[i].Total, r.Options[i].CostPer1k
		}
	}
	return 0, 0
}

func (d *DiffResult) addText(option, field, old, new string) {
	if old != new {
		d.Changes = append(d.Changes, Change{Option: option, Field: field, Old: old, New: new})
	}
}

// addField records f when its values differ, comparing the raw values so
// that formatting can neither hide nor invent a change.
func (d *DiffResult) addField(f *model.Field, option string, os, ns *model.Scenario, oo, no *model.Option) {
	changed := false
	switch f.Type {
	case model.Number:
		a, b := f.Num(os, oo), f.Num(ns, no)
		changed = a != nil && b != nil && *a != *b && !(math.IsNaN(*a) && math.IsNaN(*b))
	case model.Text:
		a, b := f.Text(os, oo), f.Text(ns, no)
		changed = a != nil && b != nil && *a != *b
	case model.Flag:
		a, b := f.Flag(os, oo), f.Flag(ns, no)
		changed = a != nil && b != nil && *a != *b
	}
	if !changed {
		return
	}
	c := Change{Option: option, Field: f.Path(), Old: fieldValue(f, os, oo), New: fieldValue(f, ns, no)}
	if c.Old == c.New && f.Type == model.Number { // equal once rounded for people: show every digit
		c.Old, c.New = num(*f.Num(os, oo)), num(*f.Num(ns, no))
	}
	d.Changes = append(d.Changes, c)
}
