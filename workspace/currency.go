package workspace

import (
	"time"

	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/pricing"
	"github.com/tunecost/tunecost/scenarios"
)

// layerTarget is what a scenario's sheets are layered into (MODEL.md v3
// Conventions): its currency, else the default, with rates chosen on
// today; a missing rate is reported at the scenario's currency key, or at
// its first line when the default applies.
func layerTarget(f *scenarios.File, now time.Time) pricing.Target {
	t := pricing.Target{Currency: scenarios.DefaultCurrency, Today: model.Day(now), File: f.Path, Line: 1, Col: 1}
	if f.Currency != "" {
		t.Currency = f.Currency
	}
	if v, ok := f.Top["currency"]; ok {
		at := v.Loc()
		t.File, t.Line, t.Col = orPathOf(at.File, f.Path), at.Line, at.Col
	}
	return t
}

func orPathOf(file, def string) string {
	if file != "" {
		return file
	}
	return def
}
