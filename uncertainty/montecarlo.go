package uncertainty

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/tunecost/tunecost/model"
)

// Config tunes a Monte Carlo run. Zero values take the defaults.
type Config struct {
	Samples int    // default 10000, at most MaxSamples
	Seed    uint64 // default 1 (so 0 means "the default", not a seed of its own)
	Workers int    // default runtime.GOMAXPROCS(0)
}

// MaxSamples bounds Config.Samples: results are held per sample, and ten
// million samples already resolve a percentile far below any price's accuracy.
const MaxSamples = 10_000_000

// OptionStats is one option's distribution over the successful samples.
type OptionStats struct {
	P10, P50, P90                float64 // total (F23)
	Per1kP10, Per1kP50, Per1kP90 float64 // cost per 1k queries, all-in (F23)
	PCheapest                    float64 // share of samples in which it is cheapest (F24)
	// Physics is §10's bands of a self-hosted option's physics; nil for an
	// option served by an API model.
	Physics *Physics
}

// Physics is §10's P10, P50 and P90 of a self-hosted option's physics over
// the same samples as its total.
type Physics struct {
	TrainingHours          *Band // F9's h before billing; nil unless a self-hosted fine-tune
	DecodeTokensPerS       Band  // one stream: 1 / (step · u)
	TTFTms                 Band  // 1000 · (0.008 + prefill · u)
	OutputTokensPerSPerGPU Band  // out / s / replica_gpus
}

// Band is a figure's P10, P50 and P90.
type Band struct{ P10, P50, P90 float64 }

// Analysis is the outcome of MonteCarlo. Samples is the number drawn;
// Failed of them were rejected by the engine and are left out of Options.
// Requested is the number asked for (or the default): more than Samples
// when the work budget capped the run (see CapSamples).
type Analysis struct {
	Samples, Failed int
	Requested       int
	Seed            uint64
	Options         []OptionStats // in scenario order
}

// Capped reports whether the work budget drew fewer samples than asked.
func (a *Analysis) Capped() bool { return a.Requested > a.Samples }

// WorkBudget bounds one Monte Carlo run: samples × options × months, each
// term one option-month the engine prices. A priced option-month took about
// 64 ns of one core (64 options × 120 months × 10,000 samples: 4.9 s of CPU,
// measured under load), so 10 million is about 0.65 s of CPU, 0.35 s on two
// cores, leaving the rest of the 2 s a file may take to its parsing and the
// break-evens (docs/limits.md). The examples (at most 4 options × 36 months
// × 10,000 samples = 1.44 million) are far below it.
const WorkBudget = 10_000_000

// CapSamples is how many of the requested samples fit in WorkBudget for a
// scenario of the given options and months: requested when they fit, else
// ⌊WorkBudget / (options × months)⌋, and never fewer than one. The samples
// drawn are the first of the requested run (each sample's stream depends
// only on the seed and its index), so a capped run is a prefix of the full one.
func CapSamples(requested, options, months int) int {
	perSample := max(options, 1) * max(months, 1)
	return max(1, min(requested, WorkBudget/perSample))
}

// MonteCarlo evaluates cfg.Samples copies of s, each with every input drawn
// from its triangular range, and summarises each option's totals. The same
// scenario, inputs and seed give the same Analysis for any worker count.
// It returns ctx.Err() as soon as the context is cancelled.
func MonteCarlo(ctx context.Context, s model.Scenario, cat model.Catalog, inputs []Input, cfg Config) (Analysis, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return Analysis{}, err
	}
	if len(s.Options) == 0 {
		return Analysis{}, errors.New("a scenario needs at least one option")
	}
	for _, in := range inputs {
		if err := in.check(&s); err != nil {
			return Analysis{}, err
		}
	}
	if err := ctx.Err(); err != nil {
		return Analysis{}, err
	}
	requested := cfg.Samples
	cfg.Samples = CapSamples(requested, len(s.Options), int(s.HorizonMonths))
	cfg.Workers = min(cfg.Workers, cfg.Samples)
	r := newRun(&s, cat, inputs, cfg)
	r.runWorkers(ctx.Done())
	if err := ctx.Err(); err != nil {
		return Analysis{}, err
	}
	a, err := r.summarise()
	if err != nil {
		return Analysis{}, err
	}
	a.Requested = requested
	return a, nil
}

func (c Config) withDefaults() (Config, error) {
	if c.Samples == 0 {
		c.Samples = 10000
	}
	if c.Samples < 0 || c.Samples > MaxSamples {
		return c, fmt.Errorf("samples must be from 1 to %d, got %d", MaxSamples, c.Samples)
	}
	if c.Seed == 0 {
		c.Seed = 1
	}
	if c.Workers <= 0 {
		c.Workers = runtime.GOMAXPROCS(0)
	}
	c.Workers = min(c.Workers, c.Samples)
	return c, nil
}

