package gate

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/tunecost/tunecost/tomlpos"
)

// decodeBudget is what decoding an admitted document may allocate
// (docs/limits.md): linear in the parts of its keys and headers and in its
// bytes. The decoder spends 740–900 bytes on each part (measured: 100,000
// one-part keys 74 MB, 20,000 headers 18 MB, 20,000 keys of 8 parts
// 140 MB); a document that costs more has a shape the limits do not bound.
func decodeBudget(data []byte, parts int) uint64 {
	return 64<<10 + 1536*uint64(parts) + 64*uint64(len(data))
}

// treeShape is what the decoder's result says about the document: value
// arrays and their elements, and bounds on the nesting of arrays and inline
// tables (a table inside an array is inline; elsewhere it may be a header's).
type treeShape struct {
	arrays, elements   int
	minDepth, maxDepth int
}

func measureTree(v any) treeShape {
	var s treeShape
	s.minDepth, s.maxDepth = walk(v, false, &s)
	return s
}

// walk returns the least and the most nesting below v.
func walk(v any, inArray bool, s *treeShape) (lo, hi int) {
	switch x := v.(type) {
	case []any:
		s.arrays++
		s.elements += len(x)
		for _, e := range x {
			l, h := walk(e, true, s)
			lo, hi = max(lo, l), max(hi, h)
		}
		return lo + 1, hi + 1
	case []map[string]any: // [[headers]]
		for _, e := range x {
			l, h := walk(e, false, s)
			lo, hi = max(lo, l), max(hi, h)
		}
		return lo, hi
	case map[string]any:
		for _, e := range x {
			l, h := walk(e, inArray, s)
			lo, hi = max(lo, l), max(hi, h)
		}
		if inArray {
			return lo + 1, hi + 1
		}
		return lo, hi + 1
	}
	return 0, 0
}

func allocatedBy(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// FuzzScanAgreesWithDecoder feeds the same bytes to the gate's scanner and
// to BurntSushi/toml. When the gate admits a document (as a price sheet,
// its most generous kind) and the decoder accepts it, the scanner must
// have counted the shape the decoder built — every header and key, every
// value array, its elements (an empty array or a trailing comma counts one
// more) and a nesting the tree allows — and the decoder must have stayed
// within its budget. A scanner that misread a string's end (H1) skips
// keys or arrays the decoder then pays for, and fails here.
func FuzzScanAgreesWithDecoder(f *testing.F) {
	for _, s := range scanSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if Check(data, Sheet) != nil {
			return // refused: no decoder reads it
		}
		shape := tomlpos.Measure(data)
		var raw map[string]any
		var md toml.MetaData
		var err error
		used := allocatedBy(func() { md, err = toml.Decode(string(data), &raw) })
		if err != nil {
			return
		}
		keys := md.Keys()
		if got := shape.Headers + shape.Keys; got != len(keys) {
			t.Fatalf("scanner counted %d headers + %d keys, the decoder %d: %v", shape.Headers, shape.Keys, len(keys), keys)
		}
		tree := measureTree(raw)
		if shape.Arrays != tree.arrays || shape.ArrayElements < tree.elements || shape.ArrayElements > tree.elements+tree.arrays {
			t.Fatalf("scanner counted %d arrays of %d elements, the decoder %d of %d", shape.Arrays, shape.ArrayElements, tree.arrays, tree.elements)
		}
		if shape.Nesting < tree.minDepth || shape.Nesting > tree.maxDepth {
			t.Fatalf("scanner counted nesting %d, the decoder's tree %d to %d", shape.Nesting, tree.minDepth, tree.maxDepth)
		}
		longest, paths := 0, 0
		for _, k := range keys {
			longest, paths = max(longest, len(k)), paths+len(k)
		}
		if len(keys) > 0 && shape.KeyParts > longest {
			t.Fatalf("scanner counted a key of %d parts, the decoder's longest path is %d", shape.KeyParts, longest)
		}
		// Each key has a part or more, and no more parts than its path.
		if shape.Parts < len(keys) || shape.Parts > paths {
			t.Fatalf("scanner counted %d parts in all, the decoder %d keys of %d path segments", shape.Parts, len(keys), paths)
		}
		if budget := decodeBudget(data, shape.Parts); used > budget {
			t.Fatalf("decoding %d bytes allocated %d, budget %d", len(data), used, budget)
		}
	})
}

// scanSeeds are the campaign's reproducers (chaos-2026-12.md), small
// enough to decode, and the TOML corners the scanner must read as the
// decoder does.
var scanSeeds = []string{
	// H1: four and five closing quotes, basic and literal.
	"x = {a = \"\"\"q\"\"\"\", b.c.d = 1, e = [1, 2]}\n",
	"x = {a = '''q'''', b.c.d = 1, e = [[1], [2]]}\n",
	"x = {a = '''q''''', b = {c = {d = 1}}}\n",
	"x = \"\"\"q\"\"\"\"\"\ny.z = [1,2,3]\n",
	"[sheet]\nname = \"s\"\ncurrency = \"USD\"\nas_of = 2025-09-05\nx = {a = \"\"\"q\"\"\"\", k0.k1.k2.k3 = 1}\n",
	// The sniff regression and H2, at a size the decoder takes quickly.
	"name = \"x\"\nk0.k1.k2.k3.k4.k5.k6.k7 = 1\n",
	"[k0.k1.k2.k3.k4.k5.k6.k7]\na = 1\n",
	// Escapes, literal strings, comments, CRLF, BOM, multi-line strings.
	"s = \"a\\\"b.c = [\"\nt = 'c:\\\\'\n# x = [1\nu = \"\"\"\n[v]\n\"\"\"\n",
	"\xef\xbb\xbfa = 1\r\n[b]\r\nc = \"\"\"x \\\r\n  y\"\"\"\r\n",
	"a = [\n  1, # one\n  2,\n]\nb = []\nc = [[], [[]]]\n",
	"[[o]]\nn = 1\n[[o]]\nn = 2\n[o.s]\nt = {u = [1, {v = 2}]}\n",
	"'a.b' = 1\n\"c.d\".e = 2\n[\"f.g\".h]\ni = {'j.k' = 3}\n",
	"d = 1979-05-27T07:32:00Z\ne = 1979-05-27 07:32:00\nf = [1979-05-27, 1.5e3, -inf, 0x1f]\n",
	"x = {a = 1,\n  b = 2, # TOML 1.1\n}\n",
	"s = '''a'b''c'''\nt = \"\"\"a\"b\"\"c\"\"\"\n",
}

// TestScanSeedsAreFuzzCorpus keeps a copy of the seeds in testdata, the
// corpus a -fuzz run starts from.
func TestScanSeedsAreFuzzCorpus(t *testing.T) {
	dir := filepath.Join("testdata", "fuzz", "FuzzScanAgreesWithDecoder")
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) < len(scanSeeds) {
		t.Errorf("%s holds %d files, want at least the %d seeds (%v)", dir, len(entries), len(scanSeeds), err)
	}
}
