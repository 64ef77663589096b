package scenarios

import (
	"path/filepath"
	"testing"

	"github.com/tunecost/tunecost/model"
)

// FuzzParse feeds any bytes through Parse, Resolve and an edit: nothing
// may panic, and every diagnostic must have a position.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/*/*.toml")
	for _, p := range files {
		f.Add(read(f, p))
	}
	cat := testCatalog()
	f.Fuzz(func(t *testing.T, data []byte) {
		file, d := Parse("f.toml", data)
		s, more := file.Resolve(cat)
		for _, x := range append(d, more...) {
			if x.Line < 1 || x.Col < 1 || x.Message == "" {
				t.Fatalf("diagnostic without position or message: %#v", x)
			}
		}
		if len(s.Options) != len(file.Options) {
			t.Fatalf("%d options resolved from %d", len(s.Options), len(file.Options))
		}
		if !d.HasErrors() && len(file.Options) > 0 {
			if file.Set(model.SectionOption, 0, "integration_hours", "12") == nil {
				if out, err := file.Bytes(); err == nil {
					if _, d2 := Parse("f.toml", out); d2.HasErrors() {
						t.Fatalf("an edit broke a clean file: %v\n%s", d2, out)
					}
				}
			}
		}
	})
}