// run holds one Monte Carlo run's inputs and its per-sample results, which
// workers write by sample index (so the order of completion cannot matter).
type run struct {
	base   *model.Scenario
	cat    model.Catalog
	inputs []Input
	betas  []*betaDraw  // input i's Beta when it is F25a's counts, else nil
	within [][2]float64 // input i's field's bounds (fit's)
	cfg    Config
	k      int       // options
	totals []float64 // sample i, option j at i*k+j
	per1k  []float64
	best   []int32 // the cheapest option of sample i; -1 if it failed
	errs   []failure
	// §10's physics of the self-hosted options, sample i, option j at i*k+j.
	selfHosted, trains              []bool
	trainH, decode, ttft, tpsPerGPU []float64
}

// failure is a worker's first failed sample.
type failure struct {
	sample int
	err    error
}

func newRun(s *model.Scenario, cat model.Catalog, inputs []Input, cfg Config) *run {
	n, k := cfg.Samples, len(s.Options)
	r := &run{base: s, cat: cat, inputs: inputs, cfg: cfg, k: k,
		totals: make([]float64, n*k), per1k: make([]float64, n*k),
		best: make([]int32, n), errs: make([]failure, cfg.Workers),
		selfHosted: make([]bool, k), trains: make([]bool, k)}
	r.betas, r.within = make([]*betaDraw, len(inputs)), make([][2]float64, len(inputs))
	for i, in := range inputs {
		if in.Kind == Counts {
			r.betas[i] = newBetaDraw(in.BetaA, in.BetaB)
		}
		r.within[i][0], r.within[i][1] = bounds(in.Field)
	}
	hosted := false
	for j := range s.Options {
		r.selfHosted[j] = s.Options[j].SelfHosted(&cat)
		r.trains[j] = r.selfHosted[j] && s.Options[j].Kind.Trains()
		hosted = hosted || r.selfHosted[j]
	}
	if hosted {
		r.trainH, r.decode, r.ttft, r.tpsPerGPU = make([]float64, n*k), make([]float64, n*k), make([]float64, n*k), make([]float64, n*k)
	}
	return r
}

// recordPhysics keeps §10's physics of sample i: for each self-hosted
// option, the run's h, one stream's decode speed, the first-token latency
// and the output tokens per second per GPU (u = 1 + unmerged_overhead for
// unmerged adapters).
func (r *run) recordPhysics(s *model.Scenario, res *model.Result, i int) {
	for j := range r.k {
		sv := res.Options[j].Serving
		if !r.selfHosted[j] || sv == nil {
			continue
		}
		u := 1.0
		if sv.Unmerged {
			u += s.Options[j].UnmergedOverhead
		}
		at := i*r.k + j
		r.decode[at] = 1 / (sv.StepSeconds * u)
		r.ttft[at] = 1000 * (0.008 + sv.PrefillSeconds*u)
		if sv.BusySeconds > 0 && sv.ReplicaGPUs > 0 {
			r.tpsPerGPU[at] = sv.OutputTokens / sv.BusySeconds / sv.ReplicaGPUs
		}
		if tr := res.Options[j].Training; tr != nil && !tr.Managed {
			r.trainH[at] = tr.Hours
		}
	}
}

// chunk is how many contiguous samples a worker claims at a time: small
// enough that a worker slowed by other processes does not hold up the end of
// the run and that cancellation is seen within a millisecond, large enough
// that claiming costs nothing. Results go by sample index, so which worker
// took which chunk cannot change them.
const chunk = 64

// runWorkers hands out chunks in order until the samples run out.
func (r *run) runWorkers(done <-chan struct{}) {
	var wg sync.WaitGroup
	var next atomic.Int64
	for w := range r.cfg.Workers {
		wg.Go(func() { r.work(done, w, &next) })
	}
	wg.Wait()
}

// work evaluates chunks until none is left or the run is cancelled. Its
// scratch scenario, generator and evaluator are reused, so a sample
// allocates nothing. The scratch scenario is the file's, copied once: every
// sample writes every drawn input, and nothing else writes to it (the
// engine reads its scenario), so it is the file's with this sample's draws.
func (r *run) work(done <-chan struct{}, worker int, next *atomic.Int64) {
	s := *r.base
	s.Options = append([]model.Option(nil), r.base.Options...)
	var pcg rand.PCG
	var ev model.Evaluator
	n := r.cfg.Samples
	for {
		from := int(next.Add(chunk)) - chunk
		if from >= n || cancelled(done) {
			return
		}
		for i := from; i < min(from+chunk, n); i++ {
			r.sample(&s, &pcg, &ev, worker, i)
		}
	}
}

