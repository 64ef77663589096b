package workspace

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/present"
	"github.com/tunecost/tunecost/report"
	"github.com/tunecost/tunecost/uncertainty"
)

// ExportJob is one evaluated document as an export renders it. It holds
// values only, so the planner renders it in the background while the
// document goes on changing.
type ExportJob struct {
	Name    string // how messages name the file; "" when the reader knows which
	Report  present.Scenario
	Catalog *model.Catalog // nil when the document does not evaluate
	Ranged  []uncertainty.Input
}

// ExportJob captures d for Export.
func (d *Doc) ExportJob() ExportJob {
	j := ExportJob{Name: d.DisplayPath(), Ranged: d.RangedInputs()}
	if d.OK() && d.Catalog != nil {
		j.Report, j.Catalog = d.Report(), &d.Catalog.Catalog
	}
	return j
}

// Export renders jobs with render, each with its uncertainty analysis when
// analyse is set (Monte Carlo, tornado, break-evens over its ranges).
// `tunecost export` and the planner's x both export through it, so the two
// write the same bytes for the same document.
func Export(jobs []ExportJob, cfg uncertainty.Config, analyse bool, render func(io.Writer, []present.Scenario) error) ([]byte, error) {
	reps := make([]present.Scenario, len(jobs))
	for i, j := range jobs {
		prefix := ""
		if j.Name != "" {
			prefix = j.Name + ": "
		}
		if j.Catalog == nil {
			return nil, errors.New(prefix + "the scenario does not evaluate")
		}
		reps[i] = j.Report
		if !analyse {
			continue
		}
		sum, err := uncertainty.Summarize(context.Background(), j.Report.Input, *j.Catalog, j.Ranged, cfg)
		if err != nil {
			return nil, fmt.Errorf("%suncertainty analysis: %v", prefix, err)
		}
		reps[i].Uncertainty = &sum
	}
	var buf bytes.Buffer
	if err := render(&buf, reps); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// ExportMarkdown is the Markdown export: the planner's x, and `tunecost
// export` without --format.
func ExportMarkdown(jobs []ExportJob, cfg uncertainty.Config) ([]byte, error) {
	return Export(jobs, cfg, true, report.Markdown)
}
