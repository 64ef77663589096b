package workspace

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/tunecost/tunecost/examples"
)

// Save writes the edited values back into the scenario file, keeping every
// comment and the layout (only the edited values' text changes), atomically.
// It refuses when the file changed on disk since it was loaded
// (ErrChangedOnDisk; SaveBeside is the other choice). The built-in example,
// and a file whose folder cannot be written, are saved beside: the path
// returned says where.
func (d *Doc) Save() (string, error) {
	if d.File == nil {
		return "", fmt.Errorf("nothing to save: %v", d.Err)
	}
	data, err := d.File.Bytes()
	if err != nil {
		return "", err
	}
	if d.Path == "" {
		return d.saveBeside(examples.BuiltinName, data)
	}
	onDisk, err := readLimited(d.Path)
	if err != nil {
		return "", fmt.Errorf("%s: %s", d.Path, describeIOError(err))
	}
	if !bytes.Equal(onDisk, d.loaded) {
		return "", ErrChangedOnDisk
	}
	if err := WriteAtomic(d.Path, data); err != nil {
		if errors.Is(err, fs.ErrPermission) {
			return d.saveBeside(d.Path, data)
		}
		return "", err
	}
	d.loaded, d.edits, d.resets = data, nil, nil
	d.evaluate()
	return d.Path, nil
}

// SaveBeside writes the edited scenario next to the original under a new
// name (never overwriting) and leaves the original alone.
func (d *Doc) SaveBeside() (string, error) {
	if d.File == nil {
		return "", fmt.Errorf("nothing to save: %v", d.Err)
	}
	data, err := d.File.Bytes()
	if err != nil {
		return "", err
	}
	name := d.Path
	if name == "" {
		name = examples.BuiltinName
	}
	return d.saveBeside(name, data)
}

func (d *Doc) saveBeside(path string, data []byte) (string, error) {
	base := strings.TrimSuffix(path, filepath.Ext(path))
	for i := 1; i < 1000; i++ {
		candidate := fmt.Sprintf("%s.edited.toml", base)
		if i > 1 {
			candidate = fmt.Sprintf("%s.edited-%d.toml", base, i)
		}
		f, err := os.OpenFile(candidate, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", fmt.Errorf("%s: %s", candidate, describeIOError(err))
		}
		_, err = f.Write(data)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return "", err
		}
		return candidate, nil
	}
	return "", fmt.Errorf("%s: too many edited copies beside it", path)
}
