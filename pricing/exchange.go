package pricing

import (
	"strconv"
	"time"

	"github.com/tunecost/tunecost/diag"
	"github.com/tunecost/tunecost/model"
)

// TableExchangeRate is the [[exchange_rate]] array (MODEL.md v3 §1). Rates
// have no id and are not catalog entries: a sheet keeps them in Rates.
const TableExchangeRate Table = "exchange_rate"

// ExchangeRate is one dated rate: one From costs Rate of To. It joins the two
// currencies both ways (the inverse is 1/Rate).
type ExchangeRate struct {
	From, To string // ISO 4217 codes
	Rate     float64
	AsOf     time.Time
	Source   string
	Sheet    string // the sheet's name
	File     string
	Line     int // of the entry's header
	Col      int
}

// Joins reports whether the rate joins currencies a and b, either way round.
func (x ExchangeRate) Joins(a, b string) bool {
	return x.From == a && x.To == b || x.From == b && x.To == a
}

// pairKey names a rate's two currencies without their order, and its day:
// two rates with one key in one sheet are an error.
func (x ExchangeRate) pairKey() string {
	a, b := x.From, x.To
	if b < a {
		a, b = b, a
	}
	return a + "/" + b + "@" + x.AsOf.Format(time.DateOnly)
}

// readRates reads the sheet's [[exchange_rate]] tables into sh.Rates.
func (sh *Sheet) readRates(v any, loc locator, diags *diag.List) {
	items, ok := tableItems(v)
	if !ok {
		p := loc.key(string(TableExchangeRate))
		diags.Errorf(sh.File, max(p.Line, 1), max(p.Col, 1), string(TableExchangeRate),
			"exchange_rate must be an array of tables ([[exchange_rate]]), not %s", typeName(v))
		return
	}
	if len(items) > MaxEntries {
		p := loc.key(string(TableExchangeRate), strconv.Itoa(MaxEntries))
		diags.Errorf(sh.File, max(p.Line, 1), max(p.Col, 1), string(TableExchangeRate), "too many exchange rates: more than %d in one sheet", MaxEntries)
		return
	}
	seen := map[string]position{}
	for i, m := range items {
		r := &entryReader{file: sh.File, path: []string{string(TableExchangeRate), strconv.Itoa(i)},
			table: TableExchangeRate, index: i, m: m, loc: loc, diags: diags}
		before := len(*diags)
		x := sh.readRate(r)
		if len(*diags) > before {
			continue
		}
		if first, dup := seen[x.pairKey()]; dup {
			r.errorf("as_of", "a second rate between %s and %s as of %s in one sheet; the first is at line %d",
				x.From, x.To, x.AsOf.Format(time.DateOnly), first.Line)
			continue
		}
		seen[x.pairKey()] = r.header()
		sh.Rates = append(sh.Rates, x)
	}
}

// maxRate bounds a rate both ways: far beyond any two real currencies, and
// a converted price stays finite.
const maxRate = 1e9

// readRate reads one rate: two different currency codes, a rate > 0, a date
// (a rate without one could not be chosen by date) and a source.
func (sh *Sheet) readRate(r *entryReader) ExchangeRate {
	x := ExchangeRate{Sheet: sh.Name, File: sh.File}
	x.From = r.currency("from")
	x.To = r.currency("to")
	if x.From != "" && x.From == x.To {
		r.errorf("to", "to must differ from from (%s)", x.From)
	}
	x.Rate, _ = r.number("rate", required, positive)
	if x.Rate > maxRate || (x.Rate > 0 && x.Rate < 1/maxRate) {
		r.errorf("rate", "rate = %s is implausible: one currency unit is worth between 1e-9 and 1e9 of another", formatNumber(x.Rate))
	}
	x.AsOf = r.date("as_of", required, time.Time{})
	x.Source = r.text("source", required)
	r.unknown()
	h := r.header()
	x.Line, x.Col = h.Line, h.Col
	return x
}

// currency reads a required ISO 4217 code.
func (r *entryReader) currency(key string) string {
	c := r.text(key, required)
	if c == "" {
		return ""
	}
	if !currencyPattern.MatchString(c) {
		r.errorf(key, "%s must be three upper-case letters (ISO 4217), got %q", key, c)
		return ""
	}
	return c
}

