package tomlpos

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// lexer holds the cursor over the document; every method moves forward or
// reports failure, so no loop can spin.
type lexer struct {
	s []byte
	i int
}

func (l *lexer) eof() bool { return l.i >= len(l.s) }

func (l *lexer) peek() byte {
	if l.i < len(l.s) {
		return l.s[l.i]
	}
	return 0
}

func (l *lexer) hasPrefix(p string) bool {
	return l.i+len(p) <= len(l.s) && string(l.s[l.i:l.i+len(p)]) == p
}

// skipWS skips spaces and tabs.
func (l *lexer) skipWS() {
	for l.i < len(l.s) && (l.s[l.i] == ' ' || l.s[l.i] == '\t') {
		l.i++
	}
}

// skipComment skips a '#' comment up to (not including) the newline.
func (l *lexer) skipComment() {
	if l.peek() != '#' {
		return
	}
	for l.i < len(l.s) && l.s[l.i] != '\n' {
		l.i++
	}
}

// skipBlank skips whitespace, newlines and comments.
func (l *lexer) skipBlank() {
	for l.i < len(l.s) {
		switch l.s[l.i] {
		case ' ', '\t', '\r', '\n':
			l.i++
		case '#':
			l.skipComment()
		default:
			return
		}
	}
}

// skipLine moves past the next newline (recovery after a malformed line).
func (l *lexer) skipLine() {
	for l.i < len(l.s) && l.s[l.i] != '\n' {
		l.i++
	}
	if l.i < len(l.s) {
		l.i++
	}
}

func isBare(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c >= 0x80
}

// key reads a possibly dotted, possibly quoted key and returns its segments.
func (l *lexer) key() ([]string, bool) {
	var segs []string
	for {
		l.skipWS()
		switch c := l.peek(); {
		case c == '"':
			start := l.i
			if !l.basicString() {
				return nil, false
			}
			segs = append(segs, unescape(string(l.s[start+1:l.i-1])))
		case c == '\'':
			start := l.i
			if !l.literalString() {
				return nil, false
			}
			segs = append(segs, string(l.s[start+1:l.i-1]))
		case isBare(c) && c != 0:
			start := l.i
			for l.i < len(l.s) && isBare(l.s[l.i]) {
				l.i++
			}
			segs = append(segs, string(l.s[start:l.i]))
		default:
			return nil, false
		}
		l.skipWS()
		if l.peek() != '.' {
			return segs, true
		}
		if len(segs) >= maxDepth {
			return nil, false // each segment is a table to record: bound the work
		}
		l.i++
	}
}

// skipString moves past the string at the cursor, by the TOML grammar: a
// multi-line string (three quotes) ends at the first run of three to five
// quotes, up to two of which belong to the string ("""q"""" is q"); a
// one-line string ends at its quote, or, unclosed, before the newline.
// Basic strings have escapes, literal ones do not. The index and the
// limits both read strings with it, so they cannot disagree on where one
// ends.
func (l *lexer) skipString() bool {
	switch q := l.peek(); {
	case l.hasPrefix(`"""`) || l.hasPrefix(`'''`):
		return l.multiString(q)
	case q == '"':
		return l.basicString()
	}
	return l.literalString()
}

// basicString reads "..." on one line; the cursor ends past the closing quote.
func (l *lexer) basicString() bool {
	l.i++
	for l.i < len(l.s) {
		switch l.s[l.i] {
		case '\\':
			if l.i+1 < len(l.s) && l.s[l.i+1] == '\n' {
				l.i++
				return false // no escape continues a one-line string on the next line
			}
			l.i += 2
			continue
		case '"':
			l.i++
			return true
		case '\n':
			return false
		}
		l.i++
	}
	l.i = len(l.s)
	return false
}

// literalString reads '...' on one line.
func (l *lexer) literalString() bool {
	l.i++
	for l.i < len(l.s) {
		switch l.s[l.i] {
		case '\'':
			l.i++
			return true
		case '\n':
			return false
		}
		l.i++
	}
	return false
}

// multiString reads a multi-line string, delimited by three quote bytes;
// up to two quotes may precede the closing three.
func (l *lexer) multiString(quote byte) bool {
	l.i += 3
	for l.i < len(l.s) {
		c := l.s[l.i]
		if c == '\\' && quote == '"' {
			l.i += 2
			continue
		}
		if c == quote {
			n := 0
			for l.i+n < len(l.s) && l.s[l.i+n] == quote {
				n++
			}
			if n >= 3 {
				l.i += min(n, 5)
				return true
			}
			l.i += n
			continue
		}
		l.i++
	}
	l.i = len(l.s)
	return false
}

// scalar reads a number, boolean or date: everything up to a delimiter.
func (l *lexer) scalar() bool {
	start := l.i
	for l.i < len(l.s) {
		switch l.s[l.i] {
		case ' ', '\t', '\r', '\n', ',', ']', '}', '#':
			// A date-time may hold one space: "1979-05-27 07:32:00".
			if l.s[l.i] == ' ' && l.i+1 < len(l.s) && isDigit(l.s[l.i+1]) && looksLikeDate(l.s[start:l.i]) {
				l.i++
				continue
			}
			return l.i > start
		}
		l.i++
	}
	return l.i > start
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// looksLikeDate reports whether text is a full date (YYYY-MM-DD).
func looksLikeDate(b []byte) bool {
	return len(b) == 10 && b[4] == '-' && b[7] == '-' && isDigit(b[0]) && isDigit(b[9])
}

// unescape decodes a basic string's escapes, leaving unknown ones as written.
func unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 >= len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		switch c := s[i]; c {
		case 'b':
			b.WriteByte('\b')
		case 't':
			b.WriteByte('\t')
		case 'n':
			b.WriteByte('\n')
		case 'f':
			b.WriteByte('\f')
		case 'r':
			b.WriteByte('\r')
		case 'e':
			b.WriteByte(0x1b)
		case '"', '\\':
			b.WriteByte(c)
		case 'x', 'u', 'U':
			n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[c]
			if i+n < len(s) {
				if v, err := strconv.ParseUint(s[i+1:i+1+n], 16, 32); err == nil && utf8.ValidRune(rune(v)) {
					b.WriteRune(rune(v))
					i += n
					continue
				}
			}
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte('\\')
			b.WriteByte(c)
		}
	}
	return b.String()
}
