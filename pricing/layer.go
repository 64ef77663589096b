package pricing

import (
	"cmp"
	"fmt"
	"maps"
	"slices"

	"github.com/tunecost/tunecost/diag"
	"github.com/tunecost/tunecost/model"
)

// Catalog is the engine's catalog after layering, with the entry behind each
// of its values: which sheet and file it came from, as_of, source and note.
type Catalog struct {
	model.Catalog
	Entries []Entry        // effective entries, by table (listing order), then id
	Rates   []ExchangeRate // every sheet's exchange rates, layered (MODEL.md v3 §1)
	// Conversions are the sheets LayerIn converted into Currency.
	Conversions []model.Conversion
	// OlderOverNewer warns about every entry that replaced a newer one of
	// the same id (warnOlderOverNewer). The review of a catalog (tunecost
	// prices) shows them; a scenario run does not, since a sheet that pins
	// older prices on purpose would warn on every run.
	OlderOverNewer diag.List
}

// Lookup returns the effective entry of a table and id.
func (c *Catalog) Lookup(t Table, id string) (Entry, bool) {
	i, ok := slices.BinarySearchFunc(c.Entries, entryKey{t, id}, compareKey)
	if !ok {
		return Entry{}, false
	}
	return c.Entries[i], true
}

// claim is the model entry that took an id, for the message about a second
// table using it: a few words where an Entry is a dozen.
type claim struct {
	Table Table
	ID    string
	File  string
	Line  int
}

type entryKey struct {
	table Table
	id    string
}

func compareKey(e Entry, k entryKey) int {
	return cmp.Or(cmp.Compare(e.Table.rank(), k.table.rank()), cmp.Compare(e.ID, k.id))
}

// Layer stacks sheets in order (the built-in one first): a later entry with
// the same table and id replaces the earlier one. It reports a sheet whose
// currency differs from the first sheet's (and leaves that sheet out), a model
// id used by two model tables (keeping the first), and an offer whose gpu the
// layered catalog lacks (leaving the offer out). Nil sheets are skipped.
func Layer(sheets ...*Sheet) (*Catalog, diag.List) {
	var diags, shadowed diag.List
	var base *Sheet
	total := 0
	for _, sh := range sheets {
		if sh != nil {
			total += len(sh.Entries)
		}
	}
	effective := make(map[entryKey]Entry, total) // sized once: a real catalog has thousands
	models := make(map[string]claim, total)      // model id -> the entry that claimed it
	for _, sh := range sheets {
		if sh == nil {
			continue
		}
		switch {
		case base == nil && sh.Currency != "":
			base = sh
		case base != nil && sh.Currency != "" && sh.Currency != base.Currency:
			diags.Errorf(sh.File, sh.currencyAt.Line, sh.currencyAt.Col, "currency",
				"currency %s of sheet %q (%s) differs from %s of sheet %q (%s): every sheet must use one currency",
				sh.Currency, sh.Name, sh.File, base.Currency, base.Name, base.File)
			continue
		}
		for _, e := range sh.Entries {
			if e.Table.isModel() {
				if prev, ok := models[e.ID]; ok && prev.Table != e.Table {
					line, col := e.FieldPos("id")
					diags.Errorf(e.File, line, col, "id",
						"%s %q: id already names %s %q (%s:%d); model ids must be unique across open_model, api_model and embedding",
						e.Table, e.ID, prev.Table, prev.ID, prev.File, prev.Line)
					continue
				}
				models[e.ID] = claim{e.Table, e.ID, e.File, e.Line}
			}
			e.conversion = sh.conversion
			k := entryKey{e.Table, e.ID}
			if prev, ok := effective[k]; ok && e.AsOf.Before(prev.AsOf) {
				warnOlderOverNewer(prev, e, &shadowed)
			}
			effective[k] = e
		}
	}
	dropDanglingOffers(effective, &diags)
	checkSuccessors(effective, &diags)

	c := &Catalog{Catalog: model.NewCatalog("")}
	c.Origins = make(map[string]model.Origin, len(effective))
	if base != nil {
		c.Currency = base.Currency
	}
	c.Rates = layerRates(sheets)
	shadowed.Sort()
	c.OlderOverNewer = shadowed
	// Sort the keys, not the entries: an Entry is a dozen words to swap.
	keys := slices.SortedFunc(maps.Keys(effective), func(a, b entryKey) int {
		return cmp.Or(cmp.Compare(a.table.rank(), b.table.rank()), cmp.Compare(a.id, b.id))
	})
	c.Entries = make([]Entry, 0, len(keys))
	c.sizeMaps(keys)
	for _, k := range keys {
		e := effective[k]
		c.Entries = append(c.Entries, e)
		c.add(e)
	}
	diags.Sort()
	return c, diags
}

// sortedIDs are the ids of one table's entries in the layered catalog, sorted.
func sortedIDs(effective map[entryKey]Entry, t Table) []string {
	var ids []string
	for k := range effective {
		if k.table == t {
			ids = append(ids, k.id)
		}
	}
	slices.Sort(ids)
	return ids
}

// dropDanglingOffers removes offers whose gpu is not in the catalog.
func dropDanglingOffers(effective map[entryKey]Entry, diags *diag.List) {
	gpus := sortedIDs(effective, TableGPU)
	for k, e := range effective {
		o, ok := e.Item.(model.Offer)
		if !ok || slices.Contains(gpus, o.GPU) {
			continue
		}
		msg := fmt.Sprintf("offer %q: gpu %q is not in the catalog", e.ID, o.GPU) + diag.DidYouMean(o.GPU, gpus)
		line, col := e.FieldPos("gpu")
		diags.Errorf(e.File, line, col, "gpu", "%s", msg)
		delete(effective, k)
	}
}

// sizeMaps makes the engine's maps once at their final size: a real
// catalog has thousands of api models, and a map grown one entry at a time
// copies itself a dozen times on the way.
func (c *Catalog) sizeMaps(keys []entryKey) {
	var n [6]int
	for _, k := range keys {
		if r := k.table.rank(); r >= 0 {
			n[r]++
		}
	}
	c.GPUs = make(map[string]model.GPU, n[TableGPU.rank()])
	c.Offers = make(map[string]model.Offer, n[TableOffer.rank()])
	c.OpenModels = make(map[string]model.OpenModel, n[TableOpenModel.rank()])
	c.APIModels = make(map[string]model.APIModel, n[TableAPIModel.rank()])
	c.Embeddings = make(map[string]model.Embedding, n[TableEmbedding.rank()])
	c.VectorDBs = make(map[string]model.VectorDB, n[TableVectorDB.rank()])
}

// add puts an entry's typed value and origin into the engine's catalog.
func (c *Catalog) add(e Entry) {
	origin := model.Origin{Sheet: e.Sheet, AsOf: e.AsOf, Conversion: e.conversion}
	if m, ok := e.Item.(model.APIModel); ok {
		origin.Deprecated, origin.Retires = m.Deprecated, m.Retires
	}
	c.Origins[model.OriginKey(string(e.Table), e.ID)] = origin
	switch v := e.Item.(type) {
	case model.GPU:
		c.GPUs[e.ID] = v
	case model.Offer:
		c.Offers[e.ID] = v
	case model.OpenModel:
		c.OpenModels[e.ID] = v
	case model.APIModel:
		c.APIModels[e.ID] = v
	case model.Embedding:
		c.Embeddings[e.ID] = v
	case model.VectorDB:
		c.VectorDBs[e.ID] = v
	}
}
