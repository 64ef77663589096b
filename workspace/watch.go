package workspace

import (
	"bytes"
	"errors"

	"github.com/tunecost/tunecost/pricing"
)

// WatchPaths lists the files the document was built from — the scenario,
// its extends chain and every price sheet other than the built-in one — so
// the planner can reload when one changes on disk.
func (d *Doc) WatchPaths() []string {
	if d.Path == "" {
		return nil
	}
	out := []string{d.Path}
	out = append(out, d.bases...)
	for _, sh := range d.sheets {
		if sh.File != "" && sh.File != pricing.BuiltinFile {
			out = append(out, sh.File)
		}
	}
	return dedupeStrings(out)
}

// ChangedOnDisk reports whether the scenario file no longer holds the bytes
// it was loaded (or last saved) with; a file that cannot be read counts as
// changed. The built-in example never changes.
func (d *Doc) ChangedOnDisk() bool {
	if d.Path == "" {
		return false
	}
	data, err := readLimited(d.Path)
	var special notRegularError
	if errors.As(err, &special) {
		return false // a pipe was read once; reading it again would wait forever
	}
	return err != nil || !bytes.Equal(data, d.loaded)
}

func dedupeStrings(in []string) []string {
	seen := map[string]bool{}
	out := in[:0]
	for _, s := range in {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
