package model

import (
	"fmt"
	"time"
)

// The money fields of each catalog table (MODEL.md v3 Conventions): what a
// conversion between currencies multiplies. Token counts, TFLOPS,
// bandwidths and dates are never converted.

// Scaled returns the offer with its hourly prices multiplied by f.
func (o Offer) Scaled(f float64) Offer {
	o.OnDemandHourly *= f
	o.SpotHourly *= f
	o.ReservedHourly *= f
	return o
}

// Scaled returns the model with every price multiplied by f.
func (m APIModel) Scaled(f float64) APIModel {
	for _, p := range []*float64{&m.InputPerMtok, &m.OutputPerMtok, &m.CachedInputPerMtok, &m.BatchInputPerMtok, &m.BatchCachedInputPerMtok,
		&m.BatchOutputPerMtok, &m.LongInputPerMtok, &m.LongOutputPerMtok, &m.TrainPerMtok, &m.FTInputPerMtok,
		&m.FTOutputPerMtok, &m.FTHostingHourly, &m.FTStorageMonthly, &m.FTMinCharge} {
		*p *= f
	}
	return m
}

// Scaled returns the embedding with its price multiplied by f.
func (e Embedding) Scaled(f float64) Embedding {
	e.PerMtok *= f
	return e
}

// Scaled returns the database with its prices multiplied by f.
func (v VectorDB) Scaled(f float64) VectorDB {
	v.MonthlyBase *= f
	v.PerGBMonth *= f
	v.PerMQuery *= f
	return v
}

// Conversion is how a sheet's prices were brought into the scenario's
// currency (MODEL.md v3 Conventions): every money field multiplied by
// Factor, which is the rate as written or, written the other way round,
// its inverse.
type Conversion struct {
	Sheet    string  // the converted sheet's name
	From, To string  // its currency, the scenario's
	Factor   float64 // one From costs Factor To
	// The rate chosen, as its sheet writes it.
	RateFrom, RateTo string
	Rate             float64
	AsOf             time.Time
	RateSheet        string
	Source           string
}

// traceConversions records, for each catalog entry the option is priced
// with whose prices were converted into the scenario's currency, the rate,
// its as_of and its sheet (MODEL.md v3 Conventions: each converted price's
// derivation names them).
func traceConversions(o *Option, cat *Catalog, t *tracer) {
	if t == nil {
		return
	}
	for _, e := range entriesUsed(o, cat) {
		c := e.Conversion
		if c == nil {
			continue
		}
		label := fmt.Sprintf("%s %q converted from %s to %s at the rate as of %s in sheet %q", e.Table, e.ID, c.From, c.To,
			c.AsOf.Format(time.DateOnly), c.RateSheet)
		expr := "price in " + c.From + " · rate"
		if c.RateFrom != c.From {
			expr = "price in " + c.From + " / rate (" + c.RateFrom + "→" + c.RateTo + ", used as its inverse)"
		}
		t.add("currency."+e.Table+"/"+e.ID, label, "Conventions", expr, UnitCount, c.Factor, count("rate", c.Rate))
	}
}
