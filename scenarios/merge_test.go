package scenarios

import (
	"strings"
	"testing"

	"github.com/tunecost/tunecost/model"
)

const mergeBase = `description = "team defaults"
horizon_months = 36
price_sheets = ["sheets/team.toml"]

[workload]
queries_per_month = 1000
input_tokens = 100
output_tokens = 50

[team]
hourly_rate = 90

[[option]]
name = "p"
kind = "prompt"
model = "gpt-4o"
prompt_overhead_tokens = 500

[[option]]
name = "rag"
kind = "rag"
generator = "gpt-4o"
corpus_tokens = 1000
embedding = "text-embedding-3-small"
vector_db = "pgvector"
`

const mergeChild = `extends = "base/defaults.toml"
name = "child"
horizon_months = 12
price_sheets = ["mine.toml"]

[workload]
input_tokens = 400

[[option]]
name = "mini"
kind = "prompt"
model = "gpt-4o-mini"

[[option]]
name = "p"
prompt_overhead_tokens = 2000
`

func merged(t *testing.T, base, child string) (*File, []string) {
	t.Helper()
	b, d := ParseBase("base/defaults.toml", []byte(base))
	c, d2 := Parse("child.toml", []byte(child))
	if d.HasErrors() || d2.HasErrors() {
		t.Fatalf("parse: %v %v", d, d2)
	}
	m, d3 := Merge(b, c)
	var lines []string
	for _, x := range d3 {
		lines = append(lines, x.String())
	}
	return m, lines
}

func TestMergeRules(t *testing.T) {
	m, d := merged(t, mergeBase, mergeChild)
	if len(d) > 0 {
		t.Fatalf("diagnostics: %v", d)
	}
	s, more := m.Resolve(testCatalog())
	if more.HasErrors() {
		t.Fatal(more)
	}
	if s.Name != "child" || s.Description != "team defaults" || s.HorizonMonths != 12 {
		t.Errorf("scalars: %q %q %v", s.Name, s.Description, s.HorizonMonths)
	}
	if s.Workload.QueriesPerMonth != 1000 || s.Workload.InputTokens != 400 || s.Team.HourlyRate != 90 {
		t.Errorf("tables: %+v %+v", s.Workload, s.Team)
	}
	var names []string
	for _, o := range s.Options {
		names = append(names, o.Name)
	}
	if strings.Join(names, ",") != "p,rag,mini" {
		t.Errorf("options %v, want base's first (p merged), then the child's", names)
	}
	if s.Options[0].PromptOverheadTokens != 2000 || s.Options[0].Model != "gpt-4o" {
		t.Errorf("merged option: %+v", s.Options[0])
	}
	if len(m.PriceSheets) != 2 || m.PriceSheets[0].Resolved != "base/sheets/team.toml" || m.PriceSheets[1].Resolved != "mine.toml" {
		t.Errorf("price_sheets: %+v", m.PriceSheets)
	}
	if v := m.Workload["queries_per_month"]; v.Src != "base/defaults.toml" || v.Pos.Line != 6 {
		t.Errorf("inherited value at %s:%v, want the base's line 6", v.Src, v.Pos)
	}
}

func TestMergeReportsInBase(t *testing.T) {
	// The child makes "p" a RAG option: the base's prompt keys no longer apply.
	child := strings.Replace(mergeChild, "prompt_overhead_tokens = 2000", `kind = "rag"`, 1)
	_, d := merged(t, mergeBase, child)
	want := []string{
		`base/defaults.toml:13:1: option "p" is missing generator (an open_model or api_model id)`,
		`base/defaults.toml:13:1: option "p" is missing corpus_tokens (a number from 0 to 1e15)`,
		`base/defaults.toml:13:1: option "p" is missing embedding (an embedding id)`,
		`base/defaults.toml:13:1: option "p" is missing vector_db (a vector_db id)`,
		`base/defaults.toml:16:1: option "p".model does not apply to kind "rag"`,
		`base/defaults.toml:17:1: option "p".prompt_overhead_tokens does not apply to kind "rag"`,
	}
	if strings.Join(d, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(d, "\n"), strings.Join(want, "\n"))
	}
}

func TestMergeCompleteness(t *testing.T) {
	_, d := merged(t, "", "extends = \"b.toml\"\nname = \"x\"\n")
	want := `child.toml:1:1: missing [workload] and [[option]]: a scenario needs a name, a [workload] table and at least one [[option]]`
	if strings.Join(d, "\n") != want {
		t.Errorf("got %q", d)
	}
}

func TestSetInheritedWritesChild(t *testing.T) {
	child := strings.Replace(mergeChild, "\n[workload]\ninput_tokens = 400\n", "", 1)
	m, _ := merged(t, mergeBase, child)
	if err := m.Set(model.SectionWorkload, 0, "output_tokens", "75"); err != nil {
		t.Fatal(err)
	}
	if err := m.Set(model.SectionOption, 1, "top_k", "9"); err != nil { // "rag": only in the base
		t.Fatal(err)
	}
	if err := m.Set(model.SectionOption, 1, "build_hours", "10"); err != nil {
		t.Fatal(err)
	}
	if err := m.Set(model.SectionOption, 0, "integration_hours", "3"); err != nil { // "p": merged
		t.Fatal(err)
	}
	if err := m.Set(model.SectionOption, 0, "name", "q"); err == nil {
		t.Error("renaming an inherited option was accepted")
	}
	out, err := m.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	want := child[:strings.Index(child, "[[option]]")] + `[[option]]
name = "mini"
kind = "prompt"
model = "gpt-4o-mini"

[[option]]
name = "p"
prompt_overhead_tokens = 2000
integration_hours = 3

[workload]
output_tokens = 75

[[option]]
name = "rag"
top_k = 9
build_hours = 10
`
	if string(out) != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
	if _, d := Parse("child.toml", out); d.HasErrors() {
		t.Errorf("the edited child does not parse: %v", d)
	}
}
