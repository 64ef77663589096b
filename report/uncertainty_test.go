package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/tunecost/tunecost/present"
)

func renderText(t *testing.T, scenarios ...Scenario) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Text(&buf, scenarios); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestUncertaintyGolden(t *testing.T) {
	hand, hostile, plain := handUncertain(t), hostileUncertain(t), handNoRanges(t)
	golden(t, "markdown_uncertainty.golden", renderMarkdown(t, hand, hostile))
	golden(t, "markdown_uncertainty_noranges.golden", renderMarkdown(t, plain))
	golden(t, "text_uncertainty.golden", []byte(renderText(t, hand, hostile, plain)))
}

func TestUncertaintyDeterministic(t *testing.T) {
	a := renderMarkdown(t, handUncertain(t), hostileUncertain(t))
	b := renderMarkdown(t, handUncertain(t), hostileUncertain(t))
	if !bytes.Equal(a, b) {
		t.Error("two analyses and renderings of the same input differ")
	}
}

// TestMarkdownUncertaintyStructure parses the documents with goldmark's GFM:
// every table keeps its header's column count in every row (hostile names
// included), the bands are one text block with a line per option, and no
// raw HTML but the report's own <details> gets through.
func TestMarkdownUncertaintyStructure(t *testing.T) {
	for _, s := range []Scenario{handUncertain(t), hostileUncertain(t), handNoRanges(t)} {
		n := len(s.Result.Options)
		p := parseGFM(renderMarkdown(t, s))
		headers, rows := p.tables()
		details := 0
		for i := range s.Result.Options {
			if all := swingsOf(s.Uncertainty, i); len(all) > len(topOf(all, topSwings)) {
				details++
			}
		}
		mc := 0
		if s.Uncertainty.MC != nil {
			mc = 1
		}
		// options, categories, [Monte Carlo], top swings, details…, inputs, option inputs
		if want := 5 + mc + details; len(headers) != want {
			t.Fatalf("%q: %d tables, want %d", s.Result.Scenario, len(headers), want)
		}
		if mc == 1 && headers[2] != n+1 {
			t.Errorf("%q: the Monte Carlo table has %d columns, want %d", s.Result.Scenario, headers[2], n+1)
		}
		if got := headers[2+mc]; got != 5 {
			t.Errorf("%q: the top swings table has %d columns, want 5", s.Result.Scenario, got)
		}
		for i, h := range headers {
			for j, c := range rows[i] {
				if c != h {
					t.Errorf("%q: table %d row %d has %d cells, want %d", s.Result.Scenario, i, j, c, h)
				}
			}
		}
		bands := p.fences("text")
		if len(bands) != mc {
			t.Fatalf("%q: %d text blocks, want %d", s.Result.Scenario, len(bands), mc)
		}
		if mc == 1 {
			if lines := strings.Split(strings.TrimRight(bands[0], "\n"), "\n"); len(lines) != n+1 {
				t.Errorf("%q: %d band lines, want an axis and %d options:\n%s", s.Result.Scenario, len(lines), n, bands[0])
			}
		}
		if h := p.foreignHTML(); len(h) > 0 {
			t.Errorf("%q: raw HTML from a file reached the document: %q", s.Result.Scenario, h)
		}
	}
}

// TestTornadoLabelEscaped: a tornado label carries an option name; it is
// escaped in the Markdown tables and sanitized in the text.
func TestTornadoLabelEscaped(t *testing.T) {
	s := hostileUncertain(t)
	labels := hostileLabels(&s)
	if len(labels) == 0 {
		t.Fatal("no tornado label names the hostile option")
	}
	md := string(renderMarkdown(t, s))
	txt := renderText(t, s)
	for _, l := range labels {
		if !strings.Contains(l, "<b>") {
			t.Fatalf("label %q lost the hostile name", l)
		}
		// Escaped once, with the option name unquoted: its Go escapes
		// showed as backslashes (the campaign's L5).
		if !strings.Contains(md, "| "+escapeMarkdown(readableInput(l))+" |") || strings.Contains(md, `\\"`) {
			t.Errorf("the Markdown has no cell escaped once for %q", l)
		}
	}
	for _, bad := range []string{"<b>", "<script", "\x1b", "\n## heading"} {
		if strings.Contains(md, bad) {
			t.Errorf("the Markdown contains %q", bad)
		}
	}
	for i, c := range []byte(txt) {
		if (c < 0x20 && c != '\n') || c == 0x7f {
			t.Fatalf("control byte %#x at %d in the text", c, i)
		}
	}
}

func TestNoRangesSentence(t *testing.T) {
	s := handNoRanges(t)
	for _, out := range []string{string(renderMarkdown(t, s)), renderText(t, s)} {
		out = strings.Join(strings.Fields(out), " ") // the text wraps sentences
		if !strings.Contains(out, "No input is a range; write x = { low = …, likely = …, high = … } to see P10–P90 bands.") {
			t.Error("no sentence about ranges")
		}
		if !strings.Contains(out, "±25% of its value") {
			t.Error("the tornado does not say it moved inputs by ±25%")
		}
		if strings.Contains(out, "P50") {
			t.Error("bands shown without a Monte Carlo")
		}
	}
}

// TestWithoutUncertaintyUnchanged: no analysis, no new sections and the
// verdict as before.
func TestWithoutUncertaintyUnchanged(t *testing.T) {
	out := string(renderMarkdown(t, handScenario(t))) + renderText(t, handScenario(t))
	for _, s := range []string{"Uncertainty", "What drives the cost", "Break-even", "starts to pay"} {
		if strings.Contains(out, s) {
			t.Errorf("a report without analysis mentions %q", s)
		}
	}
}

// TestVerdictBreakEven: with an analysis, the verdict names the volume at
// which each fine-tune meets the cheapest option; sentences about a
// fine-tune lead the break-even list.
func TestVerdictBreakEven(t *testing.T) {
	s := handUncertain(t)
	v := present.Verdict(&s, func(n string) string { return n }, func(f float64) string { return "x" })
	if !strings.Contains(v, "queries a month (now 400,000)") {
		t.Errorf("the verdict gives no break-even volume: %q", v)
	}
	lines := present.BreakEvenSentences(&s, func(n string) string { return n })
	seenOther := false
	for _, l := range lines {
		ft := strings.Contains(l, "lora") || strings.Contains(l, "managed")
		if ft && seenOther {
			t.Errorf("a fine-tune's break-even comes after another pair's: %q", lines)
		}
		seenOther = seenOther || !ft
	}
}
