package model

import (
	"math"
	"math/rand/v2"
	"reflect"
	"sync"
	"testing"
)

// TestEvaluatorValidatesAsEvaluateLean: an Evaluator that remembers the
// options' checked texts accepts and refuses exactly what EvaluateLean
// does, with the same message, over a walk of random changes: numbers in
// and out of range, texts made invalid and restored, catalogs swapped.
func TestEvaluatorValidatesAsEvaluateLean(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 6))
	base := testScenario()
	cats := []Catalog{testCatalog(), testCatalog()}
	noFP8 := testCatalog()
	for id, g := range noFP8.GPUs {
		g.FP8TFLOPS = 0
		noFP8.GPUs[id] = g
	}
	noOffer := testCatalog()
	delete(noOffer.Offers, "c/g80x1")
	cats = append(cats, noFP8, noOffer)
	var e Evaluator
	refused := 0
	for step := range 3000 {
		// Each step is the file's scenario with a change or two, as a
		// sample is: the Evaluator remembers the file's texts between them.
		s := base
		s.Options = append([]Option(nil), base.Options...)
		cat := cats[0]
		if rng.IntN(8) == 0 {
			cat = cats[rng.IntN(len(cats))]
		}
		for range 1 + rng.IntN(2) {
			o := &s.Options[rng.IntN(len(s.Options))]
			if rng.IntN(4) > 0 { // a number, often out of its range
				fields := applicableFields(o.Kind, o.SelfHosted(&cat), o.Method)
				if f := fields[rng.IntN(len(fields))]; f.Type == Number {
					*f.Num(&s, o) = []float64{-1, 0, 0.5, 1, 2, 8, 1e9, math.Inf(1)}[rng.IntN(8)]
				}
				continue
			}
			texts := optionTextFields() // a text, often invalid
			*texts[rng.IntN(len(texts))].Text(nil, o) = []string{"nope", "fp8", "bf16", "batch", "lora", ""}[rng.IntN(6)]
		}
		want, wantErr := EvaluateLean(s, cat)
		got, gotErr := e.Lean(s, cat)
		if (wantErr == nil) != (gotErr == nil) || (wantErr != nil && wantErr.Error() != gotErr.Error()) {
			t.Fatalf("step %d: the Evaluator says %v, EvaluateLean %v", step, gotErr, wantErr)
		}
		if wantErr != nil {
			refused++
			continue
		}
		for k := range want.Options {
			if math.Float64bits(got.Options[k].Total) != math.Float64bits(want.Options[k].Total) {
				t.Fatalf("step %d, %s: %v, want %v", step, want.Options[k].Name, got.Options[k].Total, want.Options[k].Total)
			}
		}
	}
	t.Logf("refused %d", refused)
	if refused < 300 || refused > 2700 {
		t.Errorf("%d of 3000 steps refused: the walk should mix valid and invalid options", refused)
	}
}

// TestOptionTextFieldsAreEveryString: every string of an option but its
// name is a text field of the registry and compared by sameTexts, so a
// new one cannot escape the Evaluator's memory of checked texts.
func TestOptionTextFieldsAreEveryString(t *testing.T) {
	ty := reflect.TypeFor[Option]()
	for i := range ty.NumField() {
		sf := ty.Field(i)
		if sf.Type.Kind() != reflect.String || sf.Name == "Name" || sf.Name == "Kind" {
			continue
		}
		var o Option
		reflect.ValueOf(&o).Elem().Field(i).SetString("probe")
		found := false
		for _, f := range optionTextFields() {
			found = found || *f.Text(nil, &o) == "probe"
		}
		if !found {
			t.Errorf("Option.%s is no text field of the registry", sf.Name)
		}
		if sameTexts(&o, &Option{}) {
			t.Errorf("sameTexts does not compare Option.%s", sf.Name)
		}
	}
}

// optionTextFields are the registry's text fields of an option, every kind's.
var optionTextFields = sync.OnceValue(func() []*Field {
	var out []*Field
	for i := range fieldTable {
		if f := &fieldTable[i]; f.Section == SectionOption && f.Type == Text {
			out = append(out, f)
		}
	}
	return out
})

// TestMapIDIsTheMapsAddress: mapID reads what reflect reports as a map's
// address, for a nil map, an empty one and a filled one, and tells two
// maps apart.
func TestMapIDIsTheMapsAddress(t *testing.T) {
	var none map[string]GPU
	empty, filled := map[string]GPU{}, testCatalog().GPUs
	for _, m := range []map[string]GPU{none, empty, filled} {
		if got, want := mapID(m), uintptr(reflect.ValueOf(m).UnsafePointer()); got != want {
			t.Errorf("mapID = %#x, reflect says %#x", got, want)
		}
	}
	again := filled
	if mapID(empty) == mapID(filled) || mapID(again) != mapID(filled) {
		t.Error("mapID does not tell two maps apart, or differs for one")
	}
}
