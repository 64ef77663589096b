package tomlpos

import (
	"fmt"
	"strings"
)

// Replace returns data with the value at keys replaced by newValue (TOML
// text, written as given). Every other byte is kept. When the key is absent
// but its table exists, it inserts `key = newValue` as a new line after the
// table's last key line (or inside an inline table's braces).
func Replace(data []byte, keys []string, newValue string) ([]byte, error) {
	if len(keys) == 0 {
		return nil, fmt.Errorf("tomlpos: empty key path")
	}
	ix := Build(data)
	if r, dup := ix.Redefined(); dup {
		return nil, fmt.Errorf("tomlpos: %s is defined twice (again at %d:%d)", strings.Join(r.Keys, "."), r.At.Line, r.At.Col)
	}
	if e, ok := ix.Lookup(keys...); ok {
		if e.table {
			return nil, fmt.Errorf("tomlpos: %s is a table, not a value", strings.Join(keys, "."))
		}
		return splice(data, e.Start, e.End, newValue), nil
	}
	parent := keys[:len(keys)-1]
	t := ix.tables[canon(parent)]
	if t == nil {
		return nil, fmt.Errorf("tomlpos: no table %q to add %q to", strings.Join(parent, "."), keys[len(keys)-1])
	}
	line := formatKey(keys[len(t.base):]) + " = " + newValue
	if t.inline {
		if t.nonEmpty {
			line = ", " + line
		} else {
			line = " " + line + " "
		}
		return splice(data, t.insertAt, t.insertAt, line), nil
	}
	nl := "\n"
	if ix.crlf {
		nl = "\r\n"
	}
	at := t.insertAt
	text := t.indent + line + nl
	if at > 0 && data[at-1] != '\n' {
		text = nl + text // the last line had no newline
	}
	return splice(data, at, at, text), nil
}

func splice(data []byte, start, end int, text string) []byte {
	out := make([]byte, 0, len(data)-(end-start)+len(text))
	out = append(out, data[:start]...)
	out = append(out, text...)
	return append(out, data[end:]...)
}

// formatKey writes a dotted key, quoting segments that are not bare.
func formatKey(segs []string) string {
	parts := make([]string, len(segs))
	for i, s := range segs {
		parts[i] = s
		if s == "" || strings.IndexFunc(s, func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-')
		}) >= 0 {
			parts[i] = Quote(s)
		}
	}
	return strings.Join(parts, ".")
}

// Quote writes s as a TOML basic string, escaping quotes, backslashes and
// control characters.
func Quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
