package cli

import (
	"strings"

	"github.com/tunecost/tunecost/diag"
)

// checkRule is one kind of problem check reports: a stable id for code
// scanning (SARIF's ruleId, the title of a GitHub annotation) and help
// that says how to fix any problem of that kind.
type checkRule struct {
	id, name, short, help string
	// shape marks problems a JSON Schema of the files can catch too:
	// unknown keys, wrong types, missing fields, values out of range.
	shape bool
	// match reports whether a diagnostic is of this kind; the first rule
	// that matches wins, the last matches everything left.
	match func(d diag.Diagnostic) bool
}

// contains matches an error whose message holds any of the phrases.
func contains(phrases ...string) func(diag.Diagnostic) bool {
	return func(d diag.Diagnostic) bool {
		if d.Severity != diag.Error {
			return false
		}
		for _, p := range phrases {
			if strings.Contains(d.Message, p) {
				return true
			}
		}
		return false
	}
}

// checkRules are the kinds, in the order a diagnostic is tried against them.
var checkRules = []checkRule{
	{id: "TC001", name: "unreadable-file", short: "A file cannot be read",
		help:  "A scenario, base or price sheet could not be read: it is missing, not a regular file, too large or not readable. Fix the path (price_sheets and extends are relative to the scenario) or the file's permissions.",
		match: contains("cannot read", "no such file")},
	{id: "TC002", name: "toml-syntax", short: "The file is not valid TOML",
		help:  "The file does not parse as TOML (https://toml.io): a missing quote or bracket, a key defined twice, a NUL byte, or nesting deeper than tunecost reads. Fix the text at the position given.",
		match: contains("expected '", "expected a value", "is defined twice", "cannot contain", "nest deeper", "invalid ", "unexpected ", "bare keys")},
	{id: "TC003", name: "unknown-key", short: "A key or table tunecost does not know", shape: true,
		help:  "The key or table is not one tunecost reads, often a typo (the message suggests the nearest name). docs/scenario.md and docs/sheets.md list every key; `tunecost schema scenario` prints them for an editor.",
		match: contains("unknown key", "unknown table")},
	{id: "TC004", name: "missing-field", short: "A required field is missing", shape: true,
		help:  "Every scenario needs a name, a [workload] table and at least one [[option]] with a name and a kind; some fields are required by others (the message says which). Add the field named.",
		match: contains("is missing", "missing name", "empty scenario")},
	{id: "TC005", name: "wrong-type", short: "A value of the wrong type", shape: true,
		help:  "The value has the wrong TOML type: a string where a number is needed, a table where an array of tables ([[option]]) is, and so on. Write the type the message asks for.",
		match: contains("expected a number", "expected true or false", "expected a string", "must be a table", "must be an array", "expected [[option]]", "got a string", "got a number")},
	{id: "TC006", name: "value-out-of-range", short: "A value outside what is valid", shape: true,
		help:  "The value is outside the range tunecost accepts (the message gives it), not one of the allowed words, or a range whose low, likely and high are out of order. Use a value within the bounds.",
		match: contains("must be a number", "must be a whole number", "must be a finite number", "must be one of", "a range needs", "must be three upper-case", "characters long", "must not be empty", "invisible character", "control character", "too many")},
	{id: "TC007", name: "unknown-reference", short: "A model, GPU or offer the price catalog lacks",
		help:  "An option names a model, offer, GPU or embedding that no price sheet defines, or of the wrong table. Use an id from `tunecost prices` or add the entry to a price sheet (docs/sheets.md).",
		match: contains("is not an", "is not a ", "not in the price catalog", "does not match", "is already used")},
	{id: "TC008", name: "file-role", short: "A price sheet or base used in the wrong place",
		help:  "price_sheets and extends must be relative paths that stay inside the scenario's folder or git work tree, bases must not extend each other in a cycle, and a price sheet is layered (--prices or price_sheets), not checked as a scenario. Move the file or name it where it belongs.",
		match: contains("must be a relative path", "must stay inside", "cycle", "this is a price sheet")},
	{id: "TC101", name: "stale-price", short: "A price older than the staleness limit",
		help: "A price was last checked more days ago than --stale-days (180 by default). Prices move every quarter: check it and update its as_of, or layer a newer sheet (tunecost prices update).",
		match: func(d diag.Diagnostic) bool {
			return d.Severity == diag.Warning && strings.Contains(d.Message, "days old")
		}},
	{id: "TC102", name: "modelling-advice", short: "A choice in the scenario that is probably not meant",
		help:  "The scenario is valid but a choice in it is likely to mislead (an ignored setting, a risky method, a closed service). Read the message; --strict makes these fail CI.",
		match: func(d diag.Diagnostic) bool { return d.Severity == diag.Warning }},
	{id: "TC009", name: "invalid-scenario", short: "A scenario the cost model refuses",
		help:  "The scenario parses but the cost model cannot evaluate it as written: the message names the field and what would be valid.",
		match: func(diag.Diagnostic) bool { return true }},
}

// ruleOf is the index in checkRules of the kind d is.
func ruleOf(d diag.Diagnostic) int {
	for i, r := range checkRules {
		if r.match(d) {
			return i
		}
	}
	return len(checkRules) - 1
}
