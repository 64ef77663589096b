package views

import (
	"errors"
	"path/filepath"
	"testing"

	"github.com/tunecost/tunecost/diag"
	"github.com/tunecost/tunecost/model"
)

// A warning's position is read from the diagnostic, not parsed back out of
// its text: a folder with a space in its name (which a pattern of
// non-spaces could not match) is shortened like any other, and a warning
// about the whole file keeps its file without "warning:".
func TestCompareWarningsFromTheDiagnostic(t *testing.T) {
	dir := t.TempDir()
	inSpace := filepath.Join(dir, "my plans", "support.toml")
	c := newCommon(Config{Now: now, Dir: dir})
	m := newCompare(c)
	m.SetSize(80, 24)
	m.SetSnapshot(snapshot{
		Result: model.Result{Options: []model.OptionResult{{Name: "rag",
			Warnings: diag.List{{File: inSpace, Line: 12, Col: 3, Severity: diag.Warning, Message: "top_k is high"}}}}},
		Warnings: diag.List{{File: inSpace, Severity: diag.Warning, Message: "no price sheet named"}},
	})
	got := m.warnings(200)
	want := []string{"", "Warnings",
		"⚠ rag: my plans/support.toml:12: top_k is high",
		"⚠ my plans/support.toml: no price sheet named"}
	if len(got) != len(want) {
		t.Fatalf("warnings = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("line %d = %q, want %q", i, got[i], want[i])
		}
	}
}

// A refused value shows the diagnostic's message: from a List its first
// error and how many more, from one Diagnostic its message, and a plain
// error as it is, even when its text looks like a position.
func TestReasonReadsTheDiagnostic(t *testing.T) {
	one := diag.Diagnostic{File: "a b.toml", Line: 4, Col: 2, Field: "workload.input_tokens", Message: "must be ≥ 1"}
	two := diag.List{one, {File: "a b.toml", Line: 9, Col: 1, Message: "unknown model \"x\""},
		{File: "a b.toml", Line: 10, Col: 1, Severity: diag.Warning, Message: "a warning is not counted"}}
	for _, tc := range []struct {
		err  error
		want string
	}{
		{one, "must be ≥ 1"},
		{two, "must be ≥ 1 (and 1 more)"},
		{errors.New("x.toml:1:1: not a diagnostic"), "x.toml:1:1: not a diagnostic"},
	} {
		if got := reason(tc.err); got != tc.want {
			t.Errorf("reason(%v) = %q, want %q", tc.err, got, tc.want)
		}
	}
}
