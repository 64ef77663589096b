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
}

// Problem is the first place where a document passes a limit.
type Problem struct {
	Pos     Pos
	Message string
}

// scanner is one linear pass over the bytes. It knows just enough TOML to
// tell keys from values: strings and comments are skipped, a key is what
// starts a line (outside arrays) or follows '{' or ',' in an inline table.
type scanner struct {
	data     []byte
	lim      Limits
	open     []byte // the open '[' and '{' of values, innermost last
	inKey    bool   // reading a key or a header name
	header   bool   // that key is a header's name
	fresh    bool   // nothing but blanks read on this line yet
	parts    int    // parts of the key read so far
	headers  int
	keys     int
	elements int
}

// Scan reports the first place where data passes lim. It is a single pass
// over the bytes, so callers can refuse a hostile file before decoding it.
func Scan(data []byte, lim Limits) (Problem, bool) {
	s := &scanner{data: data, lim: lim}
	return s.run()
}

func (s *scanner) run() (Problem, bool) {
	s.startKey(false)
	s.fresh = true
	start := 0
	if len(s.data) >= 3 && string(s.data[:3]) == "\xef\xbb\xbf" {
		start = 3
	}
	for i := start; i < len(s.data); i++ {
		c := s.data[i]
		switch {
		case c == '#':
			i = skipTo(s.data, i+1, "\n") - 1
		case c == '"' || c == '\'':
			i = skipString(s.data, i) - 1
		case c == '\n':
			s.newline()
		case s.inKey:
			if p, bad := s.keyByte(i); bad {
				return p, true
			}
		default:
			if p, bad := s.valueByte(i); bad {
				return p, true
			}
		}
	}
	return Problem{}, false
}

func (s *scanner) startKey(header bool) {
	s.inKey, s.header, s.parts = true, header, 1
}

// newline ends a key that has no '=' (a syntax error the decoder reports)
// and, outside arrays, starts the next line's key.
func (s *scanner) newline() {
	if len(s.open) == 0 {
		s.startKey(false)
		s.fresh = true
	}
}

// keyByte reads one byte of a key or a header name.
func (s *scanner) keyByte(i int) (Problem, bool) {
	c := s.data[i]
	fresh := s.fresh
	if c != ' ' && c != '\t' && c != '\r' {
		s.fresh = false
	}
	switch {
	case c == '[' && fresh && !s.header && len(s.open) == 0:
		s.headers++
		if s.lim.Headers > 0 && s.headers > s.lim.Headers {
			return s.problem(i, "more than %d table headers in one file", s.lim.Headers)
		}
		s.startKey(true) // a second '[' ([[array]]) is read as part of the name
	case c == '.':
		s.parts++
		if s.lim.KeyParts > 0 && s.parts > s.lim.KeyParts {
			return s.problem(i, "a dotted key or table name has more than %d parts", s.lim.KeyParts)
		}
	case c == ']' && s.header:
		s.inKey = false
	case c == '=' && !s.header:
		s.inKey = false
		s.keys++
		if s.lim.Keys > 0 && s.keys > s.lim.Keys {
			return s.problem(i, "more than %d keys in one file", s.lim.Keys)
		}
	case c == '}' && len(s.open) > 0:
		s.open, s.inKey = s.open[:len(s.open)-1], false // an empty inline table
	}
	return Problem{}, false
}

// valueByte reads one byte of a value, tracking arrays and inline tables.
func (s *scanner) valueByte(i int) (Problem, bool) {
	switch s.data[i] {
	case '[', '{':
		s.open = append(s.open, s.data[i])
		if s.lim.Nesting > 0 && len(s.open) > s.lim.Nesting {
			return s.problem(i, "arrays and inline tables nest deeper than %d levels", s.lim.Nesting)
		}
		if s.data[i] == '{' {
			s.startKey(false)
			return Problem{}, false
		}
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
	s.elements++
	if s.lim.ArrayElements > 0 && s.elements > s.lim.ArrayElements {
		return s.problem(i, "more than %d array elements in one file", s.lim.ArrayElements)
	}
	return Problem{}, false
}

func (s *scanner) problem(i int, format string, args ...any) (Problem, bool) {
	return Problem{Pos: posAt(s.data, i), Message: fmt.Sprintf(format, args...)}, true
}

// PosAt is the line and rune column of byte offset off in data (clamped
// to the data), a leading BOM skipped.
func PosAt(data []byte, off int) Pos {
	return posAt(data, max(0, min(off, len(data))))
}
