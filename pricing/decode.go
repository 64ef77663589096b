package pricing

import (
	"bytes"

	"github.com/BurntSushi/toml"
)

// halvesFrom is the size from which a sheet is decoded in two halves at
// once: LiteLLM's map imports to 0.35 MiB, which the decoder takes ~20 ms
// over, most of the time to a first frame; small sheets gain nothing.
const halvesFrom = 64 << 10

// decode decodes a sheet's TOML. A large one is cut at a [[table]] header
// near its middle and the halves decoded at once, then joined: each half
// holds whole entries, so joining appends the second half's entries to the
// first's. Whenever that might not be what decoding the whole file gives —
// a half that does not decode (the cut was inside a multi-line string or
// array, or the file has an error), or a second half with anything but
// arrays of tables — the whole file is decoded instead, so the result and
// every error are the decoder's own.
func decode(data []byte) (map[string]any, error) {
	cut := halfway(data)
	if cut < 0 {
		return decodeWhole(data)
	}
	var second map[string]any
	var secondErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		second, secondErr = decodeWhole(data[cut:])
	}()
	first, err := decodeWhole(data[:cut])
	<-done
	if err != nil || secondErr != nil || !appendTables(first, second) {
		return decodeWhole(data)
	}
	return first, nil
}

func decodeWhole(data []byte) (map[string]any, error) {
	var raw map[string]any
	_, err := toml.Decode(string(data), &raw)
	return raw, err
}

// halfway is the offset of the first line at or past the middle of data
// that starts with "[[", or -1 for a small sheet or none.
func halfway(data []byte) int {
	if len(data) < halvesFrom {
		return -1
	}
	i := bytes.Index(data[len(data)/2:], []byte("\n[["))
	if i < 0 {
		return -1
	}
	return len(data)/2 + i + 1
}

// appendTables appends each array of tables of second to first's array of
// the same name. It reports false, leaving first in an unspecified state,
// when second holds anything else or first's value of a name is not an
// array of tables: decoding the whole file might mean something else then.
func appendTables(first, second map[string]any) bool {
	for k, v := range second {
		more, ok := v.([]map[string]any)
		if !ok {
			return false
		}
		prev, exists := first[k]
		if !exists {
			first[k] = more
			continue
		}
		have, ok := prev.([]map[string]any)
		if !ok {
			return false
		}
		first[k] = append(have, more...)
	}
	return true
}
