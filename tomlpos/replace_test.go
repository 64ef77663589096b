package tomlpos

import (
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

func TestReplaceKeepsOtherBytes(t *testing.T) {
	cases := []struct {
		file, path, value string
		old               string // the text that must be the only change
	}{
		{"scenario.toml", "workload/input_tokens", "1200", "800"},
		{"scenario.toml", "workload/queries_per_month/high", "500_000", "450_000"},
		{"scenario.toml", "option/2/model", `"claude"`, `"gpt-4o"`},
		{"scenario.toml", "price_sheets/1", `"x.toml"`, `'prices/team.toml'`},
		{"tricky.toml", "t/ml", `"short"`, "\"\"\"\r\nline \"\" one\r\n= # two\"\"\""},
		{"tricky.toml", "a/b/1/c/y", "false", "true"},
	}
	for _, c := range cases {
		data := mustRead(t, c.file)
		keys := strings.Split(c.path, "/")
		out, err := Replace(data, keys, c.value)
		if err != nil {
			t.Fatalf("%s %s: %v", c.file, c.path, err)
		}
		e, _ := Build(data).Lookup(keys...)
		want := string(data[:e.Start]) + c.value + string(data[e.End:])
		if string(data[e.Start:e.End]) != c.old || string(out) != want {
			t.Errorf("%s %s: output differs beyond the value:\n%s", c.file, c.path, out)
		}
		var m map[string]any
		if _, err := toml.Decode(string(out), &m); err != nil {
			t.Errorf("%s %s: result does not parse: %v", c.file, c.path, err)
		}
	}
}

func TestReplaceInserts(t *testing.T) {
	cases := []struct {
		in, path, value, want string
	}{
		{"[team]\nhourly_rate = 1 # c\n\n[[option]]\nname = \"a\"\n", "team/expert_hourly_rate", "90",
			"[team]\nhourly_rate = 1 # c\nexpert_hourly_rate = 90\n\n[[option]]\nname = \"a\"\n"},
		{"[[option]]\nname = \"a\"\n[[option]]\n  name = \"b\"", "option/1/epochs", "2",
			"[[option]]\nname = \"a\"\n[[option]]\n  name = \"b\"\n  epochs = 2\n"},
		{"[w]\r\n", "w/x", "1", "[w]\r\nx = 1\r\n"},
		{"[t]\na.b = 1\nz = 2\n", "t/a/c", "3", "[t]\na.b = 1\na.c = 3\nz = 2\n"},
		{"q = { low = 1 }\n", "q/high", "3", "q = { low = 1, high = 3 }\n"},
		{"q = {}\n", "q/high", "3", "q = { high = 3 }\n"},
		{"name = \"x\"\n[t]\n", "horizon_months", "12", "name = \"x\"\nhorizon_months = 12\n[t]\n"},
		{"[t]\n", "t/odd key", "1", "[t]\n\"odd key\" = 1\n"},
	}
	for _, c := range cases {
		out, err := Replace([]byte(c.in), strings.Split(c.path, "/"), c.value)
		if err != nil {
			t.Errorf("%q %s: %v", c.in, c.path, err)
			continue
		}
		if string(out) != c.want {
			t.Errorf("%q %s:\n got %q\nwant %q", c.in, c.path, out, c.want)
		}
	}
}

func TestReplaceErrors(t *testing.T) {
	data := []byte("[team]\nhourly_rate = 1\n")
	if _, err := Replace(data, []string{"workload", "input_tokens"}, "1"); err == nil {
		t.Error("no error for a missing table")
	}
	if _, err := Replace(data, []string{"team"}, "1"); err == nil {
		t.Error("no error for replacing a table header")
	}
	if _, err := Replace(data, nil, "1"); err == nil {
		t.Error("no error for an empty path")
	}
}

func FuzzBuild(f *testing.F) {
	seed(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		ix := Build(data)
		for _, k := range ix.Keys() {
			e, _ := ix.Lookup(k...)
			if e.Start < 0 || e.End > len(data) || e.Start > e.End {
				t.Fatalf("%v: span %d..%d outside %d bytes", k, e.Start, e.End, len(data))
			}
			_ = ix.Pos(k...)
		}
	})
}

