package pricing

import (
	"slices"
	"testing"
)

// The sheet's JSON Schema is recorded from the readers (SheetSpec: types and
// bounds as validated); every renderer draws from EntryFields (units and
// wording). Both must name the same keys of every table, so a field added
// to a reader without a rendering — or the other way round — fails here.
func TestSheetSpecAndEntryFieldsNameTheSameKeys(t *testing.T) {
	common := []string{"id", "name", "source", "as_of", "note"}
	spec := SheetSpec()
	for _, table := range Tables {
		var read, shown []string
		for _, f := range spec[string(table)] {
			if !slices.Contains(common, f.Key) {
				read = append(read, f.Key)
			}
		}
		for _, f := range TableFields(table) {
			shown = append(shown, f.Key)
		}
		if len(read) == 0 {
			t.Errorf("%s: the readers asked for no field", table)
		}
		slices.Sort(read)
		slices.Sort(shown)
		if !slices.Equal(read, shown) {
			t.Errorf("%s: the readers ask for %v, EntryFields lists %v", table, read, shown)
		}
	}
}
