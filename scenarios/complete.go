package scenarios

import (
	"strings"

	"github.com/tunecost/tunecost/diag"
	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/tomlpos"
)

// complete reports what a whole scenario must have and f lacks. It runs on
// a file that extends nothing, or on the result of Merge, never on a base
// alone: a base may leave anything to the file that extends it.
func (f *File) complete() diag.List {
	var d diag.List
	start := Loc{f.Path, tomlpos.Pos{Line: 1, Col: 1}}
	errorf := func(at Loc, field, format string, args ...any) {
		d.Errorf(orPath(at.File, f.Path), at.Line, at.Col, field, format, args...)
	}
	var missing []string
	if f.Name == "" && !f.written["name"] && !f.suggested["name"] {
		missing = append(missing, "name")
	}
	if !f.written["workload"] && !f.suggested["workload"] {
		missing = append(missing, "workload")
	}
	if !f.written["option"] && !f.suggested["option"] {
		missing = append(missing, "option")
	}
	switch {
	case len(f.written) == 0:
		// One line for an empty file, not one per missing part.
		errorf(start, "", "empty scenario: it needs a name, a [workload] table and at least one [[option]]")
		return d
	case len(missing) > 1:
		errorf(start, missing[0], "missing %s: a scenario needs a name, a [workload] table and at least one [[option]]", missingList(missing))
	case len(missing) == 1 && missing[0] == "name":
		errorf(start, "name", "missing name (a non-empty string naming the scenario)")
	case len(missing) == 1 && missing[0] == "workload":
		errorf(start, "workload", "missing [workload] table (with queries_per_month, input_tokens and output_tokens)")
	case len(missing) == 1:
		errorf(start, "option", "missing [[option]] tables: a scenario compares at least one option")
	}
	for _, sec := range []model.Section{model.SectionWorkload, model.SectionTeam} {
		name := string(sec)
		at, ok := f.tables[name]
		if !ok {
			continue
		}
		for _, fd := range model.SectionFields(sec) {
			if fd.Required && !f.written[fd.Path()] && !f.suggested[fd.Path()] {
				errorf(at, fd.Path(), "[%s] is missing %s (%s)", name, fd.Key, validText(fd))
			}
		}
	}
	for i, ov := range f.Options {
		label := OptionLabel(i, ov.Name)
		if !ov.written["kind"] {
			errorf(ov.Loc(), "option.kind", "%s is missing kind (one of %s)", label, oneOf(kindNames()))
		}
		if !ov.written["name"] {
			errorf(ov.Loc(), "option.name", "%s is missing name (a string unique in the scenario)", label)
		}
		if ov.Kind != "" {
			// Required fields that do not depend on hosting; Resolve checks
			// the hosted ones once it knows the serving model.
			for _, fd := range model.SectionFields(model.SectionOption) {
				if fd.Required && fd.Hosting == model.AnyHosting && (fd.Kinds == nil || contains(fd.Kinds, ov.Kind)) && !ov.written[fd.Key] {
					errorf(ov.Loc(), fd.Path(), "%s is missing %s (%s)", label, fd.Key, validText(fd))
				}
			}
		}
	}
	return append(d, f.qualityComplete()...)
}

// missingList writes "name, [workload] and [[option]]".
func missingList(keys []string) string {
	out := make([]string, len(keys))
	for i, k := range keys {
		switch k {
		case "workload":
			out[i] = "[workload]"
		case "option":
			out[i] = "[[option]]"
		default:
			out[i] = k
		}
	}
	if len(out) < 2 {
		return strings.Join(out, "")
	}
	return strings.Join(out[:len(out)-1], ", ") + " and " + out[len(out)-1]
}

func orPath(file, path string) string {
	if file == "" {
		return path
	}
	return file
}
