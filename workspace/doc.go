// Package workspace loads what a run works on: scenario files (or the
// built-in example), the price sheets they and the command line name, the
// layered catalog, and the engine's result. It is the one place that reads
// and writes files; the TUI and the commands call it, the engine never does.
package workspace

import (
	"cmp"
	"errors"
	"time"

	"github.com/tunecost/tunecost/diag"
	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/present"
	"github.com/tunecost/tunecost/pricing"
	"github.com/tunecost/tunecost/scenarios"
	"github.com/tunecost/tunecost/uncertainty"
)

// Options are the run's settings that every document shares.
type Options struct {
	ExtraSheets []string         // --prices, layered last
	Now         func() time.Time // for staleness checks; time.Now when nil
	StaleAfter  time.Duration    // --stale-days; pricing.StaleAfter when 0
	// Clock is the machine's clock, which --today does not move: a price
	// dated after it is from the future (MODEL.md §8); time.Now when nil.
	Clock func() time.Time
	// ReadOwn, when set, reads the scenario's own files — its extends bases
	// and price_sheets — instead of the disk: diff --rev reads them as they
	// were at a git revision. --prices sheets are always read from disk.
	// limit is the file's size limit (a base's or a sheet's), which the
	// reader checks before reading.
	ReadOwn func(path string, limit int64) ([]byte, error)
	// Analysis is the Monte Carlo's --samples and --seed, validated by the
	// command line; the planner's Risk screen and export run with it.
	Analysis uncertainty.Config
}

// Doc is one scenario loaded for viewing, editing and reporting.
type Doc struct {
	Path    string // "" for the built-in example
	File    *scenarios.File
	Catalog *pricing.Catalog
	Input   model.Scenario
	Result  model.Result
	Diags   diag.List // errors and warnings, sorted by position
	Err     error     // non-nil when Result is unusable

	opt    Options
	sheets []*pricing.Sheet // every sheet layered, the built-in one first
	bases  []string         // the extends chain's files, as read
	cache  fileCache        // bases and sheets as read; emptied by Reload
	loaded []byte           // the bytes as read, to detect changes on disk before saving
	edits  []Edit           // applied in order over the loaded bytes
	undo   history          // how the edits group into steps that Undo takes back
}

// Edit is one value typed into the assumptions editor.
type Edit struct {
	Section model.Section
	Option  int // index of the option, for SectionOption
	Key     string
	Text    string
}

// ErrChangedOnDisk refuses a save over a file that changed since it was loaded.
var ErrChangedOnDisk = errors.New("the file changed on disk since it was loaded")

// Name is the scenario's display name: its name, else its file.
func (d *Doc) Name() string {
	if d.Input.Name != "" {
		return d.Input.Name
	}
	if d.File != nil && d.File.Name != "" {
		return d.File.Name
	}
	return d.DisplayPath()
}

// DisplayPath is the file as shown to people.
func (d *Doc) DisplayPath() string {
	if d.Path == "" {
		return "(built-in example)"
	}
	return d.Path
}

// OK reports whether the document has a usable result.
func (d *Doc) OK() bool { return d.Err == nil }

// Report returns the document as the renderers present it.
func (d *Doc) Report() present.Scenario {
	sheets := make([]present.SheetUsed, 0, len(d.sheets))
	for _, sh := range d.sheets {
		sheets = append(sheets, present.SheetUsed{Name: sh.Name, File: sh.File, AsOf: sh.AsOf})
	}
	return present.Scenario{File: d.Path, Input: d.Input, Result: d.Result, Warnings: d.scenarioWarnings(),
		Sheets: sheets, Today: d.now(), StaleAfter: cmp.Or(d.opt.StaleAfter, pricing.StaleAfter)}
}

// Modified reports whether an edit changed the value of (section, option, key).
func (d *Doc) Modified(sec model.Section, option int, key string) bool {
	for _, e := range d.edits {
		if e.Section == sec && e.Key == key && (sec != model.SectionOption || e.Option == option) {
			return true
		}
	}
	return false
}

// Dirty reports whether there are unsaved edits.
func (d *Doc) Dirty() bool { return len(d.edits) > 0 }

func (d *Doc) now() time.Time {
	if d.opt.Now != nil {
		return d.opt.Now()
	}
	return time.Now()
}
