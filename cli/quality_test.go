package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aymanbagabas/go-udiff"
)

// MODEL.md §9: a file that does not model quality changes no byte of any
// output. testdata/noquality holds the built-in example as it was before
// quality existed and the exports the engine without quality wrote for it
// (copied from that branch's goldens); today's code must write them again.
// When another change moves every export (a new report section), -update
// rewrites them: the diff must then be the same as the other examples'.
// Like every golden run, it prices from the pinned sheet.
func TestNoQualityNoByteChanges(t *testing.T) {
	src := filepath.Join("testdata", "noquality", "support-assistant.toml")
	for _, format := range []string{"json", "md", "csv"} {
		out, errOut, code := runPinned(t, "export", "--format", format, src)
		if code != ExitOK {
			t.Fatalf("%s: exit %d: %s", format, code, errOut)
		}
		// The old exports were written from ../examples/; only the path differs.
		out = strings.ReplaceAll(out, "testdata/noquality/support-assistant.toml", "../examples/support-assistant.toml")
		path := filepath.Join("testdata", "noquality", "support-assistant."+format)
		if updating() {
			if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if out != string(want) {
			t.Errorf("%s export of a file without quality changed:\n%s", format, udiff.Unified(path, "got", string(want), out))
		}
	}
}
