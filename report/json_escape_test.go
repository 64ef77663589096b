package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// TestJSONEscapesInvisible: a name carrying a right-to-left override, a
// zero-width space, DEL and a C1 control is written with \u escapes (the
// encoder kept U+202E raw), and the JSON still decodes to the same name.
func TestJSONEscapesInvisible(t *testing.T) {
	s := handScenario(t)
	name := "Lo\u202eRA\u200b\x7f\u0085 \u200d"
	s.Result.Options[0].Name = name
	var buf bytes.Buffer
	if err := JSON(&buf, []Scenario{s}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if want := `"Lo\u202eRA\u200b\u007f\u0085 ` + "\u200d" + `"`; !strings.Contains(out, want) {
		t.Errorf("JSON does not escape the name as %s", want)
	}
	for _, raw := range []string{"\u202e", "\u200b", "\x7f", "\u0085"} {
		if strings.Contains(out, raw) {
			t.Errorf("JSON holds %q raw", raw)
		}
	}
	var back struct {
		Scenarios []struct {
			Options []struct{ Name string } `json:"options"`
		} `json:"scenarios"`
	}
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil || back.Scenarios[0].Options[0].Name != name {
		t.Errorf("JSON does not read back: %v %+v", err, back)
	}
}
