package pricing

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/gate"
	"github.com/tunecost/tunecost/model"
)

// Skipped is an entry of an import source that the import left out (or
// folded into another entry), and why.
type Skipped struct {
	Key    string // the entry's key (LiteLLM) or row (SkyPilot) in the source
	Reason string
}

// ImportLiteLLM converts LiteLLM's model_prices_and_context_window.json into
// a price sheet (every entry dated opt.AsOf). Per-token prices become
// per-million-token ones. Chat, completion and responses models become
// [[api_model]]s, embedding models with a known dimension [[embedding]]s. An
// "ft:" model is folded into its base model's fine-tuning prices when LiteLLM
// knows the training price, else imported as a model of its own.
//
// An entry whose id matches (by CanonicalID) a model of opt.Catalog is
// written under the catalog's id, merged: the prices LiteLLM has replace the
// catalog's, every field it lacks (fine-tuning prices, ft_closed, latency,
// name, note) is kept, so layering the result (replace by id) loses nothing.
//
// The output is deterministic and parses cleanly; skipped lists every key
// not imported with the reason — an entry whose price is negative, not a
// number or implausible, or whose key holds a control character, with its
// line and column. Malformed JSON, or a map the gate refuses (gate.LiteLLM),
// is an error (a diag.List, one positioned line) and nothing is returned.
func ImportLiteLLM(r io.Reader, opt ImportOptions) ([]byte, []Skipped, error) {
	date, err := time.Parse(time.DateOnly, opt.AsOf)
	if err != nil {
		return nil, nil, fmt.Errorf("as_of %q is not a date (YYYY-MM-DD)", opt.AsOf)
	}
	file := cmp.Or(opt.File, "LiteLLM prices")
	data, err := ReadSource(file, r)
	if err != nil {
		return nil, nil, err
	}
	if r := gate.Check(data, gate.LiteLLM); r != nil {
		return nil, nil, errorLine(file, r.Line, r.Col, "%s", r.Message)
	}
	entries, err := readLiteLLMEntries(file, data)
	if err != nil {
		return nil, nil, err
	}
	im := &litellmImport{models: map[string]*importedModel{}, keyOfID: map[string]string{},
		errs: importErrors{file: file}, catalog: canonicalIndex(opt.Catalog)}
	for _, e := range entries {
		im.add(e)
	}
	if err := im.errs.err(); err != nil {
		return nil, nil, err
	}
	if n := len(im.models); n > MaxEntries {
		return nil, nil, tooManyEntries(file, n)
	}
	slices.SortFunc(im.skipped, func(a, b Skipped) int { return strings.Compare(a.Key, b.Key) })
	return im.write(date, opt), im.skipped, nil
}

// litellmEntry is one top-level key of LiteLLM's map and where it is.
type litellmEntry struct {
	key       string
	value     json.RawMessage
	line, col int
	order     int // the import's order: see readLiteLLMEntries
}

// readLiteLLMEntries reads the map's entries with their positions, in the
// order the import takes them: plain keys first, then keys with a maker's
// own prefix (so that "deepseek-chat" wins over "deepseek/deepseek-chat"),
// then "ft:" models (so that their base models are known); by key within each.
func readLiteLLMEntries(file string, data []byte) ([]litellmEntry, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		if err == nil {
			line, col := offsetPos(data, skipSeparators(data, 0))
			return nil, errorLine(file, line, col, "LiteLLM's price map must be a JSON object of models")
		}
		return nil, jsonError(file, data, dec, err)
	}
	var out []litellmEntry
	var cursor posCursor // entries come in order: one pass for all their positions
	for dec.More() {
		start := dec.InputOffset()
		tok, err := dec.Token()
		if err != nil {
			return nil, jsonError(file, data, dec, err)
		}
		key, _ := tok.(string)
		line, col := cursor.at(data, skipSeparators(data, start))
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, jsonError(file, data, dec, err)
		}
		out = append(out, litellmEntry{key: key, value: v, line: line, col: col})
	}
	if _, err := dec.Token(); err != nil {
		return nil, jsonError(file, data, dec, err)
	}
	end := dec.InputOffset()
	if _, err := dec.Token(); err != io.EOF {
		line, col := offsetPos(data, skipSeparators(data, end))
		return nil, errorLine(file, line, col, "malformed JSON: data after the top-level object")
	}
	for i := range out {
		out[i].order = entryOrder(out[i])
	}
	slices.SortStableFunc(out, func(a, b litellmEntry) int {
		return cmp.Or(cmp.Compare(a.order, b.order), strings.Compare(a.key, b.key))
	})
	return out, nil
}

