package scenarios

import (
	"sort"

	"github.com/tunecost/tunecost/diag"
	"github.com/tunecost/tunecost/model"
)

// references checks offer, embedding and vector-database ids.
func (r *resolver) references(ov OptionValues, label string, h hosting) {
	for _, fd := range model.SectionFields(model.SectionOption) {
		v, set := ov.Values[fd.Key]
		if !set || !hostingFits(fd, h) || (fd.Kinds != nil && !contains(fd.Kinds, ov.Kind)) {
			continue
		}
		var ids []string
		var what string
		switch fd.Ref {
		case model.RefOffer:
			ids, what = keys(r.cat.Offers), "an offer"
		case model.RefEmbedding:
			ids, what = keys(r.cat.Embeddings), "an embedding"
		case model.RefVectorDB:
			ids, what = keys(r.cat.VectorDBs), "a vector_db"
		default:
			continue
		}
		if !contains(ids, v.Text) {
			r.errorf(v.Loc(), fd.Path(), "%s.%s %s is not %s in the price catalog%s", label, fd.Key, quoteShort(v.Text), what, diag.DidYouMean(v.Text, ids))
		}
	}
}

// prices checks that each offer has the hourly price its pricing names
// (F10: a missing price is an error, never a silent fallback).
func (r *resolver) prices(ov OptionValues, label string, h hosting) {
	if !h.self {
		return
	}
	pairs := [][2]string{{"serve_offer", "serve_pricing"}}
	if ov.Kind.Trains() {
		pairs = [][2]string{{"train_offer", "pricing"}, {"serve_offer", "serve_pricing"}}
	}
	for _, pair := range pairs {
		ov0, ok := ov.Values[pair[0]]
		offer, found := r.cat.Offers[ov0.Text]
		if !ok || !found {
			continue
		}
		pv, written := ov.Values[pair[1]]
		if !written {
			if ov.written[pair[1]] {
				continue // a bad pricing was reported already
			}
			fd, _ := model.FieldByPath("option." + pair[1])
			pv.Text = fd.DefaultText
		}
		if _, has := offer.Hourly(model.Pricing(pv.Text)); has {
			continue
		}
		if written {
			r.errorf(pv.Loc(), "option."+pair[1], "%s.%s = %q: offer %s has no %s price", label, pair[1], pv.Text, quoteShort(ov0.Text), pv.Text)
		} else {
			r.errorf(ov0.Loc(), "option."+pair[1], "%s.%s: offer %s has no %s price (the default %s); set %s", label, pair[0], quoteShort(ov0.Text), pv.Text, pair[1], pair[1])
		}
	}
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
