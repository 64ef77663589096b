package report

import (
	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/model"
)

// fieldValue is an input's value as written for people, unescaped: numbers
// as in a file with thousands separators, flags as yes/no, "unset" for an
// optional input left empty. o may be nil for scenario-level fields.
func fieldValue(f *model.Field, s *model.Scenario, o *model.Option) string {
	switch f.Type {
	case model.Number:
		if f.Key == "accuracy" && o != nil && o.HasAccuracyCounts() { // F25a
			return format.Exact(o.Accuracy) + " (" + format.Exact(o.AccuracyCorrect) + " of " + format.Exact(o.AccuracyOf) + ")"
		}
		if p := f.Num(s, o); p != nil {
			if *p == 0 && f.Optional {
				return "unset"
			}
			return format.Exact(*p)
		}
	case model.Text:
		if p := f.Text(s, o); p != nil {
			if *p == "" {
				return "unset"
			}
			return *p
		}
	case model.Flag:
		if p := f.Flag(s, o); p != nil {
			if *p {
				return "yes"
			}
			return "no"
		}
	}
	return ""
}
