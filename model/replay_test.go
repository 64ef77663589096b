package model

import (
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"sync"
	"testing"
)

// TestMonthsReplayIsTheStoredMonths: on random volumes, growths, horizons,
// accuracies, decays and prices of testScenario's three kinds and a
// managed fine-tune, Evaluate's months, replayed when first read, are to
// the bit the months EvaluateLean stores as it prices them, and what
// Evaluate summed without keeping them (crossovers, F28) is what the
// months give, as the code before the replay read them.
func TestMonthsReplayIsTheStoredMonths(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 2026))
	priced := 0
	for range 300 {
		s := testScenario()
		s.Options = append(s.Options, managedOption())
		s.HorizonMonths = float64(1 + rng.IntN(60))
		s.Workload.QueriesPerMonth = math.Floor(math.Pow(10, 2+5*rng.Float64()))
		s.Workload.MonthlyGrowth = []float64{0, 0.001, rng.Float64() * 0.2}[rng.IntN(3)]
		if rng.IntN(3) > 0 {
			s.Workload.CostPerError, s.Workload.HasCostPerError = rng.Float64()*3, true
			s.Workload.ValuePerSuccess, s.Workload.HasValuePerSuccess = rng.Float64(), rng.IntN(2) == 0
			for i := range s.Options {
				o := &s.Options[i]
				o.Accuracy, o.HasAccuracy = 0.5+rng.Float64()/2, true
				if o.Kind.Retunes() {
					o.AccuracyDecayPerMonth = []float64{0, 0.01, rng.Float64() * 0.05}[rng.IntN(3)]
					o.RetuneEveryMonths = float64(rng.IntN(8))
				}
			}
		}
		res, err := Evaluate(s, testCatalog())
		if err != nil {
			continue // refused alike: TestEvaluatorValidatesAsEvaluateLean
		}
		priced++
		sameAsStored(t, s, testCatalog(), &res)
	}
	if priced < 250 {
		t.Fatalf("only %d of 300 random scenarios priced", priced)
	}
}

// TestMonthsReplayOfManyOptions: a run whose options × months do not fit
// the cumulative costs kept on the stack (cumsOnStack) has the same
// crossovers and months as one that does.
func TestMonthsReplayOfManyOptions(t *testing.T) {
	for _, h := range []float64{36, 120} {
		s := testScenario()
		s.HorizonMonths = h
		base := s.Options
		s.Options = nil
		for i := range 12 {
			o := base[i%len(base)]
			o.Name = fmt.Sprintf("%s %d", o.Name, i)
			o.MaintenanceHoursPerMonth = float64(i) // cumulative costs that cross
			s.Options = append(s.Options, o)
		}
		if n := int(h) * len(s.Options); (n <= cumsOnStack) == (h == 120) {
			t.Fatalf("%d cumulative costs: the case does not test what it says", n)
		}
		res := evaluate(t, s)
		if len(res.Crossovers) == 0 {
			t.Fatalf("horizon %g: no crossovers to compare", h)
		}
		sameAsStored(t, s, testCatalog(), &res)
	}
}

// sameAsStored fails unless res (Evaluate's, of s) replays the months
// EvaluateLean stores, lists the entries entriesUsed lists, and has the
// crossovers and F28 cadences its months give.
func sameAsStored(t *testing.T, s Scenario, cat Catalog, res *Result) {
	t.Helper()
	lean, err := EvaluateLean(s, cat)
	if err != nil {
		t.Fatalf("EvaluateLean refuses what Evaluate priced: %v", err)
	}
	for i := range res.Options {
		o := &res.Options[i]
		got, want := o.Months(), lean.Options[i].Months()
		if len(got) != len(want) || len(want) != res.HorizonMonths {
			t.Fatalf("%s: %d months replayed, %d stored, horizon %d", o.Name, len(got), len(want), res.HorizonMonths)
		}
		for m := range want {
			if g, w := monthBits(&got[m]), monthBits(&want[m]); !slices.Equal(g, w) {
				t.Fatalf("%s month %d: replayed %+v, stored %+v", o.Name, m, got[m], want[m])
			}
		}
		if !reflect.DeepEqual(o.Entries(), entriesUsed(&s.Options[i], &cat)) {
			t.Fatalf("%s: entries %v, want %v", o.Name, o.Entries(), entriesUsed(&s.Options[i], &cat))
		}
		if o.Quality != nil && o.Quality.HasBestRetune {
			stored := *o
			stored.months = got
			every, saves := bestRetuneBySum(&stored, newQualityParams(&s, &s.Options[i]), int(s.Options[i].RetuneEveryMonths))
			if every != o.Quality.BestRetuneEvery || math.Float64bits(saves) != math.Float64bits(o.Quality.BestRetuneSaves) {
				t.Fatalf("%s: F28 %d saving %v, from the months %d saving %v", o.Name, o.Quality.BestRetuneEvery, o.Quality.BestRetuneSaves, every, saves)
			}
		}
	}
	if want := crossoversOfMonths(res.Options); !slices.Equal(res.Crossovers, want) {
		t.Fatalf("crossovers %v, from the months %v", res.Crossovers, want)
	}
}

// monthBits is every field of a month, as bits.
func monthBits(m *Month) []uint64 {
	v := reflect.ValueOf(*m)
	out := make([]uint64, v.NumField())
	for i := range out {
		if f := v.Field(i); f.CanFloat() {
			out[i] = math.Float64bits(f.Float())
		} else {
			out[i] = uint64(f.Int())
		}
	}
	return out
}

// crossoversOfMonths is F24 from the stored months' cumulative costs.
func crossoversOfMonths(opts []OptionResult) []Crossover {
	var cums []float64
	for i := range opts {
		for _, m := range opts[i].Months() {
			cums = append(cums, m.Cumulative)
		}
	}
	return crossovers(opts, cums)
}

// TestMonthsAndEntriesReadConcurrently: the first Months and Entries of a
// result may come from several goroutines at once (go test -race).
func TestMonthsAndEntriesReadConcurrently(t *testing.T) {
	res := evaluate(t, testScenario())
	lean, err := EvaluateLean(testScenario(), testCatalog())
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			o := res.Options[g%len(res.Options)] // a copy shares what it replays
			if len(o.Months()) != res.HorizonMonths || o.Entries() == nil {
				t.Errorf("%s: %d months, entries %v", o.Name, len(o.Months()), o.Entries())
			}
		})
	}
	wg.Wait()
	for i := range res.Options {
		if !reflect.DeepEqual(res.Options[i].Months(), lean.Options[i].Months()) {
			t.Errorf("%s: months differ from the stored ones", res.Options[i].Name)
		}
	}
}

// TestResultsBuiltByHandKeepTheirMonths: a result made by hand (a fake)
// has the months and entries it was given, and none otherwise.
func TestResultsBuiltByHandKeepTheirMonths(t *testing.T) {
	var o OptionResult
	if o.Months() != nil || o.Entries() != nil {
		t.Fatal("a bare result has months or entries")
	}
	o.SetMonths([]Month{{Cumulative: 1}})
	o.SetEntries([]EntryRef{{Table: TableGPU, ID: "a100"}})
	if len(o.Months()) != 1 || o.Entries()[0].ID != "a100" {
		t.Fatalf("months %v, entries %v", o.Months(), o.Entries())
	}
}
