package bench

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/report"
	"github.com/tunecost/tunecost/uncertainty"
	"github.com/tunecost/tunecost/workspace"
)

func builtin(b *testing.B) *workspace.Doc {
	b.Helper()
	d := workspace.LoadBuiltin(workspace.Options{})
	if !d.OK() {
		b.Fatal(d.Err)
	}
	return d
}

// BenchmarkEvaluate is the engine on the built-in example: 3 options over
// 36 months, quality on (§9, F28 included); the derivations, months and
// entries it answers when asked are not read. Budget: ≤ 10 µs.
func BenchmarkEvaluate(b *testing.B) {
	d := builtin(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := model.Evaluate(d.Input, d.Catalog.Catalog); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEvaluateAndRead is BenchmarkEvaluate with every option's months
// and catalog entries read, which an Evaluate result works out on the
// first read (model/replay.go): what a screen or export that shows them
// pays in all. No budget of its own; docs/performance.md compares it with
// an evaluation that stored them.
func BenchmarkEvaluateAndRead(b *testing.B) {
	d := builtin(b)
	b.ReportAllocs()
	for b.Loop() {
		res, err := model.Evaluate(d.Input, d.Catalog.Catalog)
		if err != nil {
			b.Fatal(err)
		}
		for i := range res.Options {
			if len(res.Options[i].Months()) == 0 || len(res.Options[i].Entries()) == 0 {
				b.Fatal("an option without months or entries")
			}
		}
	}
}

// BenchmarkEvaluatorLean is the engine's part of one Monte Carlo sample:
// an Evaluator pricing the built-in example into its buffers (no months
// kept, no derivations, no crossovers). No budget of its own: the Monte
// Carlo's is 10,000 of these and the draws.
func BenchmarkEvaluatorLean(b *testing.B) {
	d := builtin(b)
	var ev model.Evaluator
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ev.Lean(d.Input, d.Catalog.Catalog); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExportMarkdown100 renders 100 scenarios into one Markdown
// document. Budget: ≤ 150 ms.
func BenchmarkExportMarkdown100(b *testing.B) {
	d := builtin(b)
	scenarios := make([]report.Scenario, 100)
	for i := range scenarios {
		scenarios[i] = d.Report()
		scenarios[i].Result.Scenario = fmt.Sprintf("%s %d", d.Input.Name, i+1)
	}
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := report.Markdown(&buf, scenarios); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEvaluateScaling shows how the engine scales with the horizon and
// the number of options (docs/performance.md): the built-in example, whose
// file models quality (§9, F28's cadence search included), and the same
// without quality (quality=off).
func BenchmarkEvaluateScaling(b *testing.B) {
	d := builtin(b)
	for _, quality := range []bool{true, false} {
		for _, horizon := range []float64{12, 36, 120} {
			for _, options := range []int{3, 10, 30} {
				s := scaled(d.Input, horizon, options, quality)
				name := fmt.Sprintf("horizon=%g/options=%d", horizon, options)
				if !quality {
					name = "quality=off/" + name
				}
				b.Run(name, func(b *testing.B) {
					b.ReportAllocs()
					for b.Loop() {
						if _, err := model.Evaluate(s, d.Catalog.Catalog); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		}
	}
}

// scaled is in over horizon months with options options (the file's, in
// turn), with or without §9's inputs.
func scaled(in model.Scenario, horizon float64, options int, quality bool) model.Scenario {
	s := in
	s.HorizonMonths = horizon
	s.Options = make([]model.Option, options)
	for i := range s.Options {
		s.Options[i] = in.Options[i%len(in.Options)]
		s.Options[i].Name = fmt.Sprintf("option %d", i)
		if !quality {
			s.Options[i].HasAccuracy = false
		}
	}
	if !quality {
		s.Workload.HasCostPerError, s.Workload.HasValuePerSuccess = false, false
	}
	return s
}

// BenchmarkMonteCarlo10k runs 10,000 samples of the built-in example on
// every core: its file writes 12 inputs as ranges, and a sample draws 16
// (with an accuracy from evaluation counts, F25a, and §10's default
// efficiency ranges). Budget: ≤ 20 ms (issue 19).
func BenchmarkMonteCarlo10k(b *testing.B) {
	d := builtin(b)
	inputs := d.RangedInputs()
	if len(inputs) != 16 {
		b.Fatalf("the built-in example has %d ranged inputs, want 16, as in the measurements of docs/performance.md", len(inputs))
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := uncertainty.MonteCarlo(context.Background(), d.Input, d.Catalog.Catalog, inputs, uncertainty.Config{Samples: 10000}); err != nil {
			b.Fatal(err)
		}
	}
}