// layerRates stacks the sheets' rates: a rate for the same two currencies
// and day in a later sheet replaces the earlier sheet's (MODEL.md v3 §1).
func layerRates(sheets []*Sheet) []ExchangeRate {
	var out []ExchangeRate
	at := map[string]int{}
	for _, sh := range sheets {
		if sh == nil {
			continue
		}
		for _, x := range sh.Rates {
			if i, ok := at[x.pairKey()]; ok {
				out[i] = x
				continue
			}
			at[x.pairKey()] = len(out)
			out = append(out, x)
		}
	}
	return out
}

// chooseRate is MODEL.md v3's rate from one currency to another on today:
// among the rates that join the two directly (either way round), the one
// whose as_of is the latest on or before today; a rate dated after today is
// skipped, and no chain runs through a third currency.
func chooseRate(rates []ExchangeRate, from, to string, today time.Time) (ExchangeRate, float64, bool) {
	var best ExchangeRate
	found := false
	for _, x := range rates {
		if !x.Joins(from, to) || x.AsOf.After(today) {
			continue
		}
		if !found || x.AsOf.After(best.AsOf) {
			best, found = x, true
		}
	}
	if !found {
		return ExchangeRate{}, 0, false
	}
	if best.From == from {
		return best, best.Rate, true
	}
	return best, 1 / best.Rate, true
}

// converted returns the sheet with every money field of its entries
// multiplied by factor, in currency to; the sheet itself is left alone.
func (sh *Sheet) converted(to string, factor float64, conv *model.Conversion) *Sheet {
	out := *sh
	out.Currency = to
	out.conversion = conv
	out.Entries = make([]Entry, len(sh.Entries))
	for i, e := range sh.Entries {
		e.Item = scaleMoney(e.Item, factor)
		out.Entries[i] = e
	}
	return &out
}

// scaleMoney multiplies a catalog item's money fields by f; GPUs and open
// models have none.
func scaleMoney(item any, f float64) any {
	switch v := item.(type) {
	case model.Offer:
		return v.Scaled(f)
	case model.APIModel:
		return v.Scaled(f)
	case model.Embedding:
		return v.Scaled(f)
	case model.VectorDB:
		return v.Scaled(f)
	}
	return item
}

// Target is the currency a catalog is layered into and the day its rates
// are chosen on; File, Line and Col are where the scenario asks for that
// currency (an error about a missing rate goes there), zero for none.
type Target struct {
	Currency  string
	Today     time.Time
	File      string
	Line, Col int
}

// LayerIn is Layer into the target's currency on its day: a sheet in
// another currency has every money field converted (MODEL.md v3
// Conventions) at the rate chooseRate picks among every sheet's
// [[exchange_rate]] entries. A sheet with no such rate is left out, with an
// error naming both currencies and the sheet, at the target's position
// (else at the sheet's currency). The catalog lists the conversions.
func LayerIn(target Target, sheets ...*Sheet) (*Catalog, diag.List) {
	to, today := target.Currency, target.Today
	rates := layerRates(sheets)
	var diags diag.List
	var convs []model.Conversion
	out := make([]*Sheet, 0, len(sheets))
	for _, sh := range sheets {
		if sh == nil || sh.Currency == "" || sh.Currency == to {
			out = append(out, sh)
			continue
		}
		x, factor, ok := chooseRate(rates, sh.Currency, to, today)
		if !ok {
			file, line, col := sh.File, sh.currencyAt.Line, sh.currencyAt.Col
			if target.File != "" {
				file, line, col = target.File, target.Line, target.Col
			}
			diags.Errorf(file, max(line, 1), max(col, 1), "currency",
				"sheet %q (%s) is in %s and the scenario in %s, but no [[exchange_rate]] joining %s and %s is dated on or before %s: add one to a sheet (from, to, rate, as_of, source)",
				sh.Name, sh.File, sh.Currency, to, sh.Currency, to, today.Format(time.DateOnly))
			continue
		}
		conv := &model.Conversion{Sheet: sh.Name, From: sh.Currency, To: to, Factor: factor,
			RateFrom: x.From, RateTo: x.To, Rate: x.Rate, AsOf: x.AsOf, RateSheet: x.Sheet, Source: x.Source}
		convs = append(convs, *conv)
		out = append(out, sh.converted(to, factor, conv))
	}
	cat, more := Layer(out...)
	cat.Conversions = convs
	return cat, append(diags, more...)
}
