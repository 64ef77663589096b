package report

// DiffSet is one run of diff over several scenario files: each file's
// diff, or that it was added or removed, and what both sides are.
type DiffSet struct {
	// Base and Head say what is compared, for people: "main @ 1a2b3c4" and
	// "this branch", or two file paths.
	Base, Head string
	// Rev and Commit are --rev as given and its abbreviated commit; both
	// "" when two files are compared.
	Rev, Commit string
	Files       []FileDiff
	// Limits are the --fail-above limits; Failures the options that grew by
	// more (filled by CheckGate).
	Limits   []Limit
	Failures []GateFailure
	// Width is the text rendering's line budget (DiffResult.Width).
	Width int `json:"-"`
}

// FileStatus says whether a scenario file is on both sides or one.
type FileStatus string

// File statuses.
const (
	FileChanged   FileStatus = "changed"
	FileUnchanged FileStatus = "unchanged"
	FileAdded     FileStatus = "added"
	FileRemoved   FileStatus = "removed"
)

// FileDiff is one scenario file's diff. For an added file every option is
// new, for a removed one every option removed; Prices then list the price
// sheets and catalog entries the file's options use.
type FileDiff struct {
	Path   string // relative to the repository root when inside one
	Status FileStatus
	Diff   DiffResult
}

// NewFileDiff labels a diff of a file on both sides as changed or
// unchanged: unchanged when no cost figure moved (CostChanged).
func NewFileDiff(path string, d DiffResult) FileDiff {
	st := FileUnchanged
	if d.CostChanged() {
		st = FileChanged
	}
	return FileDiff{Path: path, Status: st, Diff: d}
}

// AddedFile is a scenario that exists only on the new side.
func AddedFile(path string, s Scenario, prices []Change) FileDiff {
	d := Diff(Scenario{}, s)
	d.OldName, d.OldCurrency, d.Changes, d.Prices = "", s.Result.Currency, nil, prices
	d.CheapestKept = false
	return FileDiff{Path: path, Status: FileAdded, Diff: d}
}

// RemovedFile is a scenario that exists only on the old side.
func RemovedFile(path string, s Scenario, prices []Change) FileDiff {
	d := Diff(s, Scenario{})
	d.NewName, d.NewCurrency, d.Changes, d.Prices = s.Result.Scenario, s.Result.Currency, nil, prices
	d.CheapestKept = false
	return FileDiff{Path: path, Status: FileRemoved, Diff: d}
}

// CostChanged reports whether any cost figure a reader sees moved: an
// option's total, cost per 1k queries or Monte Carlo figures, an option
// added or removed, or the cheapest option. Inputs that change no cost (a
// description) do not count.
func (d DiffResult) CostChanged() bool {
	if d.OldCheapest != d.NewCheapest && !d.CheapestKept {
		return true
	}
	for _, o := range d.Options {
		if !o.Both() || o.TotalMove().Abs != 0 || o.Per1kMove().Abs != 0 || !sameRisk(o.OldRisk, o.NewRisk) {
			return true
		}
	}
	return false
}

// CostChanged reports whether any file's cost changed, or a file was added
// or removed: git's --exit-code answers 1 then.
func (s DiffSet) CostChanged() bool {
	for _, f := range s.Files {
		if f.Status != FileUnchanged {
			return true
		}
	}
	return false
}
