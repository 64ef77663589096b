package report

import (
	"bytes"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"github.com/tunecost/tunecost/present"
)

func renderMarkdown(t *testing.T, scenarios ...Scenario) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Markdown(&buf, scenarios); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestMarkdownGolden(t *testing.T) {
	golden(t, "markdown_one.golden", renderMarkdown(t, handScenario(t)))
	golden(t, "markdown_many.golden", renderMarkdown(t, handScenario(t), hostileScenario(t)))
	golden(t, "markdown_empty.golden", renderMarkdown(t))
}

func TestMarkdownDeterministic(t *testing.T) {
	a := renderMarkdown(t, handScenario(t), hostileScenario(t))
	b := renderMarkdown(t, handScenario(t), hostileScenario(t))
	if !bytes.Equal(a, b) {
		t.Error("two renderings of the same input differ")
	}
}

// parsed is a GFM parse of a Markdown document.
type parsed struct {
	src  []byte
	root ast.Node
}

func parseGFM(src []byte) parsed {
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	return parsed{src: src, root: md.Parser().Parse(text.NewReader(src))}
}

// tables returns every table's column count (from its header row) and
// every body row's cell count.
func (p parsed) tables() (headers []int, rows [][]int) {
	ast.Walk(p.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.(type) {
		case *extast.Table:
			headers = append(headers, 0)
			rows = append(rows, nil)
		case *extast.TableHeader:
			headers[len(headers)-1] = n.ChildCount()
		case *extast.TableRow:
			rows[len(rows)-1] = append(rows[len(rows)-1], n.ChildCount())
		}
		return ast.WalkContinue, nil
	})
	return headers, rows
}

// fences returns the content of every fenced code block with the given info string.
func (p parsed) fences(info string) []string {
	var out []string
	ast.Walk(p.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if f, ok := n.(*ast.FencedCodeBlock); ok && entering && string(f.Language(p.src)) == info {
			var b strings.Builder
			for i := 0; i < f.Lines().Len(); i++ {
				seg := f.Lines().At(i)
				b.Write(seg.Value(p.src))
			}
			out = append(out, b.String())
		}
		return ast.WalkContinue, nil
	})
	return out
}

// rawHTML counts raw HTML nodes that are not the <details>/<summary> the
// report writes itself.
func (p parsed) foreignHTML() []string {
	var out []string
	ast.Walk(p.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var raw string
		switch h := n.(type) {
		case *ast.RawHTML:
			for i := 0; i < h.Segments.Len(); i++ {
				s := h.Segments.At(i)
				raw += string(s.Value(p.src))
			}
		case *ast.HTMLBlock:
			for i := 0; i < h.Lines().Len(); i++ {
				s := h.Lines().At(i)
				raw += string(s.Value(p.src))
			}
		default:
			return ast.WalkContinue, nil
		}
		for _, line := range strings.Split(strings.TrimSpace(raw), "\n") {
			if !strings.HasPrefix(line, "<details>") && !strings.HasPrefix(line, "</details>") &&
				!strings.HasPrefix(line, "<summary>") {
				out = append(out, line)
			}
		}
		return ast.WalkContinue, nil
	})
	return out
}

// TestMarkdownStructure parses each document with goldmark's GFM and checks
// that every table keeps one column per option plus the label column, in
// every row, and that the chart is a mermaid xychart with a line per option —
// for the hostile names too.
func TestMarkdownStructure(t *testing.T) {
	for _, s := range []Scenario{handScenario(t), hostileScenario(t)} {
		n := len(s.Result.Options)
		p := parseGFM(renderMarkdown(t, s))
		headers, rows := p.tables()
		// options, categories, workload/team inputs, option inputs
		if len(headers) != 4 {
			t.Fatalf("%q: %d tables, want 4", s.Result.Scenario, len(headers))
		}
		for i, h := range headers {
			want := n + 1
			if i == 2 {
				want = 2 // input | value
			}
			if h != want {
				t.Errorf("%q: table %d has %d columns, want %d", s.Result.Scenario, i, h, want)
			}
			for j, c := range rows[i] {
				if c != want {
					t.Errorf("%q: table %d row %d has %d cells, want %d", s.Result.Scenario, i, j, c, want)
				}
			}
		}
		if got := len(rows[0]); got != len(present.SummaryRows(&s)) {
			t.Errorf("%q: options table has %d rows, want %d", s.Result.Scenario, got, len(present.SummaryRows(&s)))
		}
		charts := p.fences("mermaid")
		if len(charts) != 1 {
			t.Fatalf("%q: %d mermaid blocks, want 1", s.Result.Scenario, len(charts))
		}
		lines := strings.Split(strings.TrimRight(charts[0], "\n"), "\n")
		if !strings.HasPrefix(lines[0], "%%{init: ") || lines[1] != "xychart-beta" {
			t.Errorf("%q: mermaid block starts with %q", s.Result.Scenario, lines[:2])
		}
		var count int
		for _, l := range lines[1:] {
			l = strings.TrimSpace(l)
			if strings.HasPrefix(l, "line ") {
				count++
			}
			// Every directive keeps its shape: a quoted title has exactly two quotes.
			if strings.HasPrefix(l, "title ") && strings.Count(l, `"`) != 2 {
				t.Errorf("%q: broken title %q", s.Result.Scenario, l)
			}
		}
		if count != n {
			t.Errorf("%q: %d lines in the chart, want %d", s.Result.Scenario, count, n)
		}
		if h := p.foreignHTML(); len(h) > 0 {
			t.Errorf("%q: raw HTML from a file reached the document: %q", s.Result.Scenario, h)
		}
	}
}

