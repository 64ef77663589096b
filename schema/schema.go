// Package schema generates JSON Schemas (draft 2020-12) of tunecost's
// files — scenarios and price sheets — from the field registries
// (model.Fields, pricing.SheetSpec), so that an editor (Taplo, Even Better
// TOML) validates and completes a file while it is typed. Nothing here is
// written by hand field by field: a field added to a registry appears in
// the schema when docs/schema is regenerated (go test ./schema -update).
package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strings"

	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/pricing"
)

// Kinds are the schemas tunecost prints: tunecost schema scenario|sheet.
var Kinds = []string{"scenario", "sheet"}

// Draft is the JSON Schema dialect of every schema.
const Draft = "https://json-schema.org/draft/2020-12/schema"

// obj is a JSON object; json.Marshal writes its keys sorted, so the bytes
// are stable.
type obj = map[string]any

// JSON is the schema of kind ("scenario" or "sheet"), indented, ending in
// a newline.
func JSON(kind string) ([]byte, error) {
	var s obj
	switch kind {
	case "scenario":
		s = Scenario()
	case "sheet":
		s = Sheet()
	default:
		return nil, fmt.Errorf("no schema %q; one of %s", kind, strings.Join(Kinds, ", "))
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Scenario is the schema of a scenario file (docs/scenario.md). A file
// with extends may leave out what its base sets, so the requirements hold
// only for files without one.
func Scenario() obj {
	defs := obj{}
	top := obj{
		"name":         obj{"type": "string", "minLength": 1, "description": "the scenario's name, shown in every report"},
		"description":  obj{"type": "string", "description": "what the scenario compares, for people"},
		"currency":     obj{"type": "string", "pattern": "^[A-Z]{3}$", "description": "ISO 4217 code of every amount; every price sheet must use it (default USD)"},
		"price_sheets": obj{"type": "array", "items": obj{"type": "string"}, "description": "price sheets layered over the built-in one, paths relative to this file"},
		"extends":      obj{"type": "string", "description": "a base scenario this file overrides, path relative to this file (docs/scenario-extends.md)"},
		"workload":     section(defs, model.SectionWorkload, "the traffic every option serves"),
		"team":         section(defs, model.SectionTeam, "the people's rates"),
		"option":       obj{"type": "array", "description": "the options compared: [[option]] tables"},
	}
	for _, f := range model.SectionFields(model.SectionTop) {
		top[f.Key] = field(defs, f)
	}
	defs["option"], defs["option_required"] = option(defs), optionRequired()
	return obj{
		"$schema":              Draft,
		"$id":                  "https://github.com/tunecost/tunecost/docs/schema/scenario.schema.json",
		"title":                "tunecost scenario",
		"description":          "A tunecost scenario: the workload, the team and the options compared (docs/scenario.md). Generated from model.Fields by tunecost schema scenario.",
		"type":                 "object",
		"properties":           top,
		"additionalProperties": false,
		"$defs":                defs,
		"if":                   obj{"required": []string{"extends"}},
		"then":                 obj{"properties": obj{"option": obj{"items": obj{"$ref": "#/$defs/option"}}}},
		"else": obj{
			"required": []string{"name", "workload", "option"},
			"properties": obj{
				"workload": obj{"required": requiredKeys(model.SectionWorkload)},
				"team":     obj{"required": requiredKeys(model.SectionTeam)},
				"option": obj{"minItems": 1, "items": obj{"allOf": []any{
					obj{"$ref": "#/$defs/option"}, obj{"$ref": "#/$defs/option_required"}}}},
			},
		},
	}
}

// section is a [workload] or [team] table.
func section(defs obj, sec model.Section, doc string) obj {
	props := obj{}
	for _, f := range model.SectionFields(sec) {
		props[f.Key] = field(defs, f)
	}
	return obj{"type": "object", "description": doc, "properties": props, "additionalProperties": false}
}

func requiredKeys(sec model.Section) []string {
	keys := []string{}
	for _, f := range model.SectionFields(sec) {
		if f.Required {
			keys = append(keys, f.Key)
		}
	}
	return keys
}

// option is an [[option]] table: name, kind and every option field; a
// field that does not apply to the option's kind is refused.
func option(defs obj) obj {
	kinds := make([]string, len(model.Kinds))
	for i, k := range model.Kinds {
		kinds[i] = string(k)
	}
	props := obj{
		"name": obj{"type": "string", "minLength": 1, "description": "the option's name, unique in the scenario"},
		"kind": obj{"enum": kinds, "description": "what the option is: " + strings.Join(kinds, ", ")},
	}
	fields := model.SectionFields(model.SectionOption)
	for _, f := range fields {
		props[f.Key] = field(defs, f)
	}
	for _, r := range model.RetiredFields() {
		if r.Section == string(model.SectionOption) {
			props[r.Key] = obj{"deprecated": true, "description": "retired, ignored: " + r.ReplacedBy}
		}
	}
	var perKind []any
	for _, k := range model.Kinds {
		refused := obj{}
		for _, f := range fields {
			if f.Kinds != nil && !hasKind(f.Kinds, k) {
				refused[f.Key] = false
			}
		}
		perKind = append(perKind, ifKind(k, obj{"properties": refused}))
	}
	return obj{"type": "object", "properties": props, "additionalProperties": false, "allOf": perKind}
}

// optionRequired is what every option of a kind needs, in a file without
// extends. Fields required only for self-hosted serving or some methods
// depend on the catalog and stay optional here; check says so.
func optionRequired() obj {
	var perKind []any
	for _, k := range model.Kinds {
		need := []string{"kind"}
		for _, f := range model.SectionFields(model.SectionOption) {
			if f.Required && f.Hosting == model.AnyHosting && f.Methods == nil && (f.Kinds == nil || hasKind(f.Kinds, k)) {
				need = append(need, f.Key)
			}
		}
		perKind = append(perKind, ifKind(k, obj{"required": need}))
	}
	return obj{"required": []string{"name", "kind"}, "allOf": perKind}
}

// ifKind applies then to the options of kind k.
func ifKind(k model.Kind, then obj) obj {
	return obj{"if": obj{"properties": obj{"kind": obj{"const": string(k)}}, "required": []string{"kind"}}, "then": then}
}

func hasKind(ks []model.Kind, k model.Kind) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}

// field is one registry field: its value, or for a number a range
// { low, likely, high } of such values (docs/scenario.md).
func field(defs obj, f *model.Field) obj {
	doc := describe(f)
	switch f.Type {
	case model.Flag:
		return obj{"type": "boolean", "description": doc}
	case model.Text:
		s := obj{"type": "string", "description": doc}
		if f.MaxLen > 0 {
			s["maxLength"] = f.MaxLen
		}
		if f.List {
			return obj{"type": "array", "items": obj{"enum": f.Choices}, "description": doc}
		}
		if len(f.Choices) > 0 {
			s["enum"] = f.Choices
		}
		return s
	}
	// The value's bounds once, in $defs: the value and a range's three
	// numbers refer to them.
	defs[f.Path()] = number(f)
	n := obj{"$ref": "#/$defs/" + f.Path()}
	rng := obj{"type": "object", "description": "a range: low ≤ likely ≤ high (a triangular distribution)",
		"properties": obj{"low": n, "likely": n, "high": n}, "required": []string{"low", "likely", "high"}, "additionalProperties": false}
	forms := []any{n, rng}
	if f.Counts { // F25a: an evaluation's counts
		forms = append(forms, obj{"type": "object", "description": "evaluation counts: correct of of answers were right (F25a)",
			"properties": obj{"correct": obj{"type": "integer", "minimum": 0}, "of": obj{"type": "integer", "minimum": 1}},
			"required":   []string{"correct", "of"}, "additionalProperties": false})
	}
	return obj{"description": doc, "anyOf": forms}
}

// number is a number field's type and bounds.
func number(f *model.Field) obj {
	n := obj{"type": "number"}
	if f.Integer {
		n["type"] = "integer"
	}
	if f.MinExclusive {
		n["exclusiveMinimum"] = f.Min
	} else {
		n["minimum"] = f.Min
	}
	if f.Max > f.Min && !math.IsInf(f.Max, 1) {
		n["maximum"] = f.Max
	}
	if len(f.Allowed) > 0 {
		n["enum"] = f.Allowed
	}
	return n
}

// describe is a field's hover text: its doc, unit, default and kinds.
func describe(f *model.Field) string {
	parts := []string{f.Doc}
	if f.Unit != "" {
		parts = append(parts, "unit: "+f.Unit)
	}
	switch {
	case f.DefaultText != "":
		parts = append(parts, "default: "+f.DefaultText)
	case f.Type == model.Flag:
		parts = append(parts, fmt.Sprintf("default: %t", f.DefaultFlag))
	}
	if f.Kinds != nil {
		ks := make([]string, len(f.Kinds))
		for i, k := range f.Kinds {
			ks[i] = string(k)
		}
		parts = append(parts, "kinds: "+strings.Join(ks, ", "))
	}
	if f.Required {
		parts = append(parts, "required")
	}
	return strings.Join(parts, "; ")
}

// Sheet is the schema of a price sheet (docs/sheets.md): the [sheet]
// header and an array of tables per catalog table, each field as the
// sheet's reader reads it.
func Sheet() obj {
	spec := pricing.SheetSpec()
	props := obj{"sheet": table(spec["sheet"], "the sheet's header: its name, currency, date and source")}
	for _, t := range pricing.Tables {
		props[string(t)] = obj{"type": "array", "items": table(spec[string(t)], ""), "description": "[[" + string(t) + "]] entries"}
	}
	rate := string(pricing.TableExchangeRate)
	props[rate] = obj{"type": "array", "items": table(spec[rate], "one dated rate: one from costs rate of to (MODEL.md v3 §1)"),
		"description": "[[" + rate + "]] entries"}
	return obj{
		"$schema":              Draft,
		"$id":                  "https://github.com/tunecost/tunecost/docs/schema/sheet.schema.json",
		"title":                "tunecost price sheet",
		"description":          "A tunecost price sheet (docs/sheets.md). Generated from the sheet's readers by tunecost schema sheet.",
		"type":                 "object",
		"properties":           props,
		"required":             []string{"sheet"},
		"additionalProperties": false,
	}
}

func table(fields []pricing.ReadField, doc string) obj {
	props, req := obj{}, []string{}
	for _, f := range fields {
		props[f.Key] = sheetField(f)
		if f.Required {
			req = append(req, f.Key)
		}
	}
	t := obj{"type": "object", "properties": props, "required": req, "additionalProperties": false}
	if doc != "" {
		t["description"] = doc
	}
	return t
}

// sheetField is one sheet field's type and bounds; a date is a TOML local
// date, which editors see as a YYYY-MM-DD string.
func sheetField(f pricing.ReadField) obj {
	switch f.Type {
	case pricing.FieldDate:
		return obj{"type": "string", "pattern": `^\d{4}-\d{2}-\d{2}$`, "description": "a date, YYYY-MM-DD"}
	case pricing.FieldText, pricing.FieldFlag:
		return obj{"type": string(f.Type)}
	case pricing.FieldWhole:
		return obj{"type": "integer", "minimum": f.Min, "maximum": 1 << 31}
	}
	if f.ExclusiveMin {
		return obj{"type": "number", "exclusiveMinimum": f.Min}
	}
	return obj{"type": "number", "minimum": f.Min}
}
