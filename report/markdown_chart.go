package report

import (
	"math"
	"strconv"
	"strings"

	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/model"
)

// chartColour is one line colour of the Markdown chart and the word the
// caption uses for it.
type chartColour struct {
	hex, name string
}

// chartPalette pins the chart's line colours: Mermaid's default palette
// draws some lines in near-white (#ECECFF) that vanish on GitHub's light
// theme. These are Okabe–Ito colours (told apart with the common colour
// blindnesses) and a grey, each at least 3:1 against both white and
// GitHub's dark background (TestChartPaletteContrast). Lines past the sixth
// reuse them in order; the caption still names each line's colour.
var chartPalette = []chartColour{
	{"#0072B2", "blue"},
	{"#D55E00", "vermilion"},
	{"#009E73", "green"},
	{"#CC79A7", "pink"},
	{"#8C6D1F", "brown"},
	{"#7F7F7F", "grey"},
}

// colourOf is the colour of the i-th line.
func colourOf(i int) chartColour { return chartPalette[i%len(chartPalette)] }

// mermaidInit is the config header that pins the palette.
func mermaidInit() string {
	hex := make([]string, len(chartPalette))
	for i, c := range chartPalette {
		hex[i] = c.hex
	}
	return `%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "` + strings.Join(hex, ", ") + `"}}}}%%` + "\n"
}

// writeMermaid writes a mermaid xychart-beta of each option's cumulative
// cost by month, one line per option in option order, in thousands of the
// currency on a y axis from 0 (an axis from the lowest value exaggerates the
// gaps). xychart has no legend, so a sentence under the chart names each
// line's colour and option and gives its final value.
func writeMermaid(sb *strings.Builder, r *model.Result) {
	top := 0.0
	for i := range r.Options {
		for _, mo := range r.Options[i].Months() {
			top = max(top, mo.Cumulative/1000)
		}
	}
	decimals := 1 // the chart cannot show more, and the bytes stay short
	if top < 10 {
		decimals = 3
	}
	unit := mermaidText(r.Currency) + " thousands"
	sb.WriteString("```mermaid\n" + mermaidInit() + "xychart-beta\n")
	sb.WriteString("    title \"Cumulative cost: " + mermaidText(r.Scenario) + "\"\n")
	sb.WriteString("    x-axis \"Month\" 1 --> " + strconv.Itoa(max(r.HorizonMonths, 1)) + "\n")
	sb.WriteString("    y-axis \"" + unit + "\" 0 --> " + axisTop(top) + "\n")
	for i := range r.Options {
		sb.WriteString("    line [")
		for m, mo := range r.Options[i].Months() {
			if m > 0 {
				sb.WriteString(", ")
			}
			sb.WriteString(strconv.FormatFloat(mo.Cumulative/1000, 'f', decimals, 64))
		}
		sb.WriteString("]\n")
	}
	sb.WriteString("```\n\nCumulative cost in " + escapeMarkdown(unit) + " by month. Lines: ")
	for i := range r.Options {
		o := &r.Options[i]
		if i > 0 {
			sb.WriteString("; ")
		}
		sb.WriteString(colourOf(i).name + ": " + escapeMarkdown(o.Name) + " (ends at " +
			escapeMarkdown(format.MoneyShort(o.Total, r.Currency)) + ")")
	}
	sb.WriteString(".\n")
}

// axisTop is a round top for the y axis at or above v (290.6 → 300,
// 4.2 → 5), so the ticks fall on round numbers.
func axisTop(v float64) string {
	if !(v > 0) || math.IsInf(v, 0) {
		return "1"
	}
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, f := range []float64{1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10} {
		if v <= f*p {
			return strconv.FormatFloat(f*p, 'f', -1, 64)
		}
	}
	return strconv.FormatFloat(10*p, 'f', -1, 64)
}
