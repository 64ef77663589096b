package pricing

import (
	"fmt"

	"github.com/tunecost/tunecost/gate"
)

// Writable says why tunecost would refuse sheet as a price sheet — its
// size, its shape or its entries, naming the limit — or returns nil. An
// import or an update checks what it made before writing it, so it never
// leaves a sheet that every later run refuses (M2).
func Writable(sheet []byte) error {
	if len(sheet) > gate.MaxSheetBytes {
		return fmt.Errorf("the sheet would be %.1f MiB, more than the %d MiB a price sheet may be (docs/limits.md); nothing written: import less (one region with --region, fewer sources)",
			float64(len(sheet))/(1<<20), gate.MaxSheetBytes>>20)
	}
	if _, diags := Parse("the sheet", sheet); diags.HasErrors() {
		return fmt.Errorf("the sheet would not load (docs/limits.md): %s; nothing written", diags[0].String())
	}
	return nil
}

// tooManyEntries refuses an import that would write more entries than a
// sheet may hold, before writing them.
func tooManyEntries(file string, n int) error {
	return fmt.Errorf("%s: the sheet would hold %d entries, more than the %d a price sheet may (docs/limits.md); nothing written: import less (one region with --region, fewer sources)", file, n, MaxEntries)
}
