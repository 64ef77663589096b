package report

import (
	"io"
	"strconv"
	"strings"

	"github.com/tunecost/tunecost/format"
)

// DiffMarker opens every Markdown diff, on its own first line, so that a
// bot finds and updates its own pull-request comment (docs/ci.md).
const DiffMarker = "<!-- tunecost-diff -->"

// DiffSetMarkdown writes a diff of one or more scenario files as one
// pull-request comment: the marker, a heading naming what is compared,
// any --fail-above failure, then a section per file that changed, and the
// unchanged files in one line. When no cost changed anywhere the body is
// one line.
func DiffSetMarkdown(w io.Writer, s DiffSet) error {
	var sb strings.Builder
	sb.WriteString(DiffMarker + "\n")
	compared := s.baseMarkdown() + " → " + escapeMarkdown(s.Head)
	if !s.CostChanged() {
		sb.WriteString("No cost change: " + filesCount(len(s.Files)) + ", " + compared + ".\n")
		_, err := io.WriteString(w, sb.String())
		return err
	}
	sb.WriteString("### Cost change: " + compared + "\n\n")
	writeGateMarkdown(&sb, &s)
	var unchanged []string
	for i := range s.Files {
		f := &s.Files[i]
		if f.Status == FileUnchanged {
			unchanged = append(unchanged, escapeMarkdown(f.Path))
			continue
		}
		sb.WriteString("#### " + fileHeading(f, escapeMarkdown) + "\n\n")
		switch f.Status {
		case FileAdded, FileRemoved:
			writeMarkdownOneSide(&sb, &f.Diff, f.Status)
		default:
			writeDiffMarkdownBody(&sb, &f.Diff)
		}
		sb.WriteString("\n")
	}
	if len(unchanged) > 0 {
		sb.WriteString("No cost change in " + strings.Join(unchanged, ", ") + ".\n")
	}
	_, err := io.WriteString(w, strings.TrimRight(sb.String(), "\n")+"\n")
	return err
}

// DiffSetText writes the same for a terminal or a log. Two files compared
// (no --rev) print as one diff, as before.
func DiffSetText(w io.Writer, s DiffSet) error {
	for i := range s.Files {
		s.Files[i].Diff.Width = s.Width
	}
	if s.Rev == "" && len(s.Files) == 1 {
		for _, g := range s.Failures {
			if _, err := io.WriteString(w, "Cost gate failed: "+format.Sanitize(g.GateText())+"\n"); err != nil {
				return err
			}
		}
		return DiffText(w, s.Files[0].Diff)
	}
	var sb strings.Builder
	compared := format.Sanitize(s.Base) + " → " + format.Sanitize(s.Head)
	if !s.CostChanged() {
		sb.WriteString("No cost change: " + filesCount(len(s.Files)) + ", " + compared + ".\n")
		_, err := io.WriteString(w, sb.String())
		return err
	}
	sb.WriteString("Cost change: " + compared + "\n")
	for _, g := range s.Failures {
		sb.WriteString("Cost gate failed: " + format.Sanitize(g.GateText()) + "\n")
	}
	for i := range s.Files {
		f := &s.Files[i]
		sb.WriteString("\n" + fileHeading(f, format.Sanitize) + "\n")
		switch f.Status {
		case FileUnchanged:
			sb.WriteString("No cost change.\n")
		case FileAdded, FileRemoved:
			sb.WriteString(format.Sanitize(oneSideLine(&f.Diff, f.Status)) + "\n")
			writeTextChanges(&sb, "Prices", f.Diff.Prices, "No price sheet.")
		default:
			var body strings.Builder
			if err := DiffText(&body, f.Diff); err != nil {
				return err
			}
			// Drop DiffText's title and its underline: the file heading stands for them.
			_, rest, _ := strings.Cut(body.String(), "\n")
			_, rest, _ = strings.Cut(rest, "\n")
			sb.WriteString(rest)
		}
	}
	_, err := io.WriteString(w, sb.String())
	return err
}

// fileHeading names a file, its status and its scenario:
// "scenarios/a.toml (added): Support bot".
func fileHeading(f *FileDiff, esc func(string) string) string {
	h := esc(f.Path)
	if f.Status == FileAdded || f.Status == FileRemoved {
		h += " (" + string(f.Status) + ")"
	}
	name := f.Diff.NewName
	if f.Status == FileRemoved {
		name = f.Diff.OldName
	}
	if name != "" {
		h += ": " + esc(name)
	}
	return h
}

// writeMarkdownOneSide is an added or a removed file: its options' totals
// in one line, then the price sheets and entries it uses.
func writeMarkdownOneSide(sb *strings.Builder, d *DiffResult, st FileStatus) {
	sb.WriteString(escapeMarkdown(oneSideLine(d, st)) + "\n\n")
	sb.WriteString("<details><summary>Prices used</summary>\n\n")
	writeDiffMarkdownPrices(sb, d.Prices)
	sb.WriteString("\n</details>\n")
}

// oneSideLine: "New scenario. Cheapest: rag. Totals: lora $4,000; rag $3,000."
func oneSideLine(d *DiffResult, st FileStatus) string {
	var sb strings.Builder
	cheapest, cur := d.NewCheapest, d.NewCurrency
	if st == FileRemoved {
		sb.WriteString("Scenario removed. ")
		cheapest, cur = d.OldCheapest, d.OldCurrency
	} else {
		sb.WriteString("New scenario. ")
	}
	sb.WriteString("Cheapest: " + orNone(cheapest) + ". Totals: ")
	for i := range d.Options {
		o := &d.Options[i]
		if i > 0 {
			sb.WriteString("; ")
		}
		total := o.NewTotal
		if st == FileRemoved {
			total = o.OldTotal
		}
		sb.WriteString(o.Name + " " + format.Money(total, cur))
	}
	if len(d.Options) == 0 {
		sb.WriteString("no options")
	}
	sb.WriteString(".")
	return sb.String()
}

// writeGateMarkdown says which --fail-above limit failed, for which option.
func writeGateMarkdown(sb *strings.Builder, s *DiffSet) {
	if len(s.Failures) == 0 {
		return
	}
	sb.WriteString("**Cost gate failed:**\n\n")
	for _, g := range s.Failures {
		sb.WriteString("- " + escapeMarkdown(g.GateText()) + "\n")
	}
	sb.WriteString("\n")
}

func filesCount(n int) string {
	if n == 1 {
		return "1 scenario file"
	}
	return strconv.Itoa(n) + " scenario files"
}

// baseMarkdown is the old side: "main @ 1a2b3c4" with only the revision
// escaped (its @ is no mention).
func (s *DiffSet) baseMarkdown() string {
	if s.Rev == "" || s.Commit == "" {
		return escapeMarkdown(s.Base)
	}
	if s.Base == s.Commit {
		return s.Commit
	}
	return escapeMarkdown(s.Rev) + " @ " + escapeMarkdown(s.Commit)
}
