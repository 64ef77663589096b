package workspace

import (
	"testing"

	"github.com/tunecost/tunecost/model"
)

// topK lists the top_k texts of the edits the document holds, oldest first.
func topK(d *Doc) []string {
	var out []string
	for _, e := range d.edits {
		out = append(out, e.Text)
	}
	return out
}

func wantEdits(t *testing.T, d *Doc, step string, want ...string) {
	t.Helper()
	got := topK(d)
	if len(got) != len(want) {
		t.Fatalf("%s: edits %q, want %q", step, got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("%s: edits %q, want %q", step, got, want)
		}
	}
}

// The document owns the editing sessions: the keystrokes of one value typed
// ("1", "12") are one step back; a Set outside a session is a step of its
// own; a refused value counts for nothing; esc takes back only its session.
func TestUndoTakesBackOneEditingSession(t *testing.T) {
	d := loadOne(t, scratch(t))
	d.Set(model.SectionOption, 1, "top_k", "8") // outside a session: one step
	d.BeginEdit()
	d.Set(model.SectionOption, 1, "top_k", "1")
	d.Set(model.SectionOption, 1, "top_k", "-") // refused: no edit, no step
	d.Set(model.SectionOption, 1, "top_k", "12")
	d.EndEdit()
	wantEdits(t, d, "typed", "8", "1", "12")
	d.BeginEdit()
	d.Set(model.SectionOption, 1, "top_k", "3")
	d.CancelEdit()
	wantEdits(t, d, "esc", "8", "1", "12")
	if !d.Undo() {
		t.Fatal("nothing undone")
	}
	wantEdits(t, d, "first undo", "8")
	if !d.Undo() || d.Dirty() || d.Undo() {
		t.Fatalf("second undo: edits %q, want none and nothing more to undo", topK(d))
	}
}

// A Reset is one step back, and the sessions before it come back with it.
func TestUndoAfterResetKeepsTheSessions(t *testing.T) {
	d := loadOne(t, scratch(t))
	d.BeginEdit()
	d.Set(model.SectionOption, 1, "top_k", "1")
	d.Set(model.SectionOption, 1, "top_k", "10")
	d.EndEdit()
	d.Set(model.SectionTeam, 0, "hourly_rate", "150")
	d.Reset()
	wantEdits(t, d, "reset")
	d.Undo()
	wantEdits(t, d, "undo of the reset", "1", "10", "150")
	d.Undo()
	wantEdits(t, d, "undo of the rate", "1", "10")
	d.Undo()
	wantEdits(t, d, "undo of the session")
}

// Saving forgets every way back (the file holds the edits now), without
// the screen having to say so; a session open across the save counts from
// it. A copy saved beside leaves the document's edits and their steps.
func TestSaveForgetsTheStepsAndBesideKeepsThem(t *testing.T) {
	d := loadOne(t, scratch(t))
	d.Set(model.SectionTeam, 0, "hourly_rate", "150")
	d.BeginEdit()
	d.Set(model.SectionOption, 1, "top_k", "1")
	d.Set(model.SectionOption, 1, "top_k", "10")
	if _, err := saveBeside(d); err != nil {
		t.Fatal(err)
	}
	wantEdits(t, d, "saved beside", "150", "1", "10")
	if _, err := save(d, false); err != nil {
		t.Fatal(err)
	}
	wantEdits(t, d, "saved")
	d.Set(model.SectionOption, 1, "top_k", "9")
	d.CancelEdit()
	wantEdits(t, d, "esc after the save takes back only what followed it")
	if d.Undo() {
		t.Errorf("undo after a save took back %q", topK(d))
	}
}

// Reloading drops the edits, the steps and the open session.
func TestReloadForgetsTheSteps(t *testing.T) {
	d := loadOne(t, scratch(t))
	d.Set(model.SectionTeam, 0, "hourly_rate", "150")
	d.BeginEdit()
	d.Set(model.SectionOption, 1, "top_k", "1")
	if err := d.Reload(); err != nil {
		t.Fatal(err)
	}
	d.Set(model.SectionOption, 1, "top_k", "7") // no session is open any more
	d.CancelEdit()
	wantEdits(t, d, "after reload", "7")
	if !d.Undo() || d.Dirty() || d.Undo() {
		t.Errorf("undo after reload: edits %q", topK(d))
	}
}
