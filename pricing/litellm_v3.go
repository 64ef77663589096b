package pricing

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/tunecost/tunecost/model"
)

// tierKey is one of LiteLLM's long-context prices, e.g.
// "input_cost_per_token_above_200k_tokens" (not its cache or priority tiers).
var tierKey = regexp.MustCompile(`^(input|output)_cost_per_token_above_([0-9]{1,4})k_tokens$`)

// longTier is one long-context threshold's prices as LiteLLM gives them.
type longTier struct {
	threshold     int // prompt tokens
	input, output float64
	hasIn, hasOut bool // a price > 0 (one that is not a price counts as none)
}

// setLongContext imports LiteLLM's long-context prices as MODEL.md v3 §1's
// tier (long_context_threshold, long_input_per_mtok, long_output_per_mtok):
// the lowest threshold with both prices. What a sheet cannot hold — more
// tiers, a tier with one price — is returned as remarks for the entry's note,
// so that no tier is dropped without a word.
func (m *importedModel) setLongContext(spec map[string]any) (remarks []string) {
	tiers := map[int]*longTier{}
	for k := range spec {
		g := tierKey.FindStringSubmatch(k)
		if g == nil {
			continue
		}
		n, _ := strconv.Atoi(g[2])
		t := tiers[n*1000]
		if t == nil {
			t = &longTier{threshold: n * 1000}
			tiers[n*1000] = t
		}
		v, ok, bad := perMtok(spec, k)
		ok = ok && bad == "" && v > 0
		if g[1] == "input" {
			t.input, t.hasIn = v, ok
		} else {
			t.output, t.hasOut = v, ok
		}
	}
	thresholds := make([]int, 0, len(tiers))
	for n := range tiers {
		thresholds = append(thresholds, n)
	}
	slices.Sort(thresholds)
	imported := false
	for _, n := range thresholds {
		t := tiers[n]
		switch {
		case !t.hasIn && !t.hasOut:
			// Zero (LiteLLM's free experimental models) or not prices: no tier to hold.
		case t.threshold == 0:
			remarks = append(remarks, "LiteLLM's tier above 0 tokens is not a long-context price: not imported")
		case !t.hasIn || !t.hasOut:
			remarks = append(remarks, fmt.Sprintf("LiteLLM prices only the %s above %s prompt tokens: that tier is not imported (a sheet's tier needs both)",
				map[bool]string{true: "input", false: "output"}[t.hasIn], groupThousands(n)))
		case imported:
			remarks = append(remarks, fmt.Sprintf("LiteLLM also prices prompts above %s tokens (input %s, output %s per Mtok); a sheet holds one tier, the lowest",
				groupThousands(n), tomlNumber(t.input), tomlNumber(t.output)))
		default:
			m.api.LongContextThreshold, m.api.LongInputPerMtok, m.api.LongOutputPerMtok = n, t.input, t.output
			imported = true
		}
	}
	return remarks
}

func groupThousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func tomlNumber(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// carriedMarker starts the part of a note that says where it came from.
const carriedMarker = " [note carried from sheet "

// entryNote is the note an imported entry is written with. A note the
// catalog's entry had is carried, marked as such (its sheet and date), since
// it was written about that entry's prices, not the imported ones; the
// import's remarks (long-context tiers it could not hold) follow.
func (m *importedModel) entryNote() string {
	note := m.note
	if m.merged != nil && m.merged.Note != "" {
		own, _, _ := strings.Cut(m.merged.Note, carriedMarker) // a second import marks it once
		note = fmt.Sprintf("%s%s%q, as_of %s; the prices are the import's]", own, carriedMarker, m.merged.Sheet, m.merged.AsOf.Format(time.DateOnly))
	}
	for _, r := range m.remarks {
		note += "; " + r
	}
	return note
}

// writeV3Fields writes an api_model's MODEL.md v3 §1 fields that are set, so
// that an import merged with a catalog entry keeps its lifecycle, tier and
// managed-market fields.
func writeV3Fields(w *tomlWriter, a model.APIModel) {
	if a.HasLongContext() {
		w.raw("long_context_threshold", strconv.Itoa(a.LongContextThreshold))
		w.num("long_input_per_mtok", a.LongInputPerMtok)
		w.num("long_output_per_mtok", a.LongOutputPerMtok)
	}
	if !a.Retires.IsZero() {
		w.raw("retires", a.Retires.Format(time.DateOnly))
	}
	if a.Successor != "" {
		w.str("successor", a.Successor)
	}
	if !a.Managed() {
		return
	}
	if a.FTStorageMonthly > 0 {
		w.num("ft_storage_monthly", a.FTStorageMonthly)
	}
	if a.FTMinCharge > 0 {
		w.num("ft_min_charge", a.FTMinCharge)
	}
	if !a.FTJobsEnd.IsZero() {
		w.raw("ft_jobs_end", a.FTJobsEnd.Format(time.DateOnly))
	}
}
