package cli

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	xgolden "github.com/charmbracelet/x/exp/golden"

	"github.com/tunecost/tunecost/pricing"
	"github.com/tunecost/tunecost/workspace"
)

// run executes a command line in-process and returns stdout, stderr and the exit code.
func run(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	app := &App{Stdout: &out, Stderr: &errOut, Version: "test",
		Now: func() time.Time { return time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC) }}
	code := app.Run(args)
	return out.String(), errOut.String(), code
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	// testdata/<Test>/<subtests>/<name>.golden; -update rewrites it.
	t.Run(name, func(t *testing.T) { xgolden.RequireEqual(t, got) })
}

// updating reports whether the run rewrites golden files (-update, the flag
// x/exp/golden defines), for the references that are not golden files.
func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// pinned prices every golden run: a frozen copy of the built-in entries the
// examples use, and the day they are aged from, so that neither a refresh
// of the built-in sheet nor the clock rewrites a golden
// (TestGoldenRunsPriceNothingFromTheBuiltInSheet keeps it so).
var pinned = []string{"--prices", "testdata/prices/pinned.toml", "--today", "2026-11-27"}

// runPinned is run with the pinned prices and date.
func runPinned(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	return run(t, append(append([]string{}, pinned...), args...)...)
}

// jsonGoldenExample is the one example whose JSON export is a golden file
// (5,000 lines, mostly derivations); the others' JSON is checked for its
// shape against it (jsonShape), their figures by their Markdown and CSV
// goldens. So a new figure or category rewrites one JSON golden, not three.
const jsonGoldenExample = "support-assistant.toml"

func TestExportGoldenForEveryExampleAndFormat(t *testing.T) {
	files, _ := filepath.Glob("../examples/*.toml")
	if len(files) < 3 {
		t.Fatalf("want at least 3 examples, found %d", len(files))
	}
	ref, errOut, code := runPinned(t, "export", "--format", "json", filepath.Join("..", "examples", jsonGoldenExample))
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, f := range files {
		for _, format := range []string{"json", "md", "csv"} {
			t.Run(filepath.Base(f)+"/"+format, func(t *testing.T) {
				out, errOut, code := runPinned(t, "export", "--format", format, f)
				if code != ExitOK {
					t.Fatalf("exit %d: %s", code, errOut)
				}
				if format != "json" {
					golden(t, strings.TrimSuffix(filepath.Base(f), ".toml")+"."+format, out)
					return
				}
				assertContract(t, out)
				if filepath.Base(f) == jsonGoldenExample {
					golden(t, strings.TrimSuffix(filepath.Base(f), ".toml")+"."+format, out)
					return
				}
				assertShapeWithin(t, "$", jsonShape(t, out), jsonShape(t, ref))
			})
		}
	}
}

// jsonShape is a JSON document's skeleton: objects keep their keys, arrays
// one element merging every element's keys, and scalars their type.
func jsonShape(t *testing.T, doc string) any {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(doc), &v); err != nil {
		t.Fatal(err)
	}
	return shapeOf(v)
}

func shapeOf(v any) any {
	switch v := v.(type) {
	case map[string]any:
		m := map[string]any{}
		for k, x := range v {
			m[k] = shapeOf(x)
		}
		return m
	case []any:
		var merged any
		for _, x := range v {
			merged = mergeShapes(merged, shapeOf(x))
		}
		return []any{merged}
	case float64:
		return "number"
	case string:
		return "string"
	case bool:
		return "bool"
	}
	return nil // null: any type may be absent
}

func mergeShapes(a, b any) any {
	am, aok := a.(map[string]any)
	bm, bok := b.(map[string]any)
	if !aok || !bok {
		if a == nil {
			return b
		}
		return a
	}
	for k, x := range bm {
		am[k] = mergeShapes(am[k], x)
	}
	return am
}

