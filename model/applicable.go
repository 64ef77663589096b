package model

import "sync"

// applicability caches, for each kind, hosting and method, the option
// fields that apply: the registry is static, and validating every option
// of every Monte Carlo sample would otherwise ask AppliesTo ~60 times each.
type applicabilityKey struct {
	kind       Kind
	selfHosted bool
	method     string
}

var applicableCache sync.Map // applicabilityKey → applicable

// applicable is the option fields that apply to one kind, hosting and
// method, in table order, with each Number field's check at its index.
type applicable struct {
	fields []*Field
	checks []numberCheck // checks[i] is fields[i]'s when it is a Number
}

// applicableFields returns the option fields that apply to (k, selfHosted, method).
func applicableFields(k Kind, selfHosted bool, method string) []*Field {
	return applicableTo(k, selfHosted, method).fields
}

func applicableTo(k Kind, selfHosted bool, method string) *applicable {
	key := applicabilityKey{k, selfHosted, method}
	if v, ok := applicableCache.Load(key); ok {
		return v.(*applicable)
	}
	a := &applicable{}
	for i := range fieldTable {
		f := &fieldTable[i]
		if f.Section == SectionOption && f.AppliesTo(k, selfHosted, method) {
			a.fields = append(a.fields, f)
			a.checks = append(a.checks, numberCheckOf(f))
		}
	}
	// Methods outside the registry's choices are refused by validation; do
	// not let arbitrary strings grow the cache.
	if method == "" || containsString([]string{"full", "lora", "qlora"}, method) {
		applicableCache.Store(key, a)
	}
	return a
}

// scenarioChecks are the range checks of the scenario's own numbers (not
// an option's), in table order.
var scenarioChecks = sync.OnceValue(func() []numberCheck {
	var out []*Field
	for i := range fieldTable {
		if f := &fieldTable[i]; f.Section != SectionOption && f.Type == Number {
			out = append(out, f)
		}
	}
	return numberChecks(out)
})
