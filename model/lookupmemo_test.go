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

// TestAPIModelAtIsTheMap: an API model read in place answers what the
// map does, found or not, through the memo while it has room, then from
// the map into the caller's buffer; without a memo, from the map.
func TestAPIModelAtIsTheMap(t *testing.T) {
	cat := Catalog{APIModels: map[string]APIModel{}, memo: &lookupMemo{}}
	for i := range 6 {
		id := fmt.Sprintf("m%d", i)
		cat.APIModels[id] = APIModel{ID: id, InputPerMtok: float64(i) + 0.5}
	}
	plain := cat
	plain.memo = nil
	for round := range 3 {
		for i := range 9 {
			id := fmt.Sprintf("m%d", i) // a new string each time
			want, ok := cat.APIModels[id]
			for _, c := range []*Catalog{&cat, &plain} {
				var buf APIModel
				got, found := c.apiModelAt(id, &buf)
				if *got != want || found != ok {
					t.Fatalf("round %d, %s (memo %v): %+v %v, the map says %+v %v", round, id, c.memo != nil, *got, found, want, ok)
				}
			}
		}
	}
	if cat.memo.apiModels.n != len(cat.memo.apiModels.entries) {
		t.Fatalf("the memo holds %d models, want it full", cat.memo.apiModels.n)
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
