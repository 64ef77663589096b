//go:build unix

package workspace

import (
	"errors"
	"syscall"
)

// dirSyncFailed reports whether an error syncing a folder is a failure:
// filesystems that cannot sync folders say EINVAL.
func dirSyncFailed(err error) bool { return err != nil && !errors.Is(err, syscall.EINVAL) }

// processAlive reports whether a process with this id runs (signal 0
// checks without sending; EPERM: it runs as another user).
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
