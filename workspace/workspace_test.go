package workspace

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tunecost/tunecost/diag"
	"github.com/tunecost/tunecost/examples"
	"github.com/tunecost/tunecost/model"
)

// scratch copies the built-in example into a temporary folder.
func scratch(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "support.toml")
	if err := os.WriteFile(path, examples.Builtin(), 0o640); err != nil {
		t.Fatal(err)
	}
	return path
}

func loadOne(t *testing.T, path string) *Doc {
	t.Helper()
	docs, err := Load([]string{path}, Options{})
	if err != nil || len(docs) != 1 {
		t.Fatalf("Load: %v", err)
	}
	if !docs[0].OK() {
		t.Fatalf("doc: %v", docs[0].Diags)
	}
	return docs[0]
}

func TestBuiltinEvaluates(t *testing.T) {
	d := LoadBuiltin(Options{})
	if !d.OK() || len(d.Result.Options) != 3 || d.Name() != "Customer-support assistant" {
		t.Fatalf("built-in: ok=%v diags=%v options=%d", d.OK(), d.Diags, len(d.Result.Options))
	}
}

func TestEditSaveChangesOnlyThatValue(t *testing.T) {
	path := scratch(t)
	d := loadOne(t, path)
	before := d.Result.Options[2].Total
	if err := d.Set(model.SectionTeam, 0, "hourly_rate", "150"); err != nil {
		t.Fatal(err)
	}
	if d.Result.Options[2].Total == before || !d.Modified(model.SectionTeam, 0, "hourly_rate") {
		t.Fatal("the edit did not change the prompted option's total")
	}
	saved, err := save(d, false)
	if err != nil || saved != path {
		t.Fatalf("Save = %q, %v", saved, err)
	}
	got, _ := os.ReadFile(path)
	want := strings.Replace(string(examples.Builtin()), "hourly_rate = 110", "hourly_rate = 150", 1)
	if string(got) != want {
		t.Errorf("the saved file differs from the original in more than the edited value:\n%s", got)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o640 {
		t.Errorf("mode = %v, want the original 0640", info.Mode().Perm())
	}
	if d.Dirty() {
		t.Error("still dirty after saving")
	}
}

func TestRefusedValueChangesNothing(t *testing.T) {
	d := loadOne(t, scratch(t))
	before := d.Result.Options[0].Total
	if err := d.Set(model.SectionOption, 0, "lora_rank", "-4"); err == nil {
		t.Fatal("a negative rank was accepted")
	}
	if d.Dirty() || d.Result.Options[0].Total != before {
		t.Error("a refused value left a trace")
	}
}

func TestUndoAndReset(t *testing.T) {
	d := loadOne(t, scratch(t))
	base := d.Result.Options[1].Total
	d.Set(model.SectionOption, 1, "top_k", "8")
	mid := d.Result.Options[1].Total
	d.Set(model.SectionOption, 1, "top_k", "12")
	if !d.Undo() || d.Result.Options[1].Total != mid {
		t.Error("undo did not restore the previous value")
	}
	d.Reset()
	if d.Dirty() || d.Result.Options[1].Total != base {
		t.Error("reset did not restore the file's values")
	}
	// Undo after a reset brings its edits back (issue #10: R then u had
	// nothing to undo); once they are undone too, nothing is left.
	if !d.Undo() || !d.Dirty() || d.Result.Options[1].Total != mid {
		t.Error("undo after reset did not bring the edits back")
	}
	if !d.Undo() || d.Dirty() || d.Result.Options[1].Total != base {
		t.Error("undo did not take back the first edit")
	}
	if d.Undo() {
		t.Error("undo with nothing to undo")
	}
}

func TestSaveRefusesAFileChangedOnDisk(t *testing.T) {
	path := scratch(t)
	d := loadOne(t, path)
	d.Set(model.SectionTeam, 0, "hourly_rate", "150")
	changed := append(examples.Builtin(), []byte("\n# edited elsewhere\n")...)
	os.WriteFile(path, changed, 0o644)
	if _, err := save(d, false); !errors.Is(err, ErrChangedOnDisk) {
		t.Fatalf("Save over a changed file: %v", err)
	}
	if got, _ := os.ReadFile(path); string(got) != string(changed) {
		t.Error("the changed file was overwritten")
	}
	beside, err := saveBeside(d)
	if err != nil || !strings.HasSuffix(beside, "support.edited.toml") {
		t.Fatalf("SaveBeside = %q, %v", beside, err)
	}
	if data, _ := os.ReadFile(beside); !strings.Contains(string(data), "hourly_rate = 150") {
		t.Error("the copy beside lacks the edit")
	}
}

func TestBuiltinSavesBeside(t *testing.T) {
	dir := t.TempDir()
	wd, _ := os.Getwd()
	os.Chdir(dir)
	defer os.Chdir(wd)
	d := LoadBuiltin(Options{})
	d.Set(model.SectionTeam, 0, "hourly_rate", "150")
	path, err := save(d, false)
	if err != nil || path != "support-assistant.edited.toml" {
		t.Fatalf("Save of the built-in example = %q, %v", path, err)
	}
}

func TestLoadReportsUnreadableFiles(t *testing.T) {
	if _, err := Load([]string{"no/such.toml"}, Options{}); err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("err = %v", err)
	}
	dir := t.TempDir()
	if _, err := Load([]string{dir}, Options{}); err == nil || !strings.Contains(err.Error(), "no *.toml") {
		t.Errorf("empty dir: %v", err)
	}
	big := filepath.Join(dir, "big.toml")
	os.WriteFile(big, make([]byte, MaxFileBytes+1), 0o644)
	docs, _ := Load([]string{big}, Options{})
	if docs[0].OK() || !strings.Contains(docs[0].Diags.Error(), "larger than 1 MiB") {
		t.Errorf("big file: %v", docs[0].Diags)
	}
}

