package model

import (
	"testing"
	"time"
)

// Only priced entries go stale: a GPU's datasheet or a model's config.json
// does not move the way a price does.
func TestEntryStaleOnlyWhenPriced(t *testing.T) {
	asOf := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	today := asOf.AddDate(0, 0, 181) // 181 days later
	limit := 180 * 24 * time.Hour
	for table, want := range map[string]bool{
		TableOffer: true, TableAPIModel: true, TableEmbedding: true, TableVectorDB: true,
		TableGPU: false, TableOpenModel: false,
	} {
		e := EntryRef{Table: table, ID: "x", Origin: Origin{AsOf: asOf}}
		if got := e.StaleOn(today, limit); got != want {
			t.Errorf("%s 181 days old: stale = %v, want %v", table, got, want)
		}
	}
	e := EntryRef{Table: TableOffer, Origin: Origin{AsOf: asOf}}
	if e.StaleOn(asOf.AddDate(0, 0, 180), limit) {
		t.Error("exactly 180 days old is not stale")
	}
	if e.StaleOn(time.Time{}, limit) || (EntryRef{Table: TableOffer}).StaleOn(today, limit) {
		t.Error("no clock or no as_of: never stale")
	}
}
