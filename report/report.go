// Package report renders evaluated scenarios: JSON (the machine contract of
// PRODUCT.md), Markdown and CSV, and plain text for terminals that are not
// interactive. Every renderer reads the same Scenario values and words them
// with package present, as the planner does; nothing is computed twice.
package report

import "github.com/tunecost/tunecost/present"

// Scenario is one evaluated scenario as the renderers see it (present.Scenario).
type Scenario = present.Scenario

// SheetUsed is one price sheet a run layered (present.SheetUsed).
type SheetUsed = present.SheetUsed
