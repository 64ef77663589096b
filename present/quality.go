package present

import (
	"strconv"

	"github.com/tunecost/tunecost/model"
)

// CadenceText says a re-tune cadence as people do: "never", "every month",
// "every 4 months".
func CadenceText(every int) string {
	switch every {
	case 0:
		return "never"
	case 1:
		return "every month"
	}
	return "every " + strconv.Itoa(every) + " months"
}

// QualityVerdict is the verdict's §9 sentence: when the option with the
// lowest cost without errors is not the cheapest once errors count (F26).
func QualityVerdict(r *model.Result, name func(string) string, money func(float64) string) string {
	if !r.QualityModelled || r.CheapestWithoutErrors == r.Cheapest ||
		r.CheapestWithoutErrors < 0 || r.CheapestWithoutErrors >= len(r.Options) {
		return ""
	}
	lean, best := &r.Options[r.CheapestWithoutErrors], &r.Options[r.Cheapest]
	errs := 0.0
	if lean.Quality != nil {
		errs = lean.Quality.Errors
	}
	return "Without the cost of errors " + name(lean.Name) + " would be the cheapest, but its bad answers cost " +
		money(errs) + ", so " + name(best.Name) + " is cheaper once errors are counted."
}
