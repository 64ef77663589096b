package cli

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
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
	want := "in $0.4 / out $1.6 per Mtok; tuning $4/Mtok, tuned in $0.7 / out $2.9, hosting $1.5/h"
	if code != ExitOK || !strings.Contains(listing, want) {
		t.Errorf("exit %d %s\n%s", code, errOut, listing)
	}

	bad := filepath.Join(dir, "bad-2026-07-24.json")
	os.WriteFile(bad, []byte("{\n \"x\": {\"mode\": \"chat\", \"input_cost_per_token\": -1, \"output_cost_per_token\": 0}\n}"), 0o644)
	target := filepath.Join(dir, "never.toml")
	_, errOut, code = run(t, "prices", "import", "--from", "litellm", "--out", target, bad)
	if code != ExitInvalid || strings.TrimSpace(errOut) != bad+`:2:2: entry "x": input_cost_per_token -1 is not a price (a number >= 0)` {
		t.Errorf("exit %d, %q", code, errOut)
	}
	if _, err := os.Stat(target); !os.IsNotExist(err) {
		t.Error("a failed import wrote its --out file")
	}
	csvBad := filepath.Join(dir, "aws-2026-07-24.csv")
	os.WriteFile(csvBad, []byte("InstanceType,AcceleratorName,AcceleratorCount,Price,Region\np5.48xlarge,H100,8,NaN,us-east-1\n"), 0o644)
	_, errOut, code = run(t, "prices", "import", "--from", "skypilot", "--out", target, csvBad)
	if code != ExitInvalid || strings.TrimSpace(errOut) != csvBad+`:2:20: entry "p5.48xlarge": Price "NaN" is not a number` {
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
