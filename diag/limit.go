package diag

import "fmt"

// MaxShown is how many diagnostics one file reports: a hostile or broken
// file can hold hundreds of thousands of mistakes, and nobody reads past
// the first screenfuls. The rest are counted in one closing line.
const MaxShown = 50

// Capped returns the first max diagnostics of l and, when there were more,
// one line counting the rest (an error if any of the rest is an error).
func (l List) Capped(max int) List {
	if len(l) <= max {
		return l
	}
	rest := l[max:]
	sum := Diagnostic{File: rest[0].File, Severity: Warning}
	if rest.HasErrors() {
		sum.Severity = Error
	}
	sum.Message = fmt.Sprintf("%d more problems not shown (only the first %d are listed)", len(rest), max)
	return append(l[:max:max], sum)
}
