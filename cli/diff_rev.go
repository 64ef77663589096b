package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/tunecost/tunecost/gitrev"
	"github.com/tunecost/tunecost/report"
	"github.com/tunecost/tunecost/uncertainty"
	"github.com/tunecost/tunecost/workspace"
)

// revFiles compares every file named, and every scenario in every folder
// named, with its version at --rev: a file only at the revision is
// removed, one only in the work tree added.
func (a *App) revFiles(p parsed, cfg uncertainty.Config) (report.DiffSet, int) {
	rev := p.last("rev")
	if len(p.args) == 0 {
		return report.DiffSet{}, a.fail(usageError{"diff --rev REV needs scenario files or folders: tunecost diff --rev " + rev + " scenarios/"})
	}
	files, err := revTargets(p.args, rev)
	if err != nil {
		return report.DiffSet{}, a.fail(err)
	}
	if err := oneRepository(files); err != nil {
		return report.DiffSet{}, a.fail(err)
	}
	commit, err := gitrev.Commit(gitDir(files[0]), rev)
	if err != nil {
		return report.DiffSet{}, a.fail(revError(files[0], rev, err))
	}
	set := report.DiffSet{Base: baseLabel(rev, commit), Head: "this branch", Rev: rev, Commit: commit}
	for _, file := range files {
		fd, code := a.revFile(p, cfg, file, rev)
		if code != ExitOK {
			return report.DiffSet{}, code
		}
		set.Files = append(set.Files, fd)
	}
	return set, ExitOK
}

// baseLabel is "main @ 1a2b3c4", or the commit alone when rev is that commit.
func baseLabel(rev, commit string) string {
	if strings.HasPrefix(rev, commit) || strings.HasPrefix(commit, rev) {
		return commit
	}
	return rev + " @ " + commit
}

// revFile is one file's diff against rev: both sides, or the one it has.
func (a *App) revFile(p parsed, cfg uncertainty.Config, file, rev string) (report.FileDiff, int) {
	shown := repoPath(file)
	data, err := gitrev.Show(file, rev)
	atRev := err == nil
	if err != nil && !errors.Is(err, gitrev.ErrNotAtRevision) {
		return report.FileDiff{}, a.fail(revError(file, rev, err))
	}
	_, statErr := os.Stat(file)
	now := statErr == nil
	var old, cur *workspace.Doc
	if atRev {
		opt := a.options(p)
		opt.ReadOwn = func(path string, limit int64) ([]byte, error) { return showOwn(path, rev, limit) }
		old = workspace.LoadBytes(file, data, opt)
	}
	if now {
		if cur, err = a.loadFile(p, file); err != nil {
			return report.FileDiff{}, a.fail(err)
		}
	}
	switch {
	case atRev && now:
		sides, code := a.evaluated([]*workspace.Doc{old, cur}, cfg)
		if code != ExitOK {
			return report.FileDiff{}, code
		}
		d := report.Diff(sides[0], sides[1])
		d.Prices = priceChanges(old, cur)
		return report.NewFileDiff(shown, d), ExitOK
	case now:
		sides, code := a.evaluated([]*workspace.Doc{cur}, cfg)
		if code != ExitOK {
			return report.FileDiff{}, code
		}
		return report.AddedFile(shown, sides[0], pricesUsed(cur)), ExitOK
	case atRev:
		sides, code := a.evaluated([]*workspace.Doc{old}, cfg)
		if code != ExitOK {
			return report.FileDiff{}, code
		}
		return report.RemovedFile(shown, sides[0], beforeOnly(pricesUsed(old))), ExitOK
	}
	return report.FileDiff{}, a.fail(fmt.Errorf("%s: not in the work tree and not in git at %s; name a scenario file that exists in one of them", file, rev))
}

