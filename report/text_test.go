package report

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/tunecost/tunecost/diag"
	"github.com/tunecost/tunecost/present"
)

func TestTextGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := Text(&buf, []Scenario{handScenario(t), hostileScenario(t)}); err != nil {
		t.Fatal(err)
	}
	golden(t, "text.golden", buf.Bytes())
}

func TestTextEmpty(t *testing.T) {
	var buf bytes.Buffer
	if err := Text(&buf, nil); err != nil {
		t.Fatal(err)
	}
	golden(t, "text_empty.golden", buf.Bytes())
}

// TestTextInert checks that nothing from a hostile file reaches the output
// as a control character.
func TestTextInert(t *testing.T) {
	var buf bytes.Buffer
	if err := Text(&buf, []Scenario{hostileScenario(t)}); err != nil {
		t.Fatal(err)
	}
	for i, c := range buf.Bytes() {
		if (c < 0x20 && c != '\n') || c == 0x7f {
			t.Fatalf("control byte %#x at %d in:\n%s", c, i, buf.String())
		}
	}
	if strings.Contains(buf.String(), "cm0gLXJmIH4=") {
		t.Error("the OSC 52 payload survived")
	}
}

func TestCrossoverWords(t *testing.T) {
	s := handScenario(t)
	got := present.CrossoverWords(&s.Result, func(n string) string { return n })
	// lora starts dearer than rag (training) and rag overtakes it in index 4.
	want := "Crossovers: rag's cumulative cost overtakes lora's in month 5; "
	if !strings.HasPrefix(got, want) {
		t.Errorf("crossoverWords = %q, want prefix %q", got, want)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errWrite }

var errWrite = &writeError{}

type writeError struct{}

func (*writeError) Error() string { return "write failed" }

func TestTextWriteError(t *testing.T) {
	if err := Text(failWriter{}, []Scenario{handScenario(t)}); err != errWrite {
		t.Errorf("Text to a failing writer = %v, want the write error", err)
	}
}

// An option's warning that names the option itself is not prefixed with the
// name again; one that does not name it is. The text read "- LoRA: f.toml:
// 71:10: warning: option "LoRA": …".
func TestWarningNamesTheOptionOnce(t *testing.T) {
	s := handScenario(t)
	s.Warnings = nil
	for i := range s.Result.Options {
		s.Result.Options[i].Warnings = nil
	}
	o := &s.Result.Options[0]
	o.Warnings = diag.List{
		{File: "f.toml", Line: 7, Col: 1, Severity: diag.Warning, Message: fmt.Sprintf("option %q: unmerged adapters add 20 %%", o.Name)},
		{File: "f.toml", Line: 8, Col: 1, Severity: diag.Warning, Message: "a note that names no option"},
	}
	lines := warningLines(&s, func(x string) string { return x })
	want := []string{
		fmt.Sprintf("f.toml:7:1: warning: option %q: unmerged adapters add 20 %%", o.Name),
		o.Name + ": f.toml:8:1: warning: a note that names no option",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("warning lines:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
}
