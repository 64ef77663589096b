package calibration

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/tunecost/tunecost/model"
)

var update = flag.Bool("update", false, "rewrite docs/calibration.md and lower testdata/calibration/records.toml to the medians measured")

const (
	casesDir     = "../testdata/calibration/cases"
	recordsPath  = "../testdata/calibration/records.toml"
	docsPath     = "../docs/calibration.md"
	searchedPath = "../testdata/calibration/searched.md"
)

// TestCalibrationSuite runs every published case through the loader and the
// engine: it fails when a kind's median error grows past its record, when a
// case is off by more than ×2 without a written reason, or when
// docs/calibration.md no longer matches the suite.
func TestCalibrationSuite(t *testing.T) {
	outs := outcomes(t)
	sums := Summarise(outs)
	recs, err := LoadRecords(recordsPath)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		recs = Lowered(recs, sums)
		writeFile(t, recordsPath, recs.Bytes())
	}
	searched, err := os.ReadFile(searchedPath)
	if err != nil {
		t.Fatal(err)
	}
	doc := Markdown(outs, sums, recs, searched)
	if *update {
		writeFile(t, docsPath, doc)
	} else if disk, err := os.ReadFile(docsPath); err != nil || !bytes.Equal(disk, doc) {
		t.Errorf("%s does not match the suite: run go test ./calibration -update and read the diff", docsPath)
	}
	for _, s := range sums {
		t.Logf("%-20s %2d cases, %2d scored, median error %s, %d of %d bounds met, %d not evaluated",
			s.Kind.Name, s.Cases, s.Scored, factor(s.Median), s.Met, s.Bounds, s.Pending)
	}
	for _, p := range Check(outs, sums, recs) {
		t.Error(p)
	}
}

// outcomes is every case evaluated, once for all the tests that read them.
func outcomes(t *testing.T) []Outcome {
	t.Helper()
	outs, err := suiteOnce()
	if err != nil {
		t.Fatal(err)
	}
	return outs
}

var suiteOnce = sync.OnceValues(func() ([]Outcome, error) {
	cases, err := LoadCases(casesDir)
	if err != nil {
		return nil, err
	}
	if len(cases) == 0 {
		return nil, errors.New("no calibration cases")
	}
	return Run(cases), nil
})

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestSuiteCoverage keeps the suite's breadth: every kind has a case, the
// cases beyond the starting set number at least 10 with three mixture-of-
// experts and three FP8 runs among them (issue 13), and issue 20's growth
// holds: at least 80 cases, 10 fine-tuning figures from frameworks the suite
// lacked, 5 multi-instance runs, 5 vLLM or SGLang serving figures and 3
// figures from GPUs not made by NVIDIA.
func TestSuiteCoverage(t *testing.T) {
	outs := outcomes(t)
	perKind := map[Kind]int{}
	own, moe, fp8, newFrameworks, multiInstance, vllm, nonNVIDIA := 0, 0, 0, 0, 0, 0, 0
	for _, o := range outs {
		perKind[o.Figure.Kind]++
		if o.Origin == "fit-cases" || o.Err != nil {
			continue
		}
		own++
		opt := option(o)
		if o.MoE {
			moe++
		}
		if opt.TrainPrecision == "fp8" || opt.ServePrecision == "fp8" {
			fp8++
		}
		if o.Added == "" {
			continue // issue 20's growth counts the cases it added
		}
		tr := o.Result.Training
		if tr != nil && lackedFramework(o.Framework) {
			newFrameworks++
		}
		// Published on several instances: more GPUs than one instance has
		// (not F8's instances, which F7 may raise).
		if tr != nil && tr.Instances > 0 && opt.TrainGPUs > tr.GPUs/tr.Instances {
			multiInstance++
		}
		if o.Result.Serving != nil && opt.Kind != model.FineTune && (o.Framework == "vLLM" || o.Framework == "SGLang") {
			vllm++
		}
		if !strings.HasPrefix(o.GPU, "NVIDIA") {
			nonNVIDIA++
		}
	}
	for _, k := range Kinds {
		if perKind[k] == 0 {
			t.Errorf("no case of kind %s", k.Name)
		}
	}
	t.Logf("%d cases, %d beyond the starting set: %d mixture of experts, %d FP8, %d fine-tuning figures from new frameworks, %d multi-instance, %d vLLM/SGLang, %d non-NVIDIA",
		len(outs), own, moe, fp8, newFrameworks, multiInstance, vllm, nonNVIDIA)
	if own < 10 || moe < 3 || fp8 < 3 {
		t.Errorf("%d cases beyond the starting set (%d mixture of experts, %d FP8); want at least 10, 3 and 3", own, moe, fp8)
	}
	if len(outs) < 80 || newFrameworks < 10 || multiInstance < 5 || vllm < 5 || nonNVIDIA < 3 {
		t.Errorf("%d cases, %d fine-tuning figures from new frameworks, %d multi-instance runs, %d vLLM/SGLang serving figures, %d non-NVIDIA; want at least 80, 10, 5, 5 and 3",
			len(outs), newFrameworks, multiInstance, vllm, nonNVIDIA)
	}
}

// lackedFramework reports whether a fine-tuning framework is one the suite
// had no case from before issue 20: Hugging Face Trainer/TRL/Accelerate with
// DeepSpeed or FSDP, Axolotl, LLaMA-Factory, Unsloth, LitGPT.
func lackedFramework(f string) bool {
	for _, name := range []string{"HF ", "Axolotl", "LLaMA-Factory", "Unsloth", "LitGPT"} {
		if strings.Contains(f, name) {
			return true
		}
	}
	return false
}