// revTargets expands the arguments of diff --rev into scenario files: a
// file as named (it may exist at rev only: a removed file), and for a
// folder every scenario directly in it now or at rev, in name order. Price
// sheets kept beside the scenarios are left out, as everywhere.
func revTargets(args []string, rev string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	add := func(f string) {
		if c := filepath.Clean(f); !seen[c] {
			seen[c] = true
			out = append(out, f)
		}
	}
	for _, arg := range args {
		info, err := os.Stat(arg)
		if err != nil || !info.IsDir() {
			add(arg) // a missing file may be one removed since rev; revFile says if not
			continue
		}
		files, err := folderScenarios(arg, rev)
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			add(f)
		}
	}
	return out, nil
}

// folderScenarios lists the scenarios directly in dir, now or at rev.
func folderScenarios(dir, rev string) ([]string, error) {
	now, _ := filepath.Glob(filepath.Join(dir, "*.toml"))
	then, err := gitrev.Files(dir, rev)
	if err != nil {
		return nil, revError(dir, rev, err)
	}
	all := map[string]bool{}
	for _, f := range now {
		if !isSheetFile(f) {
			all[filepath.Clean(f)] = true
		}
	}
	for _, f := range then {
		if _, err := os.Stat(f); err == nil {
			continue // on disk: the work tree's content decided above
		}
		if data, err := gitrev.Show(f, rev); err == nil && !workspace.IsPriceSheetData(data) {
			all[filepath.Clean(f)] = true
		}
	}
	if len(all) == 0 {
		return nil, fmt.Errorf("%s: no *.toml scenario files in this folder, now or at %s; name the folder that holds the scenarios", dir, rev)
	}
	files := make([]string, 0, len(all))
	for f := range all {
		files = append(files, f)
	}
	sort.Strings(files)
	return files, nil
}

func isSheetFile(path string) bool {
	data, err := os.ReadFile(path)
	return err == nil && workspace.IsPriceSheetData(data)
}

// gitDir is the folder git runs in for file.
func gitDir(file string) string {
	if dir := filepath.Dir(file); dir != "" {
		return dir
	}
	return "."
}

// repoPath is file relative to the root of its git work tree, as GitHub
// names files; the path as given when that cannot be worked out.
func repoPath(file string) string {
	root, err := gitrev.Root(gitDir(file))
	if err != nil {
		return file
	}
	abs, err := filepath.Abs(file)
	if err != nil {
		return file
	}
	// The root git prints has its symbolic links resolved; resolve the folder too.
	if dir, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		abs = filepath.Join(dir, filepath.Base(abs))
	}
	if r, err := filepath.EvalSymlinks(root); err == nil {
		root = r
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return file
	}
	return filepath.ToSlash(rel)
}

// pricesUsed are the price sheets an added or removed scenario names and
// the catalog entries its options use, for the one side it has.
func pricesUsed(d *workspace.Doc) []report.Change {
	var out []report.Change
	if s := sheetList(d); s != "" {
		out = append(out, report.Change{Field: "price_sheets", New: s})
	}
	if d.Catalog == nil {
		return out
	}
	for _, e := range d.Catalog.Entries {
		if k := entryKey(e); usedBy(d, k) && !slices.ContainsFunc(out, func(c report.Change) bool { return c.Field == k }) {
			out = append(out, report.Change{Field: k, New: entryText(e, d.Catalog.Currency)})
		}
	}
	return out
}

// beforeOnly moves changes to the old side: a removed file's prices.
func beforeOnly(cs []report.Change) []report.Change {
	for i := range cs {
		cs[i].Old, cs[i].New = cs[i].New, ""
	}
	return cs
}

// oneRepository refuses files from two work trees: one revision names one
// repository's history. A file outside every work tree is left to revFile,
// which says so.
func oneRepository(files []string) error {
	first := ""
	for _, f := range files {
		root, err := gitrev.Root(gitDir(f))
		if err != nil {
			continue
		}
		if first == "" {
			first = root
		} else if root != first {
			return fmt.Errorf("%s: outside the repository %s that the other files are in; run diff --rev once per repository", f, first)
		}
	}
	return nil
}
