package views

import (
	"bytes"
	"errors"
	"os"

	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/report"
	"github.com/tunecost/tunecost/scenarios"
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

func (w *wsDoc) Undo() bool  { return w.d.Undo() }
func (w *wsDoc) Reset()      { w.d.Reset() }
func (w *wsDoc) Dirty() bool { return w.d.Dirty() }

func (w *wsDoc) Modified(sec model.Section, option int, key string) bool {
	return w.d.Modified(sec, option, key)
}

func (w *wsDoc) Save() (string, error) {
	p, err := w.d.Save()
	if errors.Is(err, workspace.ErrChangedOnDisk) {
		return "", errChangedOnDisk
	}
	return p, err
}

func (w *wsDoc) SaveBeside() (string, error) { return w.d.SaveBeside() }
func (w *wsDoc) Reload() error               { return w.d.Reload() }
func (w *wsDoc) Report() report.Scenario     { return w.d.Report() }

// ChangedOnDisk compares the file with the bytes the document was parsed
// from, so the event our own save causes does not reload anything.
func (w *wsDoc) ChangedOnDisk() bool {
	if w.d.Path == "" {
		return false
	}
	data, err := os.ReadFile(w.d.Path)
	if err != nil || w.d.File == nil {
		return true
	}
	return !bytes.Equal(data, w.d.File.Data)
}

// WatchPaths are the scenario file and the price sheets it names.
func (w *wsDoc) WatchPaths() []string {
	if w.d.Path == "" {
		return nil
	}
	paths := []string{w.d.Path}
	if w.d.File != nil {
		for _, r := range w.d.File.PriceSheets {
			if r.Resolved != "" {
				paths = append(paths, r.Resolved)
			}
		}
	}
	return paths
}

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
