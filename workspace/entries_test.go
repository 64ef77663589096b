package workspace

import (
	"slices"
	"testing"
	"time"

	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/pricing"
)

// The result keeps, per option, the catalog entries it was priced with and
// the sheet and as_of of each, as layering left them.
func TestResultKeepsTheEntriesUsed(t *testing.T) {
	d := LoadBuiltin(Options{ExtraSheets: []string{"testdata/g6e-override.toml"}})
	if !d.OK() {
		t.Fatal(d.Diags)
	}
	var got []string
	for _, e := range d.Result.Options[0].Entries() {
		got = append(got, e.Table+" "+e.ID)
		want, _ := d.Catalog.Lookup(pricing.Table(e.Table), e.ID)
		if e.Sheet != want.Sheet || !e.AsOf.Equal(want.AsOf) {
			t.Errorf("%s %s: sheet %q as_of %v, the catalog says %q %v", e.Table, e.ID, e.Sheet, e.AsOf, want.Sheet, want.AsOf)
		}
	}
	// The fine-tune: its base model, the training offer and GPU, the serving offer and GPU.
	want := []string{"open_model llama-3.1-8b", "offer runpod/a100-80gb-1x", "gpu a100-80gb-sxm", "offer aws/g6e.xlarge", "gpu l40s"}
	if !slices.Equal(got, want) {
		t.Errorf("entries %v, want %v", got, want)
	}
	served := d.Result.Options[0].Entries()[3]
	if served.Sheet != "override" || !served.AsOf.Equal(time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("aws/g6e.xlarge from %q as of %v, want the override sheet's 2026-11-20", served.Sheet, served.AsOf)
	}
	var rag []string
	for _, e := range d.Result.Options[1].Entries() {
		rag = append(rag, e.Table+" "+e.ID)
	}
	if !slices.Equal(rag, []string{"api_model gpt-6-luna", "embedding text-embedding-3-small", "vector_db pinecone-serverless"}) {
		t.Errorf("RAG entries %v", rag)
	}
	if d.Result.Options[2].Entries()[0].Table != model.TableAPIModel {
		t.Errorf("prompt entries %v", d.Result.Options[2].Entries())
	}
}
