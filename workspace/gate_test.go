package workspace

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/tunecost/tunecost/internal/hostile"
	"github.com/tunecost/tunecost/pricing"
	"github.com/tunecost/tunecost/scenarios"
)

func hostileTOML() map[string][]byte { return hostile.TOML() }
func hostileJSON() map[string][]byte { return hostile.JSON() }

const goodScenario = "name = \"s\"\n[workload]\nqueries_per_month = 1000\ninput_tokens = 100\noutput_tokens = 100\n" +
	"[[option]]\nname = \"p\"\nkind = \"prompt\"\nmodel = \"gpt-4o\"\n"

// road is one way bytes reach a decoder; it puts data where the road reads
// it (h.toml in dir) and returns what the user is told.
type road struct {
	name string
	read func(t *testing.T, dir string, data []byte) string
}

func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func loadMessages(t *testing.T, args []string, opt Options) string {
	t.Helper()
	docs, err := Load(args, opt)
	if err != nil {
		return err.Error()
	}
	var lines []string
	for _, d := range docs {
		lines = append(lines, d.Diags.Error())
	}
	return strings.Join(lines, "\n")
}

// tomlRoads are every exported loader of TOML (TestEveryLoaderIsARoad
// keeps the list whole). Shell completion and the planner's first load
// call Load; `prices --sheet` calls Catalog; `prices update` calls the
// importers with the downloaded bytes.
var tomlRoads = []road{
	{"Load FILE (check, diff, export, breakeven, completion, planner)", func(t *testing.T, dir string, data []byte) string {
		return loadMessages(t, []string{writeFile(t, dir, "h.toml", data)}, Options{})
	}},
	{"Load DIR (check DIR, tunecost DIR)", func(t *testing.T, dir string, data []byte) string {
		writeFile(t, dir, "h.toml", data)
		return loadMessages(t, []string{dir}, Options{})
	}},
	{"Expand DIR (the folder's price-sheet sniff)", func(t *testing.T, dir string, data []byte) string {
		h := writeFile(t, dir, "h.toml", data)
		members, err := expand([]string{dir})
		if err != nil || len(members) != 1 || members[0].path != h {
			return fmt.Sprintf("expand = %v, %v: a hostile file is not a sheet to skip", members, err)
		}
		return "refused: kept as a scenario, which Load refuses" // the cost is what this road measures
	}},
	{"Reload", func(t *testing.T, dir string, data []byte) string {
		p := writeFile(t, dir, "h.toml", []byte(goodScenario))
		docs, err := Load([]string{p}, Options{})
		if err != nil || !docs[0].OK() {
			t.Fatalf("good scenario: %v %v", err, docs[0].Diags)
		}
		writeFile(t, dir, "h.toml", data)
		if err := docs[0].Reload(); err != nil {
			return err.Error()
		}
		return docs[0].Diags.Error()
	}},
	{"Reopened (the planner's reload)", func(t *testing.T, dir string, data []byte) string {
		p := writeFile(t, dir, "h.toml", []byte(goodScenario))
		docs, err := Load([]string{p}, Options{})
		if err != nil || !docs[0].OK() {
			t.Fatalf("good scenario: %v %v", err, docs[0].Diags)
		}
		writeFile(t, dir, "h.toml", data)
		d, err := docs[0].Reopened()
		if err != nil {
			return err.Error()
		}
		return d.Diags.Error()
	}},
	{"LoadBytes (diff --rev's scenario)", func(t *testing.T, dir string, data []byte) string {
		return LoadBytes(filepath.Join(dir, "h.toml"), data, Options{}).Diags.Error()
	}},
	{"extends", func(t *testing.T, dir string, data []byte) string {
		writeFile(t, dir, "h.toml", data)
		return loadMessages(t, []string{writeFile(t, dir, "s.toml", []byte("extends = \"h.toml\"\n"+goodScenario))}, Options{})
	}},
	{"price_sheets", func(t *testing.T, dir string, data []byte) string {
		writeFile(t, dir, "h.toml", data)
		return loadMessages(t, []string{writeFile(t, dir, "s.toml", []byte("price_sheets = [\"h.toml\"]\n"+goodScenario))}, Options{})
	}},
	{"--prices", func(t *testing.T, dir string, data []byte) string {
		h := writeFile(t, dir, "h.toml", data)
		return loadMessages(t, []string{writeFile(t, dir, "s.toml", []byte(goodScenario))}, Options{ExtraSheets: []string{h}})
	}},
	{"diff --rev's base (ReadOwn)", func(t *testing.T, dir string, data []byte) string {
		own := func(string, int64) ([]byte, error) { return data, nil }
		return LoadBytes(filepath.Join(dir, "s.toml"), []byte("extends = \"h.toml\"\n"+goodScenario), Options{ReadOwn: own}).Diags.Error()
	}},
	{"diff --rev's price sheet (ReadOwn)", func(t *testing.T, dir string, data []byte) string {
		own := func(string, int64) ([]byte, error) { return data, nil }
		return LoadBytes(filepath.Join(dir, "s.toml"), []byte("price_sheets = [\"h.toml\"]\n"+goodScenario), Options{ReadOwn: own}).Diags.Error()
	}},
	{"Catalog (prices --sheet, imports' --prices)", func(t *testing.T, dir string, data []byte) string {
		_, diags := Catalog([]string{writeFile(t, dir, "h.toml", data)}, nil)
		return diags.Error()
	}},
	{"pricing.Parse", func(t *testing.T, dir string, data []byte) string {
		_, diags := pricing.Parse("h.toml", data)
		return diags.Error()
	}},
	{"pricing.Writable (imports' and updates' output)", func(t *testing.T, dir string, data []byte) string {
		if err := pricing.Writable(data); err != nil {
			return err.Error()
		}
		return ""
	}},
	{"scenarios.Parse", func(t *testing.T, dir string, data []byte) string {
		_, diags := scenarios.Parse("h.toml", data)
		return diags.Error()
	}},
	{"scenarios.ParseBase", func(t *testing.T, dir string, data []byte) string {
		_, diags := scenarios.ParseBase("h.toml", data)
		return diags.Error()
	}},
}

