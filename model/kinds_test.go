package model

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unsafe"
)

// capabilities are KindSpec's answers to "what does the kind do?": its
// bool fields, each asked through the Kind method of the same name.
func capabilities(t *testing.T) []string {
	t.Helper()
	var out []string
	typ := reflect.TypeFor[KindSpec]()
	for i := range typ.NumField() {
		if f := typ.Field(i); f.Type.Kind() == reflect.Bool {
			out = append(out, f.Name)
		}
	}
	if len(out) == 0 {
		t.Fatal("KindSpec has no capabilities")
	}
	return out
}

// answer asks kind k a capability through its Kind method.
func answer(t *testing.T, k Kind, capability string) bool {
	t.Helper()
	m := reflect.ValueOf(k).MethodByName(capability)
	if !m.IsValid() {
		t.Fatalf("capability %s has no Kind.%s method", capability, capability)
	}
	return m.Call(nil)[0].Bool()
}

// TestEveryKindAnswersEveryCapability: each kind's answer to every question
// is written down here (a new capability or kind fails until it is), asked
// through Kind's method of the same name, and an unknown kind does nothing.
func TestEveryKindAnswersEveryCapability(t *testing.T) {
	want := map[Kind]map[string]bool{
		FineTune: {"Trains": true, "Adapters": true, "TunedAPIRates": true, "AccuracyDecays": true, "Retunes": true,
			"Retrieves": false, "PromptOverhead": false},
		RAG: {"Trains": false, "Adapters": false, "TunedAPIRates": false, "AccuracyDecays": false, "Retunes": false,
			"Retrieves": true, "PromptOverhead": false},
		Prompt: {"Trains": false, "Adapters": false, "TunedAPIRates": false, "AccuracyDecays": false, "Retunes": false,
			"Retrieves": false, "PromptOverhead": true},
	}
	if len(want) != len(Kinds) {
		t.Errorf("%d kinds registered, %d described here", len(Kinds), len(want))
	}
	for _, k := range Kinds {
		spec, _ := k.Spec()
		for _, c := range capabilities(t) {
			w, ok := want[k][c]
			if !ok {
				t.Errorf("%s: what it answers to %s is not stated", k, c)
				continue
			}
			if got := answer(t, k, c); got != w || reflect.ValueOf(spec).FieldByName(c).Bool() != w {
				t.Errorf("%s.%s() = %v, want %v", k, c, got, w)
			}
		}
	}
	for _, c := range capabilities(t) {
		if answer(t, "distill", c) {
			t.Errorf("an unknown kind answers %s", c)
		}
	}
}

// registerKind adds a test-only kind to the registry (and so to the field
// table's kinds) until the test ends.
func registerKind(t *testing.T, spec KindSpec) {
	t.Helper()
	saved := kindSpecs
	kindSpecs = append(append([]KindSpec(nil), kindSpecs...), spec)
	Kinds = kindList()
	resolveFieldKinds()
	t.Cleanup(func() {
		kindSpecs = saved
		Kinds = kindList()
		resolveFieldKinds()
	})
}

// twinScenario has one option of every kind in the shapes the capabilities
// change (self-hosted unmerged adapters, a managed fine-tune, a cached
// prompt, a batch-tier prompt, RAG), all with accuracy, its decay and a
// re-tune cadence, so that §9 and F28 run too.
func twinScenario() Scenario {
	s := qualityScenario(24, 2, 0.05, Option{})
	unmerged := loraOption()
	unmerged.Name, unmerged.Merged, unmerged.Adapters = "unmerged", false, 3
	managed := managedOption()
	managed.RetuneEveryMonths, managed.Adapters = 4, 2
	cached := promptOption()
	cached.Name, cached.CachedPrompt = "cached", true
	batch := promptOption()
	batch.Name, batch.APITier = "batch", "batch"
	s.Options = nil
	for i, o := range []Option{loraOption(), unmerged, managed, ragOption(), promptOption(), cached, batch} {
		s.Options = append(s.Options, withAccuracy(o, 0.95-0.01*float64(i), 0.004))
	}
	return s
}

// TestANewKindNeedsOnlyItsRegistryEntry adds, for every kind, a test-only
// twin: a registry entry with the same capabilities and formulas under
// another name and label, and nothing else. Each twin option must price
// exactly as its original (every month, §9, F28, serving, derivations),
// take the same fields and be refused for the same reasons: nothing outside
// the registry asks which kind an option is.
func TestANewKindNeedsOnlyItsRegistryEntry(t *testing.T) {
	for _, k := range append([]Kind(nil), Kinds...) {
		spec, _ := k.Spec()
		spec.Kind, spec.Label = k+"-twin", "twin of "+spec.Label
		registerKind(t, spec)
	}
	cat := testCatalog()
	cat.APIModels["big"] = withBatch(cat.APIModels["big"])
	s := twinScenario()
	n := len(s.Options)
	for i := range n {
		o := s.Options[i]
		o.Name, o.Kind = o.Name+" twin", o.Kind+"-twin"
		s.Options = append(s.Options, o)
	}
	res, err := Evaluate(s, cat)
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		orig, twin := res.Options[i], res.Options[n+i]
		if twin.Quality == nil || (orig.Kind.Retunes() && !twin.Quality.HasBestRetune) {
			t.Fatalf("%s: no §9 or F28 figures", twin.Name)
		}
		same(t, orig.Name, orig, twin)
	}
	for _, f := range Fields() {
		for _, k := range Kinds[:len(Kinds)/2] {
			for _, self := range []bool{false, true} {
				for _, method := range []string{"full", "lora", "qlora"} {
					if f.AppliesTo(k, self, method) != f.AppliesTo(k+"-twin", self, method) {
						t.Errorf("%s applies to %s and its twin differently (self-hosted %v, method %s)", f.Key, k, self, method)
					}
				}
			}
		}
	}
	refusedAlike(t, cat)
}

