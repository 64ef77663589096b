package report

import (
	"github.com/tunecost/tunecost/format"
)

// Limit is one --fail-above limit: an amount in the scenario's currency,
// or a fraction of the old total (Pct 0.05 for "5%").
type Limit struct {
	Text   string // as given: "5%", "1000"
	Amount float64
	Pct    float64
	IsPct  bool
}

// GateFailure is one option whose total grew by more than a limit.
type GateFailure struct {
	File, Option string
	Currency     string
	Move         Move
	Limit        Limit
}

// CheckGate fills s.Failures: every option on both sides of a file whose
// total grew by more than one of s.Limits. An option or file that is new
// has no old total to grow from, so no limit applies to it (docs/ci.md).
func (s *DiffSet) CheckGate() {
	s.Failures = nil
	for _, f := range s.Files {
		for _, o := range f.Diff.Options {
			if !o.Both() {
				continue
			}
			m := o.TotalMove()
			for _, l := range s.Limits {
				if exceeds(m, l) {
					s.Failures = append(s.Failures, GateFailure{File: f.Path, Option: o.Name, Currency: f.Diff.NewCurrency, Move: m, Limit: l})
					break
				}
			}
		}
	}
}

// exceeds reports whether a move is a rise larger than the limit. A
// percentage limit needs an old total to be a percentage of.
func exceeds(m Move, l Limit) bool {
	if m.Abs <= 0 {
		return false
	}
	if l.IsPct {
		return m.HasPct && m.Pct > l.Pct
	}
	return m.Abs > l.Amount
}

// GateText says which limit failed, in one line per option, unescaped:
// `a.toml: "RAG" rose +$600.00 (+6.0%), above --fail-above 5%`.
func (g GateFailure) GateText() string {
	return g.File + ": " + quoteName(g.Option) + " rose " + moveText(g.Move, g.Currency) + ", above --fail-above " + g.Limit.Text
}

func quoteName(s string) string { return "“" + format.Sanitize(s) + "”" }
