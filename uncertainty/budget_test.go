package uncertainty

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"github.com/tunecost/tunecost/model"
)

// TestCapSamples works the cap out by hand: samples × options × months ≤
// WorkBudget (10,000,000), else ⌊10,000,000 / (options × months)⌋.
func TestCapSamples(t *testing.T) {
	cases := []struct {
		requested, options, months, want int
	}{
		{10000, 64, 120, 1302},   // 64·120 = 7,680; 10,000,000 / 7,680 = 1,302.08
		{10000, 10, 120, 8333},   // 1,200 a sample; 10,000,000 / 1,200 = 8,333.3
		{10000, 10, 100, 10000},  // 1,000 · 10,000 = 10,000,000: exactly the budget, kept
		{10000, 4, 36, 10000},    // the largest example: 1,440,000, far under
		{500, 64, 120, 500},      // 500 · 7,680 = 3,840,000: under, kept
		{10000, 100000, 1000, 1}, // 10⁸ a sample: not even one fits, one is drawn
		{10000, 0, 0, 10000},     // degenerate sizes count as one
	}
	for _, c := range cases {
		if got := CapSamples(c.requested, c.options, c.months); got != c.want {
			t.Errorf("CapSamples(%d, %d options, %d months) = %d, want %d", c.requested, c.options, c.months, got, c.want)
		}
	}
}

// wideScenario is testScenario with n copies of its options over months.
func wideScenario(n int, months float64) model.Scenario {
	s := testScenario()
	s.HorizonMonths = months
	base := s.Options
	s.Options = nil
	for i := range n {
		o := base[i%len(base)]
		o.Name = fmt.Sprintf("%s %d", o.Name, i)
		s.Options = append(s.Options, o)
	}
	return s
}

// TestMonteCarloCapped: 30 options × 120 months is 3,600 option-months a
// sample, so 10,000 asked become ⌊10,000,000 / 3,600⌋ = 2,777, and the run
// says so. The capped samples are the first 2,777 of the asked-for run:
// asking for 2,777 outright gives the same figures.
func TestMonteCarloCapped(t *testing.T) {
	s, cat := wideScenario(30, 120), testCatalog()
	in := []Input{ranged(t, "workload.queries_per_month", -1, 50000, 100000, 200000)}
	capped, err := MonteCarlo(context.Background(), s, cat, in, Config{Samples: 10000, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	if capped.Samples != 2777 || capped.Requested != 10000 || !capped.Capped() {
		t.Fatalf("samples %d of %d requested (capped %v), want 2777 of 10000, capped", capped.Samples, capped.Requested, capped.Capped())
	}
	direct, err := MonteCarlo(context.Background(), s, cat, in, Config{Samples: 2777, Seed: 7, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	if direct.Capped() || direct.Requested != 2777 {
		t.Errorf("2,777 asked: capped %v, requested %d; want not capped", direct.Capped(), direct.Requested)
	}
	if !reflect.DeepEqual(capped.Options, direct.Options) {
		t.Errorf("the capped run differs from the same samples asked for outright")
	}
}

// TestMonteCarloSmallNotCapped: testScenario (3 options × 12 months × 10,000
// = 360,000) draws every sample asked for.
func TestMonteCarloSmallNotCapped(t *testing.T) {
	a, err := MonteCarlo(context.Background(), testScenario(), testCatalog(), sixInputs(t), Config{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Samples != 10000 || a.Requested != 10000 || a.Capped() {
		t.Errorf("samples %d, requested %d, capped %v; want 10000, 10000, false", a.Samples, a.Requested, a.Capped())
	}
}

// TestSummaryBreakEvensMatchPairs: the break-evens of a summary, priced
// option by option and shared between pairs, are exactly those of solving
// each pair on its own (pricing both options together).
func TestSummaryBreakEvensMatchPairs(t *testing.T) {
	s, cat := wideScenario(6, 24), testCatalog()
	for j := range s.Options { // spread the options so that some pairs cross
		s.Options[j].MaintenanceHoursPerMonth += float64(3 * j)
		s.Options[j].IntegrationHours += float64(100 * j)
	}
	s.Workload.CostPerError, s.Workload.HasCostPerError = 0.05, true
	for j := range s.Options {
		s.Options[j].Accuracy, s.Options[j].HasAccuracy = 0.80+0.02*float64(j), true
	}
	sum, err := Summarize(context.Background(), s, cat, nil, Config{})
	if err != nil {
		t.Fatal(err)
	}
	in, err := ParseInputPath(&s, BreakEvenInput)
	if err != nil {
		t.Fatal(err)
	}
	lo, hi := DefaultBracket(in.Field, in.Likely)
	k, found := 0, 0
	for a := range s.Options {
		for b := a + 1; b < len(s.Options); b++ {
			want, err := SolveBreakEven(s, cat, a, b, in, lo, hi)
			if err != nil {
				t.Fatalf("%d–%d: %v", a, b, err)
			}
			if got := sum.BreakEven[k]; !reflect.DeepEqual(got, want) {
				t.Errorf("%d–%d: summary %+v, pair alone %+v", a, b, got, want)
			}
			if want.Found {
				found++
			}
			k++
		}
	}
	if found == 0 {
		t.Errorf("no pair crosses: the test compares nothing but \"never\"")
	}
	acc := field(t, "option.accuracy")
	if len(sum.AccuracyBreakEven) == 0 {
		t.Fatal("no accuracy break-evens: the scenario should price errors")
	}
	for _, got := range sum.AccuracyBreakEven {
		a := got.Option
		b := indexOf(s, got.B)
		want, err := SolveBreakEven(s, cat, a, b, Input{Field: acc, Option: a}, 0, 1)
		if err != nil {
			t.Fatalf("accuracy %d–%d: %v", a, b, err)
		}
		if !reflect.DeepEqual(got.BreakEven, want) {
			t.Errorf("accuracy %d–%d: summary %+v, pair alone %+v", a, b, got.BreakEven, want)
		}
	}
}

func indexOf(s model.Scenario, name string) int {
	for j := range s.Options {
		if s.Options[j].Name == name {
			return j
		}
	}
	return -1
}
