package tomlpos

import (
	"os"
	"strings"
	"testing"
)

func mustRead(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestLookupPositions(t *testing.T) {
	cases := []struct {
		file  string
		path  string // segments joined by "/"
		key   Pos
		value Pos
		text  string // the value's text, data[Start:End]
	}{
		{"scenario.toml", "name", Pos{2, 1}, Pos{2, 8}, `"support-bot"`},
		{"scenario.toml", "description", Pos{3, 1}, Pos{3, 15}, `"Tier-1 support answers # not a comment"`},
		{"scenario.toml", "horizon_months", Pos{4, 1}, Pos{4, 18}, `24`},
		{"scenario.toml", "price_sheets/0", Pos{6, 3}, Pos{6, 3}, `"prices/extra.toml"`},
		{"scenario.toml", "price_sheets/1", Pos{7, 3}, Pos{7, 3}, `'prices/team.toml'`},
		{"scenario.toml", "workload", Pos{10, 1}, Pos{10, 1}, `[workload]`},
		{"scenario.toml", "workload/queries_per_month", Pos{11, 1}, Pos{11, 21}, `{ low = 200_000, likely = 300_000, high = 450_000 }`},
		{"scenario.toml", "workload/queries_per_month/likely", Pos{11, 38}, Pos{11, 47}, `300_000`},
		{"scenario.toml", "workload/output_tokens", Pos{14, 1}, Pos{14, 17}, `250`},
		{"scenario.toml", "team/hourly_rate", Pos{17, 1}, Pos{17, 15}, `120`},
		{"scenario.toml", "option", Pos{19, 1}, Pos{19, 1}, `[[option]]`},
		{"scenario.toml", "option/0", Pos{19, 1}, Pos{19, 1}, `[[option]]`},
		{"scenario.toml", "option/0/lora_rank", Pos{24, 1}, Pos{24, 13}, `16`},
		{"scenario.toml", "option/1", Pos{26, 1}, Pos{26, 1}, `[[option]]`},
		{"scenario.toml", "option/1/corpus_tokens", Pos{30, 1}, Pos{30, 17}, `5e7`},
		{"scenario.toml", "option/2/name", Pos{33, 3}, Pos{33, 10}, `"prompt-big"`},
		{"scenario.toml", "option/2/model", Pos{35, 3}, Pos{35, 11}, `"gpt-4o"`},
		// BOM skipped in columns, CRLF, quoted and dotted keys, multi-line strings.
		{"tricky.toml", "name", Pos{2, 1}, Pos{2, 8}, `"é"`},
		{"tricky.toml", "t", Pos{3, 1}, Pos{3, 1}, `[t]`},
		{"tricky.toml", "t/quoted.key", Pos{4, 1}, Pos{4, 16}, `1`},
		{"tricky.toml", "t/sub", Pos{5, 1}, Pos{5, 1}, `sub.inner = 'x = # y'`},
		{"tricky.toml", "t/sub/inner", Pos{5, 1}, Pos{5, 13}, `'x = # y'`},
		{"tricky.toml", "t/ml", Pos{6, 1}, Pos{6, 6}, "\"\"\"\r\nline \"\" one\r\n= # two\"\"\""},
		{"tricky.toml", "t/arr/1/0", Pos{11, 4}, Pos{11, 4}, `2`},
		{"tricky.toml", "t/arr/2/a", Pos{12, 5}, Pos{12, 9}, `4`},
		{"tricky.toml", "t/deep/er/k", Pos{15, 1}, Pos{15, 5}, `1979-05-27 07:32:00Z`},
		{"tricky.toml", "a/b/1/x", Pos{19, 1}, Pos{19, 5}, `2`},
		{"tricky.toml", "a/b/1/c/y", Pos{21, 1}, Pos{21, 5}, `true`},
	}
	for _, c := range cases {
		data := mustRead(t, c.file)
		ix := Build(data)
		e, ok := ix.Lookup(strings.Split(c.path, "/")...)
		if !ok {
			t.Errorf("%s: %s not found", c.file, c.path)
			continue
		}
		if e.Key != c.key || e.Value != c.value {
			t.Errorf("%s: %s at key %v value %v, want %v %v", c.file, c.path, e.Key, e.Value, c.key, c.value)
		}
		if got := string(data[e.Start:e.End]); got != c.text {
			t.Errorf("%s: %s text %q, want %q", c.file, c.path, got, c.text)
		}
	}
}

func TestPosFallsBackToTable(t *testing.T) {
	ix := Build(mustRead(t, "scenario.toml"))
	if got := ix.Pos("option", "1", "lora_rank"); got != (Pos{26, 1}) {
		t.Errorf("missing key: got %v, want the [[option]] header at 26:1", got)
	}
	if got := ix.Pos("nothing", "here"); got != (Pos{1, 1}) {
		t.Errorf("missing table: got %v, want 1:1", got)
	}
	if n := ix.ArrayLen("option"); n != 3 {
		t.Errorf("ArrayLen(option) = %d, want 3", n)
	}
	if n := Build(mustRead(t, "tricky.toml")).ArrayLen("a.b"); n != 2 {
		t.Errorf("ArrayLen(a.b) = %d, want 2", n)
	}
}

func TestBuildMalformed(t *testing.T) {
	// A broken line is skipped; the rest is still indexed.
	ix := Build([]byte("a = \nb = = 2\n[t\nc = \"open\nd = 4\n"))
	if e, ok := ix.Lookup("d"); !ok || e.Key != (Pos{5, 1}) {
		t.Errorf("d = %v %v, want 5:1", e, ok)
	}
}

// TestDottedHeaderPrefixes: [t.u.v] makes tables t and t.u; a message
// about t must point at that header, not at 1:1.
func TestDottedHeaderPrefixes(t *testing.T) {
	ix := Build([]byte("x = 1\n\n  [t.u.v]\ny = 2\n"))
	for _, keys := range [][]string{{"t"}, {"t", "u"}, {"t", "u", "v"}} {
		if p := ix.Pos(keys...); p != (Pos{3, 3}) {
			t.Errorf("Pos(%v) = %v, want 3:3", keys, p)
		}
	}
	if _, dup := ix.Redefined(); dup {
		t.Error("a dotted header is not a redefinition")
	}
}

func TestRedefined(t *testing.T) {
	r, dup := Build([]byte("a = 1\nb.c = 1\n  b = 2\n")).Redefined()
	if !dup || strings.Join(r.Keys, ".") != "b" || r.At != (Pos{3, 3}) {
		t.Errorf("Redefined = %v %v, want b at 3:3", r, dup)
	}
	for _, ok := range []string{"[[a]]\nx = 1\n[[a]]\nx = 2\n", "[a.b]\nc = 1\n[a]\nd = 1\n", "t.a = 1\nt.b = 2\n"} {
		if r, dup := Build([]byte(ok)).Redefined(); dup {
			t.Errorf("%q: reported %v as defined twice", ok, r)
		}
	}
}
