package cli

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/gate"
	"github.com/tunecost/tunecost/workspace"
)

// replaceable says whether --out may replace the file already at out with
// data. A user's scenario or price sheet is never overwritten by output of
// another kind: a price sheet (import, update) replaces only a price sheet
// or an empty file, and a report (export, diff) replaces no TOML file, so a
// slip such as `export --out plan.toml` loses nothing the user typed.
func replaceable(out string, data []byte) error {
	existing, ok := readSmall(out)
	if !ok {
		return nil // nothing there, or not a regular file: written as before
	}
	writingSheet := workspace.IsPriceSheetData(data)
	isSheet := workspace.IsPriceSheetData(existing)
	switch {
	case writingSheet && !isSheet && len(strings.TrimSpace(string(existing))) > 0:
		return fmt.Errorf("%s: not replaced: it exists and is not a price sheet (a scenario or another file would be lost); choose another --out or remove it first", format.Sanitize(out))
	case !writingSheet && (isSheet || strings.HasSuffix(strings.ToLower(out), ".toml")):
		return fmt.Errorf("%s: not replaced: it is a TOML file (a scenario or a price sheet), and this output is a report; choose another --out", format.Sanitize(out))
	}
	return nil
}

// readSmall reads the regular file at path up to a price sheet's limit;
// ok is false when there is no such file.
func readSmall(path string) ([]byte, bool) {
	f, err := os.Open(path)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
		return nil, false
	}
	data, err := io.ReadAll(io.LimitReader(f, gate.MaxSheetBytes+1))
	return data, err == nil
}
