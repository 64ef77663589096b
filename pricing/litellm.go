package pricing

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// MaxImportBytes bounds a file that prices import reads: far larger than a
// sheet (LiteLLM's map is 1.7 MB, SkyPilot's AWS catalog 3.7 MB), since it
// is read once, on purpose, and never parsed as TOML (docs/limits.md).
const MaxImportBytes = 64 << 20

// Skipped is a LiteLLM entry that the import left out (or folded into
// another entry), and why.
type Skipped struct {
	Key    string // the entry's key in LiteLLM's file
	Reason string
}

// ImportLiteLLM converts LiteLLM's model_prices_and_context_window.json into
// a price sheet (USD, every entry dated asOf, "YYYY-MM-DD"). Per-token prices
// become per-million-token ones. Chat, completion and responses models become
// [[api_model]]s, embedding models with a known dimension [[embedding]]s. An
// "ft:" model is folded into its base model's fine-tuning prices when LiteLLM
// knows the training price, else imported as a model of its own. The output
// is deterministic and parses cleanly; report lists every key not imported.
func ImportLiteLLM(r io.Reader, asOf, source string) ([]byte, []Skipped, error) {
	date, err := time.Parse(time.DateOnly, asOf)
	if err != nil {
		return nil, nil, fmt.Errorf("as_of %q is not a date (YYYY-MM-DD)", asOf)
	}
	var raw map[string]json.RawMessage
	lr := &io.LimitedReader{R: r, N: MaxImportBytes + 1}
	if err := json.NewDecoder(lr).Decode(&raw); err != nil {
		if lr.N <= 0 {
			return nil, nil, fmt.Errorf("reading LiteLLM prices: larger than %d MiB, the most prices import reads", MaxImportBytes>>20)
		}
		return nil, nil, fmt.Errorf("reading LiteLLM prices: %w", err)
	}
	im := &litellmImport{models: map[string]*importedModel{}, keyOfID: map[string]string{}}
	var fineTuned []string
	for _, key := range slices.Sorted(maps.Keys(raw)) {
		if strings.HasPrefix(key, "ft:") {
			fineTuned = append(fineTuned, key)
			continue
		}
		im.add(key, raw[key])
	}
	// Fine-tuned models last, so that their base models are known.
	for _, key := range fineTuned {
		im.add(key, raw[key])
	}
	slices.SortFunc(im.skipped, func(a, b Skipped) int { return strings.Compare(a.Key, b.Key) })
	return im.write(date, source), im.skipped, nil
}

// importedModel is one entry on its way into the sheet.
type importedModel struct {
	table                    Table
	id, note                 string
	input, output, cached    float64
	train, ftInput, ftOutput float64
	dim                      int
}

type litellmImport struct {
	models  map[string]*importedModel // by id
	keyOfID map[string]string         // id -> the LiteLLM key it came from
	skipped []Skipped
}

func (im *litellmImport) skip(key, format string, args ...any) {
	im.skipped = append(im.skipped, Skipped{Key: key, Reason: fmt.Sprintf(format, args...)})
}

// add classifies one LiteLLM entry and imports it or records why not.
func (im *litellmImport) add(key string, data json.RawMessage) {
	var spec map[string]any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&spec); err != nil || spec == nil {
		im.skip(key, "not a JSON object")
		return
	}
	if key == "sample_spec" {
		im.skip(key, "LiteLLM's schema example, not a model")
		return
	}
	id := strings.ToLower(strings.TrimSpace(key))
	if len(id) > maxIDLen || !idPattern.MatchString(id) {
		im.skip(key, "key cannot be an id (lower-case letters, digits and . _ : / @ -)")
		return
	}
	if first, dup := im.keyOfID[id]; dup {
		im.skip(key, "same id as %q after normalisation to lower case", first)
		return
	}
	mode, _ := spec["mode"].(string)
	provider, _ := spec["litellm_provider"].(string)
	input, hasIn, bad := perMtok(spec, "input_cost_per_token")
	output, hasOut, badOut := perMtok(spec, "output_cost_per_token")
	if bad != "" || badOut != "" {
		im.skip(key, "%s", bad+badOut)
		return
	}
	m := &importedModel{id: id, input: input, output: output}
	switch mode {
	case "chat", "completion", "responses":
		if !hasIn || !hasOut {
			im.skip(key, "no per-token prices")
			return
		}
		m.table = TableAPIModel
		if c, ok, _ := perMtok(spec, "cache_read_input_token_cost"); ok && c > 0 {
			m.cached = c
		}
		m.note = fmt.Sprintf("imported from LiteLLM (%s, %s)", provider, mode)
		if base, ok := strings.CutPrefix(id, "ft:"); ok && !im.fineTuned(key, base, m, spec) {
			return
		}
	case "embedding":
		if !hasIn {
			im.skip(key, "no per-token prices")
			return
		}
		dim, ok := wholeNumber(spec["output_vector_size"])
		if !ok {
			im.skip(key, "embedding without output_vector_size (its dimension)")
			return
		}
		m.table, m.dim = TableEmbedding, dim
		m.note = fmt.Sprintf("imported from LiteLLM (%s, embedding)", provider)
	case "":
		im.skip(key, "no mode: a LiteLLM pricing bracket, not a model")
		return
	default:
		im.skip(key, "mode %q is not priced per text token", mode)
		return
	}
	im.models[id] = m
	im.keyOfID[id] = key
}