// assertShapeWithin fails when got has a key that want lacks or a value of
// another type: an example's JSON uses only the golden example's keys
// (quality keys and crossovers may be absent, as omitted or empty).
func assertShapeWithin(t *testing.T, path string, got, want any) {
	t.Helper()
	if got == nil || want == nil {
		return
	}
	switch g := got.(type) {
	case map[string]any:
		w, ok := want.(map[string]any)
		if !ok {
			t.Errorf("%s: an object, the golden example has %v", path, want)
			return
		}
		for k, x := range g {
			wx, ok := w[k]
			if !ok {
				t.Errorf("%s.%s: a key the golden example's JSON (%s) lacks", path, k, jsonGoldenExample)
				continue
			}
			assertShapeWithin(t, path+"."+k, x, wx)
		}
	case []any:
		w, ok := want.([]any)
		if !ok {
			t.Errorf("%s: an array, the golden example has %v", path, want)
			return
		}
		assertShapeWithin(t, path+"[]", g[0], w[0])
	default:
		if got != want {
			t.Errorf("%s: a %v, the golden example has a %v", path, got, want)
		}
	}
}

func TestPlainTextWhenNotATerminal(t *testing.T) {
	out, errOut, code := runPinned(t)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	golden(t, "builtin.txt", out)
}

