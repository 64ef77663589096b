package calibration

import (
	"bytes"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/tunecost/tunecost/model"
)

// The evidence section turns each case's miss into the value of the spec's
// constant that would have matched it, grouped the way MODEL.md sets the
// constant (mfu by method, bandwidth efficiency by precision, the per-GPU
// overhead). It reports; it never changes a default.

// implied is one case's implied value of a constant.
type implied struct {
	id    string
	value float64
}

// group is the implied values of one constant in one setting.
type group struct {
	label  string // "mfu, lora, fp8"
	specs  []float64
	values []implied
	unit   string
}

// spec is the spec's value for the group: the median over its cases (they
// differ only where the spec scales the constant per model, as F9's
// mixture-of-experts factor does).
func (g *group) spec() float64 { return Median(g.specs) }

func (g *group) median() float64 {
	xs := make([]float64, len(g.values))
	for i, v := range g.values {
		xs[i] = v.value
	}
	return Median(xs)
}

func (g *group) span() (lo, hi float64) {
	lo, hi = g.values[0].value, g.values[0].value
	for _, v := range g.values {
		lo, hi = min(lo, v.value), max(hi, v.value)
	}
	return lo, hi
}

// groups keeps groups in first-seen order under their labels.
type groups struct {
	order []string
	by    map[string]*group
}

func (gs *groups) get(label string, spec float64, unit string) *group {
	if gs.by == nil {
		gs.by = map[string]*group{}
	}
	g, ok := gs.by[label]
	if !ok {
		g = &group{label: label, unit: unit}
		gs.by[label] = g
		gs.order = append(gs.order, label)
	}
	g.specs = append(g.specs, spec)
	return g
}

// add files one case's implied value; get has filed its spec value.
func (g *group) add(id string, v float64) { g.values = append(g.values, implied{id, v}) }

func (gs *groups) sorted() []*group {
	labels := append([]string(nil), gs.order...)
	sort.Strings(labels)
	out := make([]*group, len(labels))
	for i, l := range labels {
		out[i] = gs.by[l]
	}
	return out
}

func writeEvidence(b *bytes.Buffer, outs []Outcome) {
	b.WriteString("## What the cases imply for the spec's constants\n\n")
	b.WriteString("For each scored case, the value of the constant that would have made the prediction equal the\n")
	b.WriteString("published figure, everything else as the spec has it; the median per setting against the spec's\n")
	b.WriteString("value, first over every framework, then by the framework that produced the figure (the evidence for\n")
	b.WriteString("the next revision: MODEL.md §10 turns these constants into default ranges because frameworks differ).\n")
	b.WriteString("This is evidence for the spec (MODEL.md), not a change: the engine keeps the spec's defaults.\n\n")
	var mfu, eb, prefill, overhead groups
	for _, o := range outs {
		if !o.Scored() {
			continue
		}
		switch o.Figure.Kind {
		case TrainingTime:
			impliedMFU(&mfu, o)
		case DecodeSpeed:
			impliedBandwidth(&eb, o)
		case TimeToFirstToken:
			impliedPrefill(&prefill, o)
		case TrainingMemory:
			impliedOverhead(&overhead, o)
		}
	}
	writeGroups(b, "Training mfu (F9), by method and precision",
		"the mfu′ used × F9's compute hours ÷ the published run's hours (an FP8 run's mfu is relative to F4a's 0.8 · fp8_tflops, so it carries fp8_efficiency's miss too; a mixture-of-experts run's spec is 0.45 × F9's factor, shown as its median over the cases)", mfu, true)
	writeFP8Pairs(b, outs)
	writeGroups(b, "Bandwidth efficiency eb (F21), by serve precision, from batch-1 decode",
		"(predicted step − 1 ms − tp) ÷ (published step − 1 ms − tp) × the eb used", eb, true)
	writeGroups(b, "Prefill efficiency (F21's prefill_efficiency, 0.6), from time to first token",
		"(predicted prefill − tp) ÷ (published TTFT − 8 ms − tp) × the prefill_efficiency used", prefill, true)
	writeGroups(b, "Training memory: the per-GPU overhead O (F7, 1 GB) that would close each case",
		"(published − predicted) per GPU + memory_overhead_gb used; below 0, the prediction is above the published memory even with no overhead", overhead, false)
}