func TestSetRefusesAValueThatBreaksTheScenario(t *testing.T) {
	d := loadOne(t, scratch(t))
	err := d.Set(model.SectionOption, 0, "base_model", "llama-9-400b")
	if err == nil || !strings.Contains(err.Error(), `"llama-9-400b"`) {
		t.Fatalf("err = %v", err)
	}
	// The refusal is the diagnostic itself, so the editor reads its message
	// and field instead of cutting a position off a string.
	var dg diag.Diagnostic
	if !errors.As(err, &dg) || dg.Field == "" || strings.HasPrefix(dg.Message, d.Path) {
		t.Errorf("refusal = %#v, want the scenario's diagnostic with its field", err)
	}
	if !d.OK() || d.Dirty() {
		t.Error("the refused edit left the document broken or dirty")
	}
}

func TestWatchPathsAndChangedOnDisk(t *testing.T) {
	path := scratch(t)
	d := loadOne(t, path)
	if got := d.WatchPaths(); len(got) != 1 || got[0] != path {
		t.Errorf("WatchPaths = %v", got)
	}
	if d.ChangedOnDisk() {
		t.Error("changed right after loading")
	}
	os.WriteFile(path, []byte("# touched\n"), 0o644)
	if !d.ChangedOnDisk() {
		t.Error("a rewritten file is not reported as changed")
	}
}

// TestEditsDoNotReReadSheets: an edit recomputes from the sheets as read;
// Reload reads them again.
func TestEditsDoNotReReadSheets(t *testing.T) {
	dir := t.TempDir()
	sheet := filepath.Join(dir, "prices.toml")
	write := func(price string) {
		os.WriteFile(sheet, []byte("[sheet]\ncurrency = \"USD\"\nas_of = 2026-11-01\n\n[[api_model]]\nid = \"acme\"\ninput_per_mtok = "+price+"\noutput_per_mtok = 0\nsource = \"test\"\n"), 0o644)
	}
	write("1")
	scenario := filepath.Join(dir, "s.toml")
	os.WriteFile(scenario, []byte("name = \"s\"\nprice_sheets = [\"prices.toml\"]\nhorizon_months = 1\n\n[workload]\nqueries_per_month = 1000\ninput_tokens = 1000\noutput_tokens = 0\n\n[team]\nhourly_rate = 0\n\n[[option]]\nname = \"p\"\nkind = \"prompt\"\nmodel = \"acme\"\nprompt_overhead_tokens = 0\n"), 0o644)
	d := loadOne(t, scenario)
	// F19: 1000 queries · 1000 tokens · 1 per Mtok / 1e6 = 1.
	if got := d.Result.Options[0].Months()[0].Inference; got != 1 {
		t.Fatalf("inference = %v, want 1", got)
	}
	write("2")
	d.Set(model.SectionWorkload, 0, "queries_per_month", "2000")
	// Still the price as read: 2000 · 1000 · 1 / 1e6 = 2.
	if got := d.Result.Options[0].Months()[0].Inference; got != 2 {
		t.Errorf("after an edit: inference = %v, want 2 (the sheet as read)", got)
	}
	d.Reload()
	// Reload reads the new price and drops the edit: 1000 · 1000 · 2 / 1e6 = 2.
	if got := d.Result.Options[0].Months()[0].Inference; got != 2 || d.Dirty() {
		t.Errorf("after Reload: inference = %v, want 2", got)
	}
}
