// Package views is the planner: the bubbletea program that shows one or
// more scenario files on the screens listed in tabs.go (Compare, Timeline,
// Assumptions, Risk, Catalog), edits their inputs and saves or reloads them
// through workspace.Doc, and explains every figure from the engine's
// derivations. The rows and sentences it shows are worded by present; file
// I/O runs in commands (files.go, watch.go), never in Update or View.
package views

import (
	"github.com/tunecost/tunecost/diag"
	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/pricing"
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

// document is the one scenario file the screens work on: the program keeps
// one per file. It is the workspace's Doc (edits, undo, save, reload) held
// by a handle that a reload keeps, so that commands and screens that hold
// the document reach the Doc read again (adopt).
type document = *openDoc

type openDoc struct{ *workspace.Doc }

func newDocument(d *workspace.Doc) document { return &openDoc{d} }

// Snapshot is what the screens draw of the document now.
func (o *openDoc) Snapshot() snapshot {
	d := o.Doc
	return snapshot{Path: d.Path, Input: d.Input, Result: d.Result, Catalog: d.Catalog, Diags: d.Diags, Err: d.Err,
		Warnings: d.Report().Warnings}
}

// startSave writes the edits into the file's bytes in memory (in Update).
// write does the file I/O, in a command (workspace.ErrChangedOnDisk or
// ErrReadOnly when it refuses); commit, run by Update after a write that
// succeeded, marks the edits saved.
func (o *openDoc) startSave(anyway bool) (write func() (string, error), commit func(), err error) {
	d := o.Doc
	r, err := d.PrepareSave(anyway)
	if err != nil {
		return nil, nil, err
	}
	var written string // set by write in its command, read by commit in Update after it
	write = func() (string, error) {
		p, err := r.Write()
		written = p
		return p, err
	}
	return write, func() { d.Saved(r, written) }, nil
}

// reopen, called in Update, returns the read of the file again, to run in
// a command: it takes the Doc now, as adopt may change it meanwhile.
func (o *openDoc) reopen() func() (*workspace.Doc, error) { return o.Doc.Reopened }

// adopt puts a Doc read again in this one's place (the edits and their
// undo are gone).
func (o *openDoc) adopt(d *workspace.Doc) { o.Doc = d }
