package workspace

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"

	"github.com/BurntSushi/toml"

	"github.com/tunecost/tunecost/diag"
	"github.com/tunecost/tunecost/examples"
	"github.com/tunecost/tunecost/gate"
	"github.com/tunecost/tunecost/lint"
	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/pricing"
	"github.com/tunecost/tunecost/scenarios"
	"github.com/tunecost/tunecost/tomlpos"
)

// member is one scenario file to load, and whether a folder held it (so it
// must be a regular file) rather than the command line naming it.
type member struct {
	path     string
	inFolder bool
}

// expand turns command-line arguments into scenario files: a directory
// stands for every *.toml in it (not recursive), in name order, except the
// price sheets kept beside the scenarios (files with a [sheet] table).
func expand(args []string) ([]member, error) {
	var out []member
	seen := map[string]bool{}
	for _, a := range args {
		info, err := os.Stat(a)
		if err != nil {
			return nil, fmt.Errorf("%s: %s", a, describeIOError(err))
		}
		files := []string{a}
		if info.IsDir() {
			files, _ = filepath.Glob(filepath.Join(a, "*.toml"))
			sort.Strings(files)
			files = slices.DeleteFunc(files, isPriceSheet)
			if len(files) == 0 {
				return nil, fmt.Errorf("%s: no *.toml scenario files in this directory", a)
			}
		}
		for _, f := range files {
			if !seen[f] {
				seen[f] = true
				out = append(out, member{f, info.IsDir()})
			}
		}
	}
	return out, nil
}

// isPriceSheet reports whether the file at path is a price sheet: TOML with
// a [sheet] table. The content decides, not the name; a file that cannot be
// read or parsed is left to load as a scenario, which reports why.
func isPriceSheet(path string) bool {
	data, err := readLimited(path)
	return err == nil && isPriceSheetData(data)
}

// isPriceSheetData is isPriceSheet for bytes already read. Bytes the gate
// refuses are not a sheet (they load as a scenario, whose parse refuses
// them with a position), and only a file whose index has a top-level
// "sheet" is decoded: a folder's scenarios are decoded once, by their parse.
func isPriceSheetData(data []byte) bool {
	if gate.Check(data, gate.Sheet) != nil {
		return false
	}
	if _, ok := tomlpos.Build(data).Lookup("sheet"); !ok {
		return false
	}
	var top map[string]any
	if _, err := toml.Decode(string(data), &top); err != nil {
		return false
	}
	_, ok := top["sheet"].(map[string]any)
	return ok
}

// Load reads each scenario file and evaluates it. Problems with one file are
// in its Doc's Diags and Err; the error is for arguments that name no file.
func Load(args []string, opt Options) ([]*Doc, error) {
	members, err := expand(args)
	if err != nil {
		return nil, err
	}
	docs := make([]*Doc, 0, len(members))
	for _, m := range members {
		d := &Doc{Path: m.path, opt: opt}
		d.loaded, err = readFile(m.path, MaxFileBytes, m.inFolder)
		switch {
		case err != nil:
			d.fail(diag.Diagnostic{File: m.path, Line: 1, Col: 1, Message: "cannot read: " + describeIOError(err)})
		case isPriceSheetData(d.loaded):
			// Named on the command line (a folder skips its sheets): say what
			// it is, not that a scenario's tables are unknown or missing.
			d.fail(diag.Diagnostic{File: m.path, Line: 1, Col: 1, Message: "this is a price sheet (it has a [sheet] table), " +
				"not a scenario: layer it with --prices " + m.path + " or price_sheets in a scenario; " +
				"tunecost prices --sheet " + m.path + " checks and lists it"})
		default:
			d.evaluate()
		}
		docs = append(docs, d)
	}
	return docs, nil
}

// LoadBuiltin returns the built-in example, evaluated.
func LoadBuiltin(opt Options) *Doc {
	d := &Doc{opt: opt, loaded: examples.Builtin()}
	d.evaluate()
	return d
}

