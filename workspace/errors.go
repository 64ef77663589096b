package workspace

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
)

// describeIOError turns an *os.PathError into its bare reason: callers print
// the path themselves, in the path:line:col position.
func describeIOError(err error) string {
	var pe *os.PathError
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	case errors.Is(err, syscall.EROFS):
		return "read-only file system"
	case errors.Is(err, syscall.ENOSPC):
		return "no space left on the device"
	case errors.As(err, &pe):
		return pe.Err.Error()
	}
	return err.Error()
}
