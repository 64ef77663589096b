package cli

import (
	"strings"
	"testing"
)

// TestBreakevenRefusesInputsThatChangeNeitherTotal: another option's input,
// a field that does not apply to the option (batch sizes a self-hosted
// replica; this RAG option is served by an API), and an input neither
// total depends on are refused with the reason, exit 1, nothing on stdout.
func TestBreakevenRefusesInputsThatChangeNeitherTotal(t *testing.T) {
	file := "../examples/support-assistant.toml"
	pair := []string{"breakeven", file, "--a", "LoRA Llama-3.1-8B", "--b", "RAG gpt-4.1-mini"}
	cases := map[string]string{
		"Prompted gpt-4.1.prompt_overhead_tokens": `belongs to option "Prompted gpt-4.1", neither --a nor --b`,
		"RAG gpt-4.1-mini.batch":                  `does not apply to option "RAG gpt-4.1-mini" (kind rag, served by an API)`,
	}
	for input, want := range cases {
		out, errOut, code := run(t, append(pair, "--input", input)...)
		if code != ExitInvalid || out != "" || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, want) {
			t.Errorf("--input %s: exit %d, stdout %q, stderr %q; want %q", input, code, out, errOut, want)
		}
	}
	// plain.toml's two prompt options are billed per token: the team's
	// hourly rate is in neither total (no hours are set).
	out, errOut, code := run(t, "--prices", "testdata/prices/acme.toml", "breakeven", "testdata/prices/plain.toml",
		"--a", "acme", "--b", "gpt-4.1 at contract price", "--input", "team.hourly_rate")
	if code != ExitInvalid || out != "" || !strings.Contains(errOut, `changes neither "acme"'s nor "gpt-4.1 at contract price"'s total`) {
		t.Errorf("team.hourly_rate: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	// An input of one of the two still solves.
	if out, errOut, code := run(t, append(pair, "--input", "RAG gpt-4.1-mini.top_k")...); code != ExitOK || !strings.Contains(out, "top_k") {
		t.Errorf("top_k: exit %d %q %q", code, out, errOut)
	}
}
