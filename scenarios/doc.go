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
// # Extends
//
// A scenario may start with extends = "team-defaults.toml", a path relative
// to it. The loader (workspace) reads the chain of bases with ParseBase, of
// which nothing is required, and folds it with Merge(base, child), deepest
// base first. Merge's rules:
//
//   - top-level scalars (horizon_months, currency, description): the child's
//     value wins; name is never inherited;
//   - [workload] and [team] merge key by key, the child's key winning;
//   - options merge by name: a child [[option]] with a base option's name
//     merges into it key by key (the child's keys, kind included, win) and
//     keeps the base's place; the child's other options follow the base's,
//     in the child's order;
//   - price_sheets: the base's first (each resolved against the base's own
//     folder), then the child's.
//
// Inherited values keep their base's Src and positions, so a problem with
// one names the base file and line. What a whole scenario must have (name,
// workload, options, required keys) is checked once, on the merged result.
//
// Editing stays on the child: Set on an inherited value records a key in
// the child's own table (Bytes inserts it, appending [workload] or [team]
// when the child lacks it); an option that only a base defines gets a new
// [[option]] table in the child holding its name and the key. The name of
// an inherited option cannot be edited, since it ties the tables together.
//
// A numeric input may be a triangular range, x = { low = 1, likely = 2,
// high = 3 }, kept in Value.Range for uncertainty analysis; the resolved
// scenario uses likely.
package scenarios
