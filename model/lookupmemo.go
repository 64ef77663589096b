package model

// This file remembers an Evaluator's catalog look-ups. A Monte Carlo
// sample's options name the same models, offers and GPUs as the file's,
// and the cost functions looked each up in the catalog's maps (hashing the
// id, missing in the API models for every open model) about a dozen times
// a sample. An Evaluator hands them its copy of the catalog with a memo of
// the entries found, kept while the catalog's maps are the same ones (a
// catalog must not change in place between an Evaluator's calls); an id is
// matched by address first, as a sample's strings are the file's.

// lookupMemo is the remembered look-ups of one catalog, by table.
type lookupMemo struct {
	catID      [7]uintptr // catalogIdentity of the catalog they were made in
	apiModels  tableMemo[APIModel]
	openModels tableMemo[OpenModel]
	offers     tableMemo[Offer]
	gpus       tableMemo[GPU]
	embeddings tableMemo[Embedding]
	vectorDBs  tableMemo[VectorDB]
}

// tableMemo is the first few look-ups of one table, found or not.
type tableMemo[V any] struct {
	n       int
	entries [4]memoEntry[V]
}

type memoEntry[V any] struct {
	id    string
	v     V
	found bool
}

// get is m[id], remembered.
func (t *tableMemo[V]) get(m map[string]V, id string) (V, bool) {
	if v, found, ok := t.ref(m, id); ok {
		return *v, found
	}
	v, found := m[id]
	return v, found
}

// ref is m[id]'s entry in the memo, added to it when there is room, where
// it stays until the memo is emptied; ok is false when the memo is full
// and does not hold id.
func (t *tableMemo[V]) ref(m map[string]V, id string) (v *V, found, ok bool) {
	for i := range t.n {
		if e := &t.entries[i]; sameString(e.id, id) {
			return &e.v, e.found, true
		}
	}
	if t.n == len(t.entries) {
		return nil, false, false
	}
	e := &t.entries[t.n]
	e.v, e.found = m[id]
	e.id = id
	t.n++
	return &e.v, e.found, true
}

// memoFor is e's memo for the catalog whose catalogIdentity is id,
// emptied when its maps are not the ones it was made in.
func (e *Evaluator) memoFor(id [7]uintptr) *lookupMemo {
	if e.memo == nil {
		e.memo = new(lookupMemo)
	}
	if id != e.memo.catID {
		*e.memo = lookupMemo{catID: id}
	}
	return e.memo
}

// The engine's look-ups: through the memo when the catalog has one (an
// Evaluator's copy), else in the maps.

// apiModelAt is c.APIModels[id] where it lies in the memo, not copied out
// (an API model is 248 bytes, read by several functions a sample), else
// copied into buf.
func (c *Catalog) apiModelAt(id string, buf *APIModel) (*APIModel, bool) {
	if c.memo != nil {
		if v, found, ok := c.memo.apiModels.ref(c.APIModels, id); ok {
			return v, found
		}
	}
	v, found := c.APIModels[id]
	*buf = v
	return buf, found
}

func (c *Catalog) openModel(id string) OpenModel {
	v, _ := remembered(c, func(l *lookupMemo) *tableMemo[OpenModel] { return &l.openModels }, c.OpenModels, id)
	return v
}

func (c *Catalog) offer(id string) Offer {
	v, _ := remembered(c, func(l *lookupMemo) *tableMemo[Offer] { return &l.offers }, c.Offers, id)
	return v
}

func (c *Catalog) gpu(id string) GPU {
	v, _ := remembered(c, func(l *lookupMemo) *tableMemo[GPU] { return &l.gpus }, c.GPUs, id)
	return v
}

func (c *Catalog) embedding(id string) Embedding {
	v, _ := remembered(c, func(l *lookupMemo) *tableMemo[Embedding] { return &l.embeddings }, c.Embeddings, id)
	return v
}

func (c *Catalog) vectorDB(id string) VectorDB {
	v, _ := remembered(c, func(l *lookupMemo) *tableMemo[VectorDB] { return &l.vectorDBs }, c.VectorDBs, id)
	return v
}

// remembered is m[id], through table's memo of c when c has one.
func remembered[V any](c *Catalog, table func(*lookupMemo) *tableMemo[V], m map[string]V, id string) (V, bool) {
	if c.memo != nil {
		return table(c.memo).get(m, id)
	}
	v, ok := m[id]
	return v, ok
}
