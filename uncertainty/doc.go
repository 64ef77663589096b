// Package uncertainty answers "how sure is this verdict?" for a scenario
// whose inputs are estimates: Monte Carlo percentiles and the chance that
// each option is cheapest, a tornado of one-at-a-time swings, and the
// break-even value of one input between two options. It is pure: no I/O,
// no terminal, only the engine (model.EvaluateLean) and its field registry.
//
// Decisions:
//
//   - Ranges are triangular (low, likely, high), sampled by inverse CDF.
//     A drawn value is rounded to the nearest whole number for integer
//     fields and then clamped into the field's valid range (an exclusive
//     minimum becomes the next representable value above it, or min+1 for
//     integers), so a sample is never rejected for a range the user typed
//     slightly too wide.
//   - Sample i draws its inputs, in the order given, from its own PCG
//     generator seeded with (seed, splitmix64(i)): results depend on the
//     seed and the inputs only, never on the worker count or scheduling.
//   - Percentiles interpolate linearly between order statistics (the
//     "type 7" rule of R and NumPy's default): with n sorted values x, the
//     p-quantile is x[h] + (h − ⌊h⌋)(x[h+1] − x[h]) at h = (n − 1)p.
//   - A sample the engine rejects is counted in Analysis.Failed and left
//     out of every statistic; PCheapest is over the successful samples and
//     sums to 1. Cheapest follows F24: the lowest total, the first on a tie.
//   - A tornado bar for option j moves one input alone, the others at
//     likely, and prices option j alone (its total does not depend on the
//     others). Inputs that can move it are the scenario-wide ones
//     (workload, team, and horizon_months if the caller ranged it) and
//     option j's own.
//   - DefaultInputs (a scenario without ranges) is ±25 % on every non-zero
//     numeric input that applies, except horizon_months, the frame of the
//     comparison; inputs whose range rounds or clamps to one value
//     (adapters = 1) are left out.
//   - Break-even scans a bracket on a grid and bisects the first sign
//     change of total_a − total_b. Totals are step functions (whole
//     replicas, instances, billed hours), so the value is where the sign
//     changes, accurate to the step, not necessarily a point of equality.
package uncertainty
