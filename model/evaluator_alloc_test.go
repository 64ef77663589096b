package model

import "testing"

// TestEvaluatorAllocatesNothing: once its buffers have grown, an
// Evaluator prices a scenario without allocating, on every road a Monte
// Carlo sample takes (each kind, F17's cached prompt in both tiers, F12's
// eval checks, §9's quality, self-hosted and managed serving). A slice
// built per evaluation, even one only a derivation reads, puts the
// collector into every sample.
func TestEvaluatorAllocatesNothing(t *testing.T) {
	cat := testCatalog()
	withCacheReads := cat.APIModels["big"]
	withCacheReads.BatchInputPerMtok, withCacheReads.BatchOutputPerMtok, withCacheReads.BatchCachedInputPerMtok = 1, 5, 0.5
	cat.APIModels["big"] = withCacheReads

	s := qualityScenario(36, 2, 0.5, Option{})
	s.Workload.MonthlyGrowth = 0.03
	cached := promptOption()
	cached.CachedPrompt = true
	batch := cached
	batch.Name, batch.APITier = "batch", "batch"
	checks := loraOption()
	checks.EvalChecks, checks.EvalCheckHours = "safety, format ,regression", 2
	s.Options = []Option{
		withAccuracy(cached, 0.8, 0.01), withAccuracy(batch, 0.8, 0), withAccuracy(ragOption(), 0.85, 0.005),
		withAccuracy(checks, 0.9, 0.02), withAccuracy(managedOption(), 0.88, 0.01),
	}
	var e Evaluator
	if _, err := e.Lean(s, cat); err != nil {
		t.Fatal(err)
	}
	allocs := testing.AllocsPerRun(50, func() {
		if _, err := e.Lean(s, cat); err != nil {
			t.Fatal(err)
		}
	})
	if allocs != 0 {
		t.Errorf("Evaluator.Lean allocates %v times an evaluation, want 0", allocs)
	}
}
