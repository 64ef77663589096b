package views

import (
	"context"
	"runtime"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/uncertainty"
)

// Messages of the risk analysis, which runs outside Update. Each carries the
// generation it was started for; a newer snapshot makes it stale, and it is
// dropped on arrival.
type (
	riskTickMsg   struct{ gen uint64 } // the debounce after an edit is over
	riskResultMsg struct {
		gen uint64
		sum *uncertainty.Summary
		err error
	}
)

// analysisDelay lets a burst of keystrokes settle before the Monte Carlo
// starts, so typing never waits for it.
const analysisDelay = 150 * time.Millisecond

// riskModel is the uncertainty screen: P10–P90 bands from the Monte Carlo,
// the tornado of one option, and the break-even of every pair. The analysis
// runs only while the screen is shown; every new evaluation cancels the run
// in flight and, after the delay, starts another.
type riskModel struct {
	c      common
	snap   snapshot
	ranged []uncertainty.Input
	id     *model.OptionResult // identity of the evaluation (see resultID)
	gen    uint64              // bumped by every new evaluation
	stale  bool                // gen has no run scheduled yet
	cancel context.CancelFunc  // the run in flight's; nil when none
	sum    *uncertainty.Summary
	sumGen uint64 // the generation sum (or err) belongs to
	err    error
	opt    int // the option whose tornado shows
	scroll int
	be     breakEvenModel
}

func newRisk(c common) riskModel { return riskModel{c: c, be: newBreakEven(c)} }

func (m *riskModel) SetSize(w, h int) { m.c = m.c.sized(w, h); m.be.c = m.c; m.clampScroll() }

// resultID tells evaluations apart cheaply: the workspace builds a fresh
// result for every edit, undo or reload, so the first option's address
// changes exactly when the figures may have.
func resultID(r *model.Result) *model.OptionResult {
	if len(r.Options) == 0 {
		return nil
	}
	return &r.Options[0]
}

// SetSnapshot takes a new evaluation: the same one changes nothing; another
// cancels the run in flight and marks the screen for a new one. Results of
// another file or option list are dropped rather than shown under the wrong
// names; an edit's previous results stay on screen until the new ones come.
func (m *riskModel) SetSnapshot(s snapshot, ranged []uncertainty.Input) {
	id := resultID(&s.Result)
	if id != nil && id == m.id {
		return
	}
	if s.Path != m.snap.Path || len(s.Result.Options) != len(m.snap.Result.Options) {
		m.sum, m.err = nil, nil
	}
	m.snap, m.ranged, m.id = s, ranged, id
	m.stop()
	m.gen++
	m.stale = true
	m.opt = min(max(m.opt, 0), max(len(s.Result.Options)-1, 0))
	m.be.SetSnapshot(&m.snap)
	m.clampScroll()
}

func (m *riskModel) stop() {
	if m.cancel != nil {
		m.cancel()
		m.cancel = nil
	}
}

// computing reports whether the figures shown are not yet the current
// evaluation's.
func (m riskModel) computing() bool { return m.sumGen != m.gen && m.snap.Err == nil }

// schedule starts the debounce for the current generation unless one is
// scheduled already. The root calls it after every message while the
// screen is shown.
func (m *riskModel) schedule() tea.Cmd {
	if !m.stale {
		return nil
	}
	m.stale = false
	if m.snap.Err != nil || m.snap.Catalog == nil {
		m.sum, m.err, m.sumGen = nil, nil, m.gen // nothing to analyse
		return nil
	}
	gen, delay := m.gen, m.c.Cfg.AnalysisDelay
	switch {
	case delay < 0:
		return func() tea.Msg { return riskTickMsg{gen} }
	case delay == 0:
		delay = analysisDelay
	}
	return tea.Tick(delay, func(time.Time) tea.Msg { return riskTickMsg{gen} })
}

// start runs the analysis of the current generation in the background. The
// scenario and catalog are the workspace's for this evaluation, which it
// never changes afterwards (an edit builds new ones), so the run shares them
// safely. One core is left to the interface.
func (m riskModel) start() (riskModel, tea.Cmd) {
	if m.snap.Err != nil || m.snap.Catalog == nil {
		return m, nil
	}
	m.stop()
	ctx, cancel := context.WithCancel(context.Background())
	m.cancel = cancel
	gen, s, cat, ranged := m.gen, m.snap.Input, m.snap.Catalog.Catalog, m.ranged
	cfg := m.c.Cfg.Analysis
	cfg.Workers = max(runtime.GOMAXPROCS(0)-1, 1) // the result is the same for any worker count
	return m, func() tea.Msg {
		sum, err := uncertainty.Summarize(ctx, s, cat, ranged, cfg)
		return riskResultMsg{gen: gen, sum: &sum, err: err}
	}
}

func (m riskModel) ShortHelp() []key.Binding {
	k := m.c.Keys
	if m.be.open {
		return m.be.ShortHelp()
	}
	return []key.Binding{k.PickOption, k.Scroll, k.BreakEven}
}

func (m riskModel) FullHelp() [][]key.Binding {
	k := m.c.Keys
	if m.be.open {
		return [][]key.Binding{m.be.ShortHelp()}
	}
	return [][]key.Binding{{k.PickOption, k.BreakEven}, {k.Scroll, k.PageUp, k.PageDown, k.Top, k.Bottom}}
}

func (m riskModel) Update(msg tea.Msg) (riskModel, tea.Cmd) {
	switch msg := msg.(type) {
	case riskTickMsg:
		if msg.gen != m.gen {
			return m, nil // an edit came after it
		}
		return m.start()
	case riskResultMsg:
		if msg.gen != m.gen {
			return m, nil // its run was cancelled by a newer evaluation
		}
		m.stop()
		m.sum, m.err, m.sumGen = msg.sum, msg.err, msg.gen
		if msg.err != nil {
			m.sum = nil
		}
		m.clampScroll()
		return m, nil
	case tea.KeyMsg:
		if m.be.open {
			m.be = m.be.Update(msg)
			return m, nil
		}
		m.keys(msg)
	case tea.MouseMsg:
		m.scroll += wheel(msg)
		m.clampScroll()
	}
	return m, nil
}

func (m *riskModel) keys(msg tea.KeyMsg) {
	k, n := m.c.Keys, len(m.snap.Result.Options)
	switch {
	case key.Matches(msg, k.Left) && n > 0:
		m.opt = (m.opt - 1 + n) % n
	case key.Matches(msg, k.Right) && n > 0:
		m.opt = (m.opt + 1) % n
	case key.Matches(msg, k.Up):
		m.scroll--
	case key.Matches(msg, k.Down):
		m.scroll++
	case key.Matches(msg, k.PageUp):
		m.scroll -= max(m.c.Height-1, 1)
	case key.Matches(msg, k.PageDown):
		m.scroll += max(m.c.Height-1, 1)
	case key.Matches(msg, k.Top):
		m.scroll = 0
	case key.Matches(msg, k.Bottom):
		m.scroll = 1 << 20
	case key.Matches(msg, k.BreakEven) && n > 1:
		m.be.Open()
		m.scroll = 0 // the panel is at the top
	}
	m.clampScroll()
}

func (m *riskModel) clampScroll() {
	m.scroll = min(max(m.scroll, 0), max(len(m.lines())-m.c.Height, 0))
}
