package workspace

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/tunecost/tunecost/diag"
	"github.com/tunecost/tunecost/gitrev"
)

// TestDiagnosticsCapped: a file with 60 unknown keys in its last option
// lists the first 50 and counts the rest in one line.
func TestDiagnosticsCapped(t *testing.T) {
	docs, err := Load([]string{"testdata/unknown60.toml"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := docs[0].Diags
	if len(got) != diag.MaxShown+1 {
		t.Fatalf("%d diagnostics, want %d + 1:\n%v", len(got), diag.MaxShown, got)
	}
	last := got[len(got)-1].String()
	// 60 unknown keys and, told in the same pass (one validation pass), the
	// two retiring models the file names: 62, 12 of them not shown.
	if want := ": 12 more problems not shown (only the first 50 are listed)"; !strings.HasSuffix(last, want) {
		t.Errorf("last line %q does not count the rest", last)
	}
}

// fifoTree makes a folder holding s.toml (extends base.toml, reads
// prices.toml), with base.toml or prices.toml — whichever is named fifo —
// a named pipe that no one writes.
func fifoTree(t *testing.T, fifo string) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"s.toml":      "extends = \"base.toml\"\nprice_sheets = [\"prices.toml\"]\nname = \"s\"\n[[option]]\nname = \"p\"\nkind = \"prompt\"\nmodel = \"gpt-4o\"\n",
		"base.toml":   "[workload]\nqueries_per_month = 1000\ninput_tokens = 100\noutput_tokens = 100\n",
		"prices.toml": "",
	}
	for name, text := range files {
		p := filepath.Join(dir, name)
		if name == fifo {
			if err := syscall.Mkfifo(p, 0o644); err != nil {
				t.Skipf("mkfifo: %v", err)
			}
			continue
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestNamedFIFOsAreRefused: a pipe where a file names a base or a price
// sheet, or in an opened folder, is refused at once with its position
// instead of waiting forever for a writer (the test would hang).
func TestNamedFIFOsAreRefused(t *testing.T) {
	cases := []struct{ fifo, arg, want string }{
		{"base.toml", "s.toml", `s.toml:1:11: extends = "base.toml": cannot read: is a named pipe (FIFO), not a regular file`},
		{"prices.toml", "s.toml", `s.toml:2:17: cannot read price sheet "prices.toml": is a named pipe (FIFO), not a regular file`},
		{"prices.toml", ".", `prices.toml:1:1: cannot read: is a named pipe (FIFO), not a regular file`},
	}
	for _, c := range cases {
		dir := fifoTree(t, c.fifo)
		docs, err := Load([]string{filepath.Join(dir, c.arg)}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		var all []string
		for _, d := range docs {
			all = append(all, d.Diags.Error())
		}
		if got := strings.Join(all, "\n"); !strings.Contains(got, c.want) {
			t.Errorf("%s as a FIFO, loading %s:\n got %s\nwant a line ending %s", c.fifo, c.arg, got, c.want)
		}
	}
}

// TestPipeOnTheCommandLine: a path given on the command line may be a pipe.
func TestPipeOnTheCommandLine(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "s.toml")
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	go func() {
		f, err := os.OpenFile(p, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		f.WriteString("name = \"s\"\n[workload]\nqueries_per_month = 1000\ninput_tokens = 100\noutput_tokens = 100\n[[option]]\nname = \"p\"\nkind = \"prompt\"\nmodel = \"gpt-4o\"\n")
		f.Close()
	}()
	docs, err := Load([]string{p}, Options{})
	if err != nil || !docs[0].OK() {
		t.Fatalf("a scenario from a pipe: %v %v", err, docs[0].Diags)
	}
	if docs[0].ChangedOnDisk() {
		t.Error("a pipe read once counts as changed on disk (re-reading it would wait forever)")
	}
}

// TestSizeCheckedBeforeReading: a sparse file one byte over the limit is
// refused from its size; gitrev reads blobs up to the same limit.
func TestSizeCheckedBeforeReading(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.toml")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	f.Truncate(MaxFileBytes + 1)
	f.Close()
	docs, _ := Load([]string{big}, Options{})
	if want := "cannot read: file is larger than 1 MiB, the most tunecost reads"; !strings.Contains(docs[0].Diags.Error(), want) {
		t.Errorf("big file: %v", docs[0].Diags)
	}
	if gitrev.MaxBytes != MaxFileBytes {
		t.Errorf("gitrev reads blobs up to %d bytes, scenarios up to %d", gitrev.MaxBytes, MaxFileBytes)
	}
}

// TestRunSheetBudget: two sheets of 2 MiB use up the 4 MiB one run reads;
// a third, however small, is refused at its place in price_sheets before
// it is read (the first two are sparse files of NUL bytes, refused by the
// decoder at once, so the test reads little).
func TestRunSheetBudget(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.toml", "b.toml"} {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		f.Truncate(MaxSheetBytes)
		f.Close()
	}
	os.WriteFile(filepath.Join(dir, "c.toml"), []byte("[sheet]\nname = \"c\"\ncurrency = \"USD\"\nas_of = 2026-10-01\n"), 0o644)
	s := filepath.Join(dir, "s.toml")
	os.WriteFile(s, []byte("price_sheets = [\"a.toml\", \"b.toml\", \"c.toml\"]\nname = \"s\"\n[workload]\nqueries_per_month = 1000\ninput_tokens = 100\noutput_tokens = 100\n[[option]]\nname = \"p\"\nkind = \"prompt\"\nmodel = \"gpt-4o\"\n"), 0o644)
	docs, err := Load([]string{s}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// c.toml starts at column 37: `price_sheets = [` (16) + `"a.toml", ` (10) + `"b.toml", ` (10) = 36.
	want := s + `:1:37: cannot read price sheet "c.toml": the price sheets of this run would pass 4 MiB together, the most one run reads (4.0 MiB read before this one)`
	var lines []string
	for _, d := range docs[0].Diags {
		lines = append(lines, d.String())
	}
	if got := strings.Join(lines, "\n"); !strings.Contains(got, want) {
		t.Errorf("got:\n%s\nwant a line:\n%s", got, want)
	}
}

// TestLoadBytesLimit: bytes from elsewhere (a git blob) obey the file limit.
func TestLoadBytesLimit(t *testing.T) {
	d := LoadBytes("s.toml", make([]byte, MaxFileBytes+1), Options{})
	if want := "s.toml:1:1: cannot read: file is larger than 1 MiB, the most tunecost reads"; d.OK() || d.Diags.Error() != want {
		t.Errorf("got %q, want %q", d.Diags.Error(), want)
	}
}

// TestReloadOfAPipe: a scenario read from a pipe cannot be read again;
// Reload says so at once instead of waiting for a writer.
func TestReloadOfAPipe(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "s.toml")
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	d := &Doc{Path: p}
	if err := d.Reload(); err == nil || !strings.Contains(err.Error(), "is a named pipe (FIFO), not a regular file") {
		t.Errorf("Reload of a FIFO: %v", err)
	}
}

// TestCatalogDiagnosticsCapped: `tunecost prices --prices` lists the first
// 50 problems of its sheets too; 60 unknown fields leave 10 to count.
func TestCatalogDiagnosticsCapped(t *testing.T) {
	_, diags := Catalog(nil, []string{"testdata/unknown60-sheet.toml"})
	if len(diags) != diag.MaxShown+1 || !strings.HasSuffix(diags[len(diags)-1].String(), ": 10 more problems not shown (only the first 50 are listed)") {
		t.Errorf("%d diagnostics, last %v", len(diags), diags[len(diags)-1])
	}
}
