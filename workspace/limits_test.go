package workspace

import (
	"strings"
	"testing"

	"github.com/tunecost/tunecost/diag"
)

// TestDiagnosticsCapped: a file with 60 unknown keys in its last option
// lists the first 50 and counts the other 10 in one line.
func TestDiagnosticsCapped(t *testing.T) {
	docs, err := Load([]string{"testdata/unknown60.toml"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := docs[0].Diags
	if len(got) != diag.MaxShown+1 {
		t.Fatalf("%d diagnostics, want %d + 1:\n%v", len(got), diag.MaxShown, got)
	}
	last := got[len(got)-1].String()
	if want := ": 10 more problems not shown (only the first 50 are listed)"; !strings.HasSuffix(last, want) {
		t.Errorf("last line %q does not count the rest", last)
	}
}
