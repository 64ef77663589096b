package cli

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// --today and --stale-days age every price from the same date and threshold.
// The offer comes from a pinned sheet, so neither the clock nor a refresh of
// the built-in prices moves the test.
func TestStaleDaysAndToday(t *testing.T) {
	const sheet, scenario = "testdata/stale/old-offer.toml", "../examples/support-assistant.toml"
	// support-assistant trains on aws/g6e.xlarge, priced 2025-06-30 in the
	// pinned sheet: on 2026-11-27 that is 515 days old (> 180).
	_, errOut, code := run(t, "check", "--prices", sheet, "--today", "2026-11-27", scenario)
	if code != ExitOK || !strings.Contains(errOut, `offer "aws/g6e.xlarge" is priced as of 2025-06-30 in sheet "old offer": 515 days old, more than 180`) {
		t.Errorf("exit %d\n%s", code, errOut)
	}
	// --today 2025-12-01: 154 days old, not stale.
	_, errOut, _ = run(t, "check", "--prices", sheet, "--today", "2025-12-01", scenario)
	if strings.Contains(errOut, "aws/g6e.xlarge") {
		t.Errorf("--today 2025-12-01 still warns:\n%s", errOut)
	}
	// --stale-days 600: 515 days is within.
	_, errOut, _ = run(t, "check", "--prices", sheet, "--today", "2026-11-27", "--stale-days", "600", scenario)
	if strings.Contains(errOut, "aws/g6e.xlarge") {
		t.Errorf("--stale-days 600 still warns:\n%s", errOut)
	}
	out, _, _ := run(t, "prices", "--prices", sheet, "--stale-days", "30", "--today", "2025-12-01")
	if !strings.HasPrefix(out, "Price catalog (USD), ") || !strings.Contains(out, "prices older than 30 days are marked stale") ||
		!strings.Contains(out, "stale (154 days old)") {
		t.Errorf("prices with --stale-days 30 --today 2025-12-01:\n%s", out)
	}
	for _, args := range [][]string{{"check", "--today", "tomorrow", "x.toml"}, {"prices", "--stale-days", "0"}, {"prices", "--stale-days", "x"}} {
		if _, errOut, code := run(t, args...); code != ExitUsage {
			t.Errorf("%v: exit %d, %s", args, code, errOut)
		}
	}
	// The CSV has no place for warnings: they go to stderr.
	_, errOut, code = run(t, "export", "--prices", sheet, "--today", "2026-11-27", "--format", "csv", scenario)
	if code != ExitOK || !strings.Contains(errOut, "aws/g6e.xlarge") {
		t.Errorf("csv export: exit %d, stderr %q", code, errOut)
	}
}

