package report

import (
	"github.com/tunecost/tunecost/present"
	"strings"

	"github.com/tunecost/tunecost/model"
)

// writeAssumptions lists the inputs the figures rest on, from model.Fields()
// so that a new input shows up without touching this file: the scenario's
// own inputs (horizon, workload, team) as one table, then every option input
// that applies to at least one option, side by side, "—" where it does not
// apply.
func writeAssumptions(sb *strings.Builder, s *Scenario) {
	in := &s.Input
	fields := model.Fields()
	sb.WriteString("| Input | Value |\n|---|---:|\n")
	for i := range fields {
		f := &fields[i]
		if f.Section == model.SectionOption || !f.ShownIn(in) {
			continue
		}
		sb.WriteString("| " + fieldLabel(f) + " | " + escapeMarkdown(fieldValue(f, in, nil)) + " |\n")
	}
	if len(in.Options) == 0 {
		return
	}
	names := make([]string, len(in.Options))
	for i := range in.Options {
		names[i] = escapeMarkdown(in.Options[i].Name)
	}
	var rows []present.Row
	rows = append(rows, present.Row{Label: "kind", Cells: optionCells(in, func(o *model.Option) string { return string(o.Kind) })})
	for i := range fields {
		f := &fields[i]
		if f.Section != model.SectionOption || !f.ShownIn(in) {
			continue
		}
		applies := false
		cells := optionCells(in, func(o *model.Option) string {
			if !f.AppliesTo(o.Kind, selfHosted(s, o), o.Method) {
				return "—"
			}
			applies = true
			return fieldValue(f, in, o)
		})
		if applies {
			rows = append(rows, present.Row{Label: f.Key + unitSuffix(f), Cells: cells})
		}
	}
	sb.WriteByte('\n')
	writeMarkdownTable(sb, "Option input", names, rows)
}

func optionCells(in *model.Scenario, cell func(o *model.Option) string) []string {
	cells := make([]string, len(in.Options))
	for i := range in.Options {
		cells[i] = cell(&in.Options[i])
	}
	return cells
}

// selfHosted tells from the result whether an input option is served on
// rented GPUs: the report carries no catalog, but the engine sets Serving
// exactly for self-hosted options. Options are matched by name.
func selfHosted(s *Scenario, o *model.Option) bool {
	for i := range s.Result.Options {
		if s.Result.Options[i].Name == o.Name {
			return s.Result.Options[i].Serving != nil
		}
	}
	return false
}

// fieldLabel is a scenario input's label: its path and unit.
func fieldLabel(f *model.Field) string {
	return escapeMarkdown(f.Path() + unitSuffix(f))
}

// unitSuffix is " (hours)" for a field with a unit, "" otherwise.
func unitSuffix(f *model.Field) string {
	if f.Unit == "" {
		return ""
	}
	return " (" + f.Unit + ")"
}
