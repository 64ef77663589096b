package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// MODEL.md §9: a file that does not model quality changes no byte of any
// output. testdata/noquality holds the built-in example as it was before
// quality existed and the exports the code of that time wrote for it
// (copied, never regenerated); today's code must write them again.
func TestNoQualityNoByteChanges(t *testing.T) {
	src := filepath.Join("testdata", "noquality", "support-assistant.toml")
	for _, format := range []string{"json", "md", "csv"} {
		out, errOut, code := run(t, "export", "--format", format, src)
		if code != ExitOK {
			t.Fatalf("%s: exit %d: %s", format, code, errOut)
		}
		// The old exports were written from ../examples/; only the path differs.
		out = strings.ReplaceAll(out, "testdata/noquality/support-assistant.toml", "../examples/support-assistant.toml")
		want, err := os.ReadFile(filepath.Join("testdata", "noquality", "support-assistant."+format))
		if err != nil {
			t.Fatal(err)
		}
		if out != string(want) {
			t.Errorf("%s export of a file without quality changed", format)
		}
	}
}
