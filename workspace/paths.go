package workspace

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/tunecost/tunecost/scenarios"
)

// tree is the folder a scenario's own paths (price_sheets, extends) must
// stay in: its git work tree, else its folder. Paths on the command line
// are trusted and never checked.
type tree struct {
	root string // real path (symbolic links resolved); "" checks nothing
	git  bool
}

// scenarioTree finds the tree of the scenario at path: the nearest folder
// at or above the scenario's own (after resolving symbolic links) holding
// a .git folder or file (a worktree or submodule has a file).
func scenarioTree(path string) tree {
	dir := realPath(filepath.Dir(path))
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return tree{root: d, git: true}
		}
		if filepath.Dir(d) == d {
			return tree{root: dir}
		}
	}
}

// realPath is path made absolute with symbolic links resolved, or as
// absolute as it can be when it does not exist.
func realPath(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		return real
	}
	return filepath.Clean(abs)
}

// confine returns the real path of ref's file, or why it may not be read:
// both the path as written and the file a symbolic link leads to must be
// inside the tree. A file that does not exist is left to the reader to
// report, unless its path already leaves the tree.
func (t tree) confine(ref scenarios.Ref) (string, string) {
	written := filepath.Join(realPath(filepath.Dir(ref.Src)), filepath.FromSlash(ref.Path))
	if t.root == "" {
		return written, ""
	}
	if !within(written, t.root) {
		return "", t.escape(ref)
	}
	real, err := filepath.EvalSymlinks(written)
	if err != nil {
		return written, ""
	}
	if !within(real, t.root) {
		return "", t.escape(ref)
	}
	return real, ""
}

func (t tree) escape(ref scenarios.Ref) string {
	where := "folder"
	if t.git {
		where = "git work tree"
	}
	return fmt.Sprintf("%s = %q: must stay inside the scenario's %s (%s)", ref.Label, ref.Path, where, t.root)
}

// within reports whether path is root or below it (both clean and absolute).
func within(path, root string) bool {
	rel, err := filepath.Rel(root, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}
