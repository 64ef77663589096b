//go:build !unix

package workspace

// dirSyncFailed: folders cannot be synced on this platform; the file itself is.
func dirSyncFailed(error) bool { return false }
