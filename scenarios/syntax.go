package scenarios

import (
	"errors"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/tunecost/tunecost/diag"
	"github.com/tunecost/tunecost/tomlpos"
)

// syntaxError turns the decoder's error into one positioned diagnostic
// with a short, plain message.
func syntaxError(path string, data []byte, err error) diag.Diagnostic {
	d := diag.Diagnostic{File: path, Line: 1, Col: 1, Severity: diag.Error}
	var pe toml.ParseError
	if !errors.As(err, &pe) {
		d.Message = "not valid TOML: " + firstLine(err.Error())
		return d
	}
	p := tomlpos.ErrorPos(data, pe)
	d.Line, d.Col = p.Line, p.Col
	d.Message = humanize(firstLine(pe.Message))
	if strings.Contains(pe.Message, "already been defined") {
		// The decoder points past the value; the duplicate key is what to fix.
		d.Col = firstNonBlank(data, d.Line)
	}
	return d
}

// firstNonBlank is the rune column of a line's first non-blank character.
func firstNonBlank(data []byte, line int) int {
	lines := strings.Split(string(data), "\n")
	if line < 1 || line > len(lines) {
		return 1
	}
	for i, r := range []rune(lines[line-1]) {
		if r != ' ' && r != '\t' && r != '\uFEFF' {
			return i + 1
		}
	}
	return 1
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}

// plain rewrites the decoder's phrasing into ours.
var plain = strings.NewReplacer(
	`'\x00'`, "the end of the file",
	`'\n'`, "a newline",
	`'\r'`, "a carriage return",
	"expected value but found", "expected a value, found",
	", but got ", ", found ",
	" but got ", ", found ",
	" instead", "",
	"has already been defined", "is defined twice",
)

func humanize(msg string) string {
	msg = strings.TrimSuffix(plain.Replace(msg), ".")
	msg = strings.ReplaceAll(msg, "found a newline", "found the end of the line")
	if msg == "" {
		return "not valid TOML"
	}
	// Messages start lower-case after "file:line:col: ".
	if c := msg[0]; c >= 'A' && c <= 'Z' && (len(msg) < 2 || msg[1] < 'A' || msg[1] > 'Z') {
		msg = string(c+'a'-'A') + msg[1:]
	}
	return msg
}
