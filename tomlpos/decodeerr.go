package tomlpos

import (
	"bytes"
	"strings"

	"github.com/BurntSushi/toml"
)

// ErrorPos is where a decoding error of data really is. The decoder counts
// a line as begun once it has read the newline ending the previous one, so
// an error at that newline ("[workload" unclosed at the end of line 2) is
// reported on line 3, which may not exist; at the end of the file it points
// at the last byte rather than past it. The byte offset says which line.
func ErrorPos(data []byte, pe toml.ParseError) Pos {
	p := Pos{Line: max(pe.Position.Line, 1), Col: max(pe.Position.Col, 1)}
	if strings.Contains(pe.Message, `'\x00'`) { // the decoder's end of file
		end := len(data)
		if end > 0 && data[end-1] == '\n' {
			end-- // a final newline does not start a line of its own
		}
		return PosAt(data, end)
	}
	if at := pe.Position.Start + bomLen(data); pe.Position.Start > 0 && at < len(data) {
		if q := PosAt(data, at); q.Line < p.Line {
			return q
		}
	}
	return p
}

// bomLen is the byte-order mark the decoder skips before counting offsets.
func bomLen(data []byte) int {
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		return 3
	case bytes.HasPrefix(data, []byte("\xff\xfe")), bytes.HasPrefix(data, []byte("\xfe\xff")):
		return 2
	}
	return 0
}