// fineTuned folds an "ft:" model into its base when the training price is
// known (returning false: nothing more to import), else notes what it is.
func (im *litellmImport) fineTuned(key, base string, m *importedModel, spec map[string]any) bool {
	train, hasTrain, _ := perMtok(spec, "training_cost_per_token")
	b, hasBase := im.models[base]
	if hasTrain && train > 0 && hasBase && b.table == TableAPIModel {
		b.train, b.ftInput, b.ftOutput = train, m.input, m.output
		im.skip(key, "folded into %q as its fine-tuning prices", base)
		return false
	}
	why := "LiteLLM has no training price"
	if !hasBase {
		why = fmt.Sprintf("base model %q is not imported", base)
	}
	m.note += fmt.Sprintf("; serving prices of a model fine-tuned from %s, kept apart because %s", base, why)
	return true
}

// perMtok reads a per-token price as a price per million tokens, rounded to
// 12 significant digits so that 2.5e-06 becomes 2.5, not 2.4999999999999996.
func perMtok(spec map[string]any, field string) (v float64, ok bool, bad string) {
	raw, present := spec[field]
	if !present || raw == nil {
		return 0, false, ""
	}
	n, isNum := raw.(json.Number)
	if !isNum {
		return 0, false, fmt.Sprintf("%s is not a number", field)
	}
	f, err := strconv.ParseFloat(string(n), 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) || f < 0 {
		return 0, false, fmt.Sprintf("%s %s is not a price", field, n)
	}
	// Checked after scaling: 1e308 per token is finite, 1e308 x 1e6 is
	// not, and a sheet cannot hold an infinite price (TOML has no +Inf.0).
	r, err := strconv.ParseFloat(strconv.FormatFloat(f*1e6, 'g', 12, 64), 64)
	if err != nil || math.IsInf(r, 0) || math.IsNaN(r) {
		return 0, false, fmt.Sprintf("%s %s is too large: per million tokens it is not a finite number", field, n)
	}
	return r, true, ""
}

func wholeNumber(v any) (int, bool) {
	n, ok := v.(json.Number)
	if !ok {
		return 0, false
	}
	i, err := strconv.ParseInt(string(n), 10, 32)
	return int(i), err == nil && i >= 1
}

// write renders the imported entries, api models then embeddings, by id.
func (im *litellmImport) write(date time.Time, source string) []byte {
	var w tomlWriter
	w.comment("Imported from LiteLLM's model_prices_and_context_window.json by tunecost.")
	w.comment("Prices per million tokens: LiteLLM's per-token prices x 1e6.")
	w.blank()
	w.table("sheet")
	w.str("name", "LiteLLM import")
	w.str("currency", "USD")
	w.raw("as_of", date.Format(time.DateOnly))
	w.str("source", source)
	for _, table := range []Table{TableAPIModel, TableEmbedding} {
		for _, id := range slices.Sorted(maps.Keys(im.models)) {
			m := im.models[id]
			if m.table != table {
				continue
			}
			w.array(string(table))
			w.str("id", m.id)
			if table == TableEmbedding {
				w.num("per_mtok", m.input)
				w.raw("dim", strconv.Itoa(m.dim))
			} else {
				m.writeAPI(&w)
			}
			w.str("note", m.note)
		}
	}
	return w.bytes()
}

func (m *importedModel) writeAPI(w *tomlWriter) {
	w.num("input_per_mtok", m.input)
	w.num("output_per_mtok", m.output)
	if m.cached > 0 {
		w.num("cached_input_per_mtok", m.cached)
	}
	if m.train > 0 {
		w.num("train_per_mtok", m.train)
		w.num("ft_input_per_mtok", m.ftInput)
		w.num("ft_output_per_mtok", m.ftOutput)
	}
}