func entryOrder(e litellmEntry) int {
	provider := providerOf(e.value)
	order := 0
	if strings.HasPrefix(litellmID(e.key, provider), "ft:") {
		order = 2
	}
	if makerPrefixed(e.key, provider) {
		order++
	}
	return order
}

// skipSeparators moves past the whitespace and comma before a key.
func skipSeparators(data []byte, off int64) int64 {
	for off < int64(len(data)) && strings.IndexByte(" \t\r\n,", data[off]) >= 0 {
		off++
	}
	return off
}

// jsonError positions a JSON decoding error.
func jsonError(file string, data []byte, dec *json.Decoder, err error) error {
	off := dec.InputOffset()
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		off = syn.Offset
	}
	msg := "malformed JSON: " + err.Error()
	if len(bytes.TrimSpace(data)) > 0 && !bytes.HasPrefix(bytes.TrimSpace(data), []byte("{")) {
		msg += " (not a LiteLLM JSON map; a SkyPilot vms.csv imports with --from skypilot --cloud NAME)"
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		off, msg = int64(len(data)), "malformed JSON: unexpected end of file"
	}
	line, col := offsetPos(data, off)
	return errorLine(file, line, col, "%s", msg)
}

func errorLine(file string, line, col int, format string, args ...any) error {
	e := importErrors{file: file}
	e.at(line, col, "", format, args...)
	return e.err()
}

// importedModel is one entry on its way into the sheet: the catalog entry it
// is merged into (zero when new) with the prices the source has set on it.
type importedModel struct {
	table  Table
	id     string
	note   string
	api    model.APIModel
	embed  model.Embedding
	merged *Entry // the catalog entry it updates, nil when new
	// remarks are what the import could not hold (long-context tiers), for the note.
	remarks []string
}

type litellmImport struct {
	models  map[string]*importedModel // by canonical id
	keyOfID map[string]string         // canonical id -> the LiteLLM key it came from
	catalog map[string]Entry          // canonical id -> catalog model entry
	skipped []Skipped
	errs    importErrors
}

func (im *litellmImport) skip(key, format string, args ...any) {
	im.skipped = append(im.skipped, Skipped{Key: key, Reason: fmt.Sprintf(format, args...)})
}

// add classifies one LiteLLM entry and imports it, records why not, or
// records the error that stops the import.
func (im *litellmImport) add(e litellmEntry) {
	key := e.key
	// One bad entry is skipped with its reason and place; the rest import
	// (M7: one implausible price in LiteLLM's community map used to stop
	// every update).
	fail := func(format string, args ...any) {
		im.skip(key, "%d:%d: %s", e.line, e.col, fmt.Sprintf(format, args...))
	}
	if hasControl(key) {
		fail("the key contains a control character")
		return
	}
	var spec map[string]any
	dec := json.NewDecoder(bytes.NewReader(e.value))
	dec.UseNumber()
	if err := dec.Decode(&spec); err != nil || spec == nil {
		im.skip(key, "not a JSON object")
		return
	}
	if key == "sample_spec" {
		im.skip(key, "LiteLLM's schema example, not a model")
		return
	}
	mode, _ := spec["mode"].(string)
	provider, _ := spec["litellm_provider"].(string)
	provider = format.Sanitize(provider) // it is written into the note
	if why := notPriced(mode, spec); why != "" {
		im.skip(key, "%s", why)
		return
	}
	input, hasIn, bad := perMtok(spec, "input_cost_per_token")
	output, hasOut, badOut := perMtok(spec, "output_cost_per_token")
	if bad != "" || badOut != "" {
		fail("%s", strings.Trim(bad+"; "+badOut, "; "))
		return
	}
	id := litellmID(key, provider)
	if len(id) > maxIDLen || !validID(id) {
		im.skip(key, "key cannot be an id (lower-case letters, digits and . _ : / @ -)")
		return
	}
	m := &importedModel{id: id}
	switch mode {
	case "chat", "completion", "responses":
		if !hasIn || !hasOut {
			im.skip(key, "no per-token prices")
			return
		}
		m.table = TableAPIModel
		m.note = fmt.Sprintf("imported from LiteLLM (%s, %s)", provider, mode)
		if !im.mergeInto(key, m) {
			return
		}
		if why := m.setAPIPrices(spec, input, output); why != "" {
			fail("%s", why)
			return
		}
		m.remarks = m.setLongContext(spec)
		if base, ok := strings.CutPrefix(id, "ft:"); ok && !im.fineTuned(key, base, m, spec) {
			return
		}
	case "embedding":
		if !hasIn {
			im.skip(key, "no per-token prices")
			return
		}
		size, given := spec["output_vector_size"]
		dim, ok := wholeNumber(size)
		switch {
		case !ok && given && size != nil:
			im.skip(key, "output_vector_size %v is not a plausible dimension", size)
			return
		case !ok:
			im.skip(key, "embedding without output_vector_size (its dimension)")
			return
		}
		m.table = TableEmbedding
		m.note = fmt.Sprintf("imported from LiteLLM (%s, embedding)", provider)
		if !im.mergeInto(key, m) {
			return
		}
		m.embed.PerMtok, m.embed.Dim = input, dim
	}
	canon := CanonicalID(m.id)
	if first, dup := im.keyOfID[canon]; dup {
		im.skip(key, "same id as %q (ids compare in canonical form: lower case, 4.5 = 4-5)", first)
		return
	}
	im.models[canon] = m
	im.keyOfID[canon] = key
}

