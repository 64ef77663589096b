package calibration

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"strconv"

	"github.com/BurntSushi/toml"
)

// Record is the median error a kind may not exceed, and why it was last
// raised (records only move down, unless a reason says why not).
type Record struct {
	Median float64 `toml:"median"`
	V2     float64 `toml:"v2"` // the record under cost model v2, kept for comparison; 0 = none
	Reason string  `toml:"reason"`
}

// Records maps Kind.ID to its record.
type Records map[string]Record

// LoadRecords reads records.toml; a missing file is no records.
func LoadRecords(path string) (Records, error) {
	recs := Records{}
	if _, err := os.Stat(path); os.IsNotExist(err) {
		return recs, nil
	}
	md, err := toml.DecodeFile(path, &recs)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if keys := md.Undecoded(); len(keys) > 0 {
		return nil, fmt.Errorf("%s: unknown key %q (each kind has median, v2 and reason)", path, keys[0].String())
	}
	for id := range recs {
		if !knownKind(id) {
			return nil, fmt.Errorf("%s: [%s] is not a figure kind", path, id)
		}
	}
	return recs, nil
}

func knownKind(id string) bool {
	for _, k := range Kinds {
		if k.ID == id {
			return true
		}
	}
	return false
}

// Lowered returns the records moved down to the medians measured (rounded
// up to 4 decimals), and a record added for a kind that has none. A record
// below its median stays: raising one is a decision written by hand.
func Lowered(recs Records, sums []Summary) Records {
	out := Records{}
	for id, r := range recs {
		out[id] = r
	}
	for _, s := range sums {
		if !s.HasMedian() {
			continue
		}
		m := recordFor(s.Median)
		r, ok := out[s.Kind.ID]
		if !ok || m < r.Median {
			out[s.Kind.ID] = Record{Median: m, V2: r.V2, Reason: r.Reason}
		}
	}
	return out
}

// Bytes renders the records file, kinds in report order.
func (recs Records) Bytes() []byte {
	var b bytes.Buffer
	b.WriteString("# The calibration suite's records: per figure kind, the median\n")
	b.WriteString("# |ln(predicted/published)| that the suite may not exceed (calibration test).\n")
	b.WriteString("# `go test ./calibration -update` lowers a record to the median measured; it\n")
	b.WriteString("# never raises one. Raise a record only by hand, with the reason beside it.\n")
	for _, k := range Kinds {
		r, ok := recs[k.ID]
		if !ok {
			continue
		}
		fmt.Fprintf(&b, "\n[%s]\n", k.ID)
		fmt.Fprintf(&b, "# ×%.3f\n", math.Exp(r.Median))
		fmt.Fprintf(&b, "median = %s\n", strconv.FormatFloat(r.Median, 'f', -1, 64))
		if r.V2 > 0 {
			fmt.Fprintf(&b, "# ×%.3f under cost model v2\n", math.Exp(r.V2))
			fmt.Fprintf(&b, "v2 = %s\n", strconv.FormatFloat(r.V2, 'f', -1, 64))
		}
		if r.Reason != "" {
			fmt.Fprintf(&b, "reason = %s\n", strconv.Quote(r.Reason))
		}
	}
	return b.Bytes()
}

// recordFor is the record that holds a median: rounded up to 4 decimals.
func recordFor(median float64) float64 { return math.Ceil(median*1e4) / 1e4 }
