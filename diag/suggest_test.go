package diag

import "testing"

func TestSuggest(t *testing.T) {
	keys := []string{"queries_per_month", "monthly_growth", "input_tokens", "output_tokens"}
	cases := map[string]string{
		"querys_per_month": "queries_per_month", // one deletion
		"input_token":      "input_tokens",
		"outptu_tokens":    "output_tokens", // transposition = 2 edits, within 13/3+1
		"colour":           "",              // nothing close
	}
	for in, want := range cases {
		if got := Suggest(in, keys); got != want {
			t.Errorf("Suggest(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDiagnosticString(t *testing.T) {
	d := Diagnostic{File: "a.toml", Line: 3, Col: 7, Message: "bad"}
	if got := d.String(); got != "a.toml:3:7: bad" {
		t.Errorf("got %q", got)
	}
	d.Severity = Warning
	if got := d.String(); got != "a.toml:3:7: warning: bad" {
		t.Errorf("got %q", got)
	}
}

func TestDidYouMean(t *testing.T) {
	if got, want := DidYouMean("lorra", []string{"lora", "qlora", "full"}), `; did you mean "lora"?`; got != want {
		t.Errorf("DidYouMean = %q, want %q", got, want)
	}
	if got := DidYouMean("zzzzzz", []string{"lora", "full"}); got != "" {
		t.Errorf("DidYouMean with nothing close = %q, want none", got)
	}
}
