package report

import (
	"github.com/tunecost/tunecost/present"
	"strings"
	"testing"
)

// TestTextTableAlignsWideCharacters: a CJK name takes two cells a character,
// and the columns after it must still line up.
func TestTextTableAlignsWideCharacters(t *testing.T) {
	tt := textTable{header: []string{"客服微调", "RAG"}, rows: []present.Row{
		{Label: "Total", Cells: []string{"$1,000", "$20"}},
		{Label: "Per 1k", Cells: []string{"$1.00", "$0.02"}},
	}}
	var sb strings.Builder
	tt.write(&sb)
	lines := strings.Split(strings.TrimRight(sb.String(), "\n"), "\n")
	for _, l := range lines {
		if got, want := cells(l), cells(lines[0]); got != want {
			t.Errorf("%q is %d cells wide, the header %d:\n%s", l, got, want, sb.String())
		}
	}
	if got := truncate("客服微调助手", 7); cells(got) > 7 || !strings.HasSuffix(got, "…") {
		t.Errorf("truncate = %q (%d cells)", got, cells(got))
	}
}
