package scenarios

import (
	"testing"

	"github.com/tunecost/tunecost/model"
)

func resolveGood(t *testing.T, name string) (*File, model.Scenario) {
	t.Helper()
	path := "testdata/good/" + name
	f, d := Parse(path, read(t, path))
	s, more := f.Resolve(testCatalog())
	if d = append(d, more...); len(d) > 0 {
		t.Fatalf("%s: %v", name, d)
	}
	return f, s
}

func TestResolveDefaults(t *testing.T) {
	_, s := resolveGood(t, "minimal.toml")
	if s.HorizonMonths != 24 || s.Currency != "USD" {
		t.Errorf("horizon %v currency %q, want 24 USD", s.HorizonMonths, s.Currency)
	}
	w := s.Workload
	if w.PeakToAverage != 3 || w.MonthlyGrowth != 0 || w.QueriesPerMonth != 1000 {
		t.Errorf("workload %+v", w)
	}
	if s.Team.HourlyRate != 100 || s.Team.ExpertHourlyRate != 100 {
		t.Errorf("team %+v, want 100 and the hourly rate", s.Team)
	}
	o := s.Options[0]
	if o.PromptOverheadTokens != 1000 || o.PromptEngineeringHours != 40 || o.MaintenanceHoursPerMonth != 4 || o.IntegrationHours != 40 || o.CachedPrompt {
		t.Errorf("prompt defaults %+v", o)
	}
}

func TestResolveDependentDefaults(t *testing.T) {
	_, s := resolveGood(t, "support.toml")
	if s.Team.HourlyRate != 120 || s.Team.ExpertHourlyRate != 120 {
		t.Errorf("expert_hourly_rate = %v, want hourly_rate 120", s.Team.ExpertHourlyRate)
	}
	if s.Workload.QueriesPerMonth != 300_000 {
		t.Errorf("a range resolves to likely: got %v", s.Workload.QueriesPerMonth)
	}
	ft := s.Options[0]
	checks := map[string][2]float64{
		"mfu (lora)":            {ft.MFU, 0.45}, // §4 v3
		"trainable_state_bytes": {ft.TrainableStateBytes, 16},
		"fp8_efficiency":        {ft.FP8Efficiency, 0.8},
		"bandwidth_efficiency":  {ft.BandwidthEfficiency, 0.75}, // bf16
		"prefill_efficiency":    {ft.PrefillEfficiency, 0.6},
		"retune_curation_hours": {ft.RetuneCurationHours, 80.0 / 4},
		"lora_rank (written)":   {ft.LoraRank, 32},
		"epochs":                {ft.Epochs, 3},
		"maintenance (ft)":      {ft.MaintenanceHoursPerMonth, 8},
		"batch":                 {ft.Batch, 16},
		"utilization":           {ft.Utilization, 0.6},
		"unmerged_overhead":     {ft.UnmergedOverhead, 0.2},
	}
	for name, c := range checks {
		if c[0] != c[1] {
			t.Errorf("%s = %v, want %v", name, c[0], c[1])
		}
	}
	if ft.Pricing != "spot" || ft.ServePricing != "on_demand" || ft.ServePrecision != "bf16" || ft.LoraTargets != "all-linear" || !ft.Merged {
		t.Errorf("text defaults: %+v", ft)
	}
	if rag := s.Options[1]; rag.ChunkTokens != 512 || rag.TopK != 5 || rag.MaintenanceHoursPerMonth != 16 || rag.CorpusTokens != 5e7 {
		t.Errorf("rag defaults: %+v", rag)
	}
	_, m := resolveGood(t, "managed.toml")
	if full := m.Options[1]; full.MFU != 0.45 || full.Method != "full" || full.MFUSet {
		t.Errorf("full mfu = %v (written %v), want the default 0.45", full.MFU, full.MFUSet)
	}
}

func TestParseKeepsPositionsAndRefs(t *testing.T) {
	f, _ := resolveGood(t, "support.toml")
	if len(f.PriceSheets) != 1 || f.PriceSheets[0].Resolved != "testdata/good/sheets/team.toml" || f.PriceSheets[0].Pos.Line != 6 {
		t.Errorf("price sheets %+v", f.PriceSheets)
	}
	v := f.Workload["queries_per_month"]
	if v.Range == nil || v.Range.Low != 200_000 || v.Range.High != 450_000 || v.KeyPos.Line != 9 {
		t.Errorf("range value %+v", v)
	}
	if o := f.Options[2]; o.Name != "prompt-4o" || o.Kind != model.Prompt || o.Pos.Line != 38 {
		t.Errorf("option %+v", o)
	}
}

func TestResolveNilCatalog(t *testing.T) {
	f, _ := Parse("m.toml", read(t, "testdata/good/minimal.toml"))
	s, d := f.Resolve(nil)
	if s.Name != "minimal" {
		t.Errorf("name %q", s.Name)
	}
	if len(d) == 0 {
		t.Error("an unknown model should be reported with an empty catalog")
	}
}