func TestMarkdownHostileInert(t *testing.T) {
	out := string(renderMarkdown(t, hostileScenario(t)))
	for _, bad := range []string{"<script", "<b>", "\x1b", "cm0gLXJmIH4=", "\n## heading"} {
		if strings.Contains(out, bad) {
			t.Errorf("output contains %q", bad)
		}
	}
}

// TestPeopleCountMonthsFromOne: Markdown and text say "month 1" for the
// first month, as the screens do; only JSON and CSV keep the 0-based index.
// The derivations' labels come from the model, so the check covers them too.
func TestPeopleCountMonthsFromOne(t *testing.T) {
	all := []Scenario{handScenario(t), hostileScenario(t), handUncertain(t)}
	var text bytes.Buffer
	if err := Text(&text, all); err != nil {
		t.Fatal(err)
	}
	for name, out := range map[string]string{"markdown": string(renderMarkdown(t, all...)), "text": text.String()} {
		if i := strings.Index(out, "month 0"); i >= 0 {
			t.Errorf("%s says %q", name, out[max(0, i-40):i+7])
		}
	}
}

// TestChartPaletteContrast: every pinned line colour stands out (WCAG 3:1,
// the minimum for graphics) on white and on GitHub's dark background
// #0d1117, and no two colours repeat within the palette.
func TestChartPaletteContrast(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range chartPalette {
		for _, bg := range []string{"#ffffff", "#0d1117"} {
			if r := contrast(c.hex, bg); r < 3 {
				t.Errorf("%s (%s) on %s: contrast %.2f, want at least 3", c.hex, c.name, bg, r)
			}
		}
		if seen[c.hex] || seen[c.name] {
			t.Errorf("%s (%s) repeats", c.hex, c.name)
		}
		seen[c.hex], seen[c.name] = true, true
	}
	// The header carries the palette in order.
	if want := `"plotColorPalette": "#0072B2, #D55E00, #009E73, #CC79A7, #8C6D1F, #7F7F7F"`; !strings.Contains(mermaidInit(), want) {
		t.Errorf("init header %q lacks %s", mermaidInit(), want)
	}
}

// contrast is the WCAG 2 contrast ratio of two #rrggbb colours.
func contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

func luminance(hex string) float64 {
	var rgb [3]float64
	for i := range rgb {
		v, _ := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		c := float64(v) / 255
		if c <= 0.04045 {
			rgb[i] = c / 12.92
		} else {
			rgb[i] = math.Pow((c+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*rgb[0] + 0.7152*rgb[1] + 0.0722*rgb[2]
}

// TestChartAxisAndCaption: the y axis runs from 0 to a round top in
// thousands of the currency, values are in thousands, and the caption
// names each line's colour.
func TestChartAxisAndCaption(t *testing.T) {
	cases := map[float64]string{290.643: "300", 4.2: "5", 1000: "1000", 1000.1: "1200", 0: "1", 0.004: "0.004", 0.0041: "0.005"}
	for v, want := range cases {
		if got := axisTop(v); got != want {
			t.Errorf("axisTop(%g) = %s, want %s", v, got, want)
		}
	}
	s := handScenario(t)
	out := string(renderMarkdown(t, s))
	r := &s.Result
	if !strings.Contains(out, `y-axis "`+r.Currency+` thousands" 0 --> `) {
		t.Errorf("no y axis from 0 in %s thousands:\n%s", r.Currency, out)
	}
	// The third line (prompt) in thousands: month 1 = setup 40·100 + 40·100
	// = 8,000, maintenance 4·100 = 400, inference 400,000 · ((500+1000)·2 +
	// 200·10)/1e6 = 2,000: 10,400 → 10.4. Month 2 adds 420,000 · 0.005 =
	// 2,100 and 400: 12,900 → 12.9. The largest total, rag's 177.3, tops
	// the axis at 200.
	for _, want := range []string{"    line [10.4, 12.9, ", `y-axis "USD thousands" 0 --> 200`} {
		if !strings.Contains(out, want) {
			t.Errorf("chart lacks %q", want)
		}
	}
	for i, o := range r.Options {
		if want := colourOf(i).name + ": " + escapeMarkdown(o.Name) + " (ends at"; !strings.Contains(out, want) {
			t.Errorf("caption lacks %q", want)
		}
	}
}
