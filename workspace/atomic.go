package workspace

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// file is what the writers need of an open file; fsys opens them. Tests
// swap fsys for one that fails as a full disk or a read-only filesystem
// would.
type file interface {
	Write([]byte) (int, error)
	Sync() error
	Close() error
}

var fsys = struct {
	OpenFile func(name string, flag int, perm fs.FileMode) (file, error)
	Rename   func(from, to string) error
	Link     func(from, to string) error
}{
	OpenFile: func(name string, flag int, perm fs.FileMode) (file, error) { return os.OpenFile(name, flag, perm) },
	Rename:   os.Rename,
	Link:     os.Link,
}

// WriteAtomic replaces path with data so that a crash at any moment leaves
// either the old file or the new one, whole: it writes a temporary file in
// the same folder, syncs it, gives it the original's mode, renames it over
// the original and syncs the folder. A symlink is written through: its
// target is replaced and the link stays a link. Errors name path, never the
// temporary file.
func WriteAtomic(path string, data []byte) error {
	target, err := writeTarget(path)
	if err != nil {
		return err
	}
	mode := fs.FileMode(0o644)
	if info, err := os.Stat(target); err == nil {
		mode = info.Mode().Perm()
	}
	cleanTemps(filepath.Dir(target))
	tmp, err := writeTemp(filepath.Dir(target), tempPrefix(target), data, mode)
	if err != nil {
		return &os.PathError{Op: "write", Path: path, Err: bareError(err)}
	}
	if err := fsys.Rename(tmp, target); err != nil {
		os.Remove(tmp)
		return &os.PathError{Op: "write", Path: path, Err: bareError(err)}
	}
	return syncDir(filepath.Dir(target))
}

// writeTarget is the file a write to path must replace: path itself, or
// the file a symlink at path points to (replacing the link would leave its
// target unchanged while the save reports success).
func writeTarget(path string) (string, error) {
	info, err := os.Lstat(path)
	if err != nil || info.Mode()&fs.ModeSymlink == 0 {
		return path, nil
	}
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		dest, _ := os.Readlink(path)
		return "", fmt.Errorf("%s is a symlink to %s, which does not exist: save beside it, or fix the link", path, dest)
	}
	if ti, err := os.Stat(target); err == nil && !ti.Mode().IsRegular() {
		return "", fmt.Errorf("%s is a symlink to %s, which is not a regular file", path, target)
	}
	return target, nil
}

// writeTemp writes data to a new file named prefix+random in dir, synced,
// with mode; it returns its name. On any failure the file is removed.
func writeTemp(dir, prefix string, data []byte, mode fs.FileMode) (string, error) {
	for range 100 {
		var b [6]byte
		_, _ = rand.Read(b[:])
		name := filepath.Join(dir, prefix+hex.EncodeToString(b[:]))
		err := writeNew(name, data, mode)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return name, err
	}
	return "", errors.New("no free temporary name")
}

// WriteNew creates path with data, synced with its folder, and fails with
// fs.ErrExist when path exists (a dangling symlink included): it never
// overwrites. Like WriteAtomic it writes a temporary file in the same
// folder first, then gives it its name — a hard link, which fails if the
// name was taken meanwhile —, so a kill at any moment leaves no file under
// path or the whole one, never a partial file that looks saved (the
// campaign's M8: save beside, save at a path, the cache copy). A failed
// write (a full disk) removes what it created.
func WriteNew(path string, data []byte) error {
	if _, err := os.Lstat(path); err == nil {
		return &os.PathError{Op: "create", Path: path, Err: fs.ErrExist}
	}
	dir := filepath.Dir(path)
	cleanTemps(dir)
	tmp, err := writeTemp(dir, tempPrefix(path), data, 0o644)
	if err != nil {
		return &os.PathError{Op: "write", Path: path, Err: bareError(err)}
	}
	defer os.Remove(tmp) // once linked, only the temporary name goes
	if err := publishNew(tmp, path); err != nil {
		return &os.PathError{Op: "write", Path: path, Err: bareError(err)}
	}
	return syncDir(dir)
}

// publishNew gives the written file tmp the name path, which must be free.
// A hard link does it atomically; where the filesystem has none (FAT, some
// network shares) a rename after a last look is the fallback, whose only
// race is with a file created in between.
func publishNew(tmp, path string) error {
	err := fsys.Link(tmp, path)
	if err == nil || errors.Is(err, fs.ErrExist) {
		return err
	}
	if _, statErr := os.Lstat(path); statErr == nil {
		return fs.ErrExist
	}
	return fsys.Rename(tmp, path)
}

func writeNew(path string, data []byte, mode fs.FileMode) error {
	f, err := fsys.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, mode)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(path, mode) // the umask may have narrowed it
	}
	if err != nil {
		os.Remove(path)
		return &os.PathError{Op: "write", Path: path, Err: bareError(err)}
	}
	return nil
}

// bareError is err without the path an *os.PathError or *os.LinkError
// carries (a temporary file's, which no message may show).
func bareError(err error) error {
	var pe *os.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		return pe.Err
	case errors.As(err, &le):
		return le.Err
	}
	return err
}

// syncDir makes a new name or a rename in dir durable.
func syncDir(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return nil // the file itself is written and synced
	}
	defer f.Close()
	if err := f.Sync(); dirSyncFailed(err) {
		return &os.PathError{Op: "sync", Path: dir, Err: bareError(err)}
	}
	return nil
}
