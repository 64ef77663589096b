package pricing

import (
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
)

// bigSheet is a valid sheet of n api models, each with a note of pad bytes,
// then tail.
func bigSheet(n, pad int, tail string) []byte {
	var b strings.Builder
	b.WriteString("[sheet]\nname = \"big\"\ncurrency = \"USD\"\nas_of = 2026-10-01\n")
	for i := range n {
		fmt.Fprintf(&b, "\n[[api_model]]\nid = \"m%04d\"\ninput_per_mtok = %d.5\noutput_per_mtok = 2\nnote = %q\n", i, i%9, strings.Repeat("n", pad))
	}
	b.WriteString(tail)
	return []byte(b.String())
}

// Decoding in halves must give what decoding the whole file gives, value
// for value, whatever sits where the file is cut.
func TestDecodeInHalvesIsDecodingTheWhole(t *testing.T) {
	large, err := os.ReadFile("../testdata/large-catalog.toml")
	if err != nil {
		t.Fatal(err)
	}
	// A multi-line string that holds "[[" lines across the middle: the
	// first cut is inside it.
	inString := bigSheet(400, 100, "") // ~75 KiB before the string
	inString = append(inString, []byte("\n[[gpu]]\nid = \"g\"\nmemory_gb = 80\nbf16_tflops = 900\nmemory_bandwidth_gbs = 3000\nnote = \"\"\"\n"+
		strings.Repeat("[[api_model]]\nid = \"fake\"\n", 8000)+"\"\"\"\n")...)
	cases := map[string][]byte{
		"LiteLLM's map, imported":              large,
		"a cut inside a multi-line string":     inString,
		"a [sheet] table again after the half": bigSheet(800, 60, "\n[sheet]\nname = \"again\"\n"),
		"an offer table after the half":        bigSheet(800, 60, "\n[offer]\nid = \"x\"\n"),
		"a syntax error after the half":        bigSheet(800, 60, "\n[[api_model]]\nid = \n"),
		"a small sheet, not cut":               bigSheet(3, 0, ""),
	}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			if len(data) >= halvesFrom && halfway(data) < 0 {
				t.Fatal("the file is not cut: the case tests nothing")
			}
			got, gotErr := decode(data)
			want, wantErr := decodeWhole(data)
			if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
				t.Fatalf("error %v, want the whole file's %v", gotErr, wantErr)
			}
			if !reflect.DeepEqual(got, want) {
				t.Error("decoding in halves gives other values than decoding the whole file")
			}
		})
	}
}

// The large sheet is cut, and both its halves decode: the fast way is the
// one taken.
func TestLargeSheetIsDecodedInHalves(t *testing.T) {
	large, err := os.ReadFile("../testdata/large-catalog.toml")
	if err != nil {
		t.Fatal(err)
	}
	cut := halfway(large)
	if cut < 0 {
		t.Fatal("LiteLLM's imported map is not cut in halves")
	}
	first, err1 := decodeWhole(large[:cut])
	second, err2 := decodeWhole(large[cut:])
	if err1 != nil || err2 != nil || !appendTables(first, second) {
		t.Fatalf("the halves do not join: %v, %v", err1, err2)
	}
	if n := len(first["api_model"].([]map[string]any)); n < 2000 {
		t.Errorf("the joined halves hold %d api models, want the sheet's 2,000 and more", n)
	}
}
