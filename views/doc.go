package views

import (
	"errors"

	"github.com/tunecost/tunecost/diag"
	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/pricing"
	"github.com/tunecost/tunecost/report"
	"github.com/tunecost/tunecost/scenarios"
	"github.com/tunecost/tunecost/uncertainty"
	"github.com/tunecost/tunecost/workspace"
)

// snapshot is what the screens draw: one scenario as loaded, edited and
// evaluated. Screens never evaluate anything themselves.
type snapshot struct {
	Path    string // "" for the built-in example
	Input   model.Scenario
	Result  model.Result
	Catalog *pricing.Catalog // may be nil when the file did not parse
	Diags   diag.List
	Err     error // non-nil when Result is unusable
	// Warnings are the scenario-level warnings; an option's own are in
	// Result.Options[i].Warnings.
	Warnings diag.List
}

// document is the one scenario file the screens work on. The program keeps
// one per file; workspace.Doc is adapted to it, and tests use a fake, so the
// screens can be driven without files.
type document interface {
	Snapshot() snapshot
	// Set edits one input (option is the option index, ignored for other
	// sections) and recomputes; a refused value leaves the document as it was.
	Set(section model.Section, option int, key, text string) error
	// BeginEdit opens an editing session: its Sets are one step for Undo.
	// EndEdit closes it; CancelEdit closes it and takes its Sets back.
	BeginEdit()
	EndEdit()
	CancelEdit()
	// Undo takes back the last step: an editing session, a Set made outside
	// one, or a Reset. Saving or reloading forgets every step.
	Undo() bool
	Reset() // drops every unsaved edit
	Dirty() bool
	// Modified reports whether an unsaved edit changed (section, option, key).
	Modified(section model.Section, option int, key string) bool
	// PrepareSave writes the edits into the file's bytes in memory. Its
	// write does the file I/O, in a command: it refuses with
	// errChangedOnDisk when the file changed, errReadOnly when it is
	// read-only (unless anyway). commit, run by Update after a write that
	// succeeded, marks the edits saved.
	PrepareSave(anyway bool) (write func() (string, error), commit func(), err error)
	// Edited is the scenario with the edits written in, for a copy saved
	// beside, at a path typed or in the cache folder; SaveName is what the
	// copy is named after.
	Edited() ([]byte, error)
	SaveName() string
	// Reopen, called in Update, returns the read of the file again into a
	// new document, to run in a command; Adopt, run by Update, puts it in
	// this one's place (the edits and their undo are gone).
	Reopen() func() (*workspace.Doc, error)
	Adopt(*workspace.Doc)
	// ChangedOnDisk reports whether the file differs from what was last
	// loaded or saved, so a watcher event caused by our own save is ignored.
	ChangedOnDisk() bool
	// Estimate returns the low/likely/high range an input is written as,
	// when it is one; the model uses the likely value.
	Estimate(section model.Section, option int, key string) (scenarios.Range, bool)
	Report() report.Scenario
	// Ranged lists the inputs the file writes as ranges, for the risk screen.
	Ranged() []uncertainty.Input
	WatchPaths() []string
}

// errChangedOnDisk is what document.Save returns when the file changed on
// disk since it was loaded; the adapter maps the workspace's error to it.
var errChangedOnDisk = errors.New("the file changed on disk since it was loaded")

// errReadOnly is what document.Save returns for a read-only file.
var errReadOnly = errors.New("the file is read-only")
