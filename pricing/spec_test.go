package pricing

import "testing"

// TestSheetSpec: the spec is what the readers ask for — a GPU's three
// required numbers and optional fp8_tflops, an open model's intermediate
// optional (a mixture of experts may leave it out), the header's currency.
func TestSheetSpec(t *testing.T) {
	spec := SheetSpec()
	find := func(table, key string) ReadField {
		for _, f := range spec[table] {
			if f.Key == key {
				return f
			}
		}
		t.Fatalf("%s has no %s: %+v", table, key, spec[table])
		return ReadField{}
	}
	if f := find("gpu", "memory_gb"); f.Type != FieldNumber || !f.Required || !f.ExclusiveMin {
		t.Errorf("gpu memory_gb %+v", f)
	}
	if f := find("gpu", "fp8_tflops"); f.Required {
		t.Errorf("fp8_tflops %+v", f)
	}
	if f := find("open_model", "intermediate"); f.Type != FieldWhole || f.Required || f.Min != 1 {
		t.Errorf("intermediate %+v", f)
	}
	if f := find("open_model", "layers"); !f.Required {
		t.Errorf("layers %+v", f)
	}
	if f := find("sheet", "currency"); f.Type != FieldText || !f.Required {
		t.Errorf("currency %+v", f)
	}
	if f := find("api_model", "id"); !f.Required {
		t.Errorf("id %+v", f)
	}
	if f := find("offer", "as_of"); f.Type != FieldDate || f.Required {
		t.Errorf("as_of %+v", f)
	}
	if f := find("exchange_rate", "rate"); f.Type != FieldNumber || !f.Required || !f.ExclusiveMin {
		t.Errorf("exchange_rate rate %+v", f)
	}
	if len(spec) != len(Tables)+2 { // [sheet] and [[exchange_rate]] besides the catalog's tables
		t.Errorf("%d tables", len(spec))
	}
}
