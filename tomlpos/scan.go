package tomlpos

import "fmt"

// Limits are what Scan accepts. A zero field means no bound. They exist
// because the TOML decoder's cost is not linear in the file's size: every
// part of a dotted key or header re-walks the tables above it, and every
// array element and header is a value the index records.
type Limits struct {
	Nesting       int // arrays and inline tables inside each other
	KeyParts      int // parts of one dotted key or table header
	Headers       int // [table] and [[array]] headers in the file
	Keys          int // key = value pairs in the file, inline tables' included
	ArrayElements int // array elements in the whole file
	KeyBytes      int // bytes of one key or header name, its dots and quotes included
}

// Problem is the first place where a document passes a limit.
type Problem struct {
	Pos     Pos
	Message string
}

// Shape is what the scanner counted in a whole document: the quantities
// Limits bound, and the arrays (an empty array, or one with a trailing
// comma, counts one element more than it holds).
type Shape struct {
	Nesting       int // deepest nesting of arrays and inline tables
	KeyParts      int // most parts in one dotted key or table header
	Headers       int
	Keys          int
	ArrayElements int
	Arrays        int
	Parts         int // the parts of every key and header, summed
}

// scanner is one linear pass over the bytes. It shares the lexer with the
// index (Build), so strings and comments end where the index — and the
// TOML grammar — end them; on top it knows just enough TOML to tell keys
// from values: a key is what starts a line (outside arrays and inline
// tables) or follows '{' or ',' in an inline table.
type scanner struct {
	lexer
	lim    Limits
	open   []byte // the open '[' and '{' of values, innermost last
	inKey  bool   // reading a key or a header name
	header bool   // that key is a header's name
	fresh  bool   // nothing but blanks read on this line yet
	parts  int    // parts of the key read so far
	// keyStart is where the key being read starts (-1: only blanks yet)
	keyStart int
	shape    Shape
}

// Scan reports the first place where data passes lim. It is a single pass
// over the bytes, so callers can refuse a hostile file before decoding it.
func Scan(data []byte, lim Limits) (Problem, bool) {
	s := &scanner{lexer: lexer{s: data}, lim: lim}
	return s.run()
}

// Measure is the shape of the whole document, as Scan counts it.
func Measure(data []byte) Shape {
	s := &scanner{lexer: lexer{s: data}}
	s.run()
	return s.shape
}

func (s *scanner) run() (Problem, bool) {
	s.startKey(false)
	s.fresh = true
	if s.hasPrefix("\xef\xbb\xbf") {
		s.i = 3
	}
	for !s.eof() {
		c := s.peek()
		switch {
		case c == '#':
			s.skipComment()
			continue
		case c == '"' || c == '\'':
			s.fresh = false
			if s.inKey && s.keyStart < 0 {
				s.keyStart = s.i
			}
			s.skipString()
			continue
		case c == '\n':
			if p, bad := s.endKey(s.i); bad {
				return p, true
			}
			s.newline()
		case s.inKey:
			if p, bad := s.keyByte(s.i); bad {
				return p, true
			}
		default:
			if p, bad := s.valueByte(s.i); bad {
				return p, true
			}
		}
		s.i++
	}
	return Problem{}, false
}

func (s *scanner) startKey(header bool) {
	s.inKey, s.header, s.parts, s.keyStart = true, header, 0, -1
	s.part()
}

// endKey refuses the key that ends at i when it is longer than the limit:
// every message that names a key quotes it whole (L3).
func (s *scanner) endKey(i int) (Problem, bool) {
	if !s.inKey || s.keyStart < 0 || s.lim.KeyBytes == 0 {
		return Problem{}, false
	}
	for i > s.keyStart && (s.s[i-1] == ' ' || s.s[i-1] == '\t' || s.s[i-1] == '\r') {
		i--
	}
	if i-s.keyStart > s.lim.KeyBytes {
		return s.problem(s.keyStart, "a key is longer than %d bytes", s.lim.KeyBytes)
	}
	return Problem{}, false
}

