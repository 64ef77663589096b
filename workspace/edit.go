package workspace

import (
	"errors"

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

// refusal turns the scenario's first error into the reason an edit is
// refused, without the file position the editor does not need.
func refusal(err error) error {
	if l, ok := err.(diag.List); ok && len(l.Errors()) > 0 {
		return errors.New(l.Errors()[0].Message)
	}
	return err
}

// Undo takes back the last edit, or the last Reset once the edits made
// after it are undone; it reports false when there is nothing to take back.
func (d *Doc) Undo() bool {
	switch {
	case len(d.edits) > 0:
		d.edits = d.edits[:len(d.edits)-1]
	case len(d.resets) > 0:
		d.edits = d.resets[len(d.resets)-1]
		d.resets = d.resets[:len(d.resets)-1]
	default:
		return false
	}
	d.evaluate()
	return true
}

// Reset drops every edit: the values are the file's again. Undo brings
// the edits back.
func (d *Doc) Reset() {
	if len(d.edits) == 0 {
		return
	}
	d.resets = append(d.resets, d.edits)
	d.edits = nil
	d.evaluate()
}
