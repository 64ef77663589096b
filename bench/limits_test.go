package bench

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tunecost/tunecost/examples"
	"github.com/tunecost/tunecost/pricing"
	"github.com/tunecost/tunecost/scenarios"
	"github.com/tunecost/tunecost/uncertainty"
	"github.com/tunecost/tunecost/workspace"
)

// The worst files inside the documented limits (docs/limits.md). Budget for
// each: `tunecost check` of it in at most 2 s and 500 MB on the 2-core
// development machine. There are no timed assertions: scripts/bench.sh runs
// these with the others, and docs/limits.md records their figures.

// worstSheet is a price sheet of exactly pricing.MaxEntries entries, padded
// with a note so that it is as close to workspace.MaxSheetBytes as it gets.
func worstSheet(k int) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "[sheet]\nname = \"sheet %d\"\ncurrency = \"USD\"\nas_of = 2026-10-01\n", k)
	head := b.Len()
	entry := func(i int, note string) string {
		return fmt.Sprintf("[[api_model]]\nid = \"v%d/m%05d\"\ninput_per_mtok = %d.25\noutput_per_mtok = 2.5\nnote = %q\n", k, i, 1+i%7, note)
	}
	room := (workspace.MaxSheetBytes - head) / pricing.MaxEntries
	pad := max(0, room-len(entry(0, "")))
	note := strings.Repeat("n", pad)
	for i := range pricing.MaxEntries {
		b.WriteString(entry(i, note))
	}
	return []byte(b.String())
}

// worstScenario is the support-assistant example at the limits: a horizon
// of 120 months and scenarios.MaxOptions options, each with its ranged
// inputs, reading the given sheets.
func worstScenario(sheets []string) []byte {
	ex := string(examples.Builtin())
	cut := strings.Index(ex, "[[option]]")
	head := strings.Replace(ex[:cut], "horizon_months = 36", "horizon_months = 120", 1)
	if len(sheets) > 0 {
		head = strings.Replace(head, "currency = \"USD\"", "currency = \"USD\"\nprice_sheets = [\""+strings.Join(sheets, "\", \"")+"\"]", 1)
	}
	blocks := strings.Split(ex[cut:], "[[option]]")[1:]
	var b strings.Builder
	b.WriteString(head)
	for i := range scenarios.MaxOptions {
		blk := strings.Replace(blocks[i%len(blocks)], "name = \"", fmt.Sprintf("name = \"#%02d ", i), 1)
		b.WriteString("[[option]]" + blk)
	}
	return []byte(b.String())
}

// worstTree writes the scenario and as many full sheets as one run may read
// (workspace.MaxRunSheetBytes) and returns the scenario's path.
func worstTree(b *testing.B) string {
	b.Helper()
	dir := b.TempDir()
	var names []string
	for k := 0; int64(k+1)*workspace.MaxSheetBytes <= workspace.MaxRunSheetBytes && k < workspace.MaxSheets; k++ {
		name := fmt.Sprintf("s%02d.toml", k)
		data := worstSheet(k)
		if len(data) > workspace.MaxSheetBytes {
			b.Fatalf("the worst sheet is %d bytes, over the %d limit", len(data), workspace.MaxSheetBytes)
		}
		write(b, filepath.Join(dir, name), data)
		names = append(names, name)
	}
	path := filepath.Join(dir, "worst.toml")
	write(b, path, worstScenario(names))
	return path
}

func write(b *testing.B, path string, data []byte) {
	b.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		b.Fatal(err)
	}
}

func loadOK(b *testing.B, path string) *workspace.Doc {
	b.Helper()
	docs, err := workspace.Load([]string{path}, workspace.Options{})
	if err != nil {
		b.Fatal(err)
	}
	if !docs[0].OK() {
		b.Fatalf("the worst case inside the limits does not load: %v", docs[0].Diags)
	}
	return docs[0]
}

