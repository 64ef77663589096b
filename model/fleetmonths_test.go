package model

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestFleetMonthsArePricedMonths: F22 priced by its steps is F22 priced
// month by month, bit for bit, on rising volumes (flat ones, steep ones,
// single months), on volumes that fall somewhere (priced month by month),
// and with parameters of zero, which make the fleet flat.
func TestFleetMonthsArePricedMonths(t *testing.T) {
	rng := rand.New(rand.NewPCG(22, 2))
	filled := 0
	for run := range 20_000 {
		f := fleetParams{deployments: float64(1 + rng.IntN(3)), minReplicas: float64(rng.IntN(3)), peakToAverage: 1 + 4*rng.Float64(),
			busy: rng.Float64() * 0.05, utilization: 0.1 + 0.9*rng.Float64(), perInstance: float64(1 + rng.IntN(4)), hourly: 10 * rng.Float64()}
		if rng.IntN(10) == 0 {
			f.busy = 0
		}
		h := 1 + rng.IntN(maxFleetMonths)
		q := make([]float64, h)
		growthPowers(1+[]float64{0, 0.01, 0.05, 0.3}[rng.IntN(4)], q)
		q0 := math.Pow(10, 3+5*rng.Float64())
		for m := range q {
			q[m] *= q0
		}
		if rng.IntN(5) == 0 { // a month that falls
			m := rng.IntN(h)
			q[m] *= 0.5
		}
		cost, instances := make([]float64, h), make([]float64, h)
		f.fleetMonths(q, cost, instances)
		if f.monotone(q) {
			filled++
		}
		for m, qm := range q {
			wantCost, wantInstances := f.inference(qm)
			if math.Float64bits(cost[m]) != math.Float64bits(wantCost) || math.Float64bits(instances[m]) != math.Float64bits(wantInstances) {
				t.Fatalf("run %d, month %d of %d: %v, %v; F22 gives %v, %v", run, m, h, cost[m], instances[m], wantCost, wantInstances)
			}
		}
	}
	if filled < 10_000 {
		t.Errorf("only %d of 20,000 runs were priced by steps", filled)
	}
}
