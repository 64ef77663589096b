package workspace

// The saves as the planner makes them, run in one go for the tests: it
// prepares in Update, writes in a command and commits when the write comes
// back (savejob.go); a copy is Edited written by WriteBeside, WriteCopyAs or
// WriteToCache under SaveName.

// save writes the edits into the file (PrepareSave, Write, Saved); anyway
// writes a read-only file.
func save(d *Doc, anyway bool) (string, error) {
	r, err := d.PrepareSave(anyway)
	if err != nil {
		return "", err
	}
	path, err := r.Write()
	if err == nil {
		d.Saved(r, path)
	}
	return path, err
}

// saveCopy writes the edited scenario with write, leaving the file alone.
func saveCopy(d *Doc, write func(name string, data []byte) (string, error)) (string, error) {
	data, err := d.Edited()
	if err != nil {
		return "", err
	}
	return write(d.SaveName(), data)
}

func saveBeside(d *Doc) (string, error)  { return saveCopy(d, WriteBeside) }
func saveToCache(d *Doc) (string, error) { return saveCopy(d, WriteToCache) }
func saveAs(d *Doc, path string) (string, error) {
	return saveCopy(d, func(_ string, data []byte) (string, error) { return WriteCopyAs(path, data) })
}
