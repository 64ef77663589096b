package gate

import (
	"fmt"

	"github.com/tunecost/tunecost/tomlpos"
)

// checkJSON bounds a JSON document's nesting and the members of its
// top-level object in one pass over the bytes, strings skipped. Syntax is
// the decoder's to judge.
func checkJSON(data []byte) *Refusal {
	depth, members := 0, 0
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '"':
			i = stringEnd(data, i)
			if depth == 1 && afterKeyOpen(data, i) {
				members++
				if members > MaxSourceEntries {
					return refusalAt(data, i, "more than %d entries in the top-level object", MaxSourceEntries)
				}
			}
		case '{', '[':
			depth++
			if depth > MaxJSONNesting {
				return refusalAt(data, i, "objects and arrays nest deeper than %d levels", MaxJSONNesting)
			}
		case '}', ']':
			depth = max(depth-1, 0)
		}
	}
	return nil
}

// stringEnd is the offset of the closing quote of the string opening at i
// (or the last byte, for an unclosed one).
func stringEnd(data []byte, i int) int {
	for j := i + 1; j < len(data); j++ {
		switch data[j] {
		case '\\':
			j++
		case '"':
			return j
		}
	}
	return len(data) - 1
}

// afterKeyOpen reports whether the string ending at i is a key: the next
// byte that is not blank is a colon.
func afterKeyOpen(data []byte, i int) bool {
	for j := i + 1; j < len(data); j++ {
		switch data[j] {
		case ' ', '\t', '\r', '\n':
			continue
		case ':':
			return true
		}
		return false
	}
	return false
}

func refusalAt(data []byte, off int, format string, args ...any) *Refusal {
	p := tomlpos.PosAt(data, off)
	return &Refusal{Line: p.Line, Col: p.Col, Message: fmt.Sprintf(format, args...)}
}