// assertContract checks the JSON has PRODUCT.md's fields with the right shapes.
func assertContract(t *testing.T, out string) {
	t.Helper()
	var doc struct {
		Scenarios []map[string]json.RawMessage `json:"scenarios"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	for _, s := range doc.Scenarios {
		for _, k := range []string{"name", "file", "currency", "horizon_months", "total_queries", "cheapest", "crossovers", "options"} {
			if _, ok := s[k]; !ok {
				t.Errorf("scenario lacks %q", k)
			}
		}
		var opts []map[string]json.RawMessage
		json.Unmarshal(s["options"], &opts)
		for _, o := range opts {
			for _, k := range []string{"name", "kind", "total", "cost_per_1k_queries", "marginal_cost_per_1k_queries", "latency_ms", "training_run", "serving", "months", "warnings"} {
				if _, ok := o[k]; !ok {
					t.Errorf("option lacks %q", k)
				}
			}
			var months []map[string]float64
			json.Unmarshal(o["months"], &months)
			for _, k := range []string{"month", "queries", "data", "experiments", "training", "inference", "retrieval", "hosting", "labour", "setup", "total", "cumulative"} {
				if _, ok := months[0][k]; !ok {
					t.Errorf("month lacks %q", k)
				}
			}
		}
	}
}

func TestPricesFlagLayersASheet(t *testing.T) {
	// Both placements of the global flag mean the same.
	for _, args := range [][]string{
		{"--prices", "testdata/prices/acme.toml", "export", "--format", "json", "testdata/prices/plain.toml"},
		{"export", "--format=json", "testdata/prices/plain.toml", "--prices=testdata/prices/acme.toml"},
	} {
		out, errOut, code := run(t, args...)
		if code != ExitOK {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		var doc struct {
			Scenarios []struct {
				Options []struct {
					Total float64 `json:"total"`
				} `json:"options"`
			} `json:"scenarios"`
		}
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatal(err)
		}
		opts := doc.Scenarios[0].Options
		// F19 acme-llm: (1000·1 + 500·2)/1e6 = 0.002 per query · 1000 queries · 2 months = 4.
		if opts[0].Total != 4 {
			t.Errorf("acme total = %v, want 4", opts[0].Total)
		}
		// gpt-4.1 replaced by the contract price: (1000·10 + 500·20)/1e6 = 0.02 · 1000 · 2 = 40.
		if opts[1].Total != 40 {
			t.Errorf("gpt-4.1 total = %v, want 40", opts[1].Total)
		}
	}
}

func TestCheckExamplesClean(t *testing.T) {
	files, _ := filepath.Glob("../examples/*.toml")
	out, errOut, code := run(t, append([]string{"check"}, files...)...)
	if code != ExitOK || !strings.HasPrefix(out, "ok: ") {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	if strings.Contains(errOut, "error") {
		t.Errorf("errors in the examples:\n%s", errOut)
	}
}

func TestInitPassesCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "starter.toml")
	if _, errOut, code := run(t, "init", "--out", path); code != ExitOK {
		t.Fatalf("init: exit %d: %s", code, errOut)
	}
	out, errOut, code := run(t, "check", path)
	// The built-in sheet's own stale entries (aws/g6e.xlarge, as_of
	// 2025-06-30) are the catalog's to refresh: every other warning counts.
	if code != ExitOK || withoutStalePrices(errOut) != "" {
		t.Fatalf("check of the starter: exit %d\n%s%s", code, out, errOut)
	}
	// init never overwrites.
	if _, errOut, code := run(t, "init", "--out", path); code != ExitInvalid || !strings.Contains(errOut, "never overwrites") {
		t.Errorf("second init: exit %d, %q", code, errOut)
	}
}

func TestUsageErrorsExit2(t *testing.T) {
	cases := map[string][]string{
		"unknown flag --formt; did you mean --format?":                  {"export", "--formt", "md"},
		"--prices needs a value: --prices FILE":                         {"--prices"},
		`"chek" is neither a file nor a command; did you mean "check"?`: {"chek", "x.toml"},
		`--format "yaml" is not one of md, csv, json`:                   {"export", "--format", "yaml"},
		"check needs at least one scenario file or directory":           {"check"},
		"export needs at least one scenario file or directory":          {"export", "--format", "json"},
		`no command "exprt"; did you mean "export"?`:                    {"help", "exprt"},
	}
	for want, args := range cases {
		_, errOut, code := run(t, args...)
		if code != ExitUsage || !strings.Contains(errOut, want) {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and %q", args, code, errOut, want)
		}
	}
}

func TestHelpOnEveryCommand(t *testing.T) {
	for _, cmd := range []string{"", "check", "export", "init", "prices"} {
		args := []string{"--help"}
		if cmd != "" {
			args = []string{cmd, "--help"}
		}
		out, _, code := run(t, args...)
		if code != ExitOK || !strings.HasPrefix(out, "usage: tunecost "+cmd) {
			t.Errorf("%s --help: exit %d, %q", cmd, code, out)
		}
	}
	// "help [COMMAND]" prints what "[COMMAND] --help" does.
	for _, cmd := range []string{"", "breakeven", "check", "diff", "export", "init", "prices", "schema"} {
		flagOut, _, _ := run(t, strings.Fields(cmd+" --help")...)
		out, errOut, code := run(t, strings.Fields("help "+cmd)...)
		if code != ExitOK || out != flagOut {
			t.Errorf("help %s: exit %d, %q\nwant %q", cmd, code, out+errOut, flagOut)
		}
	}
	out, _, _ := run(t, "--version")
	if out != "tunecost test\n" {
		t.Errorf("--version = %q", out)
	}
}

// TestPricesGolden pins the listing on the rows the pinned sheet prices;
// the built-in sheet's rows are its own to change.
func TestPricesGolden(t *testing.T) {
	out, errOut, code := runPinned(t, "prices")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	golden(t, "prices.txt", pinnedRows(t, out))
}

// pinnedRows keeps what of a prices listing does not depend on the built-in
// sheet: the title (its count checked against the rows listed, then
// dropped), each table's name and header, and the pinned sheet's rows. The
// column padding follows the longest id of every sheet, so each run of
// padding becomes " | ".
func pinnedRows(t *testing.T, listing string) string {
	t.Helper()
	lines := strings.Split(strings.TrimRight(listing, "\n"), "\n")
	entries := regexp.MustCompile(`, (\d+) entries;`)
	m := entries.FindStringSubmatch(lines[0])
	if m == nil {
		t.Fatalf("title without a count: %q", lines[0])
	}
	padding := regexp.MustCompile(`\s{2,}`)
	kept := []string{entries.ReplaceAllString(lines[0], ", N entries;")}
	rows := 0
	for _, l := range lines[1:] {
		switch {
		case l == "" || strings.HasPrefix(l, "["):
			kept = append(kept, l)
		case strings.HasPrefix(l, "id "):
			kept = append(kept, padding.ReplaceAllString(l, " | "))
		default:
			rows++
			if strings.Contains(l, "  pinned test prices  ") {
				kept = append(kept, padding.ReplaceAllString(l, " | "))
			}
		}
	}
	if strconv.Itoa(rows) != m[1] {
		t.Errorf("the title counts %s entries; %d are listed", m[1], rows)
	}
	return strings.Join(kept, "\n") + "\n"
}

// TestGoldenRunsPriceNothingFromTheBuiltInSheet keeps the goldens pinned:
// every entry the golden runs price with comes from the pinned sheet (or a
// scenario's own sheet), never from the built-in one a refresh rewrites.
func TestGoldenRunsPriceNothingFromTheBuiltInSheet(t *testing.T) {
	files, _ := filepath.Glob("../examples/*.toml")
	files = append(files, "testdata/diff/old.toml", "testdata/diff/new.toml", "testdata/noquality/support-assistant.toml")
	opt := workspace.Options{ExtraSheets: []string{"testdata/prices/pinned.toml"}}
	docs, err := workspace.Load(files, opt)
	if err != nil {
		t.Fatal(err)
	}
	docs = append(docs, workspace.LoadBuiltin(opt))
	builtin := pricing.Builtin().Name
	for _, d := range docs {
		if !d.OK() {
			t.Fatalf("%s: %v", d.DisplayPath(), d.Diags.Errors())
		}
		for _, o := range d.Result.Options {
			if len(o.Entries()) == 0 {
				t.Errorf("%s: %s priced with no entry", d.DisplayPath(), o.Name)
			}
			for _, e := range o.Entries() {
				if e.Sheet == builtin || e.Sheet == "" {
					t.Errorf("%s: %s prices %s %q from %q: copy it into testdata/prices/pinned.toml",
						d.DisplayPath(), o.Name, e.Table, e.ID, e.Sheet)
				}
			}
		}
	}
}

func TestPricesListsEverySheetEntry(t *testing.T) {
	out, errOut, code := run(t, "prices", "--sheet", "testdata/prices/acme.toml")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"acme-llm", "acme negotiated", "2026-10-01", "h100-sxm", "pinecone-serverless"} {
		if !strings.Contains(out, want) {
			t.Errorf("prices output lacks %q", want)
		}
	}
}

func TestBreakEvenHandSolved(t *testing.T) {
	// acme: integration 10 h · 100 = 1,000 once, then (1000·1 + 500·2)/1e6 = 0.002 per query;
	// gpt-4.1 at the contract price: 0.02 per query, nothing fixed. Over 2 months:
	// 1000 + 2·0.002·Q = 2·0.02·Q → Q = 1000 / 0.036 = 27,777.8.
	out, errOut, code := run(t, "--prices", "testdata/prices/acme.toml", "breakeven", "testdata/prices/breakeven.toml",
		"--a", "acme", "--b", "gpt-4.1 at contract price")
	if code != ExitOK || !strings.Contains(out, "break even at workload.queries_per_month = 27,778 (now 1,000") {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	// The input's value and the bracket read as the file writes numbers:
	// "now 0.88", not "now 0.8800".
	out, _, _ = run(t, "breakeven", "../examples/support-assistant.toml", "--a", "LoRA Llama-3.1-8B", "--b", "Prompted gpt-6.1-sol",
		"--input", "LoRA Llama-3.1-8B.accuracy")
	if !strings.Contains(out, "(now 0.88; searched [") || strings.Contains(out, "0.8800") {
		t.Errorf("accuracy break-even: %s", out)
	}
	// Without the fixed cost acme is cheaper at every volume: never.
	out, _, _ = run(t, "--prices", "testdata/prices/acme.toml", "breakeven", "testdata/prices/plain.toml",
		"--a", "acme", "--b", "gpt-4.1 at contract price")
	if !strings.Contains(out, "never break even on workload.queries_per_month within [1, 1,000,000]") {
		t.Errorf("plain: %s", out)
	}
	_, errOut, code = run(t, "--prices", "testdata/prices/acme.toml", "breakeven", "testdata/prices/plain.toml", "--a", "acm", "--b", "x")
	if code != ExitInvalid || !strings.Contains(errOut, `no option named "acm"; did you mean "acme"?`) {
		t.Errorf("typo: exit %d %q", code, errOut)
	}
	// A name that is no typo still lists the names there are; a prefix is a suggestion.
	_, errOut, code = run(t, "breakeven", "../examples/support-assistant.toml", "--a", "LoRA", "--b", "RAG gpt-6-luna")
	want := `no option named "LoRA"; did you mean "LoRA Llama-3.1-8B"? (options: "LoRA Llama-3.1-8B", "RAG gpt-6-luna", "Prompted gpt-6.1-sol")`
	if code != ExitInvalid || !strings.Contains(errOut, want) {
		t.Errorf("prefix: exit %d %q, want %q", code, errOut, want)
	}
	_, errOut, _ = run(t, "breakeven", "../examples/support-assistant.toml", "--a", "Adapter", "--b", "RAG gpt-6-luna")
	if !strings.Contains(errOut, `no option named "Adapter" (options: "LoRA Llama-3.1-8B", "RAG gpt-6-luna", "Prompted gpt-6.1-sol")`) {
		t.Errorf("unknown: %q", errOut)
	}
	// A key without its section names its path.
	_, errOut, _ = run(t, "breakeven", "../examples/support-assistant.toml", "--a", "LoRA Llama-3.1-8B", "--b", "RAG gpt-6-luna", "--input", "hourly_rate")
	if !strings.Contains(errOut, `did you mean "team.hourly_rate"?`) {
		t.Errorf("--input hourly_rate: %q", errOut)
	}
}

func TestPlainComparisonShowsTheGoodFilesAndListsTheBad(t *testing.T) {
	dir := t.TempDir()
	good, _ := os.ReadFile("testdata/prices/plain.toml")
	os.WriteFile(filepath.Join(dir, "a-good.toml"), good, 0o644)
	os.WriteFile(filepath.Join(dir, "b-bad.toml"), []byte("name = \"bad\"\nhorizon_months = 0\n"), 0o644)
	out, errOut, code := run(t, "--prices", "testdata/prices/acme.toml", dir)
	if code != ExitInvalid {
		t.Errorf("exit %d, want 1", code)
	}
	if !strings.Contains(out, "Priced by a layered sheet") {
		t.Errorf("the good scenario is missing from stdout:\n%s", out)
	}
	if !strings.Contains(errOut, "b-bad.toml:2:18: horizon_months = 0") {
		t.Errorf("stderr lacks the bad file's problem:\n%s", errOut)
	}
}

// withoutStalePrices drops the warnings about stale built-in prices.
func withoutStalePrices(errOut string) string {
	var keep []string
	for _, l := range strings.Split(strings.TrimSpace(errOut), "\n") {
		if l != "" && !strings.Contains(l, `in sheet "tunecost built-in"`) {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, "\n")
}

// --a and --b find an option as the duplicate check compares names
// (format.NameKey): typed composed, written with a combining accent.
func TestBreakEvenNamesCompareComposed(t *testing.T) {
	data, err := os.ReadFile("../examples/support-assistant.toml")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "s.toml")
	os.WriteFile(path, []byte(strings.Replace(string(data), `name = "Prompted gpt-6.1-sol"`, `name = "Prompted gpt-6.1-sol cafe\u0301"`, 1)), 0o644)
	out, errOut, code := run(t, "breakeven", path, "--a", "LoRA Llama-3.1-8B", "--b", "Prompted gpt-6.1-sol café")
	if code != ExitOK || !strings.Contains(out, "break even") {
		t.Errorf("exit %d\n%s%s", code, out, errOut)
	}
}
