package model

import (
	"fmt"
	"math"
)

// This file is MODEL.md v3's training speed beyond F9's compute: the
// mixture-of-experts factor on mfu, F4a's FP8 peak and F9a's communication
// of data-parallel training.

// moeWidth is F9's expert width at which the expert-parallel all-to-all
// costs as much as the experts' compute.
const moeWidth = 4000

// ncclEfficiency is F9a's share of the line rate a ring collective reaches.
const ncclEfficiency = 0.8

// effectiveMFU is F9's mfu′: mfu · I_e / (I_e + 4000) for a mixture-of-experts
// base model whose option writes no mfu, else mfu itself.
func effectiveMFU(o *Option, m OpenModel) (mfu, factor float64) {
	if !m.MoE() || o.MFUSet {
		return o.MFU, 1
	}
	ie := float64(m.ExpertIntermediate)
	factor = ie / (ie + moeWidth)
	return o.MFU * factor, factor
}

// fp8Peak is F4a: FP8 compute at fp8_efficiency of its nominal peak.
func fp8Peak(o *Option, gpu GPU) float64 { return o.FP8Efficiency * gpu.FP8TFLOPS }

// trainingPeak is F9's peak in TFLOPS and how to name it.
func trainingPeak(o *Option, gpu GPU) (float64, string) {
	if o.TrainPrecision == "fp8" {
		return fp8Peak(o, gpu), "fp8_efficiency · fp8_tflops"
	}
	return gpu.BF16TFLOPS, "bf16_tflops"
}

// commRun is F9a's communication of one run.
type commRun struct {
	hours     float64
	rounds    float64 // R
	volume    float64 // V, bytes each GPU sends per round
	bandwidth float64 // B, bytes/s (0 when not modelled)
	why       string  // why the term is 0, or "" when it is counted
	bound     string  // which bound sets B: "NVLink 450 GB/s", "network 400 Gb/s"
}

// communication is F9a: on g > 1 GPUs each GPU sends V bytes per round over
// B, R = D / (micro_batch_tokens · g) rounds.
func communication(o *Option, m OpenModel, gpu GPU, off Offer, tp, d, g, instances float64) commRun {
	switch {
	case g <= 1:
		return commRun{why: "one GPU: nothing to exchange"}
	case o.Sharding == "model":
		return commRun{why: `sharding = "model": activations move instead, and mfu covers them`}
	}
	n, pemb := m.Params(), m.EmbeddingParams()
	gg := 2 * tp // gradients, bf16
	var wg float64
	switch o.Method {
	case "full":
		wg = 2 * n
	case "qlora":
		wg = nf4Bytes*(n-pemb) + 2*pemb + 2*tp
	default:
		wg = 2*n + 2*tp
	}
	share := (g - 1) / g
	v := (2*wg + gg) * share
	if o.Sharding == "none" {
		v = 2 * gg * share
	}
	c := commRun{rounds: d / (o.MicroBatchTokens * g), volume: v}
	link, net := gpu.LinkGBs, math.Inf(1)
	if instances > 1 && off.NetworkGbps > 0 {
		net = off.NetworkGbps / 8
	}
	switch {
	case link <= 0 && math.IsInf(net, 1) && instances > 1:
		c.why = fmt.Sprintf("communication not modelled: gpu %q has no link_gbs and offer %q no network_gbps", gpu.ID, off.ID)
		return c
	case link <= 0 && math.IsInf(net, 1):
		c.why = fmt.Sprintf("communication not modelled: gpu %q has no link_gbs", gpu.ID)
		return c
	case link > 0 && (math.IsInf(net, 1) || link <= net):
		c.bound = fmt.Sprintf("link %s GB/s", plainFloat(link))
		c.bandwidth = ncclEfficiency * 1e9 * link
	default:
		c.bound = fmt.Sprintf("%s Gb/s", plainFloat(off.NetworkGbps))
		c.bandwidth = ncclEfficiency * 1e9 * net
	}
	c.hours = c.rounds * c.volume / c.bandwidth / 3600
	return c
}

// volumeExpr is F9a's V in words for o's sharding.
func volumeExpr(o *Option) string {
	if o.Sharding == "none" {
		return "2 · Gg · (g − 1) / g (none: gradients all-reduced)"
	}
	return "(2 · Wg + Gg) · (g − 1) / g (zero3: weights gathered twice, gradients reduce-scattered)"
}