var csvRoads = []road{
	{"pricing.ImportSkyPilot (prices import, prices update)", func(t *testing.T, dir string, data []byte) string {
		_, _, err := pricing.ImportSkyPilot(bytes.NewReader(data), pricing.ImportOptions{File: "h.csv", AsOf: "2026-10-01", Cloud: "aws"})
		if err == nil {
			return ""
		}
		return err.Error()
	}},
}

var importRoads = []road{
	{"pricing.ImportLiteLLM (prices import, prices update)", func(t *testing.T, dir string, data []byte) string {
		_, _, err := pricing.ImportLiteLLM(bytes.NewReader(data), pricing.ImportOptions{File: "h.json", AsOf: "2026-10-01"})
		if err == nil {
			return ""
		}
		return err.Error()
	}},
}

// refusalBudget is docs/limits.md's bound on refusing a hostile file:
// 150 MB (here: all bytes allocated, which is more than the peak).
const refusalBudget = 150 << 20

// allocated runs f and returns the bytes it allocated.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestEveryRoadRefusesTheHostileCorpus: each road refuses each hostile
// file with its limit's message, allocating within the budget. (The time
// is BenchmarkHostileFolder's; no test asserts a time.)
func TestEveryRoadRefusesTheHostileCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 10 MB of hostile files")
	}
	check := func(roads []road, corpus map[string][]byte) {
		for _, r := range roads {
			for _, name := range slicesSorted(corpus) {
				data := corpus[name]
				var got string
				used := allocated(func() { got = r.read(t, t.TempDir(), data) })
				if !refusedByShape(got) {
					t.Errorf("%s, %s: not refused by its shape: %.300s", r.name, name, got)
				}
				if used > refusalBudget+uint64(3*len(data)) {
					t.Errorf("%s, %s: %d MB allocated, budget %d MB", r.name, name, used>>20, refusalBudget>>20)
				}
			}
		}
	}
	check(tomlRoads, hostileTOML())
	check(importRoads, hostileJSON())
	check(csvRoads, hostile.CSV())
}

func slicesSorted(m map[string][]byte) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// refusedByShape: the message is one of the gate's.
func refusedByShape(msg string) bool {
	for _, s := range []string{"more than", "nest deeper than", "refused: kept as a scenario"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}

// TestEveryLoaderIsARoad: every exported function of the loading packages
// that takes bytes, a reader, paths or arguments is a road above, or says
// why it is not; a new loader must join the corpus test.
func TestEveryLoaderIsARoad(t *testing.T) {
	notRoads := map[string]string{
		"workspace.WriteAtomic":      "writes",
		"workspace.WriteNew":         "writes",
		"workspace.WriteCopyAs":      "writes",
		"workspace.WriteToCache":     "writes",
		"workspace.WriteBeside":      "writes",
		"workspace.LoadBuiltin":      "the built-in example, compiled in; it still passes scenarios.Parse",
		"workspace.Doc.Report":       "reads nothing",
		"workspace.Doc.Reset":        "re-evaluates the bytes already admitted",
		"pricing.ReadSource":         "reads only, bounded by gate.MaxSourceBytes; both importers gate what it returns",
		"pricing.CloudInPath":        "reads a path's text, not a file",
		"pricing.DateInName":         "reads a path's text, not a file",
		"workspace.IsPriceSheetData": "the sniff answers a bool, not a message: TestSniffRefusesTheHostileCorpusWithinBudget",
		"workspace.LinkAt":           "reads a symbolic link's target, not a file's bytes",
	}
	roads := map[string]bool{
		"workspace.Load": true, "workspace.Expand": true, "workspace.Doc.Reload": true, "workspace.Doc.Reopened": true, "workspace.LoadBytes": true,
		"workspace.Catalog": true, "pricing.Parse": true, "scenarios.Parse": true, "scenarios.ParseBase": true,
		"pricing.ImportLiteLLM": true, "pricing.ImportSkyPilot": true, "pricing.Writable": true,
	}
	for _, pkg := range []string{"../workspace", "../pricing", "../scenarios"} {
		for _, name := range loaders(t, pkg) {
			if !roads[name] && notRoads[name] == "" {
				t.Errorf("%s loads untrusted input: add it to the roads of TestEveryRoadRefusesTheHostileCorpus", name)
			}
		}
	}
}

// loaders lists the exported functions (and *Doc methods named Re…) of a
// package that take []byte, an io.Reader, a path or arguments.
func loaders(t *testing.T, dir string) []string {
	paths, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	var out []string
	for _, path := range paths {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			if name, ok := loader(f.Name.Name, decl); ok {
				out = append(out, name)
			}
		}
	}
	slices.Sort(out)
	return out
}

