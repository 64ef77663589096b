package scenarios

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tunecost/tunecost/diag"
)

func read(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// check runs what `tunecost check` runs: Parse, then Resolve when Parse
// found no error.
func check(t testing.TB, path string) diag.List {
	f, d := Parse(path, read(t, path))
	if !d.HasErrors() {
		_, more := f.Resolve(testCatalog())
		d = append(d, more...)
	}
	return d
}

func TestBadFiles(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range badFiles {
		seen[c.file] = true
		path := filepath.Join("testdata", "bad", c.file)
		var got []string
		for _, d := range check(t, path) {
			got = append(got, d.String())
		}
		if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%s:\n got:\n\t%s\nwant:\n\t%s", c.file, strings.Join(got, "\n\t"), strings.Join(c.want, "\n\t"))
		}
	}
	files, _ := filepath.Glob("testdata/bad/*.toml")
	for _, f := range files {
		if !seen[filepath.Base(f)] {
			t.Errorf("%s has no expected messages in badFiles", f)
		}
	}
	if len(badFiles) < 20 {
		t.Errorf("only %d bad files", len(badFiles))
	}
}

func TestGoodFiles(t *testing.T) {
	files, _ := filepath.Glob("testdata/good/*.toml")
	if len(files) == 0 {
		t.Fatal("no good files")
	}
	for _, f := range files {
		if d := check(t, f); len(d) > 0 {
			t.Errorf("%s: want no diagnostics, got:\n%s", f, d)
		}
	}
}
