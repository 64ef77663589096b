package report

import "testing"

// TestGateLimits: a rise fails a limit only when strictly larger; a
// percentage needs an old total; falls and new options never fail.
// Old total 100: +6 is +6 % (fails 5 %), +5 is exactly 5 % (passes).
func TestGateLimits(t *testing.T) {
	pct5 := Limit{Text: "5%", Pct: 0.05, IsPct: true}
	amount10 := Limit{Text: "10", Amount: 10}
	cases := []struct {
		old, new float64
		l        Limit
		fails    bool
	}{
		{100, 106, pct5, true},
		{100, 105, pct5, false},
		{100, 104, pct5, false},
		{100, 80, pct5, false},
		{0, 50, pct5, false}, // no old total: no percentage
		{0, 50, amount10, true},
		{100, 110, amount10, false},
		{100, 110.5, amount10, true},
	}
	for _, c := range cases {
		if got := exceeds(move(c.old, c.new), c.l); got != c.fails {
			t.Errorf("%g → %g against %s: fails %v, want %v", c.old, c.new, c.l.Text, got, c.fails)
		}
	}
	s := DiffSet{Limits: []Limit{pct5}, Files: []FileDiff{{Path: "a.toml", Diff: DiffResult{NewCurrency: "USD", Options: []OptionDiff{
		{Name: "kept", Status: OptionKept, OldTotal: 100, NewTotal: 106},
		{Name: "new", Status: OptionNew, NewTotal: 1e6},
	}}}}}
	s.CheckGate()
	if len(s.Failures) != 1 || s.Failures[0].Option != "kept" {
		t.Fatalf("failures %+v", s.Failures)
	}
	if got, want := s.Failures[0].GateText(), "a.toml: “kept” rose +$6.00 (+6.0%), above --fail-above 5%"; got != want {
		t.Errorf("GateText = %q, want %q", got, want)
	}
}
