// Package calibration measures the cost model against published runs. Each
// case in testdata/calibration/cases is one published figure (a training
// time, a memory peak, a decode speed, …) with the scenario that reproduces
// its setup; the suite evaluates every scenario through the real loader and
// engine, scores predicted/published, and renders docs/calibration.md. Its
// test guards the medians against regressions (testdata/calibration/records.toml).
package calibration
