package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// cappedNote is what every output says when the work budget drew 2,000 of
// 10,000 samples asked for.
const cappedNote = "2,000 samples (capped from 10,000 to keep the analysis under its work budget; see docs/limits.md)"

// cappedHand is handUncertain (2,000 samples) as the analysis returns it
// when the budget capped a request of 10,000: the same figures, Requested
// above Samples (uncertainty's tests check that MonteCarlo sets it so).
func cappedHand(t *testing.T) Scenario {
	s := handUncertain(t)
	s.Uncertainty.MC.Requested = 10000
	return s
}

func TestCappedSamplesSaidInTextAndMarkdown(t *testing.T) {
	s := cappedHand(t)
	text := strings.Join(strings.Fields(renderText(t, s)), " ") // undo the wrapping
	if !strings.Contains(text, cappedNote+", seed 7") {
		t.Errorf("text does not say the samples were capped:\n%s", text)
	}
	md := strings.Join(strings.Fields(string(renderMarkdown(t, s))), " ")
	if !strings.Contains(md, cappedNote+", seed 7") {
		t.Errorf("Markdown does not say the samples were capped:\n%s", md)
	}
}

func TestCappedSamplesInJSON(t *testing.T) {
	mc := func(s Scenario) map[string]any {
		var buf bytes.Buffer
		if err := JSON(&buf, []Scenario{s}); err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Scenarios []struct {
				MonteCarlo map[string]any `json:"monte_carlo"`
			} `json:"scenarios"`
		}
		if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		if len(doc.Scenarios) != 1 || doc.Scenarios[0].MonteCarlo == nil {
			t.Fatalf("no monte_carlo in %s", buf.String())
		}
		return doc.Scenarios[0].MonteCarlo
	}
	capped := mc(cappedHand(t))
	if capped["samples"] != 2000.0 || capped["samples_requested"] != 10000.0 {
		t.Errorf("capped: samples %v, samples_requested %v; want 2000 and 10000", capped["samples"], capped["samples_requested"])
	}
	plain := mc(handUncertain(t))
	if _, ok := plain["samples_requested"]; ok || plain["samples"] != 2000.0 {
		t.Errorf("not capped: %v; want samples 2000 and no samples_requested", plain)
	}
}
