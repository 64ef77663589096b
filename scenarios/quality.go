package scenarios

import "github.com/tunecost/tunecost/diag"

// qualityComplete is MODEL.md §9's rule on a whole scenario: a file that
// prices an error or a success (cost_per_error, value_per_success, whatever
// their value) must say how often each option answers well. One error per
// option that lacks accuracy, at its [[option]] header.
func (f *File) qualityComplete() diag.List {
	var priced string
	switch {
	case f.written["workload.cost_per_error"]:
		priced = "cost_per_error"
	case f.written["workload.value_per_success"]:
		priced = "value_per_success"
	default:
		return nil
	}
	var d diag.List
	for i, ov := range f.Options {
		if ov.Kind == "" || ov.written["accuracy"] {
			continue // a missing kind is already reported; a typo of accuracy too
		}
		at := ov.Loc()
		d.Errorf(orPath(at.File, f.Path), at.Line, at.Col, "option.accuracy",
			"%s is missing accuracy (a number from 0 to 1, the share of good answers): [workload] sets %s, so every option needs it",
			OptionLabel(i, ov.Name), priced)
	}
	return d
}
