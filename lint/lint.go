package lint

import (
	"time"

	"github.com/tunecost/tunecost/diag"
	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/pricing"
	"github.com/tunecost/tunecost/scenarios"
	"github.com/tunecost/tunecost/tomlpos"
)

// Input is everything the lint looks at: the file for positions, the
// resolved scenario and its result, the catalog to re-price what-ifs, and
// the sheets the run layered for their age.
type Input struct {
	File     *scenarios.File  // positions; nil: findings carry no position
	Scenario model.Scenario   // resolved
	Catalog  *pricing.Catalog // nil: rules that re-price are skipped
	Result   model.Result
	Sheets   []SheetInfo // every sheet the run layered, built-in first
	Now      time.Time
	// StaleAfter is the age past which a price is stale (--stale-days);
	// pricing.StaleAfter when 0.
	StaleAfter time.Duration
}

// SheetInfo is one price sheet the run layered.
type SheetInfo struct {
	Name string
	File string
	AsOf time.Time
	Pos  tomlpos.Pos // where the scenario names it; zero for built-in or --prices
}

// Check runs every rule and returns its warnings sorted by position. It
// never returns an error: lint is advice on a scenario that already priced.
func Check(in Input) diag.List {
	c := &checker{in: &in}
	if in.File != nil {
		c.path = in.File.Path
	}
	for i := range in.Scenario.Options {
		o := &in.Scenario.Options[i]
		for _, r := range optionRules {
			if r.applies(o.Kind) {
				r.rule(c, i, o)
			}
		}
		for _, rule := range everyOptionRules {
			rule(c, i, o)
		}
	}
	c.implausible()
	c.staleSheets()
	c.staleEntries()
	c.staleRates()
	c.out.Sort()
	return c.out
}

// optionRule is advice about one option (index i of the scenario).
type optionRule func(c *checker, i int, o *model.Option)

// optionRules are the rules run on every option, in this order, each on
// the options whose kind does what it is about (model.KindSpec's
// capabilities): a new kind gets the advice for what it does.
var optionRules = []struct {
	applies func(model.Kind) bool
	rule    optionRule
}{
	{model.Kind.Trains, experimentCycles},
	{model.Kind.Adapters, fullFineTune},
	{model.Kind.Trains, goldenSet},
	{model.Kind.Trains, goldenIndependence},
	{model.Kind.Trains, evalBlindSpots},
	{model.Kind.Retunes, noRetune},
	{model.Kind.Adapters, unmergedAdapter},
	{model.Kind.Trains, fewExamples},
	{model.Kind.Trains, duplicates},
	{model.Kind.Retunes, retuneCadence},
	{model.Kind.Trains, unmeasuredAccuracy},
	{model.Kind.TunedAPIRates, jobsEnd},
}

// checker collects findings for one scenario.
type checker struct {
	in   *Input
	path string
	out  diag.List
}

// optionValues finds the file's table for option i: by index when the
// names agree (Resolve keeps the order), else by name.
func (c *checker) optionValues(i int, name string) *scenarios.OptionValues {
	if c.in.File == nil {
		return nil
	}
	opts := c.in.File.Options
	if i < len(opts) && opts[i].Name == name {
		return &opts[i]
	}
	for j := range opts {
		if opts[j].Name == name {
			return &opts[j]
		}
	}
	return nil
}

// optionLoc is where a finding about key belongs: its value when a file
// writes it, else the option's [[option]] header; with extends, that may
// be in a base file.
func (c *checker) optionLoc(i int, name, key string) scenarios.Loc {
	ov := c.optionValues(i, name)
	if ov == nil {
		return scenarios.Loc{File: c.path}
	}
	loc := ov.Loc()
	if v, ok := ov.Values[key]; ok && v.Set && v.Pos.Line > 0 {
		loc = v.Loc()
	}
	if loc.File == "" {
		loc.File = c.path
	}
	return loc
}

// warnOption adds a warning about option i's key, prefixed with the option.
func (c *checker) warnOption(i int, o *model.Option, key, format string, args ...any) {
	l := c.optionLoc(i, o.Name, key)
	c.out.Warnf(l.File, l.Line, l.Col, "option."+key, "%s: "+format, append([]any{scenarios.OptionLabel(i, o.Name)}, args...)...)
}
