package scenarios

import (
	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/tomlpos"
)

// Range is a triangular estimate of a numeric input.
type Range struct{ Low, Likely, High float64 }

// Counts are an evaluation's results, accuracy = { correct, of } (F25a).
type Counts struct{ Correct, Of float64 }

// Value is one input as the file states it.
type Value struct {
	Num    float64 // numbers; for a range, its Likely
	Text   string
	Flag   bool
	Range  *Range      // set when the number was written as a range
	Counts *Counts     // set when accuracy was written as evaluation counts (F25a)
	Pos    tomlpos.Pos // where the value's text starts
	KeyPos tomlpos.Pos // where its key starts
	Set    bool        // present in the file (or set by Set)
	Src    string      // the file it is written in: a base file when inherited
	raw    string      // the value's text as written, for messages
}

// Loc is a position in a named file; inherited values point into their base.
type Loc struct {
	File string
	tomlpos.Pos
}

// Loc is where the value is written.
func (v Value) Loc() Loc { return Loc{v.Src, v.Pos} }

// Ref is a path named inside the scenario.
type Ref struct {
	Path     string // as written
	Resolved string // joined with the directory of the file it is written in
	Pos      tomlpos.Pos
	Src      string // the file it is written in
	Label    string // how messages name it: extends, price_sheets[1]
}

// Loc is where the path is written.
func (r Ref) Loc() Loc { return Loc{r.Src, r.Pos} }

// OptionValues is one [[option]] table.
type OptionValues struct {
	Name   string
	Kind   model.Kind  // "" when missing or not a known kind
	Pos    tomlpos.Pos // the [[option]] header (the base's, when inherited)
	Src    string      // the file holding that header
	Values map[string]Value

	written   map[string]bool // keys present in the files, valid or not
	index     int             // its [[option]] index in File's own data; -1 when only a base has it
	inherited bool            // a base defines it: its name ties the tables together
	planned   bool            // index is a table Bytes will append
	headers   []Loc           // every [[option]] header that makes it up
}

// Loc is where the option's (first) header is.
func (ov OptionValues) Loc() Loc { return Loc{ov.Src, ov.Pos} }

// File is a parsed scenario file: what it says, with positions, before
// defaults and catalog references are applied.
type File struct {
	Path        string
	Data        []byte
	Name        string
	Description string
	Currency    string // "" when not written (USD applies)
	PriceSheets []Ref
	Extends     *Ref // the base this file names; Merge applies it
	Top         map[string]Value
	Workload    map[string]Value
	Team        map[string]Value
	Options     []OptionValues

	ix       *tomlpos.Index
	hasTable map[string]bool // [workload] / [team] written in the file
	edits    []edit

	partial   bool            // a base: what is missing may come from the file extending it
	written   map[string]bool // top-level keys and "workload.key" paths present, valid or not
	suggested map[string]bool // "section.key" paths a did-you-mean offered
	tables    map[string]Loc  // where [workload] and [team] are
	added     int             // [[option]] tables Set has planned to append
}

// edit is one value changed by Set, written back by Bytes.
type edit struct {
	keys   []string
	text   string // TOML text of the new value
	create string // the option's name when Bytes must append its [[option]] table
}

// DefaultCurrency applies when a scenario names none (MODEL.md §2).
const DefaultCurrency = "USD"

func newFile(path string, data []byte) *File {
	return &File{
		Path: path, Data: data,
		Top: map[string]Value{}, Workload: map[string]Value{}, Team: map[string]Value{},
		hasTable: map[string]bool{}, written: map[string]bool{}, suggested: map[string]bool{},
		tables: map[string]Loc{},
	}
}

// section returns the values of a non-option section.
func (f *File) section(sec model.Section) map[string]Value {
	switch sec {
	case model.SectionWorkload:
		return f.Workload
	case model.SectionTeam:
		return f.Team
	}
	return f.Top
}
