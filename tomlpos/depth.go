package tomlpos

import "unicode/utf8"

// TooDeep reports the position of the first '[' or '{' that opens a level
// deeper than max, skipping strings and comments. It is a single linear
// pass, so callers can refuse pathological nesting before decoding. Table
// headers count like arrays ([[a]] is two levels), which only matters to a
// max below 2.
func TooDeep(data []byte, max int) (Pos, bool) {
	depth := 0
	for i := 0; i < len(data); i++ {
		switch c := data[i]; c {
		case '#':
			i = skipTo(data, i+1, "\n") - 1
		case '"', '\'':
			i = skipString(data, i) - 1
		case '[', '{':
			depth++
			if depth > max {
				return posAt(data, i), true
			}
		case ']', '}':
			depth = max0(depth - 1)
		}
	}
	return Pos{}, false
}

// skipString returns the offset just past the string that starts at i (or
// the end of its line for an unclosed one-line string).
func skipString(data []byte, i int) int {
	q := data[i]
	if i+2 < len(data) && data[i+1] == q && data[i+2] == q {
		for j := i + 3; j < len(data); j++ {
			if data[j] == '\\' && q == '"' {
				j++
				continue
			}
			if j+2 < len(data) && data[j] == q && data[j+1] == q && data[j+2] == q {
				return j + 3
			}
		}
		return len(data)
	}
	for j := i + 1; j < len(data); j++ {
		switch {
		case data[j] == '\\' && q == '"':
			j++
		case data[j] == q:
			return j + 1
		case data[j] == '\n':
			return j
		}
	}
	return len(data)
}

func skipTo(data []byte, i int, stop string) int {
	for ; i < len(data); i++ {
		if data[i] == stop[0] {
			return i
		}
	}
	return len(data)
}

func max0(n int) int {
	if n < 0 {
		return 0
	}
	return n
}

// posAt is the line and rune column of offset off, a leading BOM skipped.
func posAt(data []byte, off int) Pos {
	line, start := 1, 0
	for j := 0; j < off; j++ {
		if data[j] == '\n' {
			line, start = line+1, j+1
		}
	}
	if line == 1 && len(data) >= 3 && string(data[:3]) == "\xef\xbb\xbf" {
		start = min(3, off)
	}
	return Pos{Line: line, Col: utf8.RuneCount(data[start:off]) + 1}
}
