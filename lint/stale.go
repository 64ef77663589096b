package lint

import (
	"time"

	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/pricing"
)

// staleAfter is the run's staleness threshold (--stale-days), else the product's.
func (c *checker) staleAfter() time.Duration {
	if c.in.StaleAfter > 0 {
		return c.in.StaleAfter
	}
	return pricing.StaleAfter
}

// staleEntries warns, at the field naming it, about every catalog entry an
// option is priced with whose price is older than the threshold: a
// decision made on it may rest on a price that has moved.
func (c *checker) staleEntries() {
	if c.in.Now.IsZero() {
		return
	}
	limit := c.staleAfter()
	for i := range c.in.Scenario.Options {
		if i >= len(c.in.Result.Options) {
			return
		}
		o := &c.in.Scenario.Options[i]
		for _, e := range c.in.Result.Options[i].Entries() {
			if !e.StaleOn(c.in.Now, limit) {
				continue
			}
			c.warnOption(i, o, entryField(o, e, c.in.Catalog),
				"%s %q is priced as of %s in sheet %q: %d days old, more than %d; check the price or layer a newer sheet",
				e.Table, e.ID, e.AsOf.Format(time.DateOnly), e.Sheet, days(c.in.Now.Sub(e.AsOf)), days(limit))
		}
	}
}

// entryField is the option's key that brings the entry into its price.
func entryField(o *model.Option, e model.EntryRef, cat *pricing.Catalog) string {
	switch e.Table {
	case model.TableEmbedding:
		return "embedding"
	case model.TableVectorDB:
		return "vector_db"
	case model.TableOffer:
		if e.ID == o.TrainOffer && o.Kind.Trains() {
			return "train_offer"
		}
		return "serve_offer"
	case model.TableGPU:
		if cat != nil && o.Kind.Trains() {
			if off, ok := cat.Offers[o.TrainOffer]; ok && off.GPU == e.ID {
				return "train_offer"
			}
		}
		return "serve_offer"
	}
	return o.Kind.ServingField()
}

func days(d time.Duration) int { return int(d.Hours() / 24) }
