// Package tomlpos is a lexical index of a TOML document: where each key and
// value starts (line and column) and the byte span of each value's text.
// BurntSushi/toml decodes values but does not say where keys are, and both
// positioned diagnostics and comment-preserving edits need that.
//
// The index is best-effort: Build accepts any bytes, never panics, and
// records what it can recognise; malformed lines are skipped. Validity is
// the TOML decoder's job, not this package's.
//
// Key paths are segments. Arrays of tables add a decimal, 0-based index
// segment ("option", "1", "lora_rank"); elements of value arrays are indexed
// the same way ("price_sheets", "0"); inline tables and dotted keys nest
// ("workload", "queries_per_month", "low").
package tomlpos
