package pricing

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/tunecost/tunecost/diag"
)

func mustParse(t *testing.T, file, text string) *Sheet {
	t.Helper()
	sh, diags := Parse(file, []byte(text))
	if len(diags) != 0 {
		t.Fatalf("%s: %v", file, diags)
	}
	return sh
}

func head(name, currency string) string {
	return "[sheet]\nname = \"" + name + "\"\ncurrency = \"" + currency + "\"\nas_of = 2026-05-01\n"
}

func strs(l diag.List) []string {
	var out []string
	for _, d := range l {
		out = append(out, d.String())
	}
	return out
}

func TestLayerReplacesByID(t *testing.T) {
	over := mustParse(t, "over.toml", head("ours", "USD")+`
[[offer]]
id = "aws/g5.xlarge"
gpu = "a10g"
gpus = 1
on_demand_hourly = 0.5
note = "our discount"
`)
	cat, diags := Layer(Builtin(), over)
	if len(diags) != 0 {
		t.Fatal(diags)
	}
	if got := cat.Offers["aws/g5.xlarge"].OnDemandHourly; got != 0.5 {
		t.Errorf("on_demand_hourly = %v, want the later sheet's 0.5", got)
	}
	e, ok := cat.Lookup(TableOffer, "aws/g5.xlarge")
	if !ok || e.Sheet != "ours" || e.File != "over.toml" || e.Note != "our discount" || e.AsOf.Month() != 5 {
		t.Errorf("entry metadata = %+v", e)
	}
	if e, _ := cat.Lookup(TableGPU, "h100-sxm"); e.File != BuiltinFile {
		t.Errorf("untouched entries keep the built-in sheet: %+v", e)
	}
	if len(cat.Entries) != len(Builtin().Entries) {
		t.Errorf("%d entries, want %d (a replacement adds none)", len(cat.Entries), len(Builtin().Entries))
	}
	sorted := slices.IsSortedFunc(cat.Entries, func(a, b Entry) int { return compareKey(a, entryKey{b.Table, b.ID}) })
	if !sorted || cat.Entries[0].Table != TableGPU || cat.Entries[len(cat.Entries)-1].Table != TableVectorDB {
		t.Error("entries are not ordered by table, then id")
	}
}

func TestLayerCrossKindIDClash(t *testing.T) {
	a := mustParse(t, "a.toml", head("a", "USD")+`
[[embedding]]
id = "gpt-4o"
per_mtok = 0.1
dim = 8
`)
	cat, diags := Layer(Builtin(), a)
	want := []string{`a.toml:7:6: embedding "gpt-4o": id already names api_model "gpt-4o" (builtin.toml:` +
		strconv.Itoa(lineOf(t, "gpt-4o")) + `); model ids must be unique across open_model, api_model and embedding`}
	if got := strs(diags); !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if _, ok := cat.Embeddings["gpt-4o"]; ok {
		t.Error("the clashing entry must be left out")
	}
	if _, ok := cat.APIModels["gpt-4o"]; !ok {
		t.Error("the first claim must stay")
	}
}

func TestLayerCurrencyMismatch(t *testing.T) {
	eur := mustParse(t, "eur.toml", head("euro quotes", "EUR")+`
[[vector_db]]
id = "pinecone-serverless"
monthly_base = 1
per_gb_month = 1
per_mquery = 1
`)
	cat, diags := Layer(Builtin(), eur)
	want := []string{`eur.toml:3:12: currency EUR of sheet "euro quotes" (eur.toml) differs from USD of sheet "tunecost built-in" (builtin.toml): every sheet must use one currency`}
	if got := strs(diags); !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if cat.Currency != "USD" || cat.VectorDBs["pinecone-serverless"].MonthlyBase != 50 {
		t.Error("a sheet in another currency must be left out whole")
	}
}

func TestLayerDanglingOfferGPU(t *testing.T) {
	s := mustParse(t, "s.toml", head("s", "USD")+`
[[offer]]
id = "acme/box"
gpu = "h100-sxn"
gpus = 1
on_demand_hourly = 2
`)
	cat, diags := Layer(Builtin(), s)
	want := []string{`s.toml:8:7: offer "acme/box": gpu "h100-sxn" is not in the catalog; did you mean "h100-sxm"?`}
	if got := strs(diags); !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if _, ok := cat.Offers["acme/box"]; ok {
		t.Error("a dangling offer must be left out")
	}
	// A later sheet may supply the gpu an earlier offer names.
	g := mustParse(t, "g.toml", head("g", "USD")+`
[[gpu]]
id = "h100-sxn"
memory_gb = 1
bf16_tflops = 1
bandwidth_gbs = 1
`)
	if _, diags := Layer(Builtin(), s, g); len(diags) != 0 {
		t.Errorf("gpu from a later sheet: %v", diags)
	}
}

func TestLayerSkipsNil(t *testing.T) {
	cat, diags := Layer(nil, Builtin(), nil)
	if len(diags) != 0 || cat.Currency != "USD" || len(cat.GPUs) < 9 {
		t.Errorf("diags %v, currency %q", diags, cat.Currency)
	}
}

// lineOf finds the line of an api_model's [[api_model]] header in the built-in sheet.
func lineOf(t *testing.T, id string) int {
	for i, l := range strings.Split(string(builtinTOML), "\n") {
		if l == `id = "`+id+`"` {
			return i // 0-based index of the id = 1-based line of the header above it
		}
	}
	t.Fatalf("%s not in the built-in sheet", id)
	return 0
}

// rank must say what slices.Index(Tables, t) says, for the sort order of
// every listing to follow Tables.
func TestTableRankFollowsTables(t *testing.T) {
	for i, tb := range Tables {
		if tb.rank() != i {
			t.Errorf("%s ranks %d, want its place in Tables, %d", tb, tb.rank(), i)
		}
	}
	if Table("nope").rank() != -1 {
		t.Error("an unknown table ranks in Tables")
	}
}

// Layering an entry over a newer one of the same id warns, naming both
// dates and every figure that differs (issue 21: a refresh put
// deepseek-v4-pro back from $1.32 to $0.435 without a word).
func TestLayerWarnsOlderOverNewer(t *testing.T) {
	newer := mustParse(t, "newer.toml", head("built-in", "USD")+`
[[api_model]]
id = "deepseek-v4-pro"
input_per_mtok = 1.32
output_per_mtok = 2.64
as_of = 2026-12-01
`)
	older := mustParse(t, "older.toml", head("refresh", "USD")+`
[[api_model]]
id = "deepseek-v4-pro"
input_per_mtok = 0.435
output_per_mtok = 2.64
cached_input_per_mtok = 0.1
as_of = 2026-07-24
`)
	cat, diags := Layer(newer, older)
	want := []string{`older.toml:7:6: warning: api_model "deepseek-v4-pro" (as_of 2026-07-24) replaces the newer entry of sheet "built-in" (as_of 2026-12-01): input_per_mtok 1.32 → 0.435, cached_input_per_mtok none → 0.1; layer a newer price or drop this entry`}
	if len(diags) != 0 || !slices.Equal(strs(cat.OlderOverNewer), want) {
		t.Errorf("diags %q, older over newer %q", strs(diags), strs(cat.OlderOverNewer))
	}
	if cat.APIModels["deepseek-v4-pro"].InputPerMtok != 0.435 {
		t.Error("the later sheet still wins")
	}
	// The other way round, a newer entry over an older one, is a refresh: silent.
	if cat, _ := Layer(older, newer); len(cat.OlderOverNewer) != 0 {
		t.Errorf("newer over older: %q", strs(cat.OlderOverNewer))
	}
}
