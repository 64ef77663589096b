package calibration

import (
	"fmt"
	"math"
	"sort"
	"strconv"
)

// Goal is the error the model aims at for every kind: predicted within ×1.25.
var Goal = math.Log(1.25)

// OffLimit is the factor past which a case needs a written reason.
const OffLimit = 2.0

// Summary is one figure kind across the suite.
type Summary struct {
	Kind    Kind
	Cases   int     // every case of the kind
	Scored  int     // measured values that evaluated: the median's sample
	Bounds  int     // bound cases that evaluated
	Met     int     // of those, the ones met
	Pending int     // cases that did not evaluate
	Median  float64 // median |ln(predicted/published)| over the scored cases; NaN when none
	// Before is the median over the scored cases v2's suite had (no
	// added = "issue 20"): v3 on the same figures as the v2 record.
	Before float64
	Banded int // scored cases whose figure has the program's own P10–P90 (§10)
	Inside int // of those, the ones whose published figure lies inside it
}

// Coverage is the share of banded cases inside the program's P10–P90;
// NaN when no case has a band.
func (s Summary) Coverage() float64 {
	if s.Banded == 0 {
		return math.NaN()
	}
	return float64(s.Inside) / float64(s.Banded)
}

// HasMedian reports whether any case was scored.
func (s Summary) HasMedian() bool { return s.Scored > 0 }

// Summarise groups the outcomes by kind, in Kinds order.
func Summarise(outs []Outcome) []Summary {
	var sums []Summary
	for _, k := range Kinds {
		s := Summary{Kind: k}
		var errs, before []float64
		for _, o := range outs {
			if o.Figure.Kind != k {
				continue
			}
			s.Cases++
			switch {
			case o.Err != nil:
				s.Pending++
			case o.Bound != "":
				s.Bounds++
				if o.Met() {
					s.Met++
				}
			default:
				errs = append(errs, o.LogError())
				if o.Added == "" {
					before = append(before, o.LogError())
				}
				if o.Band.Known {
					s.Banded++
					if o.Covered() {
						s.Inside++
					}
				}
			}
		}
		s.Scored = len(errs)
		s.Median, s.Before = Median(errs), Median(before)
		sums = append(sums, s)
	}
	return sums
}

// Median is the middle value (the mean of the middle two for an even count);
// NaN for none.
func Median(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// Check lists what makes the suite fail: a case that does not evaluate
// without a pending reason, a pending case that evaluates, a case off by more
// than ×2 without a reason, a kind whose median exceeds its record.
func Check(outs []Outcome, sums []Summary, recs Records) []string {
	var problems []string
	for _, o := range outs {
		if p := checkCase(o); p != "" {
			problems = append(problems, o.ID+": "+p)
		}
	}
	for _, s := range sums {
		if p := checkKind(s, recs); p != "" {
			problems = append(problems, s.Kind.Name+": "+p)
		}
	}
	return problems
}

func checkCase(o Outcome) string {
	switch {
	case o.Err != nil && o.Pending == "":
		return fmt.Sprintf("does not evaluate: %v (if it waits for an engine feature, say which in pending = \"…\" in its case.toml)", o.Err)
	case o.Err != nil:
		return ""
	case o.Pending != "":
		return fmt.Sprintf("evaluates now (pending = %q): remove pending from its case.toml", o.Pending)
	case o.Off() > OffLimit && o.Reason == "":
		return fmt.Sprintf("predicted %.4g %s against %s %.4g: off by ×%.2f, more than ×%g, and its case.toml gives no reason",
			o.Predicted, o.Figure.Unit, publishedWord(o), o.Published, o.Off(), OffLimit)
	}
	return ""
}

func publishedWord(o Outcome) string {
	switch o.Bound {
	case Upper:
		return "a published ceiling of"
	case Lower:
		return "a published floor of"
	}
	return "published"
}

// recordSlack absorbs floating-point noise between platforms; records are
// written to 4 decimals, rounded up.
const recordSlack = 1e-9

func checkKind(s Summary, recs Records) string {
	if !s.HasMedian() {
		return ""
	}
	r, ok := recs[s.Kind.ID]
	if !ok {
		return fmt.Sprintf("median error %.4f has no record in records.toml (run go test ./calibration -update)", s.Median)
	}
	if s.Median > r.Median+recordSlack {
		return fmt.Sprintf("median |ln(predicted/published)| grew to %.6f (×%.3f), past its record %.4f (×%.3f): a regression, or raise the record in records.toml to median = %s with a reason beside it",
			s.Median, math.Exp(s.Median), r.Median, math.Exp(r.Median), strconv.FormatFloat(recordFor(s.Median), 'f', -1, 64))
	}
	return ""
}
