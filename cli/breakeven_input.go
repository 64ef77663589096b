package cli

import (
	"fmt"
	"slices"

	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/uncertainty"
	"github.com/tunecost/tunecost/workspace"
)

// inputRefusal says why the input cannot change option a's or b's total —
// another option's input, a field that does not apply to the option, or
// an input neither total depends on — or nil when it can.
func inputRefusal(d *workspace.Doc, in uncertainty.Input, a, b int, lo, hi float64) error {
	label := in.Label(&d.Input)
	opts := d.Input.Options
	if in.Field.Section == model.SectionOption {
		if in.Option != a && in.Option != b {
			return fmt.Errorf("%s belongs to option %q, neither --a nor --b, so it cannot change their totals; name an input of %q or %q (OPTION_NAME.KEY) or of the workload",
				label, opts[in.Option].Name, opts[a].Name, opts[b].Name)
		}
		o := &opts[in.Option]
		if !in.Field.AppliesTo(o.Kind, selfHostedOption(d, in.Option), o.Method) {
			return fmt.Errorf("%s does not apply to option %q (%s), so it cannot change its total; tunecost completion offers the inputs that do (--input, then Tab)",
				label, o.Name, optionShape(d, in.Option))
		}
	}
	moved, known := totalsMove(d, in, a, b, lo, hi)
	if known && !moved {
		return fmt.Errorf("%s from %s to %s changes neither %q's nor %q's total, so they cannot break even on it; choose an input one of them depends on",
			label, format.Exact(lo), format.Exact(hi), opts[a].Name, opts[b].Name)
	}
	return nil
}

// selfHostedOption tells from the result whether option i is served on
// rented GPUs (the engine sets Serving exactly then).
func selfHostedOption(d *workspace.Doc, i int) bool {
	return i < len(d.Result.Options) && d.Result.Options[i].Serving != nil
}

// optionShape names what decides which fields apply: "a rag option served
// by an API", "a finetune option, method full".
func optionShape(d *workspace.Doc, i int) string {
	o := &d.Input.Options[i]
	s := "kind " + string(o.Kind)
	if selfHostedOption(d, i) {
		s += ", self-hosted"
	} else {
		s += ", served by an API"
	}
	if o.Method != "" {
		s += ", method " + o.Method
	}
	return s
}

// totalsMove evaluates the scenario with the input at lo and at hi and
// reports whether option a's or b's total differs; known is false when an
// end cannot be evaluated (the solver then says why).
func totalsMove(d *workspace.Doc, in uncertainty.Input, a, b int, lo, hi float64) (moved, known bool) {
	var totals [2][2]float64
	for end, v := range []float64{lo, hi} {
		s := d.Input
		s.Options = slices.Clone(s.Options)
		var o *model.Option
		if in.Field.Section == model.SectionOption {
			o = &s.Options[in.Option]
		}
		p := in.Field.Num(&s, o)
		if p == nil {
			return false, false
		}
		*p = v
		r, err := model.Evaluate(s, d.Catalog.Catalog)
		if err != nil || a >= len(r.Options) || b >= len(r.Options) {
			return false, false
		}
		totals[end] = [2]float64{r.Options[a].Total, r.Options[b].Total}
	}
	return totals[0] != totals[1], true
}
