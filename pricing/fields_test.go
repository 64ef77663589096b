package pricing

import (
	"os"
	"slices"
	"testing"
)

// Every key a sheet can give comes back from Fields, in FieldKeys order.
func TestFieldsListEveryKey(t *testing.T) {
	data, err := os.ReadFile("testdata/every-field.toml")
	if err != nil {
		t.Fatal(err)
	}
	sh, diags := Parse("every-field.toml", data)
	if len(diags) != 0 {
		t.Fatal(diags)
	}
	var got []string
	for _, e := range sh.Entries {
		if e.ID == "b" { // a's successor, only there to exist
			continue
		}
		for _, f := range e.Fields() {
			got = append(got, f.Key)
		}
	}
	if !slices.Equal(got, FieldKeys) {
		t.Errorf("fields\n%v\nwant\n%v", got, FieldKeys)
	}
	offer := sh.Entries[1].Fields()
	if offer[0] != (Field{"gpu", "g"}) || offer[1] != (Field{"gpus", 8}) || offer[2] != (Field{"on_demand_hourly", 50.0}) {
		t.Errorf("offer fields %v", offer)
	}
}