func withBatch(m APIModel) APIModel {
	m.BatchInputPerMtok, m.BatchOutputPerMtok = 1, 5
	return m
}

// same fails unless twin's figures and derivations are orig's, names aside.
func same(t *testing.T, what string, orig, twin OptionResult) {
	t.Helper()
	od, td := orig.Derivations(), twin.Derivations()
	if len(od) == 0 || len(od) != len(td) {
		t.Fatalf("%s: %d derivations, its twin %d", what, len(od), len(td))
	}
	for j := range od {
		if !reflect.DeepEqual(od[j], td[j]) {
			t.Errorf("%s: derivation %+v, its twin's %+v", what, od[j], td[j])
		}
	}
	twin.Name, twin.Kind, twin.src, twin.index, twin.derivations = orig.Name, orig.Kind, orig.src, orig.index, orig.derivations
	if !reflect.DeepEqual(orig, twin) {
		t.Errorf("%s: its twin prices differently:\n%+v\n%+v", what, orig, twin)
	}
}

// refusedAlike: options a check refuses are refused for their twins too,
// with the same message.
func refusedAlike(t *testing.T, cat Catalog) {
	t.Helper()
	fp8 := loraOption()
	fp8.TrainPrecision = "fp8"
	nf4 := loraOption()
	nf4.ServePrecision = "nf4"
	batch := managedOption()
	batch.APITier = "batch"
	unmanaged := managedOption()
	unmanaged.BaseModel = "big"
	for _, o := range []Option{fp8, nf4, batch, unmanaged} {
		s := testScenario()
		s.Options = []Option{o}
		_, err := Evaluate(s, cat)
		s.Options[0].Kind += "-twin"
		_, twinErr := Evaluate(s, cat)
		if err == nil || twinErr == nil || err.Error() != twinErr.Error() {
			t.Errorf("refused as %v, its twin as %v", err, twinErr)
		}
	}
}

// TestNoKindChecksOutsideTheRegistry reads every non-test Go file of the
// module: no code outside model/kinds.go asks which kind an option is (a
// comparison or a switch case with a kind constant or name, a table keyed by
// one); it asks the kind what it does (KindSpec's capabilities).
func TestNoKindChecksOutsideTheRegistry(t *testing.T) {
	kinds := map[string]bool{}
	for _, k := range Kinds {
		kinds[string(k)] = true
	}
	constants := map[string]bool{"FineTune": true, "RAG": true, "Prompt": true}
	isKind := func(e ast.Expr) bool {
		switch e := e.(type) {
		case *ast.Ident:
			return constants[e.Name]
		case *ast.SelectorExpr:
			x, ok := e.X.(*ast.Ident)
			return ok && x.Name == "model" && constants[e.Sel.Name]
		case *ast.BasicLit:
			return e.Kind == token.STRING && kinds[strings.Trim(e.Value, "\"`")]
		}
		return false
	}
	fset := token.NewFileSet()
	checked := 0
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != ".." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") || filepath.ToSlash(path) == "../model/kinds.go" {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		checked++
		ast.Inspect(f, func(n ast.Node) bool {
			bad := false
			switch n := n.(type) {
			case *ast.BinaryExpr:
				bad = (n.Op == token.EQL || n.Op == token.NEQ) && (isKind(n.X) || isKind(n.Y))
			case *ast.CaseClause:
				for _, e := range n.List {
					bad = bad || isKind(e)
				}
			case *ast.KeyValueExpr:
				bad = isKind(n.Key)
			}
			if bad {
				t.Errorf("%s: asks which kind an option is; ask the kind what it does (a KindSpec capability)", fset.Position(n.Pos()))
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 100 {
		t.Fatalf("only %d files read: is the walk rooted at the module?", checked)
	}
}

// TestKindOfIsTheRegistrysString: a kind read from a file is the registry's
// own string (the same bytes at the same address), an unknown one is kept.
func TestKindOfIsTheRegistrysString(t *testing.T) {
	for _, s := range kindSpecs {
		read := string([]byte(s.Kind)) // as a parser hands it over: a copy
		if k := KindOf(read); k != s.Kind || unsafe.StringData(string(k)) != unsafe.StringData(string(s.Kind)) {
			t.Errorf("KindOf(%q) is not the registry's string", read)
		}
	}
	if k := KindOf("lora"); k != "lora" || k.spec() != &noKind {
		t.Errorf("KindOf(\"lora\") = %q, want the text kept and no spec", k)
	}
}