// sample draws sample i's inputs into s, prices it and records the result.
func (r *run) sample(s *model.Scenario, pcg *rand.PCG, ev *model.Evaluator, worker, i int) {
	sampleRNG(pcg, r.cfg.Seed, i)
	for k := range r.inputs {
		in := &r.inputs[k]
		u := uniform(pcg)
		v := 0.0
		if d := r.betas[k]; d != nil {
			v = d.quantile(u) // in.draw(u), to the bit, faster
		} else {
			v = in.draw(u)
		}
		in.setWithin(s, v, r.within[k][0], r.within[k][1]) // in.set(s, v)
	}
	res, err := ev.Lean(*s, r.cat)
	if err != nil {
		r.best[i] = -1
		// Chunks are claimed in increasing order, so a worker's first
		// failure is its lowest; firstFailure takes the lowest of those.
		if r.errs[worker].err == nil {
			r.errs[worker] = failure{i, err}
		}
		return
	}
	for j := range r.k {
		r.totals[i*r.k+j] = res.Options[j].Total
		r.per1k[i*r.k+j] = res.Options[j].CostPer1k
	}
	r.best[i] = int32(res.Cheapest)
	if r.decode != nil {
		r.recordPhysics(s, &res, i)
	}
}

func cancelled(done <-chan struct{}) bool {
	select {
	case <-done:
		return true
	default:
		return false
	}
}

// summarise turns the per-sample results into percentiles and shares.
func (r *run) summarise() (Analysis, error) {
	a := Analysis{Samples: r.cfg.Samples, Seed: r.cfg.Seed, Options: make([]OptionStats, r.k)}
	wins := make([]int, r.k)
	for _, b := range r.best {
		if b < 0 {
			a.Failed++
		} else {
			wins[b]++
		}
	}
	ok := a.Samples - a.Failed
	if ok == 0 {
		first := r.firstFailure()
		return Analysis{}, fmt.Errorf("all %d samples failed; the first (sample %d): %w", a.Samples, first.sample, first.err)
	}
	var tasks []func(buf []float64)
	for j := range r.k {
		st := &a.Options[j]
		st.PCheapest = float64(wins[j]) / float64(ok)
		tasks = append(tasks,
			func(buf []float64) { st.P10, st.P50, st.P90 = r.quantiles(buf, r.totals, j) },
			func(buf []float64) { st.Per1kP10, st.Per1kP50, st.Per1kP90 = r.quantiles(buf, r.per1k, j) })
		if r.selfHosted[j] {
			st.Physics = &Physics{}
			tasks = append(tasks, r.physicsTasks(st.Physics, j)...)
		}
	}
	r.runTasks(tasks, ok)
	return a, nil
}

// physicsTasks are the selections of option j's §10 bands into ph.
func (r *run) physicsTasks(ph *Physics, j int) []func(buf []float64) {
	band := func(b *Band, v []float64) func(buf []float64) {
		return func(buf []float64) { b.P10, b.P50, b.P90 = r.quantiles(buf, v, j) }
	}
	tasks := []func(buf []float64){band(&ph.DecodeTokensPerS, r.decode), band(&ph.TTFTms, r.ttft), band(&ph.OutputTokensPerSPerGPU, r.tpsPerGPU)}
	if r.trains[j] {
		ph.TrainingHours = &Band{}
		tasks = append(tasks, band(ph.TrainingHours, r.trainH))
	}
	return tasks
}

// runTasks runs the percentile selections on the run's workers, each with
// a buffer of n values: they were the serial end of every run (a tenth of
// a 20 ms run on two cores). Each writes its own figures, so the order in
// which they run cannot change them.
func (r *run) runTasks(tasks []func(buf []float64), n int) {
	var wg sync.WaitGroup
	var next atomic.Int64
	for range min(r.cfg.Workers, len(tasks)) {
		wg.Go(func() {
			buf := make([]float64, 0, n)
			for t := next.Add(1) - 1; t < int64(len(tasks)); t = next.Add(1) - 1 {
				tasks[t](buf)
			}
		})
	}
	wg.Wait()
}

// quantiles is P10, P50 and P90 of option j's successful values in v.
func (r *run) quantiles(buf, v []float64, j int) (p10, p50, p90 float64) {
	buf = buf[:0]
	for i, b := range r.best {
		if b >= 0 {
			buf = append(buf, v[i*r.k+j])
		}
	}
	return typeSevenQuantiles(buf)
}

// firstFailure is the failed sample with the lowest index, whichever
// worker met it, so the error message is deterministic too.
func (r *run) firstFailure() failure {
	first := failure{sample: -1}
	for _, f := range r.errs {
		if f.err != nil && (first.err == nil || f.sample < first.sample) {
			first = f
		}
	}
	return first
}
