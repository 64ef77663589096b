package workspace

import "github.com/tunecost/tunecost/scenarios"

// scenarioCurrency is the currency a scenario's prices are layered into
// (MODEL.md v3 Conventions): its own, else the default.
func scenarioCurrency(f *scenarios.File) string {
	if f.Currency != "" {
		return f.Currency
	}
	return scenarios.DefaultCurrency
}
