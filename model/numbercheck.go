package model

import (
	"math"
	"slices"
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
// with the accessor and the range side by side: the Monte Carlo checks
// every applicable number of every option of every sample, and reaching
// each through its Field (a large struct in a long table) was most of
// that cost.
type numberCheck struct {
	num      func(s *Scenario, o *Option) *float64
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
	return numberCheck{num: f.num, optional: f.Optional, numberRange: f.numberRange(), field: f}
}

// passes reports whether the number validateNumber checks passes.
func (k *numberCheck) passes(s *Scenario, o *Option) bool {
	v := *k.num(s, o)
	return (k.optional && v == 0) || k.valid(v)
}
