package scenarios

import (
	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/tomlpos"
)

// Range is a triangular estimate of a numeric input.
type Range struct{ Low, Likely, High float64 }

// Value is one input as the file states it.
type Value struct {
	Num    float64 // numbers; for a range, its Likely
	Text   string
	Flag   bool
	Range  *Range      // set when the number was written as a range
	Pos    tomlpos.Pos // where the value's text starts
	KeyPos tomlpos.Pos // where its key starts
	Set    bool        // present in the file (or set by Set)
	raw    string      // the value's text as written, for messages
}

// Ref is a path named inside the scenario.
type Ref struct {
	Path     string // as written
	Resolved string // joined with the scenario file's directory
	Pos      tomlpos.Pos
}

// OptionValues is one [[option]] table.
type OptionValues struct {
	Name   string
	Kind   model.Kind  // "" when missing or not a known kind
	Pos    tomlpos.Pos // the [[option]] header
	Values map[string]Value

	written map[string]bool // keys present in the file, valid or not
}

// File is a parsed scenario file: what it says, with positions, before
// defaults and catalog references are applied.
type File struct {
	Path        string
	Data        []byte
	Name        string
	Description string
	Currency    string // "" when not written (USD applies)
	PriceSheets []Ref
	Extends     *Ref // parsed and checked; merging is not implemented yet
	Top         map[string]Value
	Workload    map[string]Value
	Team        map[string]Value
	Options     []OptionValues

	ix       *tomlpos.Index
	hasTable map[string]bool // [workload] / [team] written in the file
	edits    []edit
}

// edit is one value changed by Set, written back by Bytes.
type edit struct {
	keys []string
	text string // TOML text of the new value
}

// DefaultCurrency applies when a scenario names none (MODEL.md §2).
const DefaultCurrency = "USD"

func newFile(path string, data []byte) *File {
	return &File{
		Path: path, Data: data,
		Top: map[string]Value{}, Workload: map[string]Value{}, Team: map[string]Value{},
		hasTable: map[string]bool{},
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
