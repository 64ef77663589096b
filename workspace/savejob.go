package workspace

import (
	"bytes"
	"errors"
	"fmt"
	"os"

	"github.com/tunecost/tunecost/examples"
)

// SaveRequest is a save prepared in memory: the bytes to write and what the
// file held when the document last read or wrote it. Write does the file
// I/O, so a program can run it off its interface's goroutine; Saved then
// marks the edits saved. Save does all three at once.
type SaveRequest struct {
	Path   string // "" for the built-in example, which is saved beside
	data   []byte
	loaded []byte
	anyway bool // write a read-only file
	change int  // the document's change count when prepared
}

// PrepareSave writes the edits into the file's bytes, in memory; anyway
// writes a file that is read-only.
func (d *Doc) PrepareSave(anyway bool) (SaveRequest, error) {
	data, err := d.edited()
	if err != nil {
		return SaveRequest{}, err
	}
	return SaveRequest{Path: d.Path, data: data, loaded: d.loaded, anyway: anyway, change: d.undo.changes}, nil
}

// Write writes the prepared bytes (see Doc.Save for what it refuses) and
// returns where they went. It reads nothing of the document.
func (r SaveRequest) Write() (string, error) {
	if r.Path == "" {
		return WriteBeside(examples.BuiltinName, r.data)
	}
	onDisk, err := readLimited(r.Path)
	if err != nil {
		return "", fmt.Errorf("%s: %s", r.Path, describeIOError(err))
	}
	if !bytes.Equal(onDisk, r.loaded) {
		return "", ErrChangedOnDisk
	}
	if info, err := os.Stat(r.Path); err == nil && info.Mode().Perm()&0o222 == 0 && !r.anyway {
		return "", ErrReadOnly
	}
	if err := WriteAtomic(r.Path, r.data); err != nil {
		return "", errors.New(describeWriteError(err))
	}
	return r.Path, nil
}

// Saved marks the edits of a request that Write wrote to path as saved:
// the file now holds them. The built-in example, written beside as path,
// becomes that file, so no saved edit is left to ask about at quit and the
// next save goes into it (not another .edited-N.toml). When the edits
// changed while the file was written (a value typed, an undo), they stay,
// applied over the bytes written, so nothing typed is lost and the
// document stays unsaved.
func (d *Doc) Saved(r SaveRequest, path string) {
	switch {
	case r.Path == "" && d.Path == "" && path != "":
		d.Path, d.cache = path, fileCache{}
	case r.Path == "" || r.Path != d.Path:
		return
	}
	d.loaded = r.data
	if d.undo.changes == r.change {
		d.settled()
	}
	d.evaluate()
}

// Reopened reads the document's files again into a new Doc with the same
// options and no edits, leaving d as it is: a program reads off its
// interface's goroutine, then puts the new Doc in the old one's place.
func (d *Doc) Reopened() (*Doc, error) {
	n := &Doc{Path: d.Path, opt: d.opt}
	if d.Path == "" {
		n.loaded = examples.Builtin()
	}
	if err := n.Reload(); err != nil {
		return nil, err
	}
	return n, nil
}