// loader names decl when it is an exported function that reads input.
func loader(pkg string, decl ast.Decl) (string, bool) {
	fn, ok := decl.(*ast.FuncDecl)
	if !ok || !fn.Name.IsExported() {
		return "", false
	}
	if fn.Recv != nil {
		reads := strings.HasPrefix(fn.Name.Name, "Re") && types(fn.Recv) == "*Doc "
		return pkg + ".Doc." + fn.Name.Name, reads
	}
	params := types(fn.Type.Params)
	reads := strings.Contains(params, "[]byte") || strings.Contains(params, "io.Reader") ||
		strings.HasPrefix(fn.Name.Name, "Load") || strings.HasPrefix(fn.Name.Name, "Expand") || fn.Name.Name == "Catalog" ||
		slices.Contains(paramNames(fn), "path")
	return pkg + "." + fn.Name.Name, reads
}

func types(fl *ast.FieldList) string {
	var b strings.Builder
	for _, f := range fl.List {
		b.WriteString(exprString(f.Type) + " ")
	}
	return b.String()
}

func exprString(e ast.Expr) string {
	switch x := e.(type) {
	case *ast.Ident:
		return x.Name
	case *ast.StarExpr:
		return "*" + exprString(x.X)
	case *ast.ArrayType:
		return "[]" + exprString(x.Elt)
	case *ast.SelectorExpr:
		return exprString(x.X) + "." + x.Sel.Name
	}
	return fmt.Sprintf("%T", e)
}

func paramNames(fn *ast.FuncDecl) []string {
	var out []string
	for _, f := range fn.Type.Params.List {
		for _, n := range f.Names {
			out = append(out, n.Name)
		}
	}
	return out
}

// BenchmarkHostileFolder: `check DIR` of a folder of ten hostile files
// (the bound: under 2 s).
func BenchmarkHostileFolder(b *testing.B) {
	dir := b.TempDir()
	for name, data := range hostileTOML() {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for range b.N {
		docs, err := Load([]string{dir}, Options{})
		if err != nil || len(docs) != 10 {
			b.Fatalf("%d docs, %v", len(docs), err)
		}
		for _, d := range docs {
			if d.OK() {
				b.Fatalf("%s accepted", d.Path)
			}
		}
	}
}

// BenchmarkRoads: each road refusing the corpus, for the time the test
// does not assert (0.5 s a file is the budget).
func BenchmarkRoads(b *testing.B) {
	corpus := hostileTOML()
	t := &testing.T{}
	for _, r := range tomlRoads {
		b.Run(strings.Fields(r.name)[0], func(b *testing.B) {
			dir := b.TempDir()
			for range b.N {
				for _, data := range corpus {
					r.read(t, dir, data)
				}
			}
		})
	}
}

// The sniff that tells a price sheet from a scenario (folders, diff --rev)
// answers no for every hostile file, within the refusal budget: it gates
// before it decodes (the regression of issue 18: it decoded first).
func TestSniffRefusesTheHostileCorpusWithinBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 10 MB of hostile files")
	}
	corpus := hostileTOML()
	for _, name := range slicesSorted(corpus) {
		data := corpus[name]
		var sheet bool
		used := allocated(func() { sheet = IsPriceSheetData(data) })
		if sheet {
			t.Errorf("%s: taken for a price sheet", name)
		}
		if used > refusalBudget+uint64(3*len(data)) {
			t.Errorf("%s: %d MB allocated, budget %d MB", name, used>>20, refusalBudget>>20)
		}
	}
}
