package model

// RetiredFields lists the retired inputs a file may still set, for the
// JSON Schema of scenarios (which accepts them, marked deprecated).
func RetiredFields() []Retired { return append([]Retired(nil), retiredFields...) }
