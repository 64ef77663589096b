// Package diag holds the positioned problems that loading and checking files
// report: an error or warning at file:line:col, naming the field at fault.
package diag

import (
	"fmt"
	"sort"
)

// Severity tells errors from warnings and notes.
type Severity int

// Severities. A note is a fact worth knowing that asks for no change (the
// cost model's "check notes"); only `check` prints notes.
const (
	Error Severity = iota
	Warning
	Note
)

// Diagnostic is one problem in one file. Line and Col are 1-based; 0 means
// unknown (the message then applies to the whole file).
type Diagnostic struct {
	File     string
	Line     int
	Col      int
	Severity Severity
	Field    string // dotted field path, "" when none applies
	Message  string
}

// String renders the diagnostic as "path:line:col: message"; warnings say so.
func (d Diagnostic) String() string {
	msg := d.Message
	switch d.Severity {
	case Warning:
		msg = "warning: " + msg
	case Note:
		msg = "note: " + msg
	}
	switch {
	case d.Line > 0:
		return fmt.Sprintf("%s:%d:%d: %s", d.File, d.Line, max(d.Col, 1), msg)
	case d.File != "":
		return fmt.Sprintf("%s: %s", d.File, msg)
	}
	return msg
}

// Error lets a Diagnostic travel as an error.
func (d Diagnostic) Error() string { return d.String() }

// List is a set of diagnostics.
type List []Diagnostic

// Errorf appends an error.
func (l *List) Errorf(file string, line, col int, field, format string, args ...any) {
	*l = append(*l, Diagnostic{File: file, Line: line, Col: col, Severity: Error, Field: field, Message: fmt.Sprintf(format, args...)})
}

// Warnf appends a warning.
func (l *List) Warnf(file string, line, col int, field, format string, args ...any) {
	*l = append(*l, Diagnostic{File: file, Line: line, Col: col, Severity: Warning, Field: field, Message: fmt.Sprintf(format, args...)})
}

// Notef appends a note.
func (l *List) Notef(file string, line, col int, field, format string, args ...any) {
	*l = append(*l, Diagnostic{File: file, Line: line, Col: col, Severity: Note, Field: field, Message: fmt.Sprintf(format, args...)})
}

// HasErrors reports whether any diagnostic is an error.
func (l List) HasErrors() bool {
	for _, d := range l {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Errors returns only the errors.
func (l List) Errors() List { return l.filter(Error) }

// Warnings returns only the warnings.
func (l List) Warnings() List { return l.filter(Warning) }

// Notes returns only the notes.
func (l List) Notes() List { return l.filter(Note) }

func (l List) filter(s Severity) List {
	var out List
	for _, d := range l {
		if d.Severity == s {
			out = append(out, d)
		}
	}
	return out
}

// Sort orders diagnostics by file, line and column, keeping the order of
// diagnostics at the same place.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// Error makes a non-empty List usable as an error: its first error, and how
// many more there are.
func (l List) Error() string {
	errs := l.Errors()
	if len(errs) == 0 {
		return ""
	}
	if len(errs) == 1 {
		return errs[0].String()
	}
	return fmt.Sprintf("%s (and %d more)", errs[0].String(), len(errs)-1)
}
