package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

// withSolverFailures is the hand scenario analysed without ranges, then
// with its first break-even and option 0's first tornado bar marked as the
// solver leaves them when the engine refuses every value it tries (see
// uncertainty.TestSummaryKeepsSolverErrors for how that happens).
func withSolverFailures(t *testing.T) Scenario {
	s := handNoRanges(t)
	be := &s.Uncertainty.BreakEven[0]
	be.Found, be.Value, be.Err = false, 0, errors.New("engine refused every volume")
	sw := &s.Uncertainty.Tornado[0][0]
	sw.TotalAtLow, sw.TotalAtHigh, sw.Swing, sw.Err = 0, 0, 0, errors.New("at its high end 9: no fit")
	return s
}

// TestSolverFailureIsNotNever: a failed break-even is stated as an error,
// never as "never cost the same", in the text and the Markdown; a failed
// tornado bar is listed with its error instead of vanishing.
func TestSolverFailureIsNotNever(t *testing.T) {
	s := withSolverFailures(t)
	be, sw := s.Uncertainty.BreakEven[0], s.Uncertainty.Tornado[0][0]
	pair := be.A + " and " + be.B
	plain := func(s string) string { return s }
	for name, tc := range map[string]struct {
		out string
		esc func(string) string
	}{"text": {renderText(t, s), plain}, "markdown": {string(renderMarkdown(t, s)), escapeMarkdown}} {
		out := tc.out
		flat := strings.Join(strings.Fields(out), " ")
		if !strings.Contains(flat, "The break-even of "+pair+" could not be solved: engine refused every volume.") {
			t.Errorf("%s: the solver's error is not stated:\n%s", name, out)
		}
		if strings.Contains(flat, pair+" never cost the same") {
			t.Errorf("%s: a failed break-even reads as never:\n%s", name, out)
		}
		want := tc.esc(s.Result.Options[0].Name + ": " + sw.Label + " could not be evaluated: at its high end 9: no fit.")
		if !strings.Contains(flat, want) {
			t.Errorf("%s: the failed tornado bar is not listed (want %q):\n%s", name, want, out)
		}
	}
}

// TestJSONSolverErrors: the failed break-even has a null value and an
// error; the others have no error key, so a null value without one keeps
// meaning "never within [lo, hi]". The failed tornado bar has an error and
// null totals.
func TestJSONSolverErrors(t *testing.T) {
	var buf bytes.Buffer
	if err := JSON(&buf, []Scenario{withSolverFailures(t)}); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Scenarios []struct {
			BreakEven []map[string]any `json:"break_even"`
			Options   []struct {
				Sensitivity []map[string]any `json:"sensitivity"`
			} `json:"options"`
		} `json:"scenarios"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	bes := doc.Scenarios[0].BreakEven
	if bes[0]["error"] != "engine refused every volume" || bes[0]["value"] != nil {
		t.Errorf("failed break-even = %v, want a null value and the error", bes[0])
	}
	for _, be := range bes[1:] {
		if _, has := be["error"]; has {
			t.Errorf("a solved break-even has an error key: %v", be)
		}
	}
	sens := doc.Scenarios[0].Options[0].Sensitivity
	failed := sens[0]
	if failed["error"] != "at its high end 9: no fit" || failed["swing"] != nil || failed["total_at_low"] != nil || failed["total_at_high"] != nil {
		t.Errorf("failed bar = %v, want an error and null totals", failed)
	}
	if _, has := sens[1]["error"]; has || sens[1]["swing"] == nil {
		t.Errorf("a computed bar = %v, want its swing and no error", sens[1])
	}
}
