package views

import (
	"strings"

	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/report"
	"github.com/tunecost/tunecost/uncertainty"
)

// This file is MODEL.md §9 on screen: the Compare rows (accuracy, cost per
// 1k good answers, ROI, payback, best re-tune cadence) and the timeline's
// table of accuracy and cumulative net value month by month. A result that
// models no quality shows none of it.

// qualityFigures are the Compare rows of §9, in their own group.
func qualityFigures(r *model.Result) []figure {
	if !r.QualityModelled {
		return nil
	}
	cur := r.Currency
	q := func(show func(q *model.Quality) string) func(*model.Result, *model.OptionResult) string {
		return func(_ *model.Result, o *model.OptionResult) string {
			if o.Quality == nil {
				return "—"
			}
			return show(o.Quality)
		}
	}
	none := func(o *model.OptionResult) bool { return o.Quality == nil }
	fs := []figure{
		{label: "Accuracy", section: "Quality", explain: []string{"errors"}, zero: none,
			cell: q(func(q *model.Quality) string { return format.Percent(q.Accuracy) })},
		{label: "Per 1k good answers", explain: []string{"cost_per_1k_good", "errors"},
			zero: func(o *model.OptionResult) bool { return o.Quality == nil || !o.Quality.HasCostPer1kGood },
			cell: q(func(q *model.Quality) string {
				if !q.HasCostPer1kGood {
					return "—"
				}
				return money(q.CostPer1kGood, cur)
			})},
		{label: "Without errors", explain: []string{"total", "errors"}, zero: none,
			cell: q(func(q *model.Quality) string { return money(q.CostWithoutErrors, cur) })},
	}
	if r.ValueModelled {
		fs = append(fs,
			figure{label: "ROI", explain: []string{"roi", "value"},
				zero: func(o *model.OptionResult) bool { return o.Quality == nil || !o.Quality.HasROI },
				cell: q(func(q *model.Quality) string {
					if !q.HasROI {
						return "—"
					}
					return format.Percent(q.ROI)
				})},
			figure{label: "Payback", explain: []string{"value", "total"}, zero: none,
				cell: q(func(q *model.Quality) string {
					if !q.HasPayback {
						return "never"
					}
					return monthName(q.PaybackMonth)
				})})
	}
	fs = append(fs, figure{label: "Best re-tune", explain: []string{"training", "errors"},
		zero: func(o *model.OptionResult) bool { return o.Quality == nil || !o.Quality.HasBestRetune },
		cell: q(func(q *model.Quality) string {
			if !q.HasBestRetune {
				return "—"
			}
			return report.CadenceText(q.BestRetuneEvery)
		})},
		figure{label: "Best re-tune saves", explain: []string{"training", "errors"},
			zero: func(o *model.OptionResult) bool { return o.Quality == nil || o.Quality.BestRetuneSaves == 0 },
			cell: q(func(q *model.Quality) string {
				if !q.HasBestRetune {
					return "—"
				}
				return money(q.BestRetuneSaves, cur)
			})})
	return fs
}

// qualityView is the timeline's §9 table: per option the month's accuracy
// (a fine-tune's saw-tooth of decay and re-tunes) and, where the file
// prices a success, the cumulative net value Σ (V − cost), which crosses
// zero at the payback month (marked ✓).
func (m timelineModel) qualityView() string {
	st, r := m.c.Styles, &m.snap.Result
	const mw, aw, nw = 7, 7, 12
	cw := aw
	if r.ValueModelled {
		cw += nw
	}
	head, sub := fit("Month", mw), fit("", mw)
	for i := range r.Options {
		name := st.series(i).Bold(true).Render(clean(r.Options[i].Name))
		head += " " + fitRight(name, cw-1)
		s := fitRight("acc.", aw)
		if r.ValueModelled {
			s += fitRight("net value", nw)
		}
		sub += st.Muted.Render(s)
	}
	lines := []string{st.Header.Render(head), sub}
	nets := make([]float64, len(r.Options))
	for i := range r.Options { // the running net before the first month shown
		for mo := 0; mo < m.scroll && mo < len(r.Options[i].Months); mo++ {
			nets[i] += r.Options[i].Months[mo].Value - r.Options[i].Months[mo].Total
		}
	}
	for mo := m.scroll; mo < min(m.scroll+m.rows(), r.HorizonMonths); mo++ {
		line := fit(monthName(mo)[len("month "):], mw)
		for i := range r.Options {
			o := &r.Options[i]
			if mo >= len(o.Months) {
				continue
			}
			if o.Quality == nil {
				line += fitRight("—", cw)
				continue
			}
			line += fitRight(format.Percent(o.Months[mo].Accuracy), aw)
			if r.ValueModelled {
				nets[i] += o.Months[mo].Value - o.Months[mo].Total
				cell := moneyShort(nets[i], r.Currency)
				if o.Quality.HasPayback && o.Quality.PaybackMonth == mo {
					cell = "✓ " + cell
				}
				line += fitRight(cell, nw)
			}
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// qualityVerdict is the verdict's §9 line, when errors reorder the cheapest.
func qualityVerdict(r *model.Result) []string {
	words := report.QualityVerdict(r, clean, func(v float64) string { return money(v, r.Currency) })
	if words == "" {
		return nil
	}
	return []string{"! " + words}
}

// qualityLines are the Risk screen's §9 part: each fine-tune's best re-tune
// cadence (F28) and what it saves, and the break-even on its accuracy
// against every other option.
func (m riskModel) qualityLines(w int) []string {
	st, r := m.c.Styles, &m.snap.Result
	if !r.QualityModelled {
		return nil
	}
	out := []string{"", st.Header.Render("Quality: re-tune cadence and break-even on accuracy")}
	for i := range r.Options {
		o := &r.Options[i]
		if o.Quality == nil || !o.Quality.HasBestRetune || i >= len(m.snap.Input.Options) {
			continue
		}
		file := int(m.snap.Input.Options[i].RetuneEveryMonths)
		s := clean(o.Name) + ": best re-tune cadence " + report.CadenceText(o.Quality.BestRetuneEvery)
		if o.Quality.BestRetuneSaves > 0 {
			s += ", saving " + money(o.Quality.BestRetuneSaves, r.Currency) + " against the file's " + report.CadenceText(file)
		} else {
			s += " (the file's)"
		}
		out = append(out, wrapIndent(st.Text.Render("  "+s), w, "    ")...)
	}
	if m.sum != nil {
		for _, be := range m.sum.AccuracyBreakEven {
			out = append(out, wrapIndent(st.Text.Render("  "+accuracyBreakEvenText(&m.snap.Input, r, be)), w, "    ")...)
		}
	}
	return out
}

// accuracyBreakEvenText: "LoRA costs less than RAG only if its accuracy is
// above 0.81 (now 0.88)", or which option stays cheaper across 0–1.
func accuracyBreakEvenText(s *model.Scenario, r *model.Result, be uncertainty.AccuracyBreakEven) string {
	if be.Found {
		return report.AccuracyBreakEvenWords(s, uncertainty.Input{Field: accuracyField(), Option: be.Option}, be.BreakEven)
	}
	text := clean(be.A) + " and " + clean(be.B) + " never cost the same for any accuracy of " + clean(be.A)
	if a, b := optionIndex(r, be.A), optionIndex(r, be.B); a >= 0 && b >= 0 {
		text += ": " + cheaper(r, a, b) + " stays cheaper"
	}
	return text
}

func accuracyField() *model.Field {
	f, _ := model.FieldByPath("option.accuracy")
	return f
}
