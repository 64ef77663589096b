package model

import (
	"math"
	"slices"
	"unsafe"
)

// numberRange is what a Number field accepts, Field.valid's rule: finite,
// at most Max, whole when Integer, one of Allowed when set, else above
// (or from) Min.
type numberRange struct {
	min, max              float64
	minExclusive, integer bool
	allowed               []float64
}

func (r *numberRange) valid(v float64) bool {
	if !finite(v) || v > r.max || (r.integer && v != math.Trunc(v)) {
		return false
	}
	if r.allowed != nil {
		return slices.Contains(r.allowed, v)
	}
	if r.minExclusive {
		return v > r.min
	}
	return v >= r.min
}

func (f *Field) numberRange() numberRange {
	return numberRange{min: f.Min, max: f.Max, minExclusive: f.MinExclusive, integer: f.Integer, allowed: f.Allowed}
}

// numberCheck is one Number field's check as validateNumber makes it,
// laid out for the Monte Carlo, which checks every applicable number of
// every option of every sample: reaching each through its Field (a large
// struct in a long table) and its accessor (a call through a func value)
// was most of that cost. at is where the accessor's number lies in the
// Option (for an option field) or the Scenario (for a scenario field), so
// that a check reads it with one load; -1 when the accessor returns a
// number outside that struct, which is then read through the accessor.
type numberCheck struct {
	num      func(s *Scenario, o *Option) *float64
	at       int
	optional bool // 0 stands for "not set"
	numberRange
	field *Field // for the message
}

// numberChecks are the checks of the Number fields among fields, in order.
func numberChecks(fields []*Field) []numberCheck {
	var out []numberCheck
	for _, f := range fields {
		if f.Type == Number {
			out = append(out, numberCheckOf(f))
		}
	}
	return out
}

// numberCheckOf is f's check; a field that is no Number has none (its num
// is nil, and validation never asks it).
func numberCheckOf(f *Field) numberCheck {
	if f.Type != Number {
		return numberCheck{}
	}
	return numberCheck{num: f.num, at: offsetOf(f), optional: f.Optional, numberRange: f.numberRange(), field: f}
}

// offsetOf is where f's accessor finds its number inside an Option (an
// option field) or a Scenario (any other), found by asking it for a probe's
// and checked to lie wholly inside the probe, aligned; -1 otherwise.
func offsetOf(f *Field) int {
	probe := new(struct {
		s Scenario
		o Option
	})
	p := uintptr(unsafe.Pointer(f.num(&probe.s, &probe.o)))
	base, size := uintptr(unsafe.Pointer(&probe.s)), unsafe.Sizeof(probe.s)
	if f.Section == SectionOption {
		base, size = uintptr(unsafe.Pointer(&probe.o)), unsafe.Sizeof(probe.o)
	}
	const width = unsafe.Sizeof(float64(0))
	if p < base || p+width > base+size || (p-base)%unsafe.Alignof(float64(0)) != 0 {
		return -1
	}
	return int(p - base)
}

// passes reports whether option o's number passes validateNumber.
func (k *numberCheck) passes(s *Scenario, o *Option) bool {
	v := k.optionValue(s, o)
	return (k.optional && v == 0) || k.valid(v)
}

func (k *numberCheck) optionValue(s *Scenario, o *Option) float64 {
	if k.at < 0 {
		return *k.num(s, o)
	}
	return *(*float64)(unsafe.Add(unsafe.Pointer(o), k.at))
}

// scenarioValue is a scenario field's number in s.
func (k *numberCheck) scenarioValue(s *Scenario) float64 {
	if k.at < 0 {
		return *k.num(s, nil)
	}
	return *(*float64)(unsafe.Add(unsafe.Pointer(s), k.at))
}
