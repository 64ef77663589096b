package workspace

import (
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
	d.edits = append(d.edits, Edit{Section: sec, Option: option, Key: key, Text: text})
	d.evaluate()
	return nil
}

// Undo takes back the last edit; it reports false when there is none.
func (d *Doc) Undo() bool {
	if len(d.edits) == 0 {
		return false
	}
	d.edits = d.edits[:len(d.edits)-1]
	d.evaluate()
	return true
}

// Reset drops every edit: the values are the file's again.
func (d *Doc) Reset() {
	d.edits = nil
	d.evaluate()
}
