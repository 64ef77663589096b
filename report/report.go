// Package report renders evaluated scenarios: JSON (the machine contract of
// PRODUCT.md), Markdown and CSV, and plain text for terminals that are not
// interactive. Every renderer reads the same Scenario values; nothing is
// computed twice.
package report

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
	// and StaleAfter age the prices the options used (Result.Options[i].Entries).
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
