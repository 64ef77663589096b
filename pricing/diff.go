package pricing

import (
	"cmp"
	"math"
	"slices"
)

// SheetDiff is what changed between two sheets: the review of a refresh.
type SheetDiff struct {
	Added, Removed []Entry        // by table (listing order), then id
	Changed        []FigureChange // largest change first
	Rates          []RateChange   // exchange rates added, removed or changed
}

// FigureChange is one figure of an entry present in both sheets.
type FigureChange struct {
	Table    Table
	ID       string
	Key      string
	Old, New any     // nil when the figure is absent on that side
	Ratio    float64 // New / Old for two non-zero numbers, else 0
}

// RateChange is an exchange rate (by its currencies and day) that one sheet
// has and the other has not, or has at another rate. Old or New is 0 when
// that side lacks it.
type RateChange struct {
	From, To string
	AsOf     string
	Old, New float64
}

// Empty reports whether nothing changed.
func (d SheetDiff) Empty() bool {
	return len(d.Added) == 0 && len(d.Removed) == 0 && len(d.Changed) == 0 && len(d.Rates) == 0
}

// Diff compares two sheets entry by entry (by table and id) and figure by
// figure (Entry.Fields); as_of, source, name and note are not figures.
func Diff(old, new *Sheet) SheetDiff {
	var d SheetDiff
	before := entriesByKey(old)
	after := entriesByKey(new)
	for k, e := range after {
		o, ok := before[k]
		if !ok {
			d.Added = append(d.Added, e)
			continue
		}
		d.Changed = append(d.Changed, figureChanges(o, e)...)
	}
	for k, e := range before {
		if _, ok := after[k]; !ok {
			d.Removed = append(d.Removed, e)
		}
	}
	byKey := func(a, b Entry) int {
		return cmp.Or(cmp.Compare(a.Table.rank(), b.Table.rank()), cmp.Compare(a.ID, b.ID))
	}
	slices.SortFunc(d.Added, byKey)
	slices.SortFunc(d.Removed, byKey)
	slices.SortFunc(d.Changed, func(a, b FigureChange) int {
		return cmp.Or(-cmp.Compare(a.Size(), b.Size()), cmp.Compare(a.Table.rank(), b.Table.rank()), cmp.Compare(a.ID, b.ID), cmp.Compare(a.Key, b.Key))
	})
	d.Rates = rateChanges(old, new)
	return d
}

// Size is how large a change is: |ln(ratio)| for two non-zero numbers, so
// that halving and doubling weigh the same; +Inf for anything else (a
// figure added or removed, a date or id changed, a number from or to zero).
func (c FigureChange) Size() float64 {
	if c.Ratio > 0 {
		return math.Abs(math.Log(c.Ratio))
	}
	return math.Inf(1)
}

func entriesByKey(sh *Sheet) map[entryKey]Entry {
	out := map[entryKey]Entry{}
	if sh == nil {
		return out
	}
	for _, e := range sh.Entries {
		out[entryKey{e.Table, e.ID}] = e
	}
	return out
}

// figureChanges lists the figures that differ between two versions of one entry.
func figureChanges(old, new Entry) []FigureChange {
	before := map[string]any{}
	for _, f := range old.Fields() {
		before[f.Key] = f.Value
	}
	after := map[string]any{}
	for _, f := range new.Fields() {
		after[f.Key] = f.Value
	}
	var out []FigureChange
	for _, k := range FieldKeys {
		o, inOld := before[k]
		n, inNew := after[k]
		if (!inOld && !inNew) || (inOld && inNew && o == n) {
			continue
		}
		out = append(out, FigureChange{Table: new.Table, ID: new.ID, Key: k, Old: o, New: n, Ratio: ratio(o, n)})
	}
	return out
}

func ratio(old, new any) float64 {
	o, ok1 := asNumber(old)
	n, ok2 := asNumber(new)
	if !ok1 || !ok2 || o == 0 || n == 0 {
		return 0
	}
	return n / o
}

func asNumber(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case int:
		return float64(x), true
	}
	return 0, false
}

// rateChanges compares the sheets' exchange rates by currencies and day.
func rateChanges(old, new *Sheet) []RateChange {
	index := func(sh *Sheet) map[string]ExchangeRate {
		out := map[string]ExchangeRate{}
		if sh != nil {
			for _, x := range sh.Rates {
				out[x.pairKey()] = x
			}
		}
		return out
	}
	before, after := index(old), index(new)
	var out []RateChange
	for k, x := range after {
		o, ok := before[k]
		switch {
		case !ok:
			out = append(out, RateChange{From: x.From, To: x.To, AsOf: x.AsOf.Format("2006-01-02"), New: x.Rate})
		case o.rateFrom(x.From) != x.Rate:
			out = append(out, RateChange{From: x.From, To: x.To, AsOf: x.AsOf.Format("2006-01-02"), Old: o.rateFrom(x.From), New: x.Rate})
		}
	}
	for k, o := range before {
		if _, ok := after[k]; !ok {
			out = append(out, RateChange{From: o.From, To: o.To, AsOf: o.AsOf.Format("2006-01-02"), Old: o.Rate})
		}
	}
	slices.SortFunc(out, func(a, b RateChange) int {
		return cmp.Or(cmp.Compare(a.From+a.To, b.From+b.To), cmp.Compare(a.AsOf, b.AsOf))
	})
	return out
}

// rateFrom is the rate expressed from currency from (its inverse when the
// sheet writes it the other way round).
func (x ExchangeRate) rateFrom(from string) float64 {
	if x.From == from {
		return x.Rate
	}
	return 1 / x.Rate
}
