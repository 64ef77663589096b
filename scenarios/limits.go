package scenarios

import (
	"strings"
	"unicode"

	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/gate"
)

// Limits on what a scenario file may hold (docs/limits.md). Shared files
// are hostile: each bound is far above any real plan and far below what
// would slow the tool or flood a terminal.
const (
	MaxOptions     = 64                 // [[option]] tables per scenario, after extends
	MaxNesting     = gate.MaxNesting    // arrays and inline tables inside each other
	MaxNameLen     = 200                // characters of a name or an id
	MaxDescription = 2000               // characters of the description
	MaxPathLen     = 1024               // characters of a path in price_sheets or extends
	MaxKeyParts    = gate.MaxKeyParts   // parts of one dotted key or [table.name]
	MaxHeaders     = gate.MaxHeaders    // [table] and [[array]] headers in one file
	MaxArrayItems  = gate.MaxArrayItems // array elements, all arrays together
	MaxKeys        = gate.MaxKeys       // key = value pairs in one file

	// maxCodePointsPer bounds the code points of a text field to this
	// many per character of its limit: a real character (a Devanagari
	// syllable, a family emoji) rarely needs more than 4 or 5.
	maxCodePointsPer = 8
)

// FileLimits is what the gate (gate.Check, gate.Scenario) accepts in a
// scenario or a base before the TOML decoder runs: the decoder's cost grows
// with the square of a dotted key's parts, and every header and array
// element is a value the index records.
var FileLimits = gate.Scenario.Shape

// textLimit is the length limit of a string field named label, and
// whether it may hold line breaks and tabs.
func textLimit(label string) (int, bool) {
	switch {
	case label == "description":
		return MaxDescription, true
	case label == "extends" || strings.HasPrefix(label, "price_sheets["):
		return MaxPathLen, false
	}
	return MaxNameLen, false
}

// textOK refuses over-long strings, control characters and, outside free
// text, invisible format characters: names are printed in terminals, where
// ESC starts a command (clipboard writes, screen clears, title changes),
// and "LoRA" with a zero-width space is a second option that looks like
// the first.
func (p *parser) textOK(val Value, label string, max int, multiline bool) bool {
	// Characters as a reader counts them (grapheme clusters), and code
	// points too, so that combining marks piled on one letter stay bounded.
	if n := format.Length(val.Text); n > max {
		p.errorf(val.Pos, label, "%s is %d characters long; at most %d", label, n, max)
		return false
	}
	if n := format.CodePoints(val.Text); n > maxCodePointsPer*max {
		p.errorf(val.Pos, label, "%s holds %d code points; at most %d", label, n, maxCodePointsPer*max)
		return false
	}
	for _, r := range val.Text {
		if unicode.IsControl(r) && !(multiline && (r == '\n' || r == '\t')) {
			p.errorf(val.Pos, label, "%s = %s: contains a control character (%U)", label, quoteShort(val.Text), r)
			return false
		}
	}
	// Free text may use them (Thai breaks lines at U+200B); a name or a
	// path must look like what it is.
	if r, bad := format.NameProblem(val.Text); bad && !multiline {
		p.errorf(val.Pos, label, "%s = %s: contains an invisible character (%U), which would make it look like another name", label, quoteASCII(val.Text), r)
		return false
	}
	return true
}
