package scenarios

import (
	"time"

	"github.com/tunecost/tunecost/diag"
	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/tomlpos"
)

// resolver checks a parsed file against the catalog.
type resolver struct {
	f     *File
	cat   *model.Catalog
	diags diag.List
	today time.Time // deprecations are counted from it
}

// errorf records an error at; an inherited value's Loc names its base file.
func (r *resolver) errorf(at Loc, field, format string, args ...any) {
	r.diags.Errorf(orPath(at.File, r.f.Path), at.Line, at.Col, field, format, args...)
}

func (r *resolver) warnf(at Loc, field, format string, args ...any) {
	r.diags.Warnf(orPath(at.File, r.f.Path), at.Line, at.Col, field, format, args...)
}

// Resolve checks what needs the catalog (references, hosting, offer
// prices, currency), applies every default and returns the scenario. The
// scenario is filled as far as possible even when there are errors; only
// use it when the list has none. A nil catalog skips the catalog checks.
func (f *File) Resolve(cat *model.Catalog) (model.Scenario, diag.List) {
	return f.ResolveOn(cat, Today())
}

// ResolveOn is Resolve with the date deprecations are counted from (--today).
func (f *File) ResolveOn(cat *model.Catalog, today time.Time) (model.Scenario, diag.List) {
	if cat == nil {
		empty := model.NewCatalog("")
		cat = &empty
	}
	r := &resolver{f: f, cat: cat, today: today}
	s := model.Scenario{Name: f.Name, Description: f.Description, Currency: f.Currency}
	if !today.IsZero() {
		s.Today = model.Day(today)
	}
	if s.Currency == "" {
		s.Currency = DefaultCurrency
	}
	if cat.Currency != "" && s.Currency != cat.Currency {
		at := Loc{f.Path, tomlpos.Pos{Line: 1, Col: 1}}
		if v, ok := f.Top["currency"]; ok {
			at = v.Loc()
		}
		r.errorf(at, "currency", "scenario currency %q does not match the price catalog's %q", s.Currency, cat.Currency)
	}
	for _, sec := range []model.Section{model.SectionTop, model.SectionWorkload, model.SectionTeam} {
		fill(model.SectionFields(sec), f.section(sec), &s, nil)
	}
	for i := range f.Options {
		s.Options = append(s.Options, r.option(i, &s))
	}
	r.diags.Sort()
	return s, r.diags
}

// fill sets the written values, then the defaults in registry order: the
// registry lists a field before any default that depends on it (hourly_rate
// before expert_hourly_rate, method and curation_hours before mfu and
// retune_curation_hours), and written values are all in place first.
func fill(fields []*model.Field, vals map[string]Value, s *model.Scenario, o *model.Option) {
	for _, fd := range fields {
		if v, ok := vals[fd.Key]; ok && v.Set {
			set(fd, s, o, v)
		}
	}
	for _, fd := range fields {
		if v, ok := vals[fd.Key]; ok && v.Set {
			continue
		}
		if o != nil && fd.Kinds != nil && !contains(fd.Kinds, o.Kind) {
			continue
		}
		switch fd.Type {
		case model.Number:
			if p := fd.Num(s, o); p != nil && fd.DefaultNum != nil {
				*p = fd.DefaultNum(s, o)
			}
		case model.Text:
			if p := fd.Text(s, o); p != nil && fd.DefaultText != "" {
				*p = fd.DefaultText
			}
		case model.Flag:
			if p := fd.Flag(s, o); p != nil {
				*p = fd.DefaultFlag
			}
		}
	}
}

func set(fd *model.Field, s *model.Scenario, o *model.Option, v Value) {
	if p := fd.Present(s, o); p != nil {
		*p = true // §9: a written accuracy or price models quality, whatever its value
	}
	if p := fd.Num(s, o); p != nil {
		*p = v.Num
	}
	if v.Counts != nil && o != nil { // F25a: accuracy = { correct, of }
		o.AccuracyCorrect, o.AccuracyOf = v.Counts.Correct, v.Counts.Of
	}
	if p := fd.Text(s, o); p != nil {
		*p = v.Text
	}
	if p := fd.Flag(s, o); p != nil {
		*p = v.Flag
	}
}

// option resolves one option: its serving model decides the hosting, which
// decides which fields apply; then defaults fill the rest.
func (r *resolver) option(i int, s *model.Scenario) model.Option {
	ov := r.f.Options[i]
	o := model.Option{Name: ov.Name, Kind: ov.Kind}
	fields := model.SectionFields(model.SectionOption)
	if ov.Kind == "" {
		return o // its kind was reported; nothing else can be judged
	}
	label := OptionLabel(i, ov.Name)
	h := r.hosting(ov, label)
	if h.known {
		r.applicability(i, ov, label, h)
		r.references(ov, label, h)
		r.prices(ov, label, h)
		r.hardware(ov, label, h)
		r.apiTier(ov, label, h)
	}
	fill(fields, ov.Values, s, &o)
	if h.known && !h.self {
		r.lifecycle(ov, label, s, &o)
	}
	return o
}
