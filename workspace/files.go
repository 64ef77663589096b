package workspace

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"syscall"

	"github.com/tunecost/tunecost/gate"
)

// Limits on the bytes read (docs/limits.md): shared files are hostile until
// proven otherwise, and the bounds are set so that the worst file inside
// them still checks in about two seconds (bench/limits_test.go).
const (
	MaxFileBytes  = gate.MaxScenarioBytes // a scenario or an extends base
	MaxSheetBytes = gate.MaxSheetBytes    // a price sheet
)

// readLimited reads a scenario again (reload, the check before a save): a
// regular file only, since a pipe read once would now wait for a writer
// forever. The first read of a path on the command line accepts any
// readable file (Load).
func readLimited(path string) ([]byte, error) {
	return readNamed(path, MaxFileBytes)
}

// readNamed reads a file that another file names (an extends base) or that
// a folder holds: only a regular file, since opening a FIFO would wait for
// a writer forever and a device may never end.
func readNamed(path string, limit int64) ([]byte, error) {
	return readFile(path, limit, true)
}

// readFile checks the file's size (and, when regularOnly, its kind) before
// reading a byte of it. A regular-only file is opened without blocking, so
// a FIFO put there on purpose cannot stall the open either.
func readFile(path string, limit int64, regularOnly bool) ([]byte, error) {
	flags := os.O_RDONLY
	if regularOnly {
		flags |= syscall.O_NONBLOCK
	}
	f, err := os.OpenFile(path, flags, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if info.IsDir() {
		return nil, errIsDir
	}
	if regularOnly && !info.Mode().IsRegular() {
		return nil, notRegular(info.Mode())
	}
	if info.Mode().IsRegular() && info.Size() > limit {
		return nil, tooLarge(limit)
	}
	// A file may grow between Stat and read, and a pipe has no size: the
	// read itself stops one byte past the limit.
	var buf bytes.Buffer
	if info.Mode().IsRegular() {
		buf.Grow(int(info.Size()) + bytes.MinRead) // one read, not a dozen growing ones
	}
	if _, err := buf.ReadFrom(io.LimitReader(f, limit+1)); err != nil {
		return nil, err
	}
	data := buf.Bytes()
	if int64(len(data)) > limit {
		return nil, tooLarge(limit)
	}
	return data, nil
}

// Reasons without the path: callers print it in the path:line:col position.
var errIsDir = errors.New("is a directory")

// notRegularError is a file that is not a regular one: a FIFO, a socket or
// a device, where reading may wait forever or never end.
type notRegularError struct{ kind string }

func (e notRegularError) Error() string { return "is " + e.kind + ", not a regular file" }

func notRegular(m fs.FileMode) error {
	kind := "a special file"
	switch {
	case m&fs.ModeNamedPipe != 0:
		kind = "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		kind = "a socket"
	case m&fs.ModeDevice != 0:
		kind = "a device"
	}
	return notRegularError{kind}
}

func tooLarge(limit int64) error {
	return errors.New(gate.TooLarge(int(limit)))
}
