// Package scenarios reads, checks, resolves and edits scenario files (the
// TOML of MODEL.md §2–7).
//
// Loading is two steps, because some rules need the price catalog:
//
//	f, diags := scenarios.Parse(path, data)   // syntax, unknown keys, types, ranges, paths
//	s, more := f.Resolve(&catalog)            // references, hosting, defaults → model.Scenario
//
// Every problem is a diag.Diagnostic at path:line:col naming the field;
// both steps keep going after an error so one run reports as many
// independent problems as it can, each once, in file order.
//
// Editing keeps the user's file: Set parses and validates one value as the
// TUI's editor would type it, and Bytes returns the original bytes with only
// the edited values' text replaced (tomlpos.Replace), comments and layout kept.
//
// The field registry (model.Fields) is the single source of which keys
// exist, their types, ranges, defaults and where they apply; this package
// adds only the keys that are not engine inputs: name, description,
// currency, price_sheets, extends, and each option's name and kind.
//
// A numeric input may be a triangular range, x = { low = 1, likely = 2,
// high = 3 }, kept in Value.Range for uncertainty analysis; the resolved
// scenario uses likely.
package scenarios
