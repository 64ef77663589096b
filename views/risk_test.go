package views

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/uncertainty"
)

// toRisk is the key path from Compare to the risk screen.
var toRisk = []string{to("Risk")}

// analysed is the model after the analysis of its current evaluation came
// back: a small, seeded run, injected as the program would deliver it.
func analysed(t *testing.T, m Model) Model {
	t.Helper()
	s := m.doc().Snapshot()
	sum, err := uncertainty.Summarize(context.Background(), s.Input, s.Catalog.Catalog, m.doc().RangedInputs(),
		uncertainty.Config{Samples: 2000, Seed: 7, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	return send(m, riskResultMsg{gen: m.risk.gen, sum: &sum})
}

func riskFrames(t *testing.T, at [][2]int, keys ...string) {
	for _, sz := range at {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			ds, dir := fixtureDocs(t, "support.toml")
			cfg := testConfig()
			cfg.Dir = dir
			m := analysed(t, press(t, sized(newModel(ds, cfg), sz[0], sz[1]), toRisk...))
			m = press(t, m, keys...)
			if strings.Contains(m.View(), "computing") {
				t.Error("still computing after the result came")
			}
			screenGolden(t, m, dir)
		})
	}
}

func TestRisk(t *testing.T)          { riskFrames(t, sizes) } // the screen's layout test
func TestRiskTornado(t *testing.T)   { riskFrames(t, oneSize, "l") }
func TestRiskBreakEven(t *testing.T) { riskFrames(t, oneSize, "b", "a") }
func TestRiskHelp(t *testing.T)      { riskFrames(t, oneSize, "?") }

// editDoc changes the first month's queries as the assumptions editor
// would, and tells the root.
func editDoc(t *testing.T, m Model, q string) Model {
	t.Helper()
	if err := m.doc().Set(model.SectionWorkload, -1, "queries_per_month", q); err != nil {
		t.Fatal(err)
	}
	return send(m, docChangedMsg{})
}

// Every edit starts a new generation and cancels the run in flight; ticks
// and results of an older generation are dropped; the current one's result
// is shown. No timer runs: the messages are sent by hand.
func TestRiskGenerations(t *testing.T) {
	m := press(t, sized(newModel(mustFixture(t), testConfig()), 120, 40), toRisk...)
	g0 := m.risk.gen
	if !m.risk.computing() || !strings.Contains(m.View(), "computing…") {
		t.Fatal("no computing mark before the first result")
	}
	// The debounce is over: the run starts.
	next, cmd := m.Update(riskTickMsg{gen: g0})
	m = next.(Model)
	if cmd == nil || m.risk.cancel == nil {
		t.Fatal("the tick of the current generation started nothing")
	}
	// An edit arrives while it runs: new generation, the run is cancelled.
	m = editDoc(t, m, "50000")
	if m.risk.gen == g0 || m.risk.cancel != nil {
		t.Fatalf("the edit did not start a new generation (gen %d) or cancel the run", m.risk.gen)
	}
	old, ok := cmd().(riskResultMsg)
	if !ok || !errors.Is(old.err, context.Canceled) {
		t.Fatalf("the cancelled run returned %#v", old)
	}
	m = send(m, old)
	if m.risk.sum != nil || !m.risk.computing() {
		t.Fatal("a stale result was shown")
	}
	// The old generation's tick starts nothing.
	if _, cmd := m.Update(riskTickMsg{gen: g0}); cmd != nil {
		t.Fatal("a stale tick started a run")
	}
	m = analysed(t, m)
	if m.risk.computing() || strings.Contains(m.View(), "computing…") || !strings.Contains(m.View(), "cheapest") {
		t.Fatalf("the current result is not shown:\n%s", m.View())
	}
	// Another edit: the figures stay while the new ones are computed.
	m = editDoc(t, m, "60000")
	if v := m.View(); !strings.Contains(v, "computing…") || !strings.Contains(v, "cheapest") {
		t.Fatalf("an edit hid the previous figures or the computing mark:\n%s", v)
	}
}

// Off screen nothing is scheduled; the screen schedules its run when shown.
func TestRiskOnlyWhenShown(t *testing.T) {
	m := sized(newModel(mustFixture(t), testConfig()), 120, 40)
	if _, cmd := m.Update(docChangedMsg{}); cmd != nil {
		t.Fatal("an analysis was scheduled for a screen not shown")
	}
	keys, _ := typed(0, []string{to("Risk")}) // the last key shows it
	_, cmd := press(t, m, keys[:len(keys)-1]...).Update(keyMsg(keys[len(keys)-1]))
	if cmd == nil {
		t.Fatal("showing the screen scheduled nothing")
	}
	if msg, ok := cmd().(riskTickMsg); !ok || msg.gen != m.risk.gen {
		t.Fatalf("scheduled %#v", msg)
	}
}

// The break-even panel solves queries per month for the first two options
// at first, then follows the chosen options and input.
func TestRiskBreakEvenChoice(t *testing.T) {
	m := press(t, sized(newModel(mustFixture(t), testConfig()), 120, 40), toRisk...)
	m = press(t, m, "b")
	be, s := m.risk.be, m.doc().Snapshot()
	if !be.open || be.a != 0 || be.b != 1 || be.inputs[be.in].Label(&s.Input) != uncertainty.BreakEvenInput {
		t.Fatalf("panel: open %v, options %d/%d", be.open, be.a, be.b)
	}
	in, _ := uncertainty.ParseInputPath(&s.Input, uncertainty.BreakEvenInput)
	lo, hi := uncertainty.DefaultBracket(in.Field, in.Likely)
	want, _ := uncertainty.SolveBreakEven(s.Input, s.Catalog.Catalog, 0, 1, in, lo, hi)
	if be.res != want {
		t.Errorf("solved %+v, want %+v", be.res, want)
	}
	m = press(t, m, "a") // A moves past B to the third option
	if m.risk.be.a != 2 || m.risk.be.b != 1 {
		t.Errorf("a: options %d/%d, want 2/1", m.risk.be.a, m.risk.be.b)
	}
	m = press(t, m, "j")
	if m.risk.be.in == be.in {
		t.Error("j did not move to another input")
	}
	m = press(t, m, "esc")
	if m.risk.be.open {
		t.Error("esc did not close the panel")
	}
}

