package views

import (
	"slices"
	"strings"
	"testing"
)

func bedrock(t *testing.T) ([]document, string) {
	return fixtureDocs(t, "bedrock-prices.toml", "bedrock.toml")
}

// Three imported Bedrock entries share their first 27 characters and their
// prices: the list keeps both ends of each id, so they look distinct.
func TestCatalogBedrock(t *testing.T) {
	frames(t, bedrock, to("Catalog"), "/", "anthropic", "enter")
}

// enter shows every field of an entry with its sheet, as_of, age and source.
func TestCatalogDetail(t *testing.T) {
	frames(t, bedrock, to("Catalog"), "/", "anthropic", "enter", "j", "enter")
}

func TestCatalogIDsDistinctAndDetailReturns(t *testing.T) {
	for _, w := range []int{80, 120} {
		docs, dir := bedrock(t)
		cfg := testConfig()
		cfg.Dir = dir
		// G first: the matches must show from the top, not from where the
		// full list was scrolled to.
		m := press(t, sized(newModel(docs, cfg), w, 24), to("Catalog"), "G", "/", "anthropic", "enter")
		list := m.View()
		var ids []string
		for _, l := range strings.Split(list, "\n") {
			if f := strings.Fields(strings.TrimPrefix(l, "▸")); len(f) > 1 && f[0] == "api_model" {
				ids = append(ids, f[1])
			}
		}
		if len(ids) != 3 || ids[0] == ids[1] || ids[1] == ids[2] || ids[0] == ids[2] {
			t.Fatalf("%d cols: ids shown %q, want three distinct:\n%s", w, ids, list)
		}
		m = press(t, m, "j")
		list = m.View()
		m = press(t, m, "enter")
		// The whole entry view, scrolled or not: it is longer than 24 lines.
		detail := strings.Join(m.catalog.detailLines(), "\n")
		for _, want := range []string{"anthropic.claude-3-5-sonnet-20241022-v2:0", "cached_input_per_mtok", "$0.3 per million tokens",
			"LiteLLM import (bedrock-prices.toml:", "2025-09-05", "452 days old (stale", "LiteLLM model_prices_and_context_window.json"} {
			if !strings.Contains(detail, want) {
				t.Errorf("%d cols: detail lacks %q:\n%s", w, want, detail)
			}
		}
		if back := press(t, m, "esc").View(); back != list {
			t.Errorf("%d cols: esc did not return to the list:\n%s", w, back)
		}
	}
}

// A resize (here the help opening and closing) keeps the cursor on its row,
// and enter then shows that row's entry.
func TestCatalogResizeKeepsCursor(t *testing.T) {
	m := press(t, sized(newModel([]document{builtinDoc(t)}, testConfig()), 80, 24), to("Catalog"), "j", "j", "j", "?", "?")
	if c := m.catalog.tbl.Cursor(); c != 3 {
		t.Fatalf("cursor %d after resize, want 3", c)
	}
	m = press(t, sized(m, 120, 40), "enter")
	want := m.catalog.entries[m.catalog.shownIdx[3]].ID
	if v := m.View(); !strings.Contains(v, "entry 4 of") || !strings.Contains(v, want) {
		t.Errorf("detail does not show entry 4 (%s):\n%s", want, v)
	}
}

// A long entry scrolls with the page keys, and back: the scroll stops at
// the last line, so pgup returns at once.
func TestCatalogDetailScrolls(t *testing.T) {
	m := press(t, sized(newModel([]document{builtinDoc(t)}, testConfig()), 80, 15), to("Catalog"), "/", "pinecone", "enter", "enter")
	top := m.View()
	m = press(t, m, "pgdown", "pgdown", "pgdown")
	if bottom := m.View(); !strings.Contains(bottom, "esc back to the list") || bottom == top {
		t.Fatalf("pgdn did not reach the end of the entry:\n%s", bottom)
	}
	if back := press(t, m, "pgup").View(); back != top {
		t.Errorf("one pgup did not return to the top:\n%s", back)
	}
}

// The list moves with the program's keys only: bubbles/table's own map
// would take u (undo elsewhere) as half a page up, and b, f, d and space.
func TestCatalogKeysAreTheKeyMaps(t *testing.T) {
	m := press(t, sized(newModel([]document{builtinDoc(t)}, testConfig()), 80, 24), to("Catalog"), "G")
	bottom := m.catalog.tbl.Cursor()
	if bottom < 10 {
		t.Fatalf("G left the cursor at row %d", bottom)
	}
	for _, k := range []string{"u", "b", "d", "f", " "} {
		if got := press(t, m, k).catalog.tbl.Cursor(); got != bottom {
			t.Errorf("%q moved the catalog's cursor from %d to %d", k, bottom, got)
		}
	}
	// ctrl+u is the KeyMap's page up: a whole page, not half of one.
	page := m.catalog.tbl.Height()
	if got := press(t, m, "ctrl+u").catalog.tbl.Cursor(); got != bottom-page {
		t.Errorf("ctrl+u: cursor %d, want %d (one page of %d up)", got, bottom-page, page)
	}
}

// A catalog that shrinks (the file broke: no catalog at all) rebuilds
// without reading the old rows' indexes (a panic the chaos test found).
func TestCatalogShrinks(t *testing.T) {
	d := builtinDoc(t)
	c := newCatalog(newCommon(testConfig()))
	c.SetSize(80, 20)
	c.SetSnapshot(d.Snapshot())
	c.sync()
	if len(c.shown) == 0 {
		t.Fatal("no rows from the built-in catalog")
	}
	c.SetSnapshot(snapshot{})
	c.sync()
	if len(c.shown) != 0 || len(c.all) != 0 {
		t.Errorf("%d rows shown of %d after the catalog went", len(c.shown), len(c.all))
	}
}

// The entry view shows every field the entry has, with its unit, from
// pricing.EntryFields: the fields that decide the newer choices too
// (issue 22: fp8_tflops and the mixture-of-experts shape were missing).
func TestCatalogDetailShowsEveryField(t *testing.T) {
	for _, c := range []struct {
		id   string
		want []string // a row's words: the key, then the value with its unit
	}{
		{"h100-sxm", []string{"fp8_tflops 1,979 TFLOPS", "bf16_tflops 989 TFLOPS", "bandwidth_gbs 3,350 GB/s"}},
		{"qwen3-30b-a3b", []string{"experts 128", "experts_per_token 8", "active_params_b 3.35 billion",
			"expert_intermediate 768", "vocab 151,936 tokens"}},
	} {
		m := press(t, sized(newModel([]document{builtinDoc(t)}, testConfig()), 120, 60), to("Catalog"), "/", c.id, "enter", "enter")
		v := m.View()
		if !strings.Contains(v, "] "+c.id+" ") {
			t.Fatalf("not the entry view of %s:\n%s", c.id, v)
		}
		var rows []string
		for _, l := range strings.Split(v, "\n") {
			rows = append(rows, strings.Join(strings.Fields(l), " "))
		}
		for _, w := range c.want {
			if !slices.Contains(rows, w) {
				t.Errorf("%s: the entry view lacks the row %q:\n%s", c.id, w, v)
			}
		}
	}
}
