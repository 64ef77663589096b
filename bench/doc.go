// Package bench holds tunecost's speed budgets as Go benchmarks that span
// packages (the screens' own are in views/). scripts/bench.sh runs them and
// writes docs/performance.md. There are no timed assertions anywhere.
package bench
