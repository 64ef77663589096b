package pricing

import (
	"maps"

	"github.com/tunecost/tunecost/diag"
)

// ReadType is how a sheet reads a field's value.
type ReadType string

// Field types.
const (
	FieldNumber ReadType = "number"  // an integer or a float
	FieldWhole  ReadType = "integer" // a whole number
	FieldText   ReadType = "string"
	FieldFlag   ReadType = "boolean"
	FieldDate   ReadType = "date" // a TOML local date or "YYYY-MM-DD"
)

// ReadField is one key of a sheet's table as its reader reads it: the
// registry a JSON Schema of sheets is generated from.
type ReadField struct {
	Key      string
	Type     ReadType
	Required bool // always required (some are required only with another field)
	// Min is a number's or whole number's least value; ExclusiveMin says
	// the number must be greater (> 0).
	Min          float64
	ExclusiveMin bool
}

// SheetSpec is every table's fields — "sheet" for the [sheet] header, then
// each of Tables, then "exchange_rate" — recorded by running the very readers Parse uses on
// empty tables. A field required in one shape of a table but not in another
// (intermediate, which a mixture of experts may leave out) is not Required.
func SheetSpec() map[string][]ReadField {
	out := map[string][]ReadField{}
	out["sheet"] = record(func(r *entryReader) { (&Sheet{}).readHeaderFields(r) }, nil)
	for _, t := range Tables {
		read := func(r *entryReader) { (&Sheet{}).readEntry(t, r) }
		plain := record(read, nil)
		for _, shape := range shapes[t] {
			plain = intersectRequired(plain, record(read, shape))
		}
		out[string(t)] = plain
	}
	out[string(TableExchangeRate)] = record(func(r *entryReader) { (&Sheet{}).readRate(r) }, nil)
	return out
}

// shapes are the other forms a table's entries take, whose requirements
// differ: a mixture-of-experts model.
var shapes = map[Table][]map[string]any{
	TableOpenModel: {{"experts": int64(8)}},
}

// record runs read on a table holding only given and returns the fields
// it asked for, each once, in order.
func record(read func(*entryReader), given map[string]any) []ReadField {
	var spec []ReadField
	r := &entryReader{m: maps.Clone(given), loc: newLocator(nil), diags: &diag.List{}, spec: &spec}
	if r.m == nil {
		r.m = map[string]any{}
	}
	read(r)
	var out []ReadField
	seen := map[string]bool{}
	for _, f := range spec {
		if !seen[f.Key] {
			seen[f.Key] = true
			out = append(out, f)
		}
	}
	return out
}

// intersectRequired keeps a field required only when b requires it too.
func intersectRequired(a, b []ReadField) []ReadField {
	req := map[string]bool{}
	for _, f := range b {
		req[f.Key] = f.Required
	}
	for i := range a {
		a[i].Required = a[i].Required && req[a[i].Key]
	}
	return a
}
