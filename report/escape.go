package report

import (
	"html"
	"strconv"
	"strings"

	"github.com/tunecost/tunecost/format"
)

// escapeMarkdown makes text from a file safe to place in Markdown prose, a
// heading or a GFM table cell: it sanitizes it (controls and newlines go, so
// a name cannot end a table row or start a block), writes &, < and > as HTML
// entities (no raw HTML), and backslash-escapes every character that could
// start inline markup or split a cell: \ ` * _ [ ] | ~ # $ ! (the $ because
// GitHub renders $…$ as maths). It also keeps a name from becoming a link
// or a mention in a pull-request comment (the campaign's L5): an @ is
// followed by a word joiner (a backslash does not stop a mention), and the
// : of "://" and the . after "www" are escaped, which GFM's autolinks do not
// see through.
func escapeMarkdown(s string) string {
	s = format.Sanitize(s)
	var b strings.Builder
	b.Grow(len(s) + len(s)/4)
	for i, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '@':
			// A word joiner after @ keeps GitHub from reading "@team" in a
			// name as a mention (a backslash does not stop it).
			b.WriteString("@\u2060")
		case strings.ContainsRune("\\`*_[]|~#$!", r),
			r == ':' && strings.HasPrefix(s[i+1:], "//"),
			r == '.' && i >= 3 && strings.EqualFold(s[i-3:i], "www"):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// escapeHTML makes text from a file safe inside raw HTML (a <summary>),
// where Markdown backslash escapes are not processed.
func escapeHTML(s string) string {
	return html.EscapeString(format.Sanitize(s))
}

// mermaidText makes text from a file safe inside a quoted mermaid string:
// sanitized to one line, without the double quote that would end the string,
// the backtick that could close the fence, the angle brackets mermaid may
// read as HTML, or the # that starts a mermaid entity code (#quot;).
func mermaidText(s string) string {
	return strings.NewReplacer(`"`, "", "`", "", "<", "", ">", "", "#", "").Replace(format.Sanitize(s))
}

// readableInput is an uncertainty input's label for Markdown, which
// escapes it once more: an option's name is Go-quoted in the label
// (`option "RAG".top_k`, the syntax --vary takes), so a name holding a
// quote showed its Go escapes as backslashes (the campaign's L5:
// option "=HYPERLINK(\\"http…). The name is unquoted first.
func readableInput(label string) string {
	const prefix = "option "
	rest, ok := strings.CutPrefix(label, prefix)
	if !ok {
		return label
	}
	quoted, err := strconv.QuotedPrefix(rest)
	if err != nil {
		return label
	}
	name, err := strconv.Unquote(quoted)
	if err != nil {
		return label
	}
	return prefix + `"` + name + `"` + rest[len(quoted):]
}
