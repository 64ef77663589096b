package scenarios

import (
	"path/filepath"
	"testing"

	"github.com/tunecost/tunecost/diag"
	"github.com/tunecost/tunecost/model"
)

// FuzzParse feeds any bytes through Parse, Resolve and an edit, and a pair
// of files through ParseBase, Merge, Resolve and edits of inherited values:
// nothing may panic, every diagnostic must have a position, and an edit
// must not break a clean file.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/*/*.toml")
	for _, p := range files {
		f.Add(read(f, p), []byte(mergeBase))
	}
	f.Add([]byte(mergeChild), []byte(mergeBase))
	f.Add([]byte("extends = \"b.toml\"\nname = \"x\"\n"), []byte(""))
	cat := testCatalog()
	f.Fuzz(func(t *testing.T, data, baseData []byte) {
		file, d := Parse("f.toml", data)
		s, more := file.Resolve(cat)
		positioned(t, append(d, more...))
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
		fuzzMerge(t, data, baseData, cat)
	})
}

// fuzzMerge reads data as a file extending baseData.
func fuzzMerge(t *testing.T, data, baseData []byte, cat *model.Catalog) {
	base, bd := ParseBase("b/base.toml", baseData)
	child, cd := ParseBase("f.toml", data)
	m, md := Merge(base, child)
	_, more := m.Resolve(cat)
	positioned(t, append(append(append(bd, cd...), md...), more...))
	if len(m.Options) > MaxOptions {
		t.Fatalf("%d options after Merge", len(m.Options))
	}
	if bd.HasErrors() || cd.HasErrors() {
		return
	}
	edited := false
	for i := range m.Options {
		if m.Set(model.SectionOption, i, "integration_hours", "7") == nil {
			edited = true
		}
	}
	if m.Set(model.SectionWorkload, 0, "output_tokens", "9") == nil {
		edited = true
	}
	if !edited {
		return
	}
	out, err := m.Bytes()
	if err != nil {
		return
	}
	if _, d2 := ParseBase("f.toml", out); d2.HasErrors() {
		t.Fatalf("an edit of inherited values broke a clean file: %v\n%s", d2, out)
	}
}

func positioned(t *testing.T, l diag.List) {
	t.Helper()
	for _, x := range l {
		if x.Line < 1 || x.Col < 1 || x.Message == "" || x.File == "" {
			t.Fatalf("diagnostic without file, position or message: %#v", x)
		}
	}
}
