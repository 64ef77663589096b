package scenarios

import (
	"sort"

	"github.com/tunecost/tunecost/diag"
	"github.com/tunecost/tunecost/model"
)

// hosting is what the serving model says about an option.
type hosting struct {
	known  bool   // the serving model resolved
	self   bool   // an open model, served on our own GPUs
	model  string // its id
	method string // the fine-tune's method when written and valid
}

// hosting resolves the serving model; an unknown one is reported here and
// leaves the hosting unknown, so nothing that depends on it is judged.
func (r *resolver) hosting(ov OptionValues, label string) hosting {
	key := ov.Kind.ServingField()
	v, ok := ov.Values[key]
	if !ok || !v.Set {
		return hosting{} // missing or mistyped: Parse reported it
	}
	id, name := v.Text, label+"."+key
	if _, open := r.cat.OpenModels[id]; open {
		return hosting{known: true, self: true, model: id, method: ov.Values["method"].Text}
	}
	base := ov.Kind.TunedAPIRates()
	if m, api := r.cat.APIModels[id]; api {
		if base && !m.Managed() {
			r.errorf(v.Loc(), "option."+key, "%s %s is an api_model without managed fine-tuning (no train_per_mtok)", name, quoteShort(id))
			return hosting{}
		}
		if m.Closed {
			r.warnf(v.Loc(), "option."+key, "%s %s is closed to new users", name, quoteShort(id))
		} else if base && m.FTClosed {
			r.warnf(v.Loc(), "option."+key, "%s %s: its managed fine-tuning is closed to new users", name, quoteShort(id))
		}
		return hosting{known: true, model: id}
	}
	var ids []string
	for k := range r.cat.OpenModels {
		ids = append(ids, k)
	}
	for k, m := range r.cat.APIModels {
		if !base || m.Managed() {
			ids = append(ids, k)
		}
	}
	sort.Strings(ids)
	what := "an open_model or an api_model"
	if base {
		what = "an open_model or a managed api_model"
	}
	r.errorf(v.Loc(), "option."+key, "%s %s is not %s%s", name, quoteShort(id), what, diag.DidYouMean(id, ids))
	return hosting{}
}

// applicability reports fields that the hosting or method rules out, and
// required hosted fields that are missing.
func (r *resolver) applicability(i int, ov OptionValues, label string, h hosting) {
	for _, fd := range model.SectionFields(model.SectionOption) {
		if fd.Kinds != nil && !contains(fd.Kinds, ov.Kind) {
			continue
		}
		v, set := ov.Values[fd.Key]
		name := label + "." + fd.Key
		switch {
		case !ov.written[fd.Key]:
			if fd.Required && fd.Hosting != model.AnyHosting && hostingFits(fd, h) {
				r.errorf(ov.Loc(), fd.Path(), "%s is missing %s (%s)", label, fd.Key, validText(fd))
			}
		case !hostingFits(fd, h):
			where := "an API model"
			if h.self {
				where = "a self-hosted open model"
			}
			at := ov.Loc()
			if set {
				at = Loc{v.Src, v.KeyPos}
			}
			r.errorf(at, fd.Path(), "%s does not apply: %s is %s", name, quoteShort(h.model), where)
		case set && fd.Methods != nil && ov.Kind.Adapters() && h.self && h.method != "" && !contains(fd.Methods, h.method):
			r.warnf(Loc{v.Src, v.KeyPos}, fd.Path(), "%s ignored: method %q has no adapter", name, h.method)
		}
	}
	if v, ok := ov.Values["serve_precision"]; ok && h.self && v.Text == "nf4" && !(ov.Kind.Adapters() && h.method == "qlora") {
		r.errorf(v.Loc(), "option.serve_precision", "%s.serve_precision = \"nf4\": only a qlora fine-tune serves nf4 weights", label)
	}
}

func hostingFits(fd *model.Field, h hosting) bool {
	switch fd.Hosting {
	case model.SelfHostedOnly:
		return h.self
	case model.APIOnly:
		return !h.self
	}
	return true
}
