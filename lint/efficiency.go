package lint

import "github.com/tunecost/tunecost/model"

// everyOptionRules run on every option, whatever its kind.
var everyOptionRules = []optionRule{fp8EfficiencyIgnored}

// fp8EfficiencyIgnored: fp8_efficiency (F4a) scales an FP8 peak; on an
// option that neither trains nor serves in fp8 a written value changes
// nothing (MODEL.md §10), which a reader would not guess.
func fp8EfficiencyIgnored(c *checker, i int, o *model.Option) {
	ov := c.optionValues(i, o.Name)
	if ov == nil || !ov.Values["fp8_efficiency"].Set {
		return
	}
	if o.ServePrecision == "fp8" || (o.Kind == model.FineTune && o.TrainPrecision == "fp8") {
		return
	}
	if cat := c.in.Catalog; cat == nil || !o.SelfHosted(&cat.Catalog) {
		return
	}
	c.warnOption(i, o, "fp8_efficiency",
		`fp8_efficiency is ignored: it scales the FP8 peak (F4a), and this option neither trains nor serves in fp8 (train_precision, serve_precision); remove it, or set a precision to "fp8" on a GPU with fp8_tflops`)
}
