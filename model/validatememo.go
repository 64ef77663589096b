package model

import "unsafe"

// textsChecked is what an Evaluator remembers of one option whose texts
// passed validation: the option (its kind and strings count) and the
// catalog they were checked against, and what the checks of its numbers
// need from them. A Monte Carlo sample changes numbers only, so from its
// second sample on an option's texts, model, offers and catalog entries
// (a third of the engine's validation: map look-ups, choices, the serving
// model's architecture) are not checked again; its numbers are, in the
// same order, so a sample fails with the same message as before.
type textsChecked struct {
	ok    bool
	texts Option  // the option checked: its kind and strings count
	cat   Catalog // the catalog checked against, its maps held so that
	// no other map can take one's address while it is remembered
	catID      [7]uintptr     // catalogIdentity(&cat)
	numbers    []passedNumber // the Number fields of applicableFields, in order
	selfHosted bool
	serveGPUs  int    // the serving offer's GPUs (F20's tensor_parallel rule)
	serveOffer string // its id, for the message
}

// validate is validateOption(s, o, cat), skipping the checks of texts and
// catalog references when they passed against the same texts and catalog.
// catID is catalogIdentity(cat), worked out once per scenario.
func (c *textsChecked) validate(s *Scenario, o *Option, cat *Catalog, catID [7]uintptr) error {
	if c.ok && catID == c.catID && sameTexts(o, &c.texts) {
		return c.validateNumbers(s, o)
	}
	c.ok = false
	if err := validateOption(s, o, cat); err != nil {
		return err
	}
	c.remember(s, o, cat)
	return nil
}

// validateNumbers is what validateOption checks that depends on numbers,
// in its order, for an option whose texts have passed: each applicable
// number's range, then (self-hosted) tensor_parallel against the offer.
func (c *textsChecked) validateNumbers(s *Scenario, o *Option) error {
	for i := range c.numbers {
		k := &c.numbers[i]
		v := k.optionValue(s, o)
		if v == k.passed {
			continue // the value that passed (NaN never equals it)
		}
		if !(k.optional && v == 0) && !k.valid(v) {
			return validateNumber(s, o, k.field) // its message
		}
	}
	if c.selfHosted {
		return validateTensorParallel(o, c.serveGPUs, c.serveOffer)
	}
	return nil
}

// remember keeps what validateOption has just passed for o in s.
func (c *textsChecked) remember(s *Scenario, o *Option, cat *Catalog) {
	c.texts, c.cat, c.catID = *o, *cat, catalogIdentity(cat)
	c.selfHosted = o.SelfHosted(cat)
	c.numbers = c.numbers[:0]
	for _, k := range numberChecks(applicableFields(o.Kind, c.selfHosted, o.Method)) {
		c.numbers = append(c.numbers, passedNumber{numberCheck: k, passed: k.optionValue(s, o)})
	}
	off := cat.Offers[o.ServeOffer]
	c.serveGPUs, c.serveOffer = off.GPUs, off.ID
	c.ok = true
}

// sameTexts reports whether a and b have the same kind and the same
// strings: every string field of Option but its name, written out because
// the Monte Carlo asks it for every option of every sample (a string equal
// to the remembered one, the same bytes as a sample copies them, compares
// in a few nanoseconds). TestOptionTextFieldsAreEveryString fails when
// Option gains a string this does not compare.
func sameTexts(a, b *Option) bool {
	return a.Kind == b.Kind && sameString(a.BaseModel, b.BaseModel) && sameString(a.Method, b.Method) &&
		sameString(a.LoraTargets, b.LoraTargets) && sameString(a.TrainOffer, b.TrainOffer) && sameString(a.Pricing, b.Pricing) &&
		sameString(a.TrainPrecision, b.TrainPrecision) && sameString(a.Sharding, b.Sharding) && sameString(a.Task, b.Task) &&
		sameString(a.Generator, b.Generator) && sameString(a.Embedding, b.Embedding) && sameString(a.VectorDB, b.VectorDB) &&
		sameString(a.Model, b.Model) && sameString(a.APITier, b.APITier) && sameString(a.ServeOffer, b.ServeOffer) &&
		sameString(a.ServePricing, b.ServePricing) && sameString(a.ServePrecision, b.ServePrecision) && sameString(a.KVPrecision, b.KVPrecision) &&
		sameString(a.ShortName, b.ShortName) && sameString(a.EvalChecks, b.EvalChecks)
}

// sameString is a == b, deciding without a call the common case of a sample: the
// same bytes, copied from the file's option, so the same address.
func sameString(a, b string) bool {
	return len(a) == len(b) && (unsafe.StringData(a) == unsafe.StringData(b) || a == b)
}

// catalogIdentity is the catalog's maps by address: the same maps are the
// same catalog, since a catalog must not change while an Evaluator prices
// with it (see Evaluator).
func catalogIdentity(cat *Catalog) [7]uintptr {
	return [7]uintptr{mapID(cat.GPUs), mapID(cat.Offers), mapID(cat.OpenModels), mapID(cat.APIModels),
		mapID(cat.Embeddings), mapID(cat.VectorDBs), mapID(cat.Origins)}
}

// mapID is m's address: a map value is a pointer to its header (read
// without reflect, which the Monte Carlo paid 7 calls a sample for).
func mapID[K comparable, V any](m map[K]V) uintptr {
	return uintptr(*(*unsafe.Pointer)(unsafe.Pointer(&m)))
}

// growKeep returns buf resliced to n, keeping what it holds (grow clears).
func growKeep[T any](buf []T, n int) []T {
	if cap(buf) < n {
		return append(buf[:cap(buf)], make([]T, n-cap(buf))...)
	}
	return buf[:n]
}

// passedNumber is a number's check with the value that passed it when its
// option was checked whole: a sample's number equal to it passes again
// (a range depends on the field alone), so of the ~45 numbers of an
// option only the few a Monte Carlo draws are checked again.
type passedNumber struct {
	numberCheck
	passed float64
}
