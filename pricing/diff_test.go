package pricing

import (
	"math"
	"testing"
)

// Diff lists entries added and removed, and every changed figure with its
// ratio, the largest change first (a halving outranks a 10 % rise; a figure
// that appears or a date that moves has no ratio and comes first).
func TestDiff(t *testing.T) {
	old := mustParse(t, "old.toml", head("old", "USD")+`
[[api_model]]
id = "a"
input_per_mtok = 1.32
output_per_mtok = 2
deprecated = 2027-01-01

[[api_model]]
id = "gone"
input_per_mtok = 1
output_per_mtok = 1

[[exchange_rate]]
from = "USD"
to = "EUR"
rate = 0.86
as_of = 2026-11-01
source = "x"
`)
	new := mustParse(t, "new.toml", head("new", "USD")+`
[[api_model]]
id = "a"
input_per_mtok = 0.66
output_per_mtok = 2.2
cached_input_per_mtok = 0.1
deprecated = 2027-02-01

[[api_model]]
id = "new"
input_per_mtok = 1
output_per_mtok = 1

[[exchange_rate]]
from = "EUR"
to = "USD"
rate = 1.25
as_of = 2026-11-01
source = "x"
`)
	d := Diff(old, new)
	if len(d.Added) != 1 || d.Added[0].ID != "new" || len(d.Removed) != 1 || d.Removed[0].ID != "gone" {
		t.Errorf("added %v removed %v", d.Added, d.Removed)
	}
	var keys []string
	for _, c := range d.Changed {
		keys = append(keys, c.Key)
	}
	// cached_input_per_mtok (new) and deprecated (a date) first, by key; then
	// input 1.32 → 0.66 (×0.5, |ln| 0.69) before output 2 → 2.2 (×1.1, 0.095).
	want := []string{"cached_input_per_mtok", "deprecated", "input_per_mtok", "output_per_mtok"}
	if len(keys) != len(want) || keys[0] != want[0] || keys[1] != want[1] || keys[2] != want[2] || keys[3] != want[3] {
		t.Fatalf("keys %v, want %v", keys, want)
	}
	if d.Changed[2].Ratio != 0.66/1.32 || math.Abs(d.Changed[3].Ratio-1.1) > 1e-12 || d.Changed[0].Old != nil || d.Changed[1].New != "2027-02-01" {
		t.Errorf("changes %+v", d.Changed)
	}
	// A rate written the other way round is compared from the new side: EUR→USD 1/0.86 before, 1.25 after.
	if len(d.Rates) != 1 || d.Rates[0].Old != 1/0.86 || d.Rates[0].New != 1.25 {
		t.Errorf("rates %+v", d.Rates)
	}
	if !Diff(old, old).Empty() {
		t.Error("a sheet differs from itself")
	}
}
