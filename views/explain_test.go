package views

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/present"
	"github.com/tunecost/tunecost/workspace"
)

// Each figure's explain ends at the number the Compare screen shows: the
// chain goes all the way, e.g. Training = each re-tune × 11 re-tunes, not
// only the cost of one re-tune (issue 10).
func TestExplainEndsAtTheFigureShown(t *testing.T) {
	results := map[string]*model.Result{}
	docs, _ := fixtureDocs(t, "support.toml")
	support := docs[0].Snapshot().Result
	results["support fixture"] = &support
	// Quality with a payback that never comes and a negative ROI (§9).
	docs, _ = fixtureDocs(t, "quality.toml")
	quality := docs[0].Snapshot().Result
	results["quality fixture"] = &quality
	paths, _ := filepath.Glob(filepath.Join("..", "examples", "*.toml"))
	ws, err := workspace.Load(paths, workspace.Options{Now: now})
	if err != nil || len(ws) == 0 {
		t.Fatalf("examples: %v (%d)", err, len(ws))
	}
	for _, d := range ws {
		if d.Err != nil {
			t.Fatalf("%s: %v", d.Path, d.Err)
		}
		results[filepath.Base(d.Path)] = &d.Result
	}
	ex := newExplain(newCommon(testConfig()))
	ex.SetSize(110, 40)
	for name, r := range results {
		for i := range r.Options {
			o := &r.Options[i]
			for _, f := range figures(r) {
				if !endsAtTheFigure(f) {
					continue
				}
				ex.Open(r, i, f)
				// Screens count months from 1 ("serving cost in month 0" was
				// the engine's month index).
				if all := strings.Join(ex.lines, "\n"); strings.Contains(all, "month 0") {
					t.Errorf("%s, %s, %s: explain counts months from 0:\n%s", name, o.Name, f.Label, all)
				}
				last := strings.TrimSpace(ex.lines[len(ex.lines)-1])
				shown := f.Cell(o)
				want := "= " + shown // an empty figure's too, after why it is empty
				if !strings.HasSuffix(last, want) {
					t.Errorf("%s, %s, %s shows %s but its explain ends at %q", name, o.Name, f.Label, shown, last)
				}
			}
		}
	}
}

// endsAtTheFigure: every figure that is one quantity (not the training
// run's summary, the GPUs per replica or the warnings).
func endsAtTheFigure(f present.Figure) bool {
	switch f.Label {
	case "Training run", "Serving GPUs", "Warnings":
		return false
	}
	return true
}
