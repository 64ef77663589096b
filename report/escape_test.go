package report

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/tunecost/tunecost/format"
)

var hostileNames = []string{
	"a | b",
	"<script>alert(1)</script>",
	"<img src=x onerror=alert(1)>",
	"`code` and ``` fence",
	"*bold* _it_ **x** __y__",
	"[link](javascript:alert(1))",
	"![img](http://x/y.png)",
	"line\nbreak\r\n## heading",
	"&amp; &lt; &#x3c;",
	"back\\slash \\| \\\\|",
	"~~strike~~ $x^2$ #tag",
	"trailing backslash \\",
	"\x1b]52;c;aGk=\x07osc",
	"-- list\n- item\n1. ordered",
	"| --- | --- |",
}

func TestEscapeMarkdown(t *testing.T) {
	cases := map[string]string{
		"plain":           "plain",
		"a | b":           `a \| b`,
		"<b>x</b>":        "&lt;b&gt;x&lt;/b&gt;",
		"a & b":           "a &amp; b",
		"*x* _y_ `z` [w]": "\\*x\\* \\_y\\_ \\`z\\` \\[w\\]",
		"line\nbreak":     "line break",
		"\\":              `\\`,
		"$5 ~ #1 !":       `\$5 \~ \#1 \!`,
		"\x1b[2Jclear":    "clear",
		"ünïcode – 日本 ✓":  "ünïcode – 日本 ✓",
	}
	for in, want := range cases {
		if got := escapeMarkdown(in); got != want {
			t.Errorf("escapeMarkdown(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMermaidText(t *testing.T) {
	got := mermaidText("a \"b\" `c` <d> #quot;\ne")
	if want := "a b c d quot; e"; got != want {
		t.Errorf("mermaidText = %q, want %q", got, want)
	}
}

func TestEscapeHTML(t *testing.T) {
	if got, want := escapeHTML("<b>\"x\" & y</b>\n"), "&lt;b&gt;&#34;x&#34; &amp; y&lt;/b&gt; "; got != want {
		t.Errorf("escapeHTML = %q, want %q", got, want)
	}
}

var tagRE = regexp.MustCompile(`<[^>]*>`)

// checkEscaped renders s escaped in a paragraph and in a table cell with
// goldmark's GFM and fails unless the paragraph's text is exactly the
// sanitized s (nothing became markup) and the table kept its two columns.
func checkEscaped(t *testing.T, s string) {
	t.Helper()
	esc := escapeMarkdown(s)
	if strings.ContainsAny(esc, "<>\n\r") {
		t.Fatalf("escapeMarkdown(%q) = %q keeps < > or a line break", s, esc)
	}
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	var buf bytes.Buffer
	if err := md.Convert([]byte("x "+esc+" y"), &buf); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if tags := tagRE.FindAllString(out, -1); !onlyParagraph(tags) {
		t.Fatalf("escapeMarkdown(%q) = %q renders as %q: markup", s, esc, out)
	}
	text := html.UnescapeString(tagRE.ReplaceAllString(out, ""))
	// An @ is followed by a word joiner, which shows as nothing: no mention.
	if want := "x " + strings.ReplaceAll(format.Sanitize(s), "@", "@\u2060") + " y\n"; text != want {
		t.Fatalf("escapeMarkdown(%q) = %q renders as text %q, want %q", s, esc, text, want)
	}
	p := parseGFM([]byte("| a | " + esc + " |\n|---|---|\n| " + esc + " | c |\n"))
	headers, rows := p.tables()
	if len(headers) != 1 || headers[0] != 2 || len(rows[0]) != 1 || rows[0][0] != 2 {
		t.Fatalf("escapeMarkdown(%q) = %q breaks a table: %v %v", s, esc, headers, rows)
	}
}

// onlyParagraph accepts the paragraph's tags and nothing else: not even
// the autolinks GFM makes of URLs and e-mail addresses, which in a
// pull-request comment are links and mentions a name should not make (the
// campaign's L5).
func onlyParagraph(tags []string) bool {
	for _, tag := range tags {
		if tag != "<p>" && tag != "</p>" {
			return false
		}
	}
	return true
}

func TestEscapeMarkdownHostile(t *testing.T) {
	for _, s := range hostileNames {
		checkEscaped(t, s)
	}
}

func FuzzEscapeMarkdown(f *testing.F) {
	for _, s := range hostileNames {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkEscaped(t, s)
	})
}

// TestEscapeMarkdownMention: GitHub links @name to a user or team even
// after a backslash; a word joiner between @ and the name stops it.
func TestEscapeMarkdownMention(t *testing.T) {
	if got := escapeMarkdown("RAG @team"); got != "RAG @\u2060team" {
		t.Errorf("escapeMarkdown(%q) = %q", "RAG @team", got)
	}
}
