package views

import (
	"reflect"
	"testing"
)

func TestWrapWordsKeepsWordsWhole(t *testing.T) {
	cases := []struct {
		in   string
		w    int
		want []string
	}{
		// ansi.Wrap broke this at the hyphen: "LoRA Llama-" / "3.1-8B".
		{"LoRA Llama-3.1-8B", 15, []string{"LoRA", "Llama-3.1-8B"}},
		{"LoRA Llama-3.1-8B", 17, []string{"LoRA Llama-3.1-8B"}},
		// A word wider than the line is cut with an ellipsis, not broken.
		{"Full Qwen2.5-72B-Instruct", 10, []string{"Full", "Qwen2.5-7…"}},
		{"", 10, []string{""}},
	}
	for _, c := range cases {
		if got := wrapWords(c.in, c.w); !reflect.DeepEqual(got, c.want) {
			t.Errorf("wrapWords(%q, %d) = %q, want %q", c.in, c.w, got, c.want)
		}
	}
}

func TestMiddleEllipsisKeepsBothEnds(t *testing.T) {
	ids := []string{"anthropic.claude-3-5-sonnet-20240620-v1:0", "anthropic.claude-3-5-sonnet-20241022-v2:0",
		"anthropic.claude-3-5-sonnet-latest-v2:0"}
	seen := map[string]bool{}
	for _, id := range ids {
		got := middleEllipsis(id, 20)
		if len([]rune(got)) != 20 || seen[got] {
			t.Errorf("middleEllipsis(%q, 20) = %q: not 20 wide or not distinct", id, got)
		}
		seen[got] = true
	}
	// 9 cells of head, the ellipsis, 10 of tail.
	if got := middleEllipsis(ids[0], 20); got != "anthropic…40620-v1:0" {
		t.Errorf("got %q", got)
	}
	if got := middleEllipsis("short", 20); got != "short" {
		t.Errorf("short id changed: %q", got)
	}
}

func TestWrapHardBreaksAtSpacesOnly(t *testing.T) {
	// ansi.Wrap gave "… (2025-09-" / "05)".
	got := wrapHard("LiteLLM model_prices_and_context_window.json (2025-09-05)", 52)
	want := []string{"LiteLLM model_prices_and_context_window.json", "(2025-09-05)"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("wrapHard = %q, want %q", got, want)
	}
	// A word wider than the line is split, not cut: nothing is lost.
	if got := wrapHard("abcdefgh ij", 3); !reflect.DeepEqual(got, []string{"abc", "def", "gh", "ij"}) {
		t.Errorf("wrapHard = %q", got)
	}
}
