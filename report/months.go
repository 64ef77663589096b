package report

import (
	"encoding/json"
	"strconv"

	"github.com/tunecost/tunecost/model"
)

// A month in the machine formats is its index, its queries, every cost
// category of model's registry and the running totals, in the contract's
// order (docs/json.md): the categories of the first version, total and
// cumulative, then the categories added since (model.CostCategory.Late).
// §9's categories appear only where quality is modelled: the JSON key in a
// scenario that models it, the CSV column when any exported scenario does
// (empty for the others).
var earlyCategories, lateCategories = splitCategories(model.CostCategories())

func splitCategories(all []model.CostCategory) (early, late []model.CostCategory) {
	for _, c := range all {
		if c.Late {
			late = append(late, c)
		} else {
			early = append(early, c)
		}
	}
	return early, late
}

// monthColumns are the CSV columns of a month, after scenario, option and
// kind; quality: some exported scenario models quality.
func monthColumns(quality bool) []string {
	out := []string{"month", "queries"}
	for _, c := range earlyCategories {
		out = append(out, c.Name)
	}
	out = append(out, "total", "cumulative")
	for _, c := range lateCategories {
		if quality || !c.Quality {
			out = append(out, c.Name)
		}
	}
	return out
}

// monthCells are a month's cells under monthColumns(withQuality), for a
// result that models quality or not.
func monthCells(rec []string, m *model.Month, r *model.Result, withQuality bool) []string {
	rec = append(rec, strconv.Itoa(m.Month), num(m.Queries))
	for _, c := range earlyCategories {
		rec = append(rec, num(c.Of(m)))
	}
	rec = append(rec, num(m.Total), num(m.Cumulative))
	for _, c := range lateCategories {
		switch {
		case !c.Quality || r.QualityModelled:
			rec = append(rec, num(c.Of(m)))
		case withQuality:
			rec = append(rec, "") // the column exists for another scenario
		}
	}
	return rec
}

// jsonMonth writes one month as a JSON object in the contract's key order.
type jsonMonth struct {
	m       *model.Month
	quality bool // the scenario models quality (§9)
}

func (j jsonMonth) MarshalJSON() ([]byte, error) {
	b := append([]byte(`{"month":`), strconv.Itoa(j.m.Month)...)
	var err error
	add := func(key string, v float64) {
		n, e := json.Marshal(v) // the encoder's own number form
		if e != nil {
			err = e
		}
		b = append(append(append(append(b, `,"`...), key...), `":`...), n...)
	}
	add("queries", j.m.Queries)
	for _, c := range earlyCategories {
		add(c.Name, c.Of(j.m))
	}
	add("total", j.m.Total)
	add("cumulative", j.m.Cumulative)
	for _, c := range lateCategories {
		if !c.Quality || j.quality {
			add(c.Name, c.Of(j.m))
		}
	}
	return append(b, '}'), err
}
