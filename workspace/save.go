package workspace

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/tunecost/tunecost/examples"
)

// ErrReadOnly refuses a save over a file without write permission: the
// person is asked before PrepareSave(true) writes it anyway.
var ErrReadOnly = errors.New("the file is read-only")

// edited is the file's bytes with the edits written in.
func (d *Doc) edited() ([]byte, error) {
	if d.File == nil {
		return nil, fmt.Errorf("nothing to save: %v", d.Err)
	}
	return d.File.Bytes()
}

// WriteCopyAs writes data to a new file at path, never over an existing one.
func WriteCopyAs(path string, data []byte) (string, error) {
	path = strings.TrimSpace(path)
	if path == "" {
		return "", errors.New("no path given")
	}
	if err := WriteNew(path, data); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return "", fmt.Errorf("%s exists: choose another name", path)
		}
		return "", errors.New(describeWriteError(err))
	}
	return path, nil
}

// WriteToCache writes data under name's base name into tunecost's folder
// in the user's cache directory, beside any copy already there.
func WriteToCache(name string, data []byte) (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("no cache directory: %v", err)
	}
	dir = filepath.Join(dir, "tunecost")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", errors.New(describeWriteError(err))
	}
	return WriteBeside(filepath.Join(dir, filepath.Base(name)), data)
}

// Edited is the scenario's bytes with the edits written in, for a copy
// written off the interface's goroutine (WriteBeside, WriteCopyAs,
// WriteToCache); the document is left as it is.
func (d *Doc) Edited() ([]byte, error) { return d.edited() }

// SaveName is the path a copy is named after: the file's, or the built-in
// example's name.
func (d *Doc) SaveName() string { return d.name() }

func (d *Doc) name() string {
	switch {
	case d.Path == "":
		return examples.BuiltinName
	case streamed(d.Path):
		return streamName
	}
	return d.Path
}

// streamName is what a copy of a scenario read from a pipe is named after,
// in the working folder: tunecost <(cat s.toml) has the path /dev/fd/63,
// beside which nothing can be written (the campaign's L8).
const streamName = "scenario.toml"

// streamed reports whether path is no file a copy could sit beside: a
// pipe, a device, or a /dev/fd or /proc name that is gone once read.
func streamed(path string) bool {
	info, err := os.Stat(path)
	if err == nil {
		return !info.Mode().IsRegular()
	}
	return strings.HasPrefix(path, "/dev/") || strings.HasPrefix(path, "/proc/")
}

// WriteBeside writes data to the first free name.edited[-N].toml beside path.
func WriteBeside(path string, data []byte) (string, error) {
	base := strings.TrimSuffix(path, filepath.Ext(path))
	for i := 1; i < 1000; i++ {
		candidate := fmt.Sprintf("%s.edited.toml", base)
		if i > 1 {
			candidate = fmt.Sprintf("%s.edited-%d.toml", base, i)
		}
		err := WriteNew(candidate, data)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", errors.New(describeWriteError(err))
		}
		return candidate, nil
	}
	return "", fmt.Errorf("%s: too many edited copies beside it", path)
}

// describeWriteError is "path: reason" for a failed write, in words.
func describeWriteError(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Path + ": " + describeIOError(err)
	}
	return err.Error()
}
