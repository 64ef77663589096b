//go:build unix

package workspace

import (
	"errors"
	"syscall"
)

// dirSyncFailed reports whether an error syncing a folder is a failure:
// filesystems that cannot sync folders say EINVAL.
func dirSyncFailed(err error) bool { return err != nil && !errors.Is(err, syscall.EINVAL) }
