package model

import "time"

// The catalog tables an EntryRef names (the price sheet's array names).
const (
	TableGPU       = "gpu"
	TableOffer     = "offer"
	TableOpenModel = "open_model"
	TableAPIModel  = "api_model"
	TableEmbedding = "embedding"
	TableVectorDB  = "vector_db"
)

// Origin is where a catalog entry's prices come from: the sheet that
// supplied it after layering, and the date of its prices.
type Origin struct {
	Sheet      string
	AsOf       time.Time
	Deprecated time.Time   // api_model only: when the provider deprecates it; zero = not announced
	Retires    time.Time   // api_model only: when it stops answering; zero = not announced
	Conversion *Conversion // the currency conversion its prices went through; nil = none
}

// EntryRef is one catalog entry an option was priced with.
type EntryRef struct {
	Table string // one of the Table constants
	ID    string
	Origin
}

// OriginKey is the key of Catalog.Origins for an entry.
func OriginKey(table, id string) string { return table + "/" + id }

// Entries returns the catalog entries the option was priced with, each
// once: its serving model, and for a self-hosted option the offers and
// their GPUs; a RAG option's embedding and vector database. Evaluate's
// result lists them for every option on the first call and keeps them
// (safe for concurrent use); other results have none unless set by hand.
// The slice is shared: do not change it.
func (o *OptionResult) Entries() []EntryRef {
	if o.entries != nil || o.src == nil {
		return o.entries
	}
	return o.src.entriesOf(o.index)
}

// SetEntries gives a result built by hand (a test's fake) its entries.
func (o *OptionResult) SetEntries(entries []EntryRef) { o.entries = entries }

// entriesOf is option i's entries, every option's listed once.
func (src *explainSource) entriesOf(i int) []EntryRef {
	src.entriesOnce.Do(func() {
		src.entries = make([][]EntryRef, len(src.s.Options))
		for k := range src.s.Options {
			src.entries[k] = entriesUsed(&src.s.Options[k], &src.cat)
		}
	})
	if i < 0 || i >= len(src.entries) {
		return nil
	}
	return src.entries[i]
}

// entriesUsed lists the catalog entries an option's figures come from: its
// serving model, and for a self-hosted option the offers and their GPUs;
// a RAG option's embedding and vector database. Each appears once, in that
// order; Origin is filled from cat.Origins where known.
func entriesUsed(o *Option, cat *Catalog) []EntryRef {
	var l entryList // on the stack: the result is allocated once, at its size
	addOffer := func(id string) {
		if off, ok := cat.Offers[id]; ok && id != "" {
			l.add(cat, TableOffer, id)
			l.add(cat, TableGPU, off.GPU)
		}
	}
	serving := o.ServingModelID()
	if _, ok := cat.APIModels[serving]; ok {
		l.add(cat, TableAPIModel, serving)
	} else if _, ok := cat.OpenModels[serving]; ok {
		l.add(cat, TableOpenModel, serving)
		if o.Kind.Trains() {
			addOffer(o.TrainOffer)
		}
		addOffer(o.ServeOffer)
	}
	if o.Kind.Retrieves() {
		if _, ok := cat.Embeddings[o.Embedding]; ok {
			l.add(cat, TableEmbedding, o.Embedding)
		}
		if _, ok := cat.VectorDBs[o.VectorDB]; ok {
			l.add(cat, TableVectorDB, o.VectorDB)
		}
	}
	if l.n == 0 {
		return nil
	}
	out := make([]EntryRef, 0, l.n+len(l.more)) // at its size, once
	return append(append(out, l.refs[:l.n]...), l.more...)
}

// entryList gathers an option's entries once each, in order: the first six
// (the most an option names: a model, two offers, their GPUs; or a model,
// an embedding, a database) in place, any more in more.
type entryList struct {
	n    int
	refs [6]EntryRef
	more []EntryRef
}

func (l *entryList) add(cat *Catalog, table, id string) {
	for i := range l.n {
		if r := &l.refs[i]; r.Table == table && r.ID == id {
			return
		}
	}
	for _, r := range l.more {
		if r.Table == table && r.ID == id {
			return
		}
	}
	ref := EntryRef{Table: table, ID: id, Origin: cat.Origins[OriginKey(table, id)]}
	if l.n < len(l.refs) {
		l.refs[l.n] = ref
		l.n++
		return
	}
	l.more = append(l.more, ref)
}

// Priced reports whether the entry's table carries prices. A GPU's figures
// and an open model's architecture are facts of the hardware and the
// checkpoint: they do not go stale the way a price does.
func (e EntryRef) Priced() bool {
	switch e.Table {
	case TableOffer, TableAPIModel, TableEmbedding, TableVectorDB:
		return true
	}
	return false
}

// StaleOn reports whether the entry's price is older than after on today.
// Entries without prices or without a date are never stale.
func (e EntryRef) StaleOn(today time.Time, after time.Duration) bool {
	return e.Priced() && !e.AsOf.IsZero() && !today.IsZero() && today.Sub(e.AsOf) > after
}
