package schema

import (
	"bytes"
	"encoding/json"
	"flag"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/pricing"
	"github.com/tunecost/tunecost/scenarios"
)

var update = flag.Bool("update", false, "rewrite docs/schema from the registries")

// TestSchemasAreCurrent: docs/schema holds what the registries generate.
// After a field is added: go test ./schema -update.
func TestSchemasAreCurrent(t *testing.T) {
	for _, kind := range Kinds {
		got, err := JSON(kind)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join("..", "docs", "schema", kind+".schema.json")
		if *update {
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s is not what the registries generate (%v): run go test ./schema -update", path, err)
		}
	}
}

// compile compiles the generated schema of kind with a real validator.
func compile(t *testing.T, kind string) *jsonschema.Schema {
	t.Helper()
	data, err := JSON(kind)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(kind+".schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(kind + ".schema.json")
	if err != nil {
		t.Fatalf("%s schema does not compile: %v", kind, err)
	}
	return s
}

// instance decodes a TOML file into the JSON value an editor validates:
// integers as JSON numbers, dates as YYYY-MM-DD strings. A NaN or an
// infinity, which JSON has no number for, becomes a string, which no
// number field accepts (tunecost refuses them too).
func instance(t *testing.T, data []byte) any {
	t.Helper()
	var v map[string]any
	if _, err := toml.Decode(string(data), &v); err != nil {
		return nil
	}
	return toJSON(v)
}

func toJSON(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = toJSON(e)
		}
		return out
	case []map[string]any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = toJSON(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = toJSON(e)
		}
		return out
	case int64:
		return json.Number(strconv.FormatInt(x, 10))
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return strconv.FormatFloat(x, 'g', -1, 64)
		}
		return json.Number(strconv.FormatFloat(x, 'g', -1, 64))
	case time.Time:
		return x.Format(time.DateOnly)
	}
	return v
}

// isSheet: a price sheet has a [sheet] table.
func isSheet(data []byte) bool {
	var v map[string]any
	_, err := toml.Decode(string(data), &v)
	_, ok := v["sheet"]
	return err == nil && ok
}

// accepted reports whether tunecost reads the file without an error: a
// sheet by pricing.Parse, a scenario by scenarios.Parse (as check does
// before any catalog is involved).
func accepted(path string, data []byte) bool {
	if isSheet(data) {
		_, d := pricing.Parse(path, data)
		return !d.HasErrors()
	}
	_, d := scenarios.Parse(path, data)
	return !d.HasErrors()
}

// TestEveryAcceptedFileValidates: every example, the built-in sheet and
// every testdata scenario or sheet that tunecost accepts is valid by the
// schema (bases, which only the file extending them completes, are left
// out: scenarios.Parse refuses them alone, and so may the schema).
func TestEveryAcceptedFileValidates(t *testing.T) {
	schemas := map[bool]*jsonschema.Schema{false: compile(t, "scenario"), true: compile(t, "sheet")}
	n := map[bool]int{}
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "fuzz") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".toml") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil || !accepted(path, data) {
			return nil
		}
		sheet := isSheet(data)
		n[sheet]++
		if err := schemas[sheet].Validate(instance(t, data)); err != nil {
			t.Errorf("%s is accepted by tunecost but not by the schema: %v", path, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n[false] < 20 || n[true] < 5 {
		t.Errorf("validated %d scenarios and %d sheets: the walk missed the testdata", n[false], n[true])
	}
	t.Logf("validated %d scenarios and %d sheets", n[false], n[true])
}

// TestShapeErrorsAreRefused: files check refuses for a shape error (an
// unknown key or table, a wrong type, a missing field, a value out of
// range or not among the choices) are refused by the schema too.
func TestShapeErrorsAreRefused(t *testing.T) {
	scenario, sheet := compile(t, "scenario"), compile(t, "sheet")
	cases := map[string]*jsonschema.Schema{}
	for _, f := range []string{"unknown_key", "unknown_table", "unknown_top", "option_key_typo", "range_unknown",
		"string_number", "flag_type", "not_a_table", "option_table", "missing_required", "no_options",
		"horizon", "lora_rank_negative", "choice", "kind_typo", "not_apply_kind", "nan", "currency"} {
		cases["../scenarios/testdata/bad/"+f+".toml"] = scenario
	}
	cases["../cli/testdata/check/mixed.toml"] = scenario
	for _, f := range []string{"unknown_key", "unknown_table", "wrong_type", "missing_field", "no_sheet",
		"sheet_unknown", "gpu_not_array", "open_model_whole", "nan_inf"} {
		cases["../pricing/testdata/bad/"+f+".toml"] = sheet
	}
	for path, s := range cases {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if accepted(path, data) {
			t.Errorf("%s: tunecost accepts it; the case is wrong", path)
			continue
		}
		if err := s.Validate(instance(t, data)); err == nil {
			t.Errorf("%s: tunecost refuses it for its shape, the schema accepts it", path)
		}
	}
}

// TestSchemaFromRegistries: every registry field is in the schema with the
// registry's bounds — workload.input_tokens is a number in [0, 1e7],
// option.lora_rank a whole number in [1, 65536] (model/fieldtable.go) — a
// RAG option refuses lora_rank, and every sheet field is there.
func TestSchemaFromRegistries(t *testing.T) {
	s := Scenario()
	defs := s["$defs"].(obj)
	if n := defs["workload.input_tokens"].(obj); n["type"] != "number" || n["minimum"] != 0.0 || n["maximum"] != 1e7 {
		t.Errorf("workload.input_tokens: %v", n)
	}
	if n := defs["option.lora_rank"].(obj); n["type"] != "integer" || n["minimum"] != 1.0 || n["maximum"] != 65536.0 {
		t.Errorf("option.lora_rank: %v", n)
	}
	opt := defs["option"].(obj)
	props := opt["properties"].(obj)
	for _, f := range model.Fields() {
		var p obj
		switch f.Section {
		case model.SectionOption:
			p = props
		case model.SectionTop:
			p = s["properties"].(obj)
		default:
			p = s["properties"].(obj)[string(f.Section)].(obj)["properties"].(obj)
		}
		if _, ok := p[f.Key]; !ok {
			t.Errorf("%s is not in the schema", f.Path())
		}
	}
	refusedForRAG := false
	for _, c := range opt["allOf"].([]any) {
		c := c.(obj)
		if c["if"].(obj)["properties"].(obj)["kind"].(obj)["const"] == "rag" {
			_, refusedForRAG = c["then"].(obj)["properties"].(obj)["lora_rank"]
		}
	}
	if !refusedForRAG {
		t.Error("a rag option may set lora_rank")
	}
	sheet := Sheet()["properties"].(obj)
	for table, fields := range pricing.SheetSpec() {
		var p obj
		if table == "sheet" {
			p = sheet["sheet"].(obj)["properties"].(obj)
		} else {
			p = sheet[table].(obj)["items"].(obj)["properties"].(obj)
		}
		for _, f := range fields {
			if _, ok := p[f.Key]; !ok {
				t.Errorf("sheet %s.%s is not in the schema", table, f.Key)
			}
		}
	}
}