// notPriced says why an entry is not a model priced per text token, or "".
func notPriced(mode string, spec map[string]any) string {
	switch mode {
	case "chat", "completion", "responses", "embedding":
	case "":
		return "no mode: a LiteLLM pricing bracket, not a model"
	default:
		return fmt.Sprintf("mode %q is not priced per text token", mode)
	}
	if _, tiered := spec["tiered_pricing"]; tiered {
		return "tiered_pricing: the price per token depends on the request's size, and a sheet holds one price"
	}
	return ""
}

// mergeInto starts m from the catalog entry its id names, if any; false
// when that entry is another kind of model (the import would clash with it).
func (im *litellmImport) mergeInto(key string, m *importedModel) bool {
	e, ok := im.catalog[CanonicalID(m.id)]
	if !ok {
		m.api.ID, m.embed.ID = m.id, m.id
		return true
	}
	if e.Table != m.table {
		im.skip(key, "the catalog's %s %q (sheet %q) has this id; a model id names one kind of model", e.Table, e.ID, e.Sheet)
		return false
	}
	m.id, m.merged = e.ID, &e
	switch it := e.Item.(type) {
	case model.APIModel:
		m.api = it
	case model.Embedding:
		m.embed = it
	}
	return true
}

// setAPIPrices sets the prices (and deprecation date) LiteLLM has on m,
// leaving the others. LiteLLM writes "2026-10-01" or nothing; a date in any
// other form (its sample_spec's prose) is not one.
func (m *importedModel) setAPIPrices(spec map[string]any, input, output float64) string {
	m.api.InputPerMtok, m.api.OutputPerMtok = input, output
	c, ok, bad := perMtok(spec, "cache_read_input_token_cost")
	if bad != "" {
		return bad
	}
	if ok && c > 0 {
		m.api.CachedInputPerMtok = c
	}
	bi, hasBI, badBI := perMtok(spec, "input_cost_per_token_batches")
	bo, hasBO, badBO := perMtok(spec, "output_cost_per_token_batches")
	if badBI != "" || badBO != "" {
		return strings.Trim(badBI+"; "+badBO, "; ")
	}
	if hasBI && hasBO && bi > 0 && bo > 0 { // the sheet needs both, and 0 would read as "none"
		m.api.BatchInputPerMtok, m.api.BatchOutputPerMtok = bi, bo
	}
	if d, ok := spec["deprecation_date"].(string); ok {
		if t, err := time.Parse(time.DateOnly, d); err == nil {
			m.api.Deprecated = t
		}
	}
	return ""
}

// fineTuned folds an "ft:" model into its base when the training price is
// known (returning false: nothing more to import), else notes what it is.
func (im *litellmImport) fineTuned(key, base string, m *importedModel, spec map[string]any) bool {
	train, hasTrain, _ := perMtok(spec, "training_cost_per_token")
	b, hasBase := im.byCanonicalID(base)
	if hasTrain && train > 0 && hasBase && b.table == TableAPIModel {
		b.api.TrainPerMtok, b.api.FTInputPerMtok, b.api.FTOutputPerMtok = train, m.api.InputPerMtok, m.api.OutputPerMtok
		im.skip(key, "folded into %q as its fine-tuning prices", b.id)
		return false
	}
	why := "LiteLLM has no training price"
	if !hasBase {
		why = fmt.Sprintf("base model %q is not imported", base)
	}
	m.note += fmt.Sprintf("; serving prices of a model fine-tuned from %s, kept apart because %s", base, why)
	return true
}

// byCanonicalID finds an imported model by id in canonical form.
func (im *litellmImport) byCanonicalID(id string) (*importedModel, bool) {
	m, ok := im.models[CanonicalID(id)]
	return m, ok
}

