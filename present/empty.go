package present

import (
	"strings"

	"github.com/tunecost/tunecost/model"
)

// EmptyReason says why figure f shows nothing ("—") for option o of the
// scenario in, and how to fill it: the explain panel's last word on an
// empty figure, where "Nothing in this figure" explained nothing (a batch
// tier's missing latency and a sheet's missing speed figures read alike).
// "" when there is no more to say than that the figure does not apply.
func EmptyReason(in *model.Scenario, o *model.OptionResult, f Figure) string {
	opt := inputOption(in, o.Name)
	switch {
	case f.JSON == "latency_ms" && opt != nil && opt.APITier == "batch":
		return "No latency: the batch tier returns results within hours, not seconds (F19). Set api_tier = \"standard\" to see a latency."
	case f.JSON == "latency_ms" && opt != nil && o.Serving == nil:
		return "No latency: api_model \"" + opt.ServingModelID() + "\" has no ttft_ms or output_tokens_per_s in the price sheets. " +
			"Add both to a sheet layered with --prices (docs/sheets.md) to see it."
	case f.JSON == "training_run" && o.Training == nil:
		return "No training: a " + KindName(o.Kind) + " option does not train a model."
	case f.JSON == "serving" && o.Serving == nil:
		return "Served by an API: the option runs on no GPUs of its own; its price per token is in Inference."
	case o.Quality == nil && isQualityFigure(f):
		return "No accuracy for this option in the file: add accuracy (a number or a range) to its [[option]] table to count the cost of its bad answers (MODEL.md §9)."
	case strings.HasPrefix(f.JSON, "months.") && f.Section == SectionCategory:
		return "No " + strings.ToLower(f.Label) + " cost: none of this option's inputs prices one."
	}
	return ""
}

// isQualityFigure reports whether f is one of §9's figures.
func isQualityFigure(f Figure) bool {
	return f.Section == SectionQuality || f.JSON == "months.errors" || f.JSON == "spend_per_1k_queries" || f.JSON == "errors_per_1k_queries" ||
		f.Label == "Total without errors"
}
