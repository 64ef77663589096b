package lint

import (
	"fmt"
	"math"
	"strconv"

	"github.com/tunecost/tunecost/diag"
	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/scenarios"
)

// plausibility is an input's bound beyond which a value is far outside
// practice: valid, so the engine prices it, but most likely a typing slip
// (a percentage typed as a fraction, a yearly salary as an hourly rate).
// docs/model.md lists the bounds; TestPlausibilityTableIsDocumented keeps
// the two in step.
type plausibility struct {
	path  string  // the field: "workload.monthly_growth", "option.epochs"
	above float64 // warn when the value is greater
	// implied says what the value means, and what is expected, after
	// "<key> = <value>": v is the value, s the scenario.
	implied func(v float64, s *model.Scenario) string
}

// Practice figures the messages and bounds rest on.
const (
	hoursPerYear   = 1760 // 220 working days of 8 hours
	hoursPerMonth  = 730  // a month of wall-clock hours, as the engine uses
	fullTimeMonthH = 160  // one person's working hours in a month
)

var plausibilities = []plausibility{
	{"workload.monthly_growth", 0.5, func(v float64, s *model.Scenario) string {
		last := max(s.HorizonMonths, 1)
		return fmt.Sprintf("= %s %% a month: month %s carries %s × month 1's traffic; a fraction is expected (0.05 = 5 %% a month)",
			format.Number(v*100, 0), format.Number(last, 0), magnitude(math.Pow(1+v, last-1)))
	}},
	{"workload.queries_per_month", 1e10, func(v float64, _ *model.Scenario) string {
		return fmt.Sprintf("= %s queries a second on average, more than the largest public chat services serve", magnitude(v/(hoursPerMonth*3600)))
	}},
	{"workload.input_tokens", 1e6, func(float64, *model.Scenario) string {
		return "tokens per query is beyond any model's context window (most take 128k–200k, the largest about 1–2 million)"
	}},
	{"workload.output_tokens", 1e5, func(float64, *model.Scenario) string {
		return "tokens per answer is more than models write in one answer (most stop at 8k–32k)"
	}},
	{"workload.peak_to_average", 100, func(float64, *model.Scenario) string {
		return "means the peak hour carries 100 times the average or more; web traffic peaks at 2–10 times"
	}},
	{"team.hourly_rate", 1000, yearlyRate},
	{"team.expert_hourly_rate", 1000, yearlyRate},
	{"option.prompt_overhead_tokens", 1e6, func(float64, *model.Scenario) string {
		return "tokens of prompt per query is beyond any model's context window (most take 128k–200k, the largest about 1–2 million)"
	}},
	{"option.tokens_per_example", 1e6, func(float64, *model.Scenario) string {
		return "tokens per training example is beyond any model's context window; examples are usually hundreds to a few thousand tokens"
	}},
	{"option.train_examples", 1e8, func(float64, *model.Scenario) string {
		return "examples is pre-training scale; fine-tunes use hundreds to hundreds of thousands"
	}},
	{"option.epochs", 20, func(v float64, _ *model.Scenario) string {
		return fmt.Sprintf("shows every example %s times; fine-tunes run 1–5 epochs, more learn the examples by heart", format.Number(v, 0))
	}},
	{"option.corpus_tokens", 1e12, func(float64, *model.Scenario) string {
		return "tokens is the size of a web crawl; a company's documents are usually 1 million to 1 billion tokens"
	}},
	{"option.maintenance_hours_per_month", 800, func(v float64, _ *model.Scenario) string {
		return fmt.Sprintf("hours a month is %s people full time (%d h a month each)", plainFigure(math.Round(v/fullTimeMonthH*10)/10), fullTimeMonthH)
	}},
}

// yearlyRate explains an hourly rate as the year it adds up to.
func yearlyRate(v float64, s *model.Scenario) string {
	return fmt.Sprintf("an hour is %s %s a year at %s hours: a loaded rate is usually 50–300 an hour; was a yearly salary typed?",
		magnitude(v*hoursPerYear), s.Currency, format.Number(hoursPerYear, 0))
}

// magnitude writes a figure people can read at any size: 3,805 or 1.2e21.
func magnitude(v float64) string {
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return "more than 1e308"
	}
	if math.Abs(v) < 1e6 {
		return format.Number(v, 0)
	}
	exp := math.Floor(math.Log10(math.Abs(v)))
	mant := v / math.Pow(10, exp)
	if math.Round(mant*10)/10 >= 10 { // 9.97e5 rounds to 10.0: carry
		mant, exp = mant/10, exp+1
	}
	return strconv.FormatFloat(mant, 'f', 1, 64) + "e" + strconv.Itoa(int(exp))
}

// Implausible is the plausibility rule alone, for a file that does not
// resolve: its implausible values are told in the same run as its errors
// (s may be partly resolved; its options name the file's).
func Implausible(f *scenarios.File, s *model.Scenario) diag.List {
	c := &checker{in: &Input{File: f, Scenario: *s}}
	if f != nil {
		c.path = f.Path
	}
	c.implausible()
	return c.out
}

// implausible warns about every written value beyond its plausibility
// bound, at the value; for a range, about its largest written figure.
func (c *checker) implausible() {
	if c.in.File == nil {
		return
	}
	s := &c.in.Scenario
	for _, p := range plausibilities {
		f, ok := model.FieldByPath(p.path)
		if !ok || f.Type != model.Number {
			continue // a field the model no longer has
		}
		if f.Section != model.SectionOption {
			c.implausibleValue(p, f, c.sectionValue(f), "", scenarios.Loc{})
			continue
		}
		for i := range s.Options {
			o := &s.Options[i]
			ov := c.optionValues(i, o.Name)
			if ov == nil {
				continue
			}
			c.implausibleValue(p, f, ov.Values[f.Key], scenarios.OptionLabel(i, o.Name)+": ", c.optionLoc(i, o.Name, f.Key))
		}
	}
}

// sectionValue is the file's value of a scenario-level field.
func (c *checker) sectionValue(f *model.Field) scenarios.Value {
	switch f.Section {
	case model.SectionWorkload:
		return c.in.File.Workload[f.Key]
	case model.SectionTeam:
		return c.in.File.Team[f.Key]
	}
	return c.in.File.Top[f.Key]
}

// implausibleValue warns when v, as written, passes p's bound. loc is the
// option's position for option fields (zero: v's own).
func (c *checker) implausibleValue(p plausibility, f *model.Field, v scenarios.Value, prefix string, loc scenarios.Loc) {
	if !v.Set {
		return // a default is never the slip this looks for
	}
	figure, label := v.Num, f.Key
	if v.Range != nil && v.Range.High > v.Range.Likely {
		figure, label = v.Range.High, f.Key+" high"
		if v.Range.Likely > p.above {
			figure, label = v.Range.Likely, f.Key
		}
	}
	if !(figure > p.above) {
		return
	}
	if loc.Line == 0 {
		loc = v.Loc()
	}
	if loc.File == "" {
		loc.File = c.path
	}
	c.out.Warnf(loc.File, loc.Line, loc.Col, f.Path(), "%s%s = %s %s; plausible up to %s",
		prefix, label, plainFigure(figure), p.implied(figure, &c.in.Scenario), plainFigure(p.above))
}

// plainFigure writes an input as people type it: 3, 0.5, 700,000, 1e12.
func plainFigure(v float64) string {
	if math.Abs(v) >= 1e9 {
		return magnitude(v)
	}
	if v == math.Trunc(v) {
		return format.Number(v, 0)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}