// Reload re-reads the document from disk, dropping unsaved edits.
func (d *Doc) Reload() error {
	d.cache = fileCache{} // a base or a sheet may be what changed
	if d.Path == "" {
		d.settled()
		d.undo.end()
		d.evaluate()
		return nil
	}
	data, err := readLimited(d.Path)
	if err != nil {
		return fmt.Errorf("%s: %s", d.Path, describeIOError(err))
	}
	d.loaded = data
	d.settled()
	d.undo.end() // the editor's rows may be gone
	d.evaluate()
	return nil
}

// evaluate parses the loaded bytes, applies the edits, loads the sheets,
// resolves and runs the engine, filling every derived field of d.
func (d *Doc) evaluate() {
	d.Err, d.Diags, d.Result, d.Input = nil, nil, model.Result{}, model.Scenario{}
	d.sheets, d.bases = nil, nil
	d.cache.readOwn = d.opt.ReadOwn
	name := d.Path
	if name == "" {
		name = examples.BuiltinName
	}
	f, diags := scenarios.Parse(name, d.loaded)
	d.File = f
	d.Diags = diags
	// One validation pass (check reports every problem of a file at once):
	// a file whose values have errors is still resolved, so that unknown
	// ids and implausible values are told in the same run; only a file
	// that is not TOML, or one that extends a base, stops here.
	parseFailed := diags.HasErrors()
	if f == nil || (parseFailed && (f.Extends != nil || len(d.edits) > 0)) {
		d.finish()
		return
	}
	var t tree // the built-in example is trusted: no tree to check against
	if d.Path != "" {
		t = scenarioTree(d.Path)
	}
	if f.Extends != nil {
		m := d.extend(f, t)
		if m == nil || d.Diags.HasErrors() {
			d.finish()
			return
		}
		f, d.File = m, m
	}
	for _, e := range d.edits {
		if err := f.Set(e.Section, e.Option, e.Key, e.Text); err != nil {
			d.Diags.Errorf(name, 0, 0, e.Key, "%v", err)
		}
	}
	d.Catalog = d.catalog(f, t)
	if d.Diags.HasErrors() && !parseFailed || d.Catalog == nil {
		d.finish()
		return
	}
	in, more := f.ResolveOn(&d.Catalog.Catalog, d.now())
	if parseFailed {
		more = notAgain(more, diags)
	}
	d.Diags = append(d.Diags, more...)
	if d.Diags.HasErrors() {
		d.Diags = append(d.Diags, lint.Implausible(f, &in)...)
		d.finish()
		return
	}
	d.Input = in
	res, err := model.Evaluate(in, d.Catalog.Catalog)
	if err != nil {
		d.Diags = append(d.Diags, d.engineDiagnostic(err))
		d.finish()
		return
	}
	d.Result = res
	d.Diags = append(d.Diags, d.lint()...)
	d.attachWarnings()
	d.finish()
}

// catalog layers the built-in sheet, the scenario's price_sheets (problems
// reported where each is written, in the scenario or a base) and the run's
// --prices. The scenario's paths must stay inside its tree t.
func (d *Doc) catalog(f *scenarios.File, t tree) *pricing.Catalog {
	var sheets []*pricing.Sheet
	if !d.sheetCount(f.PriceSheets) {
		cat, _ := pricing.Layer(pricing.Builtin())
		return cat
	}
	var budget sheetBudget
	for _, ref := range f.PriceSheets {
		real, why := t.confine(ref)
		if why != "" {
			d.Diags.Errorf(ref.Src, ref.Pos.Line, ref.Pos.Col, "price_sheets", "%s", why)
			continue
		}
		if err := budget.take(real); err != nil {
			d.Diags.Errorf(ref.Src, ref.Pos.Line, ref.Pos.Col, "price_sheets", "cannot read price sheet %q: %v", ref.Path, err)
			continue
		}
		sh, diags, err := d.cache.ownSheet(real, ref.Resolved)
		if err != nil {
			d.Diags.Errorf(ref.Src, ref.Pos.Line, ref.Pos.Col, "price_sheets", "cannot read price sheet %q: %s", ref.Path, describeIOError(err))
			continue
		}
		d.Diags = append(d.Diags, diags...)
		if sh != nil && !diags.HasErrors() {
			sheets = append(sheets, sh)
		}
	}
	extra, diags := loadSheets(d.opt.ExtraSheets, d.cache.argSheet, &budget)
	d.Diags = append(d.Diags, diags...)
	d.sheets = append(append([]*pricing.Sheet{pricing.Builtin()}, sheets...), extra...)
	d.Diags = append(d.Diags, checkDates(d.sheets, d.clock(), d.now())...)
	cat, diags := d.cache.layer(d.sheets, layerTarget(f, d.now()))
	d.Diags = append(d.Diags, diags...)
	return cat
}