// boundSentence says which bound a run's h is (F9): compute or communication.
func boundSentence(compute float64, c commRun, instances float64) string {
	if c.hours <= 0 {
		if c.why != "" {
			return "compute-bound (" + c.why + ")"
		}
		return "compute-bound"
	}
	where := fmt.Sprintf("%s, %s", plural(instances, "instance"), c.bound)
	if c.hours > compute {
		return fmt.Sprintf("communication-bound: the GPUs wait %.2f× their compute time on the network (%s)", c.hours/compute, where)
	}
	return fmt.Sprintf("compute-bound: communication takes %.2f× the compute time and overlaps it (%s)", c.hours/compute, where)
}

func plural(n float64, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return plainFloat(n) + " " + what + "s"
}

// plainFloat writes v the shortest way: 400, 0.8.
func plainFloat(v float64) string { return fmt.Sprintf("%g", v) }

// hoursRun is F9's hours of one run: compute, communication, h and billed.
type hoursRun struct {
	compute, hours, billed float64
	comm                   commRun
}

// runHours is F9 with F9a: h = max(compute_hours, comm_hours) +
// run_overhead_hours, billed in billing_minutes.
func runHours(o *Option, m OpenModel, gpu GPU, off Offer, tp, d, flops, used, instances float64, t *tracer) hoursRun {
	peak, peakName := trainingPeak(o, gpu)
	if o.TrainPrecision == "fp8" {
		if t != nil {
			t.add("training.peak_tflops", "FP8 compute peak a run reaches", "F4a", "fp8_efficiency · fp8_tflops", UnitTFLOPs, peak,
				count("fp8_efficiency", o.FP8Efficiency), count("fp8_tflops", gpu.FP8TFLOPS))
		}
	}
	mfu, factor := effectiveMFU(o, m)
	if factor != 1 {
		if t != nil {
			t.add("training.mfu", "mfu of a mixture-of-experts run (mfu′)", "F9", "mfu · expert_intermediate / (expert_intermediate + 4000)", UnitCount, mfu,
				count("mfu", o.MFU), count("expert_intermediate", float64(m.ExpertIntermediate)), count("factor", factor))
		}
	}
	r := hoursRun{compute: flops / (peak * 1e12 * mfu) / used / 3600}
	if t != nil { // its strings are built even when nothing is traced
		mfuName := "mfu"
		if factor != 1 {
			mfuName = "mfu′"
		}
		t.add("training.compute_hours", "compute hours per run", "F9", "FLOPs / (peak · 1e12 · "+mfuName+") / gpus / 3600", UnitHours, r.compute,
			Term{Name: "FLOPs", Value: flops, Unit: UnitFLOPs}, Term{Name: "peak = " + peakName, Value: peak, Unit: UnitTFLOPs}, count(mfuName, mfu), count("gpus", used))
	}
	r.comm = communication(o, m, gpu, off, tp, d, used, instances)
	if t != nil {
		traceCommunication(o, r.comm, used, t)
	}
	r.hours = math.Max(r.compute, r.comm.hours) + o.RunOverheadHours
	if t != nil {
		t.add("training.hours", "hours per run (h)", "F9", "max(compute_hours, comm_hours) + run_overhead_hours — "+boundSentence(r.compute, r.comm, instances), UnitHours, r.hours,
			hours("compute_hours", r.compute), hours("comm_hours", r.comm.hours), hours("run_overhead_hours", o.RunOverheadHours))
	}
	r.billed = ceil(r.hours*60/off.BillingMinutes) * off.BillingMinutes / 60
	if t != nil {
		t.add("training.billed_hours", "billed hours per run", "F9", "ceil(h · 60 / billing_minutes) · billing_minutes / 60", UnitHours, r.billed,
			hours("h", r.hours), Term{Name: "billing_minutes", Value: off.BillingMinutes, Unit: "min"})
	}
	return r
}

// traceCommunication records F9a's comm_hours, or why it is 0.
func traceCommunication(o *Option, c commRun, g float64, t *tracer) {
	if c.bandwidth == 0 {
		t.add("training.comm_hours", "communication hours per run", "F9a", "0 — "+c.why, UnitHours, 0, count("gpus", g))
		return
	}
	t.add("training.comm_hours", "communication hours per run", "F9a",
		"R · V / B / 3600, R = D / (micro_batch_tokens · g), V = "+volumeExpr(o)+", B = 0.8 · min(link_gbs, network_gbps / 8) — bound: "+c.bound, UnitHours, c.hours,
		count("R", c.rounds), gbOf("V", c.volume), Term{Name: "B", Value: c.bandwidth / 1e9, Unit: UnitGBs}, count("g", g),
		tokens("micro_batch_tokens", o.MicroBatchTokens))
}
