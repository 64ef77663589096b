package workspace

import (
	"github.com/tunecost/tunecost/diag"
	"github.com/tunecost/tunecost/model"
)

// Set changes one input as typed in the editor and recomputes. A value the
// validator refuses is returned as an error and changes nothing.
func (d *Doc) Set(sec model.Section, option int, key, text string) error {
	if d.File == nil {
		return d.Err
	}
	if err := d.File.Set(sec, option, key, text); err != nil {
		// Parse again so a refused value leaves no trace in File.
		d.evaluate()
		return err
	}
	wasOK := d.OK()
	d.edits = append(d.edits, Edit{Section: sec, Option: option, Key: key, Text: text})
	defer func() { d.undo.applied(len(d.edits)) }()
	d.evaluate()
	if wasOK && !d.OK() {
		// A value can pass its own checks and still leave the scenario
		// unpriceable (an unknown model id, a replica that no longer fits):
		// refuse it with the reason and keep the last good state.
		err := d.Err
		d.edits = d.edits[:len(d.edits)-1]
		d.evaluate()
		return refusal(err)
	}
	return nil
}

// refusal is the scenario's first error, the reason an edit is refused,
// kept as the diagnostic it is: the editor shows its message, a caller
// that wants the position has it.
func refusal(err error) error {
	if l, ok := err.(diag.List); ok && len(l.Errors()) > 0 {
		return l.Errors()[0]
	}
	return err
}

// BeginEdit opens an editing session: every value Set until EndEdit is one
// step for Undo, so the keystrokes of one value typed go back together.
func (d *Doc) BeginEdit() { d.undo.begin() }

// EndEdit closes the editing session, keeping what it applied.
func (d *Doc) EndEdit() { d.undo.end() }

// CancelEdit closes the editing session and takes back what it applied.
func (d *Doc) CancelEdit() {
	if n := d.undo.cancel(); n > 0 {
		d.edits = d.edits[:len(d.edits)-n]
		d.evaluate()
	}
}

// Undo takes back the last step (an editing session, or one Set made
// outside any), or the last Reset once the edits made after it are undone;
// it reports false when there is nothing to take back.
func (d *Doc) Undo() bool {
	d.undo.end()
	switch {
	case len(d.undo.steps) > 0:
		n := d.undo.pop()
		d.edits = d.edits[:len(d.edits)-n]
	case len(d.undo.resets) > 0:
		d.edits = d.undo.restore()
	default:
		return false
	}
	d.evaluate()
	return true
}

// Reset drops every edit: the values are the file's again. Undo brings
// the edits back.
func (d *Doc) Reset() {
	d.undo.end()
	if len(d.edits) == 0 {
		return
	}
	d.undo.reset(d.edits)
	d.edits = nil
	d.evaluate()
}

// settled forgets every edit and every way back: the edits were written
// (saved) or read away (reloaded). An open editing session stays open,
// counting from here.
func (d *Doc) settled() {
	d.edits = nil
	d.undo.settle()
}

// history groups the edits into the steps Undo takes back. The steps'
// sizes add up to the edits before the open session; the open session's
// edits are the last ones.
type history struct {
	steps   []int // edits per step, oldest first
	editing bool  // a session is open
	open    int   // edits of the open session
	resets  []resetStep
	changes int // counts every change of the edits, so a save knows whether they moved while it wrote
}

// resetStep is what a Reset dropped, for Undo to restore.
type resetStep struct {
	edits []Edit
	steps []int
}

func (h *history) begin() { h.end(); h.editing = true }

func (h *history) end() {
	if h.open > 0 {
		h.steps = append(h.steps, h.open)
	}
	h.editing, h.open = false, 0
}

// applied records a successful Set: total is the number of edits now, so
// a Set that was refused (and took its edit back) records nothing.
func (h *history) applied(total int) {
	if total <= h.sum()+h.open {
		return
	}
	h.changes++
	if h.editing {
		h.open++
		return
	}
	h.steps = append(h.steps, 1)
}

func (h *history) sum() int {
	n := 0
	for _, s := range h.steps {
		n += s
	}
	return n
}

func (h *history) cancel() int {
	n := h.open
	h.editing, h.open = false, 0
	if n > 0 {
		h.changes++
	}
	return n
}

func (h *history) pop() int {
	n := h.steps[len(h.steps)-1]
	h.steps = h.steps[:len(h.steps)-1]
	h.changes++
	return n
}

func (h *history) reset(edits []Edit) {
	h.resets = append(h.resets, resetStep{edits: edits, steps: h.steps})
	h.steps = nil
	h.changes++
}

func (h *history) restore() []Edit {
	r := h.resets[len(h.resets)-1]
	h.resets = h.resets[:len(h.resets)-1]
	h.steps = r.steps
	h.changes++
	return r.edits
}

func (h *history) settle() { h.steps, h.open, h.resets = nil, 0, nil }
