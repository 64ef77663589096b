package workspace

import (
	"context"
	"errors"

	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/scenarios"
	"github.com/tunecost/tunecost/uncertainty"
)

// RangeOf returns the low/likely/high range an input is written as, when
// it is one (option is the option index, ignored for other sections); the
// model uses the likely value.
func (d *Doc) RangeOf(sec model.Section, option int, key string) (scenarios.Range, bool) {
	f := d.File
	if f == nil {
		return scenarios.Range{}, false
	}
	var vals map[string]scenarios.Value
	switch sec {
	case model.SectionTop:
		vals = f.Top
	case model.SectionWorkload:
		vals = f.Workload
	case model.SectionTeam:
		vals = f.Team
	case model.SectionOption:
		if option < 0 || option >= len(f.Options) {
			return scenarios.Range{}, false
		}
		vals = f.Options[option].Values
	}
	if v, ok := vals[key]; ok && v.Range != nil {
		return *v.Range, true
	}
	return scenarios.Range{}, false
}

// RangedInputs lists the inputs the analyses vary: the ones the file writes
// as ranges (x = { low, likely, high }) or as evaluation counts (F25a), in
// file order, then §10's default ranges of the efficiency constants the
// file does not set (unless efficiency_ranges = false).
func (d *Doc) RangedInputs() []uncertainty.Input {
	out := d.writtenRanges()
	if d.File == nil {
		return out
	}
	for i := range d.Input.Options {
		if in, ok := uncertainty.CountsInput(&d.Input, i); ok {
			out = append(out, in)
		}
	}
	written := func(i int, key string) bool {
		return i < len(d.File.Options) && d.File.Options[i].Values[key].Set
	}
	if d.Catalog != nil {
		out = append(out, uncertainty.EfficiencyInputs(&d.Input, &d.Catalog.Catalog, written)...)
	}
	return out
}

// writtenRanges lists the inputs the file writes as ranges, in file order.
func (d *Doc) writtenRanges() []uncertainty.Input {
	if d.File == nil {
		return nil
	}
	var out []uncertainty.Input
	add := func(sec model.Section, option int, key string, v scenarios.Value) {
		if v.Range == nil {
			return
		}
		path := key
		if sec != model.SectionTop {
			path = string(sec) + "." + key
		}
		f, ok := model.FieldByPath(path)
		if !ok || f.Type != model.Number {
			return
		}
		out = append(out, uncertainty.Input{Field: f, Option: option, Low: v.Range.Low, Likely: v.Range.Likely, High: v.Range.High})
	}
	for _, sec := range []struct {
		s model.Section
		m map[string]scenarios.Value
	}{{model.SectionTop, d.File.Top}, {model.SectionWorkload, d.File.Workload}, {model.SectionTeam, d.File.Team}} {
		for _, f := range model.SectionFields(sec.s) {
			add(sec.s, -1, f.Key, sec.m[f.Key])
		}
	}
	for i, o := range d.File.Options {
		for _, f := range model.SectionFields(model.SectionOption) {
			add(model.SectionOption, i, f.Key, o.Values[f.Key])
		}
	}
	return out
}

// Summarize runs the uncertainty analysis of the evaluated document:
// Monte Carlo over its ranges, tornadoes and break-evens.
func (d *Doc) Summarize(ctx context.Context, cfg uncertainty.Config) (*uncertainty.Summary, error) {
	if !d.OK() {
		return nil, errors.New("the scenario has errors")
	}
	sum, err := uncertainty.Summarize(ctx, d.Input, d.Catalog.Catalog, d.RangedInputs(), cfg)
	if err != nil {
		return nil, err
	}
	return &sum, nil
}
