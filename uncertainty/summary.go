package uncertainty

import (
	"context"
	"errors"

	"github.com/tunecost/tunecost/model"
)

// Summary is everything the reports and the planner show about uncertainty
// for one scenario: the Monte Carlo bands (nil without ranges), a tornado
// per option, and the break-even query volume of every pair of options.
type Summary struct {
	Ranged    bool      // the file gives ranges (written ranges or F25a's counts)
	Defaults  bool      // §10's default ranges of the efficiency constants are in use
	MC        *Analysis // nil without ranged inputs or default ranges
	Tornado   [][]Swing // per option, ranked
	BreakEven []BreakEven
	// Inputs are the inputs the tornado moved: the ranges, or ±25 % of each
	// input when the scenario has none.
	Inputs []Input
	// AccuracyBreakEven is §9's: each fine-tune's accuracy against every
	// other option, when the scenario prices errors (nil otherwise).
	AccuracyBreakEven []AccuracyBreakEven
}

// BreakEvenInput is the input whose break-even every report states.
const BreakEvenInput = "workload.queries_per_month"

// Summarize runs the Monte Carlo analysis (when ranged is not empty), the
// tornado of every option and the break-even of every pair on queries per
// month. ranged holds the file's ranges and counts and §10's default ranges
// (Input.Kind); a file that writes no range of its own gets the fixed-share
// tornado for every input no default range covers, and a bar per default
// range. A failure of one tornado bar or break-even is kept in its Err
// rather than failing the whole summary; the Monte Carlo's error is returned.
func Summarize(ctx context.Context, s model.Scenario, cat model.Catalog, ranged []Input, cfg Config) (Summary, error) {
	var defaults []Input
	for _, in := range ranged {
		if !in.FromFile() {
			defaults = append(defaults, in)
		}
	}
	sum := Summary{Ranged: len(ranged) > len(defaults), Defaults: len(defaults) > 0, Inputs: ranged}
	if !sum.Ranged {
		sum.Inputs = nil
		for _, in := range DefaultInputs(s, func(o *model.Option) bool { return o.SelfHosted(&cat) }) {
			if !defaulted(in, defaults) {
				sum.Inputs = append(sum.Inputs, in)
			}
		}
		sum.Inputs = append(sum.Inputs, defaults...)
	}
	if len(ranged) > 0 {
		mc, err := MonteCarlo(ctx, s, cat, ranged, cfg)
		if err != nil {
			return Summary{}, err
		}
		sum.MC = &mc
	}
	sum.Tornado = make([][]Swing, len(s.Options))
	for j := range s.Options {
		if ctx.Err() != nil {
			return Summary{}, ctx.Err()
		}
		sum.Tornado[j], _ = Tornado(s, cat, sum.Inputs, j) // j is in range: no error
	}
	var err error
	sum.BreakEven, err = breakEvens(ctx, s, cat)
	if err == nil && s.QualityModelled() {
		sum.AccuracyBreakEven = accuracyBreakEvens(ctx, s, cat)
	}
	return sum, err
}

// breakEvens solves every pair a < b on queries per month over the default bracket.
func breakEvens(ctx context.Context, s model.Scenario, cat model.Catalog) ([]BreakEven, error) {
	in, err := ParseInputPath(&s, BreakEvenInput)
	if err != nil {
		return nil, err
	}
	lo, hi := DefaultBracket(in.Field, in.Likely)
	var out []BreakEven
	t := newTotals(&s, cat, in)
	for a := 0; a < len(s.Options); a++ {
		for b := a + 1; b < len(s.Options); b++ {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			be, err := solveBreakEven(s, cat, a, b, in, lo, hi, t)
			if err != nil && !errors.Is(err, context.Canceled) {
				be = BreakEven{A: s.Options[a].Name, B: s.Options[b].Name, Input: BreakEvenInput, Lo: lo, Hi: hi, Err: err}
			}
			out = append(out, be)
		}
	}
	return out, nil
}
