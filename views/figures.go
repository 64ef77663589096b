package views

import (
	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/present"
)

// figures are the Compare screen's rows: present's one figure list, the
// reports' rows too, each figure with the derivations that explain it.
func figures(r *model.Result) []present.Figure { return present.ScreenFigures(r) }

// plural is a count with its unit, in the reports' rule (format.Plural).
func plural(v float64, unit string) string { return format.Plural(v, unit) }
