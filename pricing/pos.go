package pricing

import (
	"regexp"
	"strconv"
	"strings"
)

// position is a 1-based line and column; zero when unknown.
type position struct{ Line, Col int }

// locator says where a key and its value sit in the source; keys are a path
// such as ("offer", "3", "gpu"), arrays of tables by 0-based index.
type locator interface {
	key(keys ...string) position
	value(keys ...string) position
}

// lineIndex is a stop-gap locator until tomlpos lands: it knows one key per
// line under [table] and [[table]] headers, which is what sheets use.
type lineIndex struct {
	keys, values map[string]position
}

var (
	arrayHeader = regexp.MustCompile(`^(\s*)\[\[\s*([A-Za-z0-9_-]+)\s*\]\]`)
	tableHeader = regexp.MustCompile(`^(\s*)\[\s*([A-Za-z0-9_-]+)\s*\]`)
	keyLine     = regexp.MustCompile(`^(\s*)([A-Za-z0-9_-]+)(\s*=\s*)`)
)

func newLineIndex(data []byte) *lineIndex {
	ix := &lineIndex{keys: map[string]position{}, values: map[string]position{}}
	counts := map[string]int{}
	prefix := ""
	for i, line := range strings.Split(string(data), "\n") {
		n := i + 1
		if m := arrayHeader.FindStringSubmatch(line); m != nil {
			prefix = m[2] + "/" + strconv.Itoa(counts[m[2]])
			counts[m[2]]++
			ix.keys[prefix] = position{n, len(m[1]) + 1}
			ix.values[prefix] = ix.keys[prefix]
			continue
		}
		if m := tableHeader.FindStringSubmatch(line); m != nil {
			prefix = m[2]
			ix.keys[prefix] = position{n, len(m[1]) + 1}
			ix.values[prefix] = ix.keys[prefix]
			continue
		}
		if m := keyLine.FindStringSubmatch(line); m != nil {
			k := m[2]
			if prefix != "" {
				k = prefix + "/" + k
			}
			ix.keys[k] = position{n, len(m[1]) + 1}
			ix.values[k] = position{n, len(m[0]) + 1}
		}
	}
	return ix
}

func (ix *lineIndex) key(keys ...string) position   { return ix.keys[strings.Join(keys, "/")] }
func (ix *lineIndex) value(keys ...string) position { return ix.values[strings.Join(keys, "/")] }
