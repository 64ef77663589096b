package model

import "testing"

// TestNumberChecksReadWhatTheAccessorsRead: for every Number field of the
// registry, the check reads, at its offset, the number the field's
// accessor points to, in a scenario and option whose every number is
// different; and every one has an offset (none falls back to its accessor).
func TestNumberChecksReadWhatTheAccessorsRead(t *testing.T) {
	var s Scenario
	var o Option
	next := 1.0
	for i := range fieldTable {
		if f := &fieldTable[i]; f.Type == Number {
			*f.num(&s, &o) = next
			next++
		}
	}
	for i := range fieldTable {
		f := &fieldTable[i]
		if f.Type != Number {
			continue
		}
		k := numberCheckOf(f)
		if k.at < 0 {
			t.Errorf("%s: no offset found; its check would read through the accessor", f.Path())
		}
		got := k.optionValue(&s, &o)
		if f.Section != SectionOption {
			got = k.scenarioValue(&s)
		}
		if want := *f.num(&s, &o); got != want {
			t.Errorf("%s: the check reads %v, the accessor %v", f.Path(), got, want)
		}
	}
}
