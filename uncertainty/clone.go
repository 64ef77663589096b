package uncertainty

import "github.com/tunecost/tunecost/model"

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
