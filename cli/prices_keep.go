package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/pricing"
)

// updateBase is the sheet a refresh is compared with: --base FILE, else the
// sheet already at --out. A --base that cannot be read or has errors is
// refused; a file at --out that is missing or not a valid sheet is no base
// (the refresh replaces it whole, as before).
func (a *App) updateBase(p parsed, out string) (*pricing.Sheet, error) {
	path, given := p.last("base"), p.has("base")
	if !given {
		path = out
	}
	data, err := os.ReadFile(path)
	if err != nil {
		if !given && errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return nil, fmt.Errorf("%s: cannot read the base sheet: %v", path, err)
	}
	sh, diags := pricing.Parse(path, data)
	if !given && (sh == nil || diags.HasErrors()) {
		return nil, nil
	}
	if sh == nil || diags.HasErrors() {
		msg := "not a price sheet"
		if len(diags) > 0 {
			msg = diags[0].String()
		}
		return nil, fmt.Errorf("the base sheet has errors (%s); fix it, or pass another sheet to --base", format.Sanitize(msg))
	}
	return sh, nil
}

// keepUnchanged gives every entry of fresh (the sheet a refresh is about
// to write) whose figures equal those of the base's entry of the same table
// and id the base entry's as_of and source, so that a refresh in which no
// price moved changes no entry's lines. It rewrites those two lines in
// place and returns the new bytes and how many entries it kept.
func keepUnchanged(fresh []byte, base *pricing.Sheet) ([]byte, int) {
	if base == nil {
		return fresh, 0
	}
	sh, diags := pricing.Parse("update", fresh)
	if sh == nil || diags.HasErrors() {
		return fresh, 0 // the writer's own output: the caller's check reports it
	}
	type key struct {
		t  pricing.Table
		id string
	}
	old := make(map[key]pricing.Entry, len(base.Entries))
	for _, e := range base.Entries {
		old[key{e.Table, e.ID}] = e
	}
	lines := bytes.Split(fresh, []byte("\n"))
	kept := 0
	for _, e := range sh.Entries {
		b, ok := old[key{e.Table, e.ID}]
		if !ok || !slices.Equal(e.Fields(), b.Fields()) {
			continue
		}
		asOf := replaceLine(lines, e, "as_of", "as_of = "+b.AsOf.Format(time.DateOnly))
		source := replaceLine(lines, e, "source", "source = "+pricing.QuoteTOML(b.Source))
		if asOf || source {
			kept++
		}
	}
	return bytes.Join(lines, []byte("\n")), kept
}

// replaceLine replaces the line of e's key = value with text, when the
// entry writes that key on a line of its own.
func replaceLine(lines [][]byte, e pricing.Entry, key, text string) bool {
	line, _ := e.FieldPos(key)
	if line < 1 || line > len(lines) || !strings.HasPrefix(string(lines[line-1]), key+" = ") {
		return false
	}
	lines[line-1] = []byte(text)
	return true
}
