package uncertainty

import (
	"cmp"
	"fmt"
	"math"

	"github.com/tunecost/tunecost/model"
)

// BreakEven is the value of one input at which options A and B cost the same
// in total (F23), searched within [Lo, Hi].
type BreakEven struct {
	A, B, Input string  // option names and the input's label
	Value       float64 // valid when Found
	Found       bool    // false: the order of A and B never changes within [Lo, Hi], unless Err is set
	Lo, Hi      float64 // the bracket searched (after clamping to the field's range)
	// Err is why the solver failed (the engine refused every value tried,
	// or a bisection step): then nothing is known about the order, and
	// Found is false without meaning "never".
	Err error
}

// Failed reports whether the solver failed, so the break-even is unknown.
func (be BreakEven) Failed() bool { return be.Err != nil }

// Solver limits: the grid that finds the first sign change, and the
// bisection that narrows it.
const (
	gridPoints    = 129 // 128 intervals: a factor of 1.055 per step over 10⁶
	relTolerance  = 1e-9
	maxBisections = 200
)

// SolveBreakEven finds the smallest value of in within [lo, hi] at which
// total_a − total_b changes sign (or is zero), scanning a grid (logarithmic
// when lo > 0, linear otherwise) and then bisecting to a relative 1e-9.
// Totals step with whole replicas and billed hours, so Value is where the
// sign changes, accurate to the step. For whole-number inputs Value is the
// first whole number on the far side of the change. Only options a and b are
// evaluated; in.Low/Likely/High are ignored (the other inputs stay as in s).
func SolveBreakEven(s model.Scenario, cat model.Catalog, a, b int, in Input, lo, hi float64) (BreakEven, error) {
	return solveBreakEven(s, cat, a, b, in, lo, hi, nil)
}

// solveBreakEven is SolveBreakEven taking each option's total from t, which
// the pairs of a summary share (nil: price the pair). t must be for s and in.
// A value t cannot price is priced as a pair, so errors read as they did.
func solveBreakEven(s model.Scenario, cat model.Catalog, a, b int, in Input, lo, hi float64, t *totals) (BreakEven, error) {
	if a < 0 || a >= len(s.Options) || b < 0 || b >= len(s.Options) {
		return BreakEven{}, fmt.Errorf("the scenario has no option %d", max(a, b))
	}
	if a == b {
		return BreakEven{}, fmt.Errorf("break-even needs two different options, got %q twice", s.Options[a].Name)
	}
	if err := in.checkTarget(&s); err != nil {
		return BreakEven{}, err
	}
	be := BreakEven{A: s.Options[a].Name, B: s.Options[b].Name, Input: in.Label(&s)}
	if !finite(lo) || !finite(hi) || lo > hi {
		return be, fmt.Errorf("%s: the bracket [%g, %g] must be finite with low ≤ high", be.Input, lo, hi)
	}
	var pair model.Scenario // priced only where t cannot stand for it
	if in.Field.Section == model.SectionOption {
		switch in.Option {
		case a:
			in.Option = 0
		case b:
			in.Option = 1
		default:
			return be, fmt.Errorf("%s belongs to neither %q nor %q, so it cannot change which costs less", be.Input, be.A, be.B)
		}
	}
	be.Lo, be.Hi = fit(in.Field, lo), fit(in.Field, hi)
	var ev model.Evaluator
	d := func(x float64) (float64, error) {
		if v, ok := t.diff(a, b, x); ok {
			return v, nil
		}
		if pair.Options == nil {
			pair = only(&s, a, b)
		}
		in.set(&pair, x)
		res, err := ev.Lean(pair, cat)
		if err != nil {
			return 0, fmt.Errorf("%s = %g: %w", be.Input, fit(in.Field, x), err)
		}
		return res.Options[0].Total - res.Options[1].Total, nil
	}
	return solve(be, in.Field.Integer, d)
}

// solve scans the grid for the first sign change of d and bisects it.
// Grid points the engine rejects are skipped; if it rejects all of them the
// first error is returned.
func solve(be BreakEven, integer bool, d func(float64) (float64, error)) (BreakEven, error) {
	var firstErr error
	prevX, prevSign := 0.0, 0
	for _, x := range grid(be.Lo, be.Hi, integer) {
		v, err := d(x)
		if err != nil {
			firstErr = firstOf(firstErr, err)
			continue
		}
		sign := cmp.Compare(v, 0)
		if sign == 0 {
			be.Value, be.Found = x, true
			return be, nil
		}
		if prevSign != 0 && sign != prevSign {
			x, err := bisect(prevX, x, prevSign, integer, d)
			be.Value, be.Found = x, err == nil
			return be, err
		}
		prevX, prevSign = x, sign
	}
	if prevSign == 0 && firstErr != nil {
		return be, firstErr
	}
	return be, nil
}

func firstOf(first, err error) error {
	if first != nil {
		return first
	}
	return err
}

// grid is the scan's points from lo to hi: geometric when lo > 0 (inputs
// span orders of magnitude), else evenly spaced; whole numbers for integer
// inputs, without repeats.
func grid(lo, hi float64, integer bool) []float64 {
	if hi <= lo {
		return []float64{lo}
	}
	xs := make([]float64, 0, gridPoints)
	for k := range gridPoints {
		t := float64(k) / (gridPoints - 1)
		x := lo + t*(hi-lo)
		if lo > 0 {
			x = lo * math.Pow(hi/lo, t)
		}
		if k == gridPoints-1 {
			x = hi // exact, whatever Pow's rounding
		}
		if integer {
			x = math.Round(x)
		}
		if len(xs) == 0 || x > xs[len(xs)-1] {
			xs = append(xs, x)
		}
	}
	return xs
}

// bisect narrows [a, b], where d has sign sa at a and the other sign at b,
// to a relative width of relTolerance (or to neighbouring whole numbers,
// returning the first one past the change).
func bisect(a, b float64, sa int, integer bool, d func(float64) (float64, error)) (float64, error) {
	for range maxBisections {
		if integer && b-a <= 1 {
			return b, nil
		}
		if !integer && b-a <= relTolerance*math.Max(math.Abs(a), math.Abs(b)) {
			break
		}
		mid := a + (b-a)/2
		if integer {
			mid = math.Floor(mid)
		}
		v, err := d(mid)
		if err != nil {
			return 0, err
		}
		switch cmp.Compare(v, 0) {
		case 0:
			return mid, nil
		case sa:
			a = mid
		default:
			b = mid
		}
	}
	if integer {
		return b, nil
	}
	return a + (b-a)/2, nil
}
