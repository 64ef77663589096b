//go:build !unix

package workspace

// dirSyncFailed: folders cannot be synced on this platform; the file itself is.
func dirSyncFailed(error) bool { return false }

// processAlive: without a portable way to ask, every writer is taken to
// be alive, and only unnamed temporary files are cleaned by age.
func processAlive(int) bool { return true }
