package uncertainty

import "github.com/tunecost/tunecost/model"

// totals remembers options' totals, each priced alone, at the values one
// input takes, for every break-even of a summary on that input. Options are
// priced independently (see only), so total_a − total_b from two single
// prices is the same number as from the pair; but 64 options make 2,016
// pairs, which scanned the same 129 grid values each, pricing both options
// every time: 9 s of a 64-option export. With totals each option is priced
// once per grid value, and a pair's own bisection prices its options alone.
type totals struct {
	s    *model.Scenario
	cat  model.Catalog
	in   Input // Option is the scenario's index for an option input
	ev   model.Evaluator
	one  model.Scenario // scratch: s with a single option
	opt  [1]model.Option
	memo map[totalKey]float64
}

type totalKey struct {
	option int
	x      float64
}

func newTotals(s *model.Scenario, cat model.Catalog, in Input) *totals {
	return &totals{s: s, cat: cat, in: in, memo: map[totalKey]float64{}}
}

// moves reports whether the input changes option j's total: a scenario-wide
// input moves every option, an option's input only its own.
func (t *totals) moves(j int) bool {
	return t.in.Field.Section != model.SectionOption || t.in.Option == j
}

// of is option j's total with the input at x, priced alone; false when the
// engine refuses it (the caller then prices the pair, whose error it reports).
func (t *totals) of(j int, x float64) (float64, bool) {
	if !t.moves(j) {
		x = 0 // the same total at every value
	}
	key := totalKey{j, x}
	if v, ok := t.memo[key]; ok {
		return v, true
	}
	t.one = *t.s
	t.opt[0] = t.s.Options[j]
	t.one.Options = t.opt[:]
	if t.moves(j) {
		in := t.in
		if in.Field.Section == model.SectionOption {
			in.Option = 0
		}
		in.set(&t.one, x)
	}
	res, err := t.ev.Lean(t.one, t.cat)
	if err != nil {
		return 0, false
	}
	t.memo[key] = res.Options[0].Total
	return res.Options[0].Total, true
}

// diff is total_a − total_b at x from single prices, when both succeed and
// the pair is one totals can stand for (two options with one name fail as a
// pair, never alone).
func (t *totals) diff(a, b int, x float64) (float64, bool) {
	if t == nil || t.s.Options[a].Name == t.s.Options[b].Name {
		return 0, false
	}
	ta, ok := t.of(a, x)
	if !ok {
		return 0, false
	}
	tb, ok := t.of(b, x)
	if !ok {
		return 0, false
	}
	return ta - tb, true
}