// part counts one more part of the key being read.
func (s *scanner) part() (Problem, bool) {
	s.parts++
	s.shape.KeyParts = max(s.shape.KeyParts, s.parts)
	if s.lim.KeyParts > 0 && s.parts > s.lim.KeyParts {
		return s.problem(s.i, "a dotted key or table name has more than %d parts", s.lim.KeyParts)
	}
	return Problem{}, false
}

// newline ends a key that has no '=' (a syntax error the decoder reports)
// and, outside arrays and inline tables, starts the next line's key.
func (s *scanner) newline() {
	if len(s.open) == 0 {
		s.startKey(false)
		s.fresh = true
	}
}

// keyByte reads one byte of a key or a header name.
func (s *scanner) keyByte(i int) (Problem, bool) {
	c := s.s[i]
	fresh := s.fresh
	if c != ' ' && c != '\t' && c != '\r' {
		s.fresh = false
		if s.keyStart < 0 && !(c == '[' && fresh) && !(c == '}' && len(s.open) > 0) {
			s.keyStart = i
		}
	}
	switch {
	case c == '[' && fresh && !s.header && len(s.open) == 0:
		s.shape.Headers++
		if s.lim.Headers > 0 && s.shape.Headers > s.lim.Headers {
			return s.problem(i, "more than %d table headers in one file", s.lim.Headers)
		}
		s.startKey(true) // a second '[' ([[array]]) is read as part of the name
	case c == '.':
		return s.part()
	case c == ']' && s.header:
		if p, bad := s.endKey(i); bad {
			return p, true
		}
		s.inKey = false
		s.shape.Parts += s.parts
	case c == '=' && !s.header:
		if p, bad := s.endKey(i); bad {
			return p, true
		}
		s.inKey = false
		s.shape.Keys++
		s.shape.Parts += s.parts
		if s.lim.Keys > 0 && s.shape.Keys > s.lim.Keys {
			return s.problem(i, "more than %d keys in one file", s.lim.Keys)
		}
	case c == '}' && len(s.open) > 0:
		s.open, s.inKey = s.open[:len(s.open)-1], false // an empty inline table, or a trailing comma
	}
	return Problem{}, false
}

// valueByte reads one byte of a value, tracking arrays and inline tables.
func (s *scanner) valueByte(i int) (Problem, bool) {
	switch s.s[i] {
	case '[', '{':
		s.open = append(s.open, s.s[i])
		s.shape.Nesting = max(s.shape.Nesting, len(s.open))
		if s.lim.Nesting > 0 && len(s.open) > s.lim.Nesting {
			return s.problem(i, "arrays and inline tables nest deeper than %d levels", s.lim.Nesting)
		}
		if s.s[i] == '{' {
			s.startKey(false)
			return Problem{}, false
		}
		s.shape.Arrays++
		return s.element(i)
	case ',':
		if n := len(s.open); n > 0 && s.open[n-1] == '{' {
			s.startKey(false)
			return Problem{}, false
		}
		if len(s.open) > 0 {
			return s.element(i)
		}
	case ']', '}':
		if len(s.open) > 0 {
			s.open = s.open[:len(s.open)-1]
		}
	}
	return Problem{}, false
}

// element counts one array element (an opening bracket or a comma; an
// empty array or a trailing comma counts one too many, which a bound far
// above real files can afford).
func (s *scanner) element(i int) (Problem, bool) {
	s.shape.ArrayElements++
	if s.lim.ArrayElements > 0 && s.shape.ArrayElements > s.lim.ArrayElements {
		return s.problem(i, "more than %d array elements in one file", s.lim.ArrayElements)
	}
	return Problem{}, false
}

func (s *scanner) problem(i int, format string, args ...any) (Problem, bool) {
	return Problem{Pos: posAt(s.s, i), Message: fmt.Sprintf(format, args...)}, true
}

// PosAt is the line and rune column of byte offset off in data (clamped
// to the data), a leading BOM skipped.
func PosAt(data []byte, off int) Pos {
	return posAt(data, max(0, min(off, len(data))))
}
