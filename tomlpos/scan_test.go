package tomlpos

import (
	"errors"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

func TestScan(t *testing.T) {
	lim := Limits{Nesting: 3, KeyParts: 3, Headers: 2, ArrayElements: 5, Keys: 6}
	cases := []struct {
		in  string
		at  Pos
		msg string // "" when the document is within the limits
	}{
		{"a.b.c = 1\n[x.y.z]\nv = [1, 2.5, 3]\n", Pos{}, ""},
		{"a.b.c.d = 1\n", Pos{1, 6}, "a dotted key or table name has more than 3 parts"},
		{"x = 1\n[t.u.v.w]\n", Pos{2, 7}, "a dotted key or table name has more than 3 parts"},
		{"[[t.u.v.w]]\n", Pos{1, 8}, "a dotted key or table name has more than 3 parts"},
		{"x = { a.b.c.d = 1 }\n", Pos{1, 12}, "a dotted key or table name has more than 3 parts"},
		{"x = { a = 1, b.c.d.e = 1 }\n", Pos{1, 19}, "a dotted key or table name has more than 3 parts"},
		// Dots inside values, strings and comments are not key parts.
		{"v = 1.5e3\nd = 1979-05-27T07:32:00.5\ns = \"a.b.c.d.e\"\n# a.b.c.d.e\n'q.r.s.t.u' = 1\n", Pos{}, ""},
		{"v = [\n  1.1, 2.2,\n  3.3,\n]\n", Pos{}, ""},
		{"[a]\n[b]\n[[c]]\n", Pos{3, 1}, "more than 2 table headers in one file"},
		{"v = [1, [2, 3]]\nw = [4, 5]\n", Pos{2, 7}, "more than 5 array elements in one file"},
		{"a = 1\nb = { c = 2, d = 3 }\n[t]\ne.f = 4\ng = '='\nh = 5\n", Pos{6, 3}, "more than 6 keys in one file"},
		{"a = [[[[1]]]]", Pos{1, 8}, "arrays and inline tables nest deeper than 3 levels"},
		// H1: a multi-line string may end with one or two extra quotes; what
		// follows on the line is still counted.
		{`x = {a = """q"""", b.c.d.e = 1}` + "\n", Pos{1, 25}, "a dotted key or table name has more than 3 parts"},
		{`x = {a = '''q'''', b.c.d.e = 1}` + "\n", Pos{1, 25}, "a dotted key or table name has more than 3 parts"},
		{`x = {a = '''q''''', b.c.d.e = 1}` + "\n", Pos{1, 26}, "a dotted key or table name has more than 3 parts"},
		{`x = """q"""""` + "\na.b.c.d = 1\n", Pos{2, 6}, "a dotted key or table name has more than 3 parts"},
		// An escaped quote before the closing three; a line-ending backslash
		// (CRLF too) inside a multi-line string.
		{`s = """a\""""` + "\na.b.c.d = 1\n", Pos{2, 6}, "a dotted key or table name has more than 3 parts"},
		{"s = \"\"\"a \\\r\n b.c.d.e\"\"\"\r\nt = 1\r\n", Pos{}, ""},
		// A one-line string cannot continue on the next line, escape or not.
		{"s = \"a\\\na.b.c.d = 1\n", Pos{2, 6}, "a dotted key or table name has more than 3 parts"},
		// Brackets in a key position that start no header are not headers.
		{"\xef\xbb\xbf[a]\nx = \"[b]\"\n  [c]\n", Pos{}, ""},
	}
	for _, c := range cases {
		p, bad := Scan([]byte(c.in), lim)
		if bad != (c.msg != "") || p.Pos != c.at || p.Message != c.msg {
			t.Errorf("Scan(%q) = %v %q %v, want %v %q", c.in, p.Pos, p.Message, bad, c.at, c.msg)
		}
	}
}

// TestScanKeyBytes (L3): a key longer than the limit is refused where it
// starts, bare, quoted, in a header or an inline table, so no message
// quotes a megabyte; values and comments may be long.
func TestScanKeyBytes(t *testing.T) {
	lim := Limits{KeyBytes: 8}
	cases := []struct {
		in  string
		bad bool
		at  Pos
	}{
		{"abcdefgh = 1\n", false, Pos{}},
		{"abcdefghi = 1\n", true, Pos{1, 1}},
		{"  \"abcdefghi\" = 1\n", true, Pos{1, 3}},
		{"a.b.c.d.e = 1\n", true, Pos{1, 1}},
		{"[abcdefghi]\n", true, Pos{1, 2}},
		{"x = {abcdefghi = 1}\n", true, Pos{1, 6}},
		{"x = \"" + strings.Repeat("v", 100) + "\" # " + strings.Repeat("c", 100) + "\n[t]\n", false, Pos{}},
	}
	for _, c := range cases {
		p, bad := Scan([]byte(c.in), lim)
		if bad != c.bad || p.Pos != c.at {
			t.Errorf("Scan(%q) = %v %q %v, want %v %v", c.in, p.Pos, p.Message, bad, c.at, c.bad)
		}
	}
}

// TestScanHostile: hostile lines are refused in one pass; a scan that
// re-read a line per byte would not finish here (no timing is asserted).
func TestScanHostile(t *testing.T) {
	lim := Limits{Nesting: 32, KeyParts: 8, Headers: 1000, ArrayElements: 10000}
	for _, in := range []string{
		"k" + strings.Repeat(".k", 100000) + " = 1",
		"[" + strings.Repeat("t.", 100000) + "t]",
		"a = " + strings.Repeat("[", 1<<20),
		"x = [" + strings.Repeat("1,", 1<<20) + "]",
	} {
		if _, bad := Scan([]byte(in), lim); !bad {
			t.Errorf("Scan(%.20q…) accepted a hostile file", in)
		}
	}
}

// FuzzScan: no input panics; a problem is at a real position in the
// document; without limits nothing is a problem.
func FuzzScan(f *testing.F) {
	seed(f)
	f.Add([]byte("a.b.c.d.e = 1\n[x.y.z.w.v]\nq = [1, [2, {a.b.c.d = 3}]]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if p, bad := Scan(data, Limits{}); bad {
			t.Fatalf("no limits, yet %v", p)
		}
		p, bad := Scan(data, Limits{Nesting: 2, KeyParts: 2, Headers: 2, ArrayElements: 3, Keys: 3})
		if !bad {
			return
		}
		lines := 1 + strings.Count(string(data), "\n")
		if p.Pos.Line < 1 || p.Pos.Line > lines || p.Pos.Col < 1 || p.Message == "" {
			t.Fatalf("problem %+v outside a %d-line document", p, lines)
		}
	})
}

func TestErrorPos(t *testing.T) {
	cases := []struct {
		in string
		at Pos
	}{
		{"name = \"x\"\n[workload\nx = 1\n", Pos{2, 10}}, // the decoder: 3:10
		{"name = \"x\"\n[workload", Pos{2, 10}},          // the decoder: 2:9, '\x00'
		{"\xef\xbb\xbfa = 1\n[w\n", Pos{2, 3}},           // offsets count after the BOM
		{"a = 1\nb = = 2\n", Pos{2, 5}},                  // elsewhere the decoder is right
	}
	for _, c := range cases {
		var m map[string]any
		_, err := toml.Decode(c.in, &m)
		var pe toml.ParseError
		if !errors.As(err, &pe) {
			t.Fatalf("%q decodes: %v", c.in, err)
		}
		if got := ErrorPos([]byte(c.in), pe); got != c.at {
			t.Errorf("ErrorPos(%q) = %v, want %v (decoder: %+v)", c.in, got, c.at, pe.Position)
		}
	}
}