// perMtok reads a per-token price as a price per million tokens, rounded to
// 12 significant digits so that 2.5e-06 becomes 2.5, not 2.4999999999999996.
// bad says why a present value is not a price.
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
	if err != nil || f < 0 {
		return 0, false, fmt.Sprintf("%s %s is not a price (a number >= 0)", field, n)
	}
	r, _ := strconv.ParseFloat(strconv.FormatFloat(f*1e6, 'g', 12, 64), 64)
	if r == 0 {
		r = 0 // -0.0 is a price of 0, written so
	}
	if math.IsInf(r, 0) || math.IsNaN(r) || r > maxPricePerMtok {
		return 0, false, fmt.Sprintf("%s %s is not a plausible price", field, n)
	}
	return r, true, ""
}

// maxPricePerMtok is far above any real price per million tokens; larger
// values are typos or hostile, and would overflow the engine's sums.
const maxPricePerMtok = 1e9

func wholeNumber(v any) (int, bool) {
	n, ok := v.(json.Number)
	if !ok {
		return 0, false
	}
	i, err := strconv.ParseInt(string(n), 10, 32)
	return int(i), err == nil && i >= 1
}

// providerOf reads an entry's litellm_provider, "" when it has none.
func providerOf(raw json.RawMessage) string {
	var v struct {
		Provider string `json:"litellm_provider"`
	}
	_ = json.Unmarshal(raw, &v)
	return v.Provider
}

// write renders the imported entries, api models then embeddings, by id.
func (im *litellmImport) write(date time.Time, opt ImportOptions) []byte {
	var w tomlWriter
	if !opt.EntriesOnly {
		w.comment("Imported from LiteLLM's model_prices_and_context_window.json by tunecost.")
		w.comment("Prices per million tokens: LiteLLM's per-token prices x 1e6. Entries whose id the")
		w.comment("catalog already had keep every field LiteLLM lacks (fine-tuning prices, latency, notes).")
		w.blank()
		w.table("sheet")
		w.str("name", "LiteLLM import")
		w.str("currency", "USD")
		w.raw("as_of", date.Format(time.DateOnly))
		w.str("source", opt.Source)
	}
	for _, table := range []Table{TableAPIModel, TableEmbedding} {
		models := slices.SortedFunc(maps.Values(im.models), func(a, b *importedModel) int { return strings.Compare(a.id, b.id) })
		for _, m := range models {
			if m.table == table {
				m.writeEntry(&w, opt, date)
			}
		}
	}
	return w.bytes()
}

func (m *importedModel) writeEntry(w *tomlWriter, opt ImportOptions, date time.Time) {
	w.array(string(m.table))
	w.str("id", m.id)
	entryMeta(w, opt, date)
	note := m.entryNote()
	if m.merged != nil && m.merged.Name != "" {
		w.str("name", m.merged.Name)
	}
	if m.table == TableEmbedding {
		w.num("per_mtok", m.embed.PerMtok)
		w.raw("dim", strconv.Itoa(m.embed.Dim))
	} else {
		writeAPIModel(w, m.api)
	}
	w.str("note", note)
}

// writeAPIModel writes every field of an api_model that is set.
func writeAPIModel(w *tomlWriter, a model.APIModel) {
	w.num("input_per_mtok", a.InputPerMtok)
	w.num("output_per_mtok", a.OutputPerMtok)
	optional := []struct {
		key string
		v   float64
	}{
		{"cached_input_per_mtok", a.CachedInputPerMtok},
		{"batch_input_per_mtok", a.BatchInputPerMtok},
		{"batch_output_per_mtok", a.BatchOutputPerMtok},
		{"ttft_ms", a.TTFTms},
		{"output_tokens_per_s", a.OutputTokensPerS},
	}
	for _, f := range optional {
		if f.v > 0 {
			w.num(f.key, f.v)
		}
	}
	if !a.Deprecated.IsZero() {
		w.raw("deprecated", a.Deprecated.Format(time.DateOnly))
	}
	if a.Managed() {
		w.num("train_per_mtok", a.TrainPerMtok)
		w.num("ft_input_per_mtok", a.FTInputPerMtok)
		w.num("ft_output_per_mtok", a.FTOutputPerMtok)
		if a.FTHostingHourly > 0 {
			w.num("ft_hosting_hourly", a.FTHostingHourly)
		}
		if a.FTClosed {
			w.raw("ft_closed", "true")
		}
	}
	if a.Closed {
		w.raw("closed", "true")
	}
	writeV3Fields(w, a)
}