// writeFP8Pairs reads fp8_efficiency (F4a) off pairs of published training
// runs that differ only in train_precision: with one mfu for both, the FP8
// run's speed-up over the bf16 run is fp8_efficiency · fp8_tflops /
// bf16_tflops.
func writeFP8Pairs(b *bytes.Buffer, outs []Outcome) {
	b.WriteString("### FP8 efficiency (F4a, 0.8), from pairs of runs that differ only in precision\n\n")
	b.WriteString("Implied value = the FP8 run's published speed-up over the bf16 run × bf16_tflops ÷ fp8_tflops (same framework,\n")
	b.WriteString("model, GPU, GPU count, method, micro-batch and checkpointing; one mfu for both).\n\n")
	bf16 := map[string]Outcome{}
	for _, o := range outs {
		if o.Scored() && o.Figure.Kind == TrainingTime && option(o).TrainPrecision == "bf16" {
			bf16[pairKey(o)] = o
		}
	}
	found := false
	for _, o := range outs {
		if !o.Scored() || o.Figure.Kind != TrainingTime || option(o).TrainPrecision != "fp8" || !(o.Chip.FP8TFLOPS > 0) {
			continue
		}
		base, ok := bf16[pairKey(o)]
		if !ok {
			continue
		}
		if !found {
			b.WriteString("| FP8 case | bf16 case | framework | speed-up | implied fp8_efficiency | spec |\n|---|---|---|---:|---:|---:|\n")
			found = true
		}
		speedup := o.Published / base.Published // rates
		if o.Figure.Name == "train_time_min" {
			speedup = base.Published / o.Published
		}
		fmt.Fprintf(b, "| `%s` | `%s` | %s | ×%.2f | %s | 0.8 |\n", o.ID, base.ID, cell(o.Framework), speedup,
			num(speedup*o.Chip.BF16TFLOPS/o.Chip.FP8TFLOPS))
	}
	if !found {
		b.WriteString("No pair in the suite.\n")
	}
	b.WriteString("\n")
}

// pairKey is everything but the precision that sets a training run's speed.
func pairKey(o Outcome) string {
	opt := option(o)
	return fmt.Sprintf("%s|%s|%s|%s|%g|%g|%t|%s", o.Framework, opt.BaseModel, o.GPU, opt.Method, opt.TrainGPUs,
		opt.MicroBatchTokens, opt.GradientCheckpointing, o.Figure.Name)
}

// addBoth files one implied value under its setting over every framework
// and under the setting for the case's own framework.
func addBoth(gs *groups, setting string, spec float64, unit string, o Outcome, v float64) {
	gs.get(setting, spec, unit).add(o.ID, v)
	gs.get(setting+" — "+o.Framework, spec, unit).add(o.ID, v)
}

func writeGroups(b *bytes.Buffer, title, how string, gs groups, findings bool) {
	fmt.Fprintf(b, "### %s\n\n", title)
	if len(gs.order) == 0 {
		b.WriteString("No scored case.\n\n")
		return
	}
	fmt.Fprintf(b, "Implied value = %s.\n\n", how)
	b.WriteString("| setting | cases | implied (median) | range | spec | cases used |\n|---|---:|---:|---|---:|---|\n")
	for _, g := range gs.sorted() {
		lo, hi := g.span()
		ids := make([]string, len(g.values))
		for i, v := range g.values {
			ids[i] = "`" + v.id + "`"
		}
		fmt.Fprintf(b, "| %s | %d | %s | %s – %s | %s | %s |\n", g.label, len(g.values), num(g.median()), num(lo), num(hi), num(g.spec()), strings.Join(ids, ", "))
	}
	b.WriteString("\n")
	if findings {
		writeFindings(b, gs)
	}
}

// writeFindings names each setting whose implied value is off the spec's by
// more than the goal's ×1.25, the evidence item 5 of issue 13 asks for.
func writeFindings(b *bytes.Buffer, gs groups) {
	found := false
	for _, g := range gs.sorted() {
		m := g.median()
		if !(m > 0) || math.Abs(math.Log(m/g.spec())) <= Goal {
			continue
		}
		weak := ""
		if len(g.values) == 1 {
			weak = " (one case: weak evidence)"
		}
		fmt.Fprintf(b, "- **%s**: the cases imply %s against the spec's %s (%s)%s.\n", g.label, num(m), num(g.spec()), ratio(m/g.spec()), weak)
		found = true
	}
	if !found {
		b.WriteString("Every setting's implied value is within ×1.25 of the spec's.\n")
	}
	b.WriteString("\n")
}

