package uncertainty

import "github.com/tunecost/tunecost/model"

// clone copies s with its own Options, so that setting an input never
// writes into the caller's scenario.
func clone(s *model.Scenario) model.Scenario {
	c := *s
	c.Options = append([]model.Option(nil), s.Options...)
	return c
}

// only copies s keeping the listed options, in that order. Options are
// priced independently (F24 only compares totals), so an analysis of some
// options need not evaluate, or be failed by, the others.
func only(s *model.Scenario, idx ...int) model.Scenario {
	c := *s
	c.Options = make([]model.Option, len(idx))
	for i, j := range idx {
		c.Options[i] = s.Options[j]
	}
	return c
}