// BenchmarkWorstCheck is `tunecost check` of the worst accepted run: 64
// ranged options over 120 months reading as many price sheets as one run
// may (workspace.MaxRunSheetBytes: two full sheets of 20,000 entries each).
// Budget: ≤ 2 s, ≤ 500 MB.
func BenchmarkWorstCheck(b *testing.B) {
	path := worstTree(b)
	b.ReportAllocs()
	for b.Loop() {
		loadOK(b, path)
	}
}

// BenchmarkWorstExport adds what export and the plain comparison do on top
// of check: the uncertainty analysis of the same run (the default 10,000
// Monte Carlo samples, which the work budget caps at 1,302 for 64 options ×
// 120 months; tornado; every pair's break-even). Budget: ≤ 2 s, ≤ 500 MB.
func BenchmarkWorstExport(b *testing.B) {
	path := worstTree(b)
	b.ReportAllocs()
	for b.Loop() {
		d := loadOK(b, path)
		sum, err := d.Summarize(context.Background(), uncertainty.Config{})
		if err != nil {
			b.Fatal(err)
		}
		if sum.MC == nil || sum.MC.Samples != 1302 || !sum.MC.Capped() {
			b.Fatalf("the worst export's Monte Carlo is not capped as docs/limits.md works out (1,302 of 10,000): %+v", sum.MC)
		}
	}
}

// hostileScenario is a scenario file at one of the pre-scan's limits:
// refusing or reporting its content must cost no more than reading it.
func hostileScenario(name string) []byte {
	var b strings.Builder
	switch name {
	case "unknown-keys": // as many keys as the pre-scan accepts, all unknown
		b.WriteString("[workload]\n")
		for i := range scenarios.MaxKeys {
			fmt.Fprintf(&b, "unknown_key_%05d = 1\n", i)
		}
	case "dotted-keys": // every key at the part limit
		for i := range scenarios.MaxKeys {
			fmt.Fprintf(&b, "a.b.c.d.e.f.g.h%d = 1\n", i)
		}
	case "array": // array elements at the limit
		b.WriteString("x = [" + strings.Repeat("1,", scenarios.MaxArrayItems-1) + "1]\n")
	case "headers": // table headers at the limit
		b.WriteString(strings.Repeat("[[option]]\nname = \"o\"\n", scenarios.MaxHeaders))
	}
	return []byte(b.String())
}

// BenchmarkHostileScenario parses scenario files that sit at the pre-scan's
// limits (each well under workspace.MaxFileBytes). Budget: ≤ 2 s, ≤ 500 MB.
func BenchmarkHostileScenario(b *testing.B) {
	for _, name := range []string{"unknown-keys", "dotted-keys", "array", "headers"} {
		data := hostileScenario(name)
		if len(data) > workspace.MaxFileBytes {
			b.Fatalf("%s: %d bytes, over the file limit", name, len(data))
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				scenarios.Parse("hostile.toml", data)
			}
		})
	}
}

// denseSheet is a sheet at workspace.MaxSheetBytes whose one entry holds
// nothing but short unknown keys: the most work per byte a sheet can ask.
func denseSheet() []byte {
	var b strings.Builder
	b.WriteString("[sheet]\nname = \"d\"\ncurrency = \"USD\"\nas_of = 2026-10-01\n[[api_model]]\nid = \"m\"\ninput_per_mtok = 1\noutput_per_mtok = 1\n")
	for i := 0; b.Len() < workspace.MaxSheetBytes-16; i++ {
		fmt.Fprintf(&b, "k%06d=1\n", i)
	}
	return []byte(b.String())
}

// BenchmarkHostileSheet parses denseSheet (about 210,000 unknown fields),
// which the gate now refuses at its 100,001st key (gate.MaxSheetKeys);
// parsed, it took 1.46 s and 410 MB. Budget: ≤ 2 s, ≤ 500 MB.
func BenchmarkHostileSheet(b *testing.B) {
	data := denseSheet()
	b.ReportAllocs()
	for b.Loop() {
		pricing.Parse("dense.toml", data)
	}
}