// option is the case's one option, as the engine saw it.
func option(o Outcome) *model.Option { return &o.Input.Options[0] }

// impliedMFU: the run's compute time is FLOPs / (peak · mfu′) / gpus, so
// the mfu′ that makes the compute alone take the published time is the mfu′
// used times compute hours over the published hours. (A run F9a finds
// communication-bound has a prediction above its compute time; the implied
// value still says what compute efficiency the published time allows.)
func impliedMFU(gs *groups, o Outcome) {
	opt, tr := option(o), o.Result.Training
	publishedHours := tr.Hours * o.Published / o.Predicted // a time: scales with the figure
	if o.Figure.Name != "train_time_min" {
		publishedHours = tr.Hours * o.Predicted / o.Published // a rate: inversely
	}
	if !(publishedHours > 0) || !(tr.ComputeHours > 0) {
		return
	}
	used, factor := opt.MFU, 1.0
	if f, err := term(o.Result, "training.mfu", "factor"); err == nil {
		used, factor = opt.MFU*f, f
	}
	setting := fmt.Sprintf("%s, %s", opt.Method, trainPrecision(opt)) + moeLabel(o)
	addBoth(gs, setting, specMFU(opt.Method)*factor, "", o, used*tr.ComputeHours/publishedHours)
}

// specMFU is MODEL.md §4's mfu default by method (version 3).
func specMFU(method string) float64 {
	if method == "qlora" {
		return 0.36
	}
	return 0.45
}

// specBandwidthEfficiency is F21's eb by serve precision.
var specBandwidthEfficiency = map[string]float64{"bf16": 0.75, "fp8": 0.65, "int8": 0.65, "int4": 0.45, "nf4": 0.40}

// tpSeconds is F21's tensor-parallel latency per forward pass the engine
// used (0 on one GPU).
func tpSeconds(o Outcome) float64 {
	if d, ok := o.Result.Derivation("serving.tp_seconds"); ok {
		return d.Result
	}
	return 0
}

// impliedBandwidth: at batch 1 a decode step is bytes / (BW · eb) + 1 ms +
// tp, so the eb that matches scales with the bandwidth-bound part.
func impliedBandwidth(gs *groups, o Outcome) {
	opt := option(o)
	fixed := 0.001 + tpSeconds(o)
	predStep, pubStep := 1/o.Predicted, 1/o.Published
	if pubStep <= fixed || predStep <= fixed {
		return
	}
	addBoth(gs, opt.ServePrecision+moeLabel(o), specBandwidthEfficiency[opt.ServePrecision], "", o,
		opt.BandwidthEfficiency*(predStep-fixed)/(pubStep-fixed))
}

// impliedPrefill: TTFT is 8 ms + 2·Nact·in / (peak · pe) + tp, so the pe
// that matches scales with the compute part of the prefill.
func impliedPrefill(gs *groups, o Outcome) {
	tp := tpSeconds(o)
	predPrefill, pubPrefill := o.Result.Serving.PrefillSeconds-tp, o.Published/1000-0.008-tp
	if pubPrefill <= 0 {
		// The whole published TTFT fits in F21's fixed request overhead and tp.
		gs.get("published TTFT (ms) under the 8 ms request overhead + tp", 8, "ms").add(o.ID, o.Published)
		return
	}
	if predPrefill <= 0 {
		return
	}
	addBoth(gs, option(o).ServePrecision, 0.6, "", o, option(o).PrefillEfficiency*predPrefill/pubPrefill)
}

// impliedOverhead: what the per-GPU memory misses, as the overhead O that
// would close it (per GPU: the run's memory spread over its GPUs).
func impliedOverhead(gs *groups, o Outcome) {
	opt := option(o)
	gpus := o.Result.Training.GPUs
	perGPU := o.Published - o.Predicted
	if o.Figure.Name == "train_memory_gb" {
		perGPU /= gpus
	}
	addBoth(gs, opt.Method, memoryOverhead(opt), "GB", o, memoryOverhead(opt)+perGPU)
}

func trainPrecision(o *model.Option) string { return o.TrainPrecision }

func memoryOverhead(o *model.Option) float64 { return o.MemoryOverheadGB }

// moeLabel sets mixture-of-experts cases apart: their constants may differ.
func moeLabel(o Outcome) string {
	if o.MoE {
		return ", mixture of experts"
	}
	return ""
}
