package views

import (
	"errors"

	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/report"
	"github.com/tunecost/tunecost/scenarios"
	"github.com/tunecost/tunecost/uncertainty"
	"github.com/tunecost/tunecost/workspace"
)

// wsDoc adapts a workspace.Doc to the screens' document.
type wsDoc struct{ d *workspace.Doc }

func (w *wsDoc) Snapshot() snapshot {
	d := w.d
	return snapshot{Path: d.Path, Input: d.Input, Result: d.Result, Catalog: d.Catalog, Diags: d.Diags, Err: d.Err,
		Warnings: d.Report().Warnings}
}

func (w *wsDoc) Set(sec model.Section, option int, key, text string) error {
	return w.d.Set(sec, option, key, text)
}

func (w *wsDoc) BeginEdit()  { w.d.BeginEdit() }
func (w *wsDoc) EndEdit()    { w.d.EndEdit() }
func (w *wsDoc) CancelEdit() { w.d.CancelEdit() }
func (w *wsDoc) Undo() bool  { return w.d.Undo() }
func (w *wsDoc) Reset()      { w.d.Reset() }
func (w *wsDoc) Dirty() bool { return w.d.Dirty() }

func (w *wsDoc) Modified(sec model.Section, option int, key string) bool {
	return w.d.Modified(sec, option, key)
}

func (w *wsDoc) PrepareSave(anyway bool) (func() (string, error), func(), error) {
	d := w.d
	r, err := d.PrepareSave(anyway)
	if err != nil {
		return nil, nil, err
	}
	var written string // set by write in its command, read by commit in Update after it
	write := func() (string, error) {
		p, err := r.Write()
		written = p
		switch {
		case errors.Is(err, workspace.ErrChangedOnDisk):
			return "", errChangedOnDisk
		case errors.Is(err, workspace.ErrReadOnly):
			return "", errReadOnly
		}
		return p, err
	}
	return write, func() { d.Saved(r, written) }, nil
}

func (w *wsDoc) Edited() ([]byte, error) { return w.d.Edited() }
func (w *wsDoc) SaveName() string        { return w.d.SaveName() }

// Reopen takes the Doc now, in Update: the command must not read w.d,
// which Adopt changes.
func (w *wsDoc) Reopen() func() (*workspace.Doc, error) { return w.d.Reopened }
func (w *wsDoc) Adopt(d *workspace.Doc)                 { w.d = d }
func (w *wsDoc) Report() report.Scenario                { return w.d.Report() }
func (w *wsDoc) Ranged() []uncertainty.Input            { return w.d.RangedInputs() }

// ChangedOnDisk and WatchPaths are the workspace's: it knows the bytes it
// parsed and every file (extends chain, sheets) the document came from.
func (w *wsDoc) ChangedOnDisk() bool  { return w.d.ChangedOnDisk() }
func (w *wsDoc) WatchPaths() []string { return w.d.WatchPaths() }

func (w *wsDoc) Estimate(sec model.Section, option int, key string) (scenarios.Range, bool) {
	f := w.d.File
	if f == nil {
		return scenarios.Range{}, false
	}
	var vals map[string]scenarios.Value
	switch sec {
	case model.SectionTop:
		vals = f.Top
	case model.SectionWorkload:
		vals = f.Workload
	case model.SectionTeam:
		vals = f.Team
	case model.SectionOption:
		if option < 0 || option >= len(f.Options) {
			return scenarios.Range{}, false
		}
		vals = f.Options[option].Values
	}
	if v, ok := vals[key]; ok && v.Range != nil {
		return *v.Range, true
	}
	return scenarios.Range{}, false
}
