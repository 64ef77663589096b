// Package pricing reads price sheets (MODEL.md §1): TOML files with a [sheet]
// table and arrays of gpu, offer, open_model, api_model, embedding and
// vector_db tables. Parse validates one sheet and reports every problem at
// file:line:col; Layer stacks sheets (the built-in one first) into the
// model.Catalog the engine prices against, keeping where each entry came from.
// Price files come from other people's repositories: nothing here panics on
// any input, and no value is taken on trust.
package pricing
