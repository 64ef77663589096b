package workspace

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// MaxFileBytes bounds every scenario and price sheet read: shared files are
// hostile until proven otherwise, and no real plan comes near this size.
const MaxFileBytes = 4 << 20

// readLimited reads a whole file, refusing one over MaxFileBytes.
func readLimited(path string) ([]byte, error) {
	f, err := os.Open(path)
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
	data, err := io.ReadAll(io.LimitReader(f, MaxFileBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxFileBytes {
		return nil, errTooLarge
	}
	return data, nil
}

// Reasons without the path: callers print it in the path:line:col position.
var (
	errIsDir    = errors.New("is a directory")
	errTooLarge = fmt.Errorf("file is larger than %d MiB, the most tunecost reads", MaxFileBytes>>20)
)