// The import's date is --as-of or the file name's, never today.
func TestImportDate(t *testing.T) {
	dir := t.TempDir()
	undated := filepath.Join(dir, "prices.json")
	dated := filepath.Join(dir, "litellm-2026-07-24.json")
	for _, p := range []string{undated, dated} {
		if err := os.WriteFile(p, []byte(`{"m": {"mode": "chat", "input_cost_per_token": 1e-06, "output_cost_per_token": 2e-06}}`), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, errOut, code := run(t, "prices", "import", "--from", "litellm", undated); code != ExitUsage || !strings.Contains(errOut, "--as-of YYYY-MM-DD") {
		t.Errorf("undated: exit %d, %s", code, errOut)
	}
	out, _, code := run(t, "prices", "import", "--from", "litellm", dated)
	if code != ExitOK || !strings.Contains(out, "as_of = 2026-07-24\n") {
		t.Errorf("dated by name: exit %d\n%s", code, out)
	}
	out, _, _ = run(t, "prices", "import", "--from", "litellm", "--as-of", "2026-08-01", dated)
	if !strings.Contains(out, "as_of = 2026-08-01\n") {
		t.Errorf("--as-of wins:\n%s", out)
	}
}

// End to end: the import over a --prices sheet keeps the sheet's
// fine-tuning prices; bad input writes nothing and exits 1.
func TestImportMergesAndBadInputWritesNothing(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "litellm.toml")
	_, errOut, code := run(t, "prices", "import", "--from", "litellm", "--prices", "../pricing/testdata/import/negotiated.toml",
		"--out", out, "../pricing/testdata/litellm-2026-07-24-subset.json", "--as-of", "2026-07-24")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	listing, errOut, code := run(t, "prices", "--prices", "../pricing/testdata/import/negotiated.toml", "--prices", out, "--today", "2026-08-01")
	// LiteLLM: 0.4 / 1.6 per Mtok; the contract: tuning 4, tuned 0.7 / 2.9, hosting 1.5 /h.
	want := []string{"gpt-4.1-mini ", "in $0.4/Mtok, out $1.6/Mtok, ", "tuning $4/Mtok, tuned in $0.7/Mtok, tuned out $2.9/Mtok, hosting $1.5/h"}
	if code != ExitOK || !regexp.MustCompile(regexp.QuoteMeta(want[0])+`\s+`+regexp.QuoteMeta(want[1])+`.*`+regexp.QuoteMeta(want[2])).MatchString(listing) {
		t.Errorf("exit %d %s\n%s", code, errOut, listing)
	}

	// One bad entry is skipped with its reason and place (M7).
	oneBad := filepath.Join(dir, "one-bad-2026-07-24.json")
	os.WriteFile(oneBad, []byte("{\n \"x\": {\"mode\": \"chat\", \"input_cost_per_token\": -1, \"output_cost_per_token\": 0},\n"+
		" \"y\": {\"mode\": \"chat\", \"input_cost_per_token\": 1e-06, \"output_cost_per_token\": 1e-06}\n}"), 0o644)
	_, errOut, code = run(t, "prices", "import", "--from", "litellm", "--out", filepath.Join(dir, "one.toml"), oneBad)
	if code != ExitOK || !strings.HasPrefix(errOut, "skipped x: 2:2: input_cost_per_token -1 is not a price (a number >= 0)\n") {
		t.Errorf("one bad entry: exit %d, %q", code, errOut)
	}

	bad := filepath.Join(dir, "bad-2026-07-24.json")
	os.WriteFile(bad, []byte("{\n \"x\": {\"mode\": \"chat\", \"input_cost_per_token\": -1, \"output_cost_per_token\": 0}\n"), 0o644)
	target := filepath.Join(dir, "never.toml")
	_, errOut, code = run(t, "prices", "import", "--from", "litellm", "--out", target, bad)
	if code != ExitInvalid || strings.TrimSpace(errOut) != bad+`:3:1: malformed JSON: unexpected end of file` {
		t.Errorf("exit %d, %q", code, errOut)
	}
	if _, err := os.Stat(target); !os.IsNotExist(err) {
		t.Error("a failed import wrote its --out file")
	}
	csvBad := filepath.Join(dir, "aws-2026-07-24.csv")
	os.WriteFile(csvBad, []byte("InstanceType,AcceleratorName,AcceleratorCount,Price,Region\np5.48xlarge,H100,8\n"), 0o644)
	_, errOut, code = run(t, "prices", "import", "--from", "skypilot", "--out", target, csvBad)
	if code != ExitInvalid || strings.TrimSpace(errOut) != csvBad+`:2:1: malformed CSV: wrong number of fields` {
		t.Errorf("csv: exit %d, %q", code, errOut)
	}
	if _, err := os.Stat(target); !os.IsNotExist(err) {
		t.Error("a failed import wrote its --out file")
	}
}

// prices --format json and csv list every field of every entry, with its
// table, sheet, as_of and age on --today.
func TestPricesFormats(t *testing.T) {
	sheet := "../pricing/testdata/every-field.toml"
	out, errOut, code := run(t, "prices", "--format", "json", "--sheet", sheet, "--today", "2026-12-01")
	if code != ExitOK {
		t.Fatalf("exit %d %s", code, errOut)
	}
	var l catalogListing
	if err := json.Unmarshal([]byte(out), &l); err != nil {
		t.Fatal(err)
	}
	var moe *listingEntry
	for i := range l.Entries {
		if l.Entries[i].ID == "moe" {
			moe = &l.Entries[i]
		}
	}
	// as_of 2026-11-01 to 2026-12-01: 30 days.
	if l.Today != "2026-12-01" || l.StaleDays != 180 || moe == nil || moe.Table != "open_model" || moe.Sheet != "every field" ||
		moe.AsOf != "2026-11-01" || moe.AgeDays != 30 || moe.Stale || moe.Fields["experts"] != 128.0 || moe.Fields["tied_embeddings"] != true {
		t.Errorf("listing %+v, moe %+v", l, moe)
	}
	out, _, code = run(t, "prices", "--format", "csv", "--sheet", sheet, "--today", "2026-12-01")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if code != ExitOK || err != nil {
		t.Fatalf("exit %d, %v", code, err)
	}
	// The sheet adds its 7 entries to the built-in ones (counted, not pinned:
	// a price refresh changes how many there are).
	builtinOut, _, _ := run(t, "prices", "--format", "csv", "--today", "2026-12-01")
	builtinRows, _ := csv.NewReader(strings.NewReader(builtinOut)).ReadAll()
	if len(builtinRows) < 2 || len(rows) != len(builtinRows)+7 || strings.Join(rows[0][:10], ",") != "table,id,name,sheet,file,as_of,age_days,stale,source,note" {
		t.Errorf("%d rows, header %v", len(rows), rows[0])
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	for _, r := range rows[1:] {
		if r[col["id"]] == "c/i" && (r[col["on_demand_hourly"]] != "50" || r[col["gpus"]] != "8" || r[col["age_days"]] != "30" || r[col["memory_gb"]] != "") {
			t.Errorf("offer row %v", r)
		}
	}
	if _, _, code := run(t, "prices", "--format", "yaml"); code != ExitUsage {
		t.Errorf("--format yaml: exit %d", code)
	}
}

// A scenario pinned to a model retired before the horizon ends warns with
// the date, counted from --today; its price, 2026-05-01, is stale after
// 180 days (2026-10-28).
func TestRetiringAndStaleModel(t *testing.T) {
	args := []string{"check", "--prices", "testdata/stale/retiring-prices.toml", "testdata/stale/retiring.toml"}
	// 2026-11-27 + 12 months = 2027-11-27: after 2027-06-30, so it warns;
	// 2026-11-27 - 2026-05-01 = 210 days.
	_, errOut, code := run(t, append(args, "--today", "2026-11-27")...)
	for _, want := range []string{
		`testdata/stale/retiring.toml:12:9: warning: option "retiring".model "retiring-llm" is deprecated on 2027-06-30, before the end of the 12-month horizon (2027-11-27)`,
		`testdata/stale/retiring.toml:12:9: warning: option "retiring": api_model "retiring-llm" is priced as of 2026-05-01 in sheet "retiring": 210 days old, more than 180`,
	} {
		if code != ExitOK || !strings.Contains(errOut, want) {
			t.Errorf("exit %d, missing %q in\n%s", code, want, errOut)
		}
	}
	// 2026-06-01: 31 days old, and 2027-06-01 ends the horizon before the retirement.
	_, errOut, _ = run(t, append(args, "--today", "2026-06-01")...)
	if strings.Contains(errOut, "retiring-llm") {
		t.Errorf("--today 2026-06-01 still warns:\n%s", errOut)
	}
	// The Markdown export ends with the prices used and the retiring model.
	out, _, _ := run(t, "export", "--prices", "testdata/stale/retiring-prices.toml", "--today", "2026-11-27", "testdata/stale/retiring.toml")
	tail := out[strings.LastIndex(out, "## Prices used"):]
	for _, want := range []string{"| retiring | 2026-05-01 | 1 |",
		"- api\\_model retiring-llm (sheet retiring): as_of 2026-05-01, 210 days old; deprecated on 2027-06-30, before the horizon ends; used by retiring"} {
		if !strings.Contains(tail, want) {
			t.Errorf("missing %q in\n%s", want, tail)
		}
	}
}

// The campaign's M5: `prices --format json` wrote U+202E and U+200B raw;
// it escapes them as the scenario JSON does (docs/limits.md), a tag
// character as its surrogate pair, and reads back to the same text.
func TestPricesJSONEscapesInvisible(t *testing.T) {
	out, errOut, code := run(t, "prices", "--format", "json", "--sheet", "testdata/hostile/bidi-note.toml", "--today", "2026-12-01")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, raw := range []string{"\u202e", "\u200b", "\U000E0041"} {
		if strings.Contains(out, raw) {
			t.Errorf("the JSON holds %U raw", []rune(raw)[0])
		}
	}
	for _, want := range []string{`"s\u202et"`, `"n\u202eo\u200bt\udb40\udc41"`} {
		if !strings.Contains(out, want) {
			t.Errorf("the JSON lacks %s:\n%s", want, out)
		}
	}
	var back struct {
		Entries []struct{ ID, Note string } `json:"entries"`
	}
	if err := json.Unmarshal([]byte(out), &back); err != nil {
		t.Fatal(err)
	}
	for _, e := range back.Entries {
		if e.ID == "m1" && e.Note != "n\u202eo\u200bt\U000E0041" {
			t.Errorf("m1's note reads back as %q", e.Note)
		}
	}
}

// The campaign's M9 on the command line: a sheet dated 2100 checked clean
// and `prices` showed its age as -26687d. It is refused with the date; an
// as_of after --today but not the clock is a warning (MODEL.md §8).
func TestPriceDatesFromTheFuture(t *testing.T) {
	_, errOut, code := run(t, "prices", "--sheet", "../pricing/testdata/dates/future.toml")
	if code != ExitInvalid || !strings.Contains(errOut, "future.toml:6:9: as_of 2100-01-01 is after today's date by the clock (2026-12-01): a date from the future") {
		t.Errorf("prices: exit %d, %q", code, errOut)
	}
	_, errOut, code = run(t, "check", "--prices", "../pricing/testdata/dates/future.toml", "../examples/support-assistant.toml")
	if code != ExitInvalid || !strings.Contains(errOut, "as_of 2100-01-01 is after today's date by the clock") {
		t.Errorf("check: exit %d, %q", code, errOut)
	}
	out, errOut, code := run(t, "check", "--prices", "testdata/prices/pinned.toml", "--today", "2026-11-20", "../examples/support-assistant.toml")
	if code != ExitOK || !strings.Contains(out+errOut, "pinned.toml:9:9: warning: prices dated 2026-11-29 postdate the report's date 2026-11-20 (--today)") {
		t.Errorf("--today before the prices: exit %d, %q %q", code, out, errOut)
	}
}

// The text listing shows every field an entry has, with its unit (issue
// 22): the built-in h100-sxm's FP8 peak and qwen3-30b-a3b's experts.
func TestPricesTextShowsEveryField(t *testing.T) {
	out, errOut, code := run(t, "prices")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for id, wants := range map[string][]string{
		"h100-sxm":      {"1,979 TFLOPS fp8", "989 TFLOPS bf16"},
		"qwen3-30b-a3b": {"128 experts", "8 experts per token", "3.35B active", "vocab 151,936"},
	} {
		var row string
		for _, l := range strings.Split(out, "\n") {
			if strings.HasPrefix(l, id+" ") {
				row = l
			}
		}
		for _, w := range wants {
			if !strings.Contains(row, w) {
				t.Errorf("%s's row %q lacks %q", id, row, w)
			}
		}
	}
}

// TestImportNeverWritesASheetTunecostRefuses (M2): 25,000 chat models
// import to a sheet past 2 MiB and 20,000 entries; the import says which
// limit and writes nothing, instead of a sheet every later run refuses.
func TestImportNeverWritesASheetTunecostRefuses(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("{")
	for i := range 25000 {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `"model-%05d": {"mode": "chat", "litellm_provider": "p", "input_cost_per_token": 1e-06, "output_cost_per_token": 2e-06}`, i)
	}
	b.WriteString("}")
	src := filepath.Join(dir, "lm-2026-07-24.json")
	os.WriteFile(src, []byte(b.String()), 0o644)
	target := filepath.Join(dir, "big.toml")
	_, errOut, code := run(t, "prices", "import", "--from", "litellm", "--out", target, src)
	if code != ExitInvalid || !strings.Contains(errOut, "a price sheet may") || strings.Count(errOut, "\n") != 1 {
		t.Errorf("exit %d, %q", code, errOut)
	}
	if _, err := os.Stat(target); !os.IsNotExist(err) {
		t.Error("the import wrote a sheet tunecost refuses")
	}
}