// FuzzReplace replaces every value it finds in a valid document and checks
// that the decoder reads the new value back at the same path.
func FuzzReplace(f *testing.F) {
	seed(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		var before map[string]any
		if _, err := toml.Decode(string(data), &before); err != nil {
			_, _ = Replace(data, []string{"a", "b"}, "1") // must not panic
			return
		}
		ix := Build(data)
		if _, dup := ix.Redefined(); dup {
			// The decoder may have dropped one definition: Replace refuses.
			if _, err := Replace(data, []string{"a", "b"}, "1"); err == nil {
				t.Fatal("Replace edited a document that defines a key twice")
			}
			return
		}
		for _, k := range ix.Keys() {
			e, _ := ix.Lookup(k...)
			if e.IsTable() {
				continue
			}
			if _, ok := lookupDecoded(before, k); !ok {
				t.Fatalf("indexed %q, which the decoder does not have", k)
			}
			out, err := Replace(data, k, "12345")
			if err != nil {
				t.Fatalf("replace %q: %v", k, err)
			}
			var after map[string]any
			if _, err := toml.Decode(string(out), &after); err != nil {
				// Replacing one key of a dotted run can turn a table into a value that
				// another line extends; only those may fail.
				if !dottedParent(ix, k) {
					t.Fatalf("replace %q: %v\n%s", k, err, out)
				}
				continue
			}
			if v, ok := lookupDecoded(after, k); !ok || !reflect.DeepEqual(v, int64(12345)) {
				t.Fatalf("replace %q: decoded %v (%v)\n%s", k, v, ok, out)
			}
		}
		// Inserting a new key into every table must decode too.
		for name := range ix.tables {
			k := append(splitCanon(name), "zz_new")
			if _, exists := lookupDecoded(before, k); exists {
				continue
			}
			out, err := Replace(data, k, "12345")
			if err != nil {
				t.Fatalf("insert %q: %v", k, err)
			}
			var after map[string]any
			if _, err := toml.Decode(string(out), &after); err != nil {
				t.Fatalf("insert %q: %v\n%s", k, err, out)
			}
			if v, ok := lookupDecoded(after, k); !ok || !reflect.DeepEqual(v, int64(12345)) {
				t.Fatalf("insert %q: decoded %v (%v)\n%s", k, v, ok, out)
			}
		}
	})
}

// dottedParent reports whether some indexed key lies below k, so k is a
// table built by dotted keys rather than a value of its own.
func dottedParent(ix *Index, k []string) bool {
	for _, other := range ix.Keys() {
		if len(other) > len(k) && reflect.DeepEqual(other[:len(k)], k) {
			return true
		}
	}
	return false
}

func splitCanon(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\x00")
}

func lookupDecoded(v any, keys []string) (any, bool) {
	for _, k := range keys {
		switch x := v.(type) {
		case map[string]any:
			var ok bool
			if v, ok = x[k]; !ok {
				return nil, false
			}
		case []map[string]any:
			i, err := strconv.Atoi(k)
			if err != nil || i < 0 || i >= len(x) {
				return nil, false
			}
			v = x[i]
		case []any:
			i, err := strconv.Atoi(k)
			if err != nil || i < 0 || i >= len(x) {
				return nil, false
			}
			v = x[i]
		default:
			return nil, false
		}
	}
	return v, true
}

func seed(f *testing.F) {
	for _, name := range []string{"scenario.toml", "tricky.toml"} {
		f.Add(mustRead(f, name))
	}
	for _, s := range []string{
		"a = 1", "[t]\nx.y = 'z'", "a = [[1], {b = 2}]", "\"\" = 1", "a = \"\"\"\"\"\"\"\"",
		"[[a]]\n[[a.b]]\nc = 1\n[[a]]\n[[a.b]]\nc = 2", "x = 1e3 # c\r\ny = -inf",
		"a = {b.c = 1, d = [1,\n2]}", "t = 1979-05-27T07:32:00", "k = 07:32:00",
	} {
		f.Add([]byte(s))
	}
}
