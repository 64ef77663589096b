// Package present turns an evaluated (and analysed) scenario into the facts
// every output shows: the comparison's rows, the verdict and its
// crossovers, the break-even and cadence sentences, the bands' scale, the
// catalog's one-line summaries and the number formats they use. The
// planner (views) and the reports (text, Markdown, CSV, JSON) render these
// facts; none of them words a fact on its own, so the screen and the export
// cannot disagree. Sentences are plain: each renderer passes a name
// function that sanitizes or escapes file-originated names for its target.
//
// present sits below workspace and every renderer and above model,
// uncertainty and format; it does no I/O.
package present

import (
	"time"

	"github.com/tunecost/tunecost/diag"
	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/uncertainty"
)

// Scenario is one evaluated scenario as the renderers see it. Warnings about
// one option (the engine's and the file's) are in Result.Options[i].Warnings;
// Warnings holds the scenario-level ones.
type Scenario struct {
	File     string         // the scenario's path as given, "" for the built-in example
	Input    model.Scenario // resolved inputs, for the assumptions
	Result   model.Result
	Warnings diag.List
	// Uncertainty is the Monte Carlo, tornado and break-even analysis, nil
	// when it was not run.
	Uncertainty *uncertainty.Summary
	// Sheets are the price sheets the run layered, built-in first; Today
	// and StaleAfter age the prices the options used (Result.Options[i].Entries()).
	Sheets     []SheetUsed
	Today      time.Time
	StaleAfter time.Duration
}

// SheetUsed is one price sheet a run layered.
type SheetUsed struct {
	Name, File string
	AsOf       time.Time
}

// DisplayFile is the file name shown to people.
func (s *Scenario) DisplayFile() string {
	if s.File == "" {
		return "(built-in example)"
	}
	return s.File
}