// notAgain drops the resolver's messages about fields the parser already
// reported an error for: "expected a number" is the whole story, not
// followed by "missing output_tokens".
func notAgain(more, parsed diag.List) diag.List {
	bad := map[string]bool{}
	for _, p := range parsed {
		if p.Severity == diag.Error {
			bad[p.Field] = true
		}
	}
	var out diag.List
	for _, m := range more {
		if !bad[m.Field] {
			out = append(out, m)
		}
	}
	return out
}

// engineDiagnostic places an engine error at the field it names.
func (d *Doc) engineDiagnostic(err error) diag.Diagnostic {
	out := diag.Diagnostic{File: d.File.Path, Line: 1, Col: 1, Message: err.Error()}
	ie, ok := err.(*model.InputError)
	if !ok {
		return out
	}
	out.Field = ie.Field
	for _, o := range d.File.Options {
		if o.Name != ie.Option {
			continue
		}
		at := o.Loc()
		if v, ok := o.Values[ie.Field]; ok && v.Set {
			at = v.Loc()
		}
		out.File, out.Line, out.Col = at.File, at.Line, at.Col
		if out.File == "" {
			out.File = d.File.Path
		}
		out.Message = fmt.Sprintf("option %q: %s: %s", ie.Option, ie.Field, ie.Msg)
	}
	return out
}

func (d *Doc) fail(dg diag.Diagnostic) {
	d.Diags = append(d.Diags, dg)
	d.finish()
}

// finish sorts the diagnostics, keeps the first diag.MaxShown (counting
// the rest) and sets Err from the first error.
func (d *Doc) finish() {
	d.Diags = dedupe(d.Diags)
	d.Diags.Sort()
	d.Diags = d.Diags.Capped(diag.MaxShown)
	if d.Diags.HasErrors() {
		d.Err = d.Diags
	}
}

func dedupe(l diag.List) diag.List {
	seen := map[string]bool{}
	out := l[:0]
	for _, d := range l {
		k := d.String()
		if !seen[k] {
			seen[k] = true
			out = append(out, d)
		}
	}
	return out
}

// attachWarnings copies each warning positioned inside an option's table
// into that option's result, so every renderer shows it beside the option.
func (d *Doc) attachWarnings() {
	for _, w := range d.Diags.Warnings() {
		if i := d.optionAt(w); i >= 0 && i < len(d.Result.Options) {
			d.Result.Options[i].Warnings = append(d.Result.Options[i].Warnings, w)
		}
	}
}

// scenarioWarnings are the warnings that belong to no one option.
func (d *Doc) scenarioWarnings() diag.List {
	var out diag.List
	for _, w := range d.Diags.Warnings() {
		if d.optionAt(w) < 0 {
			out = append(out, w)
		}
	}
	return out
}

// optionAt returns the index of the option whose table (in the scenario
// or a base) holds the diagnostic's line, or -1.
func (d *Doc) optionAt(dg diag.Diagnostic) int {
	if d.File == nil || dg.Line == 0 {
		return -1
	}
	return d.File.OptionAt(dg.File, dg.Line)
}
