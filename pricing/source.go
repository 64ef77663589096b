package pricing

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/tunecost/tunecost/diag"
	"github.com/tunecost/tunecost/gate"
)

// MaxSourceBytes bounds a file that `prices import` or `prices update` reads
// (LiteLLM's map was 1.7 MB and SkyPilot's AWS catalog 3.7 MB in 2026, and
// both grow): room for several times today's size, while a runaway download
// or a wrong file stops early instead of filling memory.
const MaxSourceBytes = gate.MaxSourceBytes

// ReadSource reads a whole import source, refusing one over MaxSourceBytes.
func ReadSource(file string, r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxSourceBytes+1))
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("%s: cannot read: %v", file, err)
	}
	if len(data) > MaxSourceBytes {
		return nil, fmt.Errorf("%s: larger than %d MiB, the most an import reads (is this the right file?)", file, MaxSourceBytes>>20)
	}
	return data, nil
}

// ImportOptions says how to date, credit and merge an imported sheet.
type ImportOptions struct {
	File    string   // the source's name, for error positions
	AsOf    string   // YYYY-MM-DD, the prices' date
	Source  string   // where the prices came from, written into the sheet
	Catalog *Catalog // the catalog a run would see, merged into; nil: none
	Cloud   string   // SkyPilot only: the catalog's cloud (aws, gcp, …)
	Region  string   // SkyPilot only: the region to read ("" = each cloud's default)
	// EntriesOnly writes no [sheet] table and gives every entry its own
	// as_of and source, for a sheet that combines several sources.
	EntriesOnly bool
}

// dateInName finds a YYYY-MM-DD date in a file name.
var dateInName = regexp.MustCompile(`(\d{4}-\d{2}-\d{2})`)

// DateInName returns the date a file's name carries, e.g. the 2026-07-24 of
// "litellm-model-prices-2026-07-24.json", and whether it has a valid one.
func DateInName(name string) (string, bool) {
	base := name[strings.LastIndexAny(name, `/\`)+1:]
	for _, m := range dateInName.FindAllString(base, -1) {
		if _, err := time.Parse(time.DateOnly, m); err == nil {
			return m, true
		}
	}
	return "", false
}

// offsetPos turns a byte offset into a 1-based line and column (in runes).
func offsetPos(data []byte, off int64) (line, col int) {
	var c posCursor
	return c.at(data, off)
}

// posCursor turns increasing byte offsets into lines and columns in one
// forward pass over the bytes: each call counts only the bytes since the
// last one (H4: counting from the file's start made an import of N
// entries cost N times the file). An offset behind the last starts over.
type posCursor struct {
	off       int64 // the offset of the last answer
	line, col int   // its line and rune column (0: none yet)
}

func (c *posCursor) at(data []byte, off int64) (line, col int) {
	off = min(max(off, 0), int64(len(data)))
	if c.line == 0 || off < c.off {
		c.off, c.line, c.col = 0, 1, 1
	}
	for i := c.off; i < off; i++ {
		switch b := data[i]; {
		case b == '\n':
			c.line, c.col = c.line+1, 1
		case !utf8.RuneStart(b):
			// a continuation byte: the rune was counted at its first byte
		default:
			c.col++
		}
	}
	c.off = off
	return c.line, c.col
}

// hasControl reports a control character, which no id or name may hold.
func hasControl(s string) bool {
	for _, c := range s {
		if c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) {
			return true
		}
	}
	return false
}

// importErrors collects the positioned errors of one import.
type importErrors struct {
	file  string
	diags diag.List
}

func (e *importErrors) at(line, col int, entry, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if entry != "" {
		msg = fmt.Sprintf("entry %q: %s", entry, msg)
	}
	e.diags.Errorf(e.file, line, col, "", "%s", msg)
}

// err returns the collected errors as one error (a diag.List), or nil.
func (e *importErrors) err() error {
	if len(e.diags) == 0 {
		return nil
	}
	return e.diags
}

// entryMeta writes an entry's own as_of and source when opt asks for them.
func entryMeta(w *tomlWriter, opt ImportOptions, date time.Time) {
	if opt.EntriesOnly {
		w.raw("as_of", date.Format(time.DateOnly))
		w.str("source", opt.Source)
	}
}