// With results and with the panel open, every size from 1×1 up draws
// exactly its window.
func TestRiskEverySize(t *testing.T) {
	base := analysed(t, press(t, sized(newModel(mustFixture(t), testConfig()), 120, 40), toRisk...))
	for _, m := range []Model{base, press(t, base, "b"), press(t, base, "G")} {
		for _, w := range []int{1, 2, 20, 60, 79, 200} {
			for _, h := range []int{1, 2, 15, 24, 60} {
				checkFrame(t, sized(m, w, h).View(), w, h)
			}
		}
	}
}

// riskWithAnalysis is the Risk screen of the support fixture at 160x48 and
// a small analysis of it, for a test to alter and then show.
func riskWithAnalysis(t *testing.T) (Model, uncertainty.Summary) {
	t.Helper()
	ds, dir := fixtureDocs(t, "support.toml")
	cfg := testConfig()
	cfg.Dir = dir
	m := press(t, sized(newModel(ds, cfg), 160, 48), toRisk...)
	s := m.doc().Snapshot()
	sum, err := uncertainty.Summarize(context.Background(), s.Input, s.Catalog.Catalog, m.doc().RangedInputs(),
		uncertainty.Config{Samples: 200, Seed: 7, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	return m, sum
}

// TestRiskShowsSolverErrors: a break-even the solver could not find is an
// error on the screen, not "never cost the same", and a tornado bar the
// engine refused is listed with its error rather than counted among the
// inputs that do not move the total.
func TestRiskShowsSolverErrors(t *testing.T) {
	m, sum := riskWithAnalysis(t)
	be := &sum.BreakEven[0]
	be.Found, be.Err = false, errors.New("engine refused every volume")
	bar := &sum.Tornado[0][0]
	bar.Swing, bar.Err = 0, errors.New("at its high end 9: no fit")
	m = send(m, riskResultMsg{gen: m.risk.gen, sum: &sum})
	v := strings.Join(strings.Fields(m.View()), " ")
	if !strings.Contains(v, "✗ The break-even of "+be.A+" and "+be.B+" could not be solved: engine refused every volume.") {
		t.Errorf("the break-even's error is not shown:\n%s", m.View())
	}
	if strings.Contains(v, be.A+" and "+be.B+" never cost the same") {
		t.Errorf("a failed break-even reads as never:\n%s", m.View())
	}
	if !strings.Contains(v, "at its high end 9: no fit") {
		t.Errorf("the tornado bar's error is not shown:\n%s", m.View())
	}
}

// TestRiskStillInputsGrammar: one input that moves nothing is "1 other
// input does not move it", not "do not". The analysis is the fixture's
// with one bar that does not move the total added to the first option.
func TestRiskStillInputsGrammar(t *testing.T) {
	m, sum := riskWithAnalysis(t)
	s := m.doc().Snapshot()
	total := s.Result.Options[0].Total
	sum.Tornado[0] = append(sum.Tornado[0], uncertainty.Swing{Label: "team.expert_hourly_rate", Low: 100, High: 200,
		TotalAtLow: total, TotalAtHigh: total})
	m = send(m, riskResultMsg{gen: m.risk.gen, sum: &sum})
	v := m.View()
	if strings.Contains(v, "1 other input do not") || !strings.Contains(v, "1 other input does not move it.") {
		t.Errorf("want \"1 other input does not move it.\":\n%s", v)
	}
}

// A tornado row writes the input's ends in the order of the totals beside
// them: accuracy's high end lowers the total, so the built-in example's row
// reads "0.92 → 0.82  $3.2M … $6.6M" (it read "0.82 → 0.92  $3.2M … $6.6M",
// as if better answers cost more).
func TestTornadoEndsFollowTheTotals(t *testing.T) {
	d := builtinDoc(t)
	acc, ok := d.RangeOf(model.SectionOption, 0, "accuracy")
	if !ok {
		t.Fatal("the built-in example's first option has no accuracy range")
	}
	m := analysed(t, press(t, sized(newModel([]document{d}, testConfig()), 120, 40), toRisk...))
	var row string
	for _, l := range strings.Split(m.View(), "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "accuracy ") {
			row = l
		}
	}
	if row == "" {
		t.Fatalf("no accuracy row in the tornado:\n%s", m.View())
	}
	if want := short(acc.High) + " → " + short(acc.Low); !strings.Contains(row, want) {
		t.Errorf("accuracy's row does not start from the end with the lower total (%s): %q", want, row)
	}
	// An input that raises the total keeps its low → high order.
	growth, _ := d.RangeOf(model.SectionWorkload, 0, "monthly_growth")
	// (The label column is as wide as the longest label: "bandwidth_efficiency (default range)" since v3.)
	if want := short(growth.Low) + " → " + short(growth.High); !regexp.MustCompile(`monthly_growth +` + regexp.QuoteMeta(want)).MatchString(m.View()) {
		t.Errorf("monthly_growth's row lost its low → high order (%s):\n%s", want, m.View())
	}
}
