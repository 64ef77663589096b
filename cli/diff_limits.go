package cli

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/tunecost/tunecost/report"
)

// parseLimits reads each --fail-above: an amount in the scenario's
// currency ("1000", "$1,000", "2500.50") or a percentage of the old total
// ("5%", "12.5%"). Anything else is a usage error.
func parseLimits(values []string) ([]report.Limit, error) {
	var out []report.Limit
	for _, v := range values {
		l, ok := parseLimit(v)
		if !ok {
			return nil, usageError{fmt.Sprintf("--fail-above %q is not an amount or a percentage: write 1000 (in the scenario's currency) or 5%%", v)}
		}
		out = append(out, l)
	}
	return out, nil
}

func parseLimit(v string) (report.Limit, bool) {
	s := strings.TrimSpace(v)
	pct := strings.HasSuffix(s, "%")
	s = strings.TrimSuffix(s, "%")
	if !pct {
		s = strings.TrimPrefix(s, "$")
		s = strings.ReplaceAll(s, ",", "")
	}
	if s == "" || strings.ContainsAny(s, "+-_eEinIN") { // no sign, exponent, Inf or NaN
		return report.Limit{}, false
	}
	n, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(n, 0) || math.IsNaN(n) || n < 0 {
		return report.Limit{}, false
	}
	if pct {
		return report.Limit{Text: strings.TrimSpace(v), Pct: n / 100, IsPct: true}, true
	}
	return report.Limit{Text: strings.TrimSpace(v), Amount: n}, true
}
