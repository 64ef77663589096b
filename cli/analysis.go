package cli

import (
	"context"
	"fmt"
	"strconv"

	"github.com/tunecost/tunecost/report"
	"github.com/tunecost/tunecost/uncertainty"
	"github.com/tunecost/tunecost/workspace"
)

// analysisFlags set the Monte Carlo run of export and the plain comparison.
var analysisFlags = []flagSpec{
	{name: "samples", value: true, valueName: "N", help: "Monte Carlo samples for ranged inputs (default 10000)"},
	{name: "seed", value: true, valueName: "N", help: "Monte Carlo seed: the same file and seed give the same bytes (default 1)"},
}

// widthFlag asks plain text to fit a width: option names are shortened by
// present.Labels, never cut alike.
var widthFlag = flagSpec{name: "width", value: true, valueName: "N", help: "fit plain text to N columns, shortening option names (default: the terminal's width; piped output keeps names whole)"}

// textWidth reads --width: N ≥ 40, else the terminal's width, 0 when
// stdout is not a terminal.
func (a *App) textWidth(p parsed) (int, error) {
	v := p.last("width")
	if v == "" {
		return a.StdoutWidth, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 40 || n > 1000 {
		return 0, usageError{fmt.Sprintf("--width %q must be a whole number from 40 to 1000", v)}
	}
	return n, nil
}

// analysisConfig reads --samples and --seed.
func analysisConfig(p parsed) (uncertainty.Config, error) {
	cfg := uncertainty.Config{}
	if v := p.last("samples"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > uncertainty.MaxSamples {
			return cfg, usageError{fmt.Sprintf("--samples %q must be a whole number from 1 to %d", v, uncertainty.MaxSamples)}
		}
		cfg.Samples = n
	}
	if v := p.last("seed"); v != "" {
		n, err := strconv.ParseUint(v, 10, 64)
		if err != nil {
			return cfg, usageError{fmt.Sprintf("--seed %q must be a whole number of at least 0", v)}
		}
		cfg.Seed = n
	}
	return cfg, nil
}

// analyze adds the uncertainty analysis to each report.
func (a *App) analyze(docs []*workspace.Doc, out []report.Scenario, cfg uncertainty.Config) error {
	for i, d := range docs {
		sum, err := d.Summarize(context.Background(), cfg)
		if err != nil {
			return fmt.Errorf("%s: uncertainty analysis: %v", d.DisplayPath(), err)
		}
		out[i].Uncertainty = sum
	}
	return nil
}
