// Package model is tunecost's cost engine: plain inputs in (a Scenario and a
// Catalog), one Result with derivations out. It implements formulas F1–F24 of
// the cost model (docs/model.md). It does no I/O and knows nothing of TOML or
// terminals. Evaluate is total: it returns an error value for any input it
// cannot price and never panics, and no figure it returns is NaN or Inf.
package model
