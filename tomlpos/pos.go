package tomlpos

import "unicode/utf8"

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
