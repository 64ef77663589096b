package model

import (
	"fmt"
	"testing"
)

// TestTableMemoIsTheMap: a remembered look-up answers what the map does,
// found or not, for more ids than it keeps, for an id given again at
// another address, and the same answer every time.
func TestTableMemoIsTheMap(t *testing.T) {
	m := map[string]GPU{}
	for i := range 6 {
		id := fmt.Sprintf("g%d", i)
		m[id] = GPU{ID: id, MemoryGB: float64(10 * i)}
	}
	var memo tableMemo[GPU]
	for round := range 3 {
		for i := range 9 {
			id := fmt.Sprintf("g%d", i) // a new string each time
			got, found := memo.get(m, id)
			want, ok := m[id]
			if got != want || found != ok {
				t.Fatalf("round %d, %s: %+v %v, the map says %+v %v", round, id, got, found, want, ok)
			}
		}
	}
}

// TestEvaluatorForgetsLookupsOfAnotherCatalog: an Evaluator that priced
// with one catalog prices with another (new maps, other prices) from the
// new one's entries.
func TestEvaluatorForgetsLookupsOfAnotherCatalog(t *testing.T) {
	var e Evaluator
	s := testScenario()
	if _, err := e.Lean(s, testCatalog()); err != nil {
		t.Fatal(err)
	}
	dearer := testCatalog()
	for id, off := range dearer.Offers {
		off.OnDemandHourly *= 3
		dearer.Offers[id] = off
	}
	for id, api := range dearer.APIModels {
		api.InputPerMtok *= 3
		dearer.APIModels[id] = api
	}
	got, err := e.Lean(s, dearer)
	if err != nil {
		t.Fatal(err)
	}
	want := evaluate(t, s)
	want2, err := Evaluate(s, dearer)
	if err != nil {
		t.Fatal(err)
	}
	for i := range want2.Options {
		if got.Options[i].Total != want2.Options[i].Total || got.Options[i].Total == want.Options[i].Total {
			t.Errorf("%s: %v after the catalog changed; the new catalog gives %v, the old %v",
				want2.Options[i].Name, got.Options[i].Total, want2.Options[i].Total, want.Options[i].Total)
		}
	}
}
