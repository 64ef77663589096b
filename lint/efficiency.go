package lint

import (
	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/scenarios"
	"sort"
	"strings"
)

// everyOptionRules run on every option, whatever its kind.
var everyOptionRules = []optionRule{fp8EfficiencyIgnored, moeMFUWritten, multiInstanceWithoutNetwork}

// fp8EfficiencyIgnored: fp8_efficiency (F4a) scales an FP8 peak; on an
// option that neither trains nor serves in fp8 a written value changes
// nothing (MODEL.md §10), which a reader would not guess.
func fp8EfficiencyIgnored(c *checker, i int, o *model.Option) {
	ov := c.optionValues(i, o.Name)
	if ov == nil || !ov.Values["fp8_efficiency"].Set {
		return
	}
	if o.ServePrecision == "fp8" || (o.Kind.Trains() && o.TrainPrecision == "fp8") {
		return
	}
	if cat := c.in.Catalog; cat == nil || !o.SelfHosted(&cat.Catalog) {
		return
	}
	c.warnOption(i, o, "fp8_efficiency",
		`fp8_efficiency is ignored: it scales the FP8 peak (F4a), and this option neither trains nor serves in fp8 (train_precision, serve_precision); remove it, or set a precision to "fp8" on a GPU with fp8_tflops`)
}

// noteOption adds a note (not a warning) about option i's key.
func (c *checker) noteOption(i int, o *model.Option, key, format string, args ...any) {
	l := c.optionLoc(i, o.Name, key)
	c.out.Notef(l.File, l.Line, l.Col, "option."+key, "%s: "+format, append([]any{scenarios.OptionLabel(i, o.Name)}, args...)...)
}

// moeMFUWritten: F9 multiplies a mixture of experts' default mfu by
// I_e / (I_e + 4000); an mfu the file writes is taken as the run's own, so
// writing the dense default is not the same as leaving it out.
func moeMFUWritten(c *checker, i int, o *model.Option) {
	cat := c.in.Catalog
	if cat == nil || !o.Kind.Trains() || !o.MFUSet {
		return
	}
	m, ok := cat.OpenModels[o.BaseModel]
	if !ok || !m.MoE() {
		return
	}
	ie := float64(m.ExpertIntermediate)
	c.noteOption(i, o, "mfu",
		"mfu is written, so it is taken as this mixture-of-experts run's own (F9); left out, the default would be multiplied by expert_intermediate / (expert_intermediate + 4000) = %s / %s = %.3f for the expert-parallel all-to-all",
		plain(ie), plain(ie+4000), ie/(ie+4000))
}

// multiInstanceWithoutNetwork: F9a counts the network between instances
// only where the offer gives network_gbps; a sharded run over several
// instances of an offer without it is priced as if the network were free.
func multiInstanceWithoutNetwork(c *checker, i int, o *model.Option) {
	cat := c.in.Catalog
	if cat == nil || !o.Kind.Trains() || o.Sharding == "model" || !o.SelfHosted(&cat.Catalog) {
		return
	}
	if i >= len(c.in.Result.Options) {
		return
	}
	tr := c.in.Result.Options[i].Training
	off := cat.Offers[o.TrainOffer]
	if tr == nil || tr.Managed || tr.Instances <= 1 || off.NetworkGbps > 0 {
		return
	}
	if off.GPUs == 1 {
		// Six 1-GPU machines are no training cluster: nothing fast links
		// them, and the price shown assumes the traffic is free (the UX
		// report's M3). A warning, with the offers that would hold the run.
		c.warnOption(i, o, "train_offer",
			"the run spans %s instances of offer %q, one GPU each, with no fast interconnect between them, priced as if their traffic were free (F9a); train on one instance with more GPUs%s",
			plain(tr.Instances), off.ID, largerOffers(&cat.Catalog, off, int(tr.Instances)))
		return
	}
	c.noteOption(i, o, "train_offer",
		"the run spans %s instances of offer %q, which gives no network_gbps: the traffic between them is not counted (F9a), so the run may be slower than shown; a price sheet can add the offer's network_gbps",
		plain(tr.Instances), off.ID)
}

// largerOffers names up to three offers of the same GPU with at least n
// GPUs per instance, the same provider's first: ", e.g. runpod/h100-sxm-8x, …",
// "" when none.
func largerOffers(cat *model.Catalog, off model.Offer, n int) string {
	var ids []string
	for id, o := range cat.Offers {
		if o.GPU == off.GPU && o.GPUs >= n && o.GPUs > 1 {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return ""
	}
	provider := func(id string) string { p, _, _ := strings.Cut(id, "/"); return p }
	sort.Slice(ids, func(a, b int) bool { // the same provider's first
		sa, sb := provider(ids[a]) == provider(off.ID), provider(ids[b]) == provider(off.ID)
		if sa != sb {
			return sa
		}
		return ids[a] < ids[b]
	})
	if len(ids) > 3 {
		ids = ids[:3]
	}
	return ", e.g. " + strings.Join(ids, ", ")
}
