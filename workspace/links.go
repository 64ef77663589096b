package workspace

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Link is a symbolic link found where a file is about to be written: a
// repository may ship s.md -> ../victim.txt beside s.toml, and writing
// "s.md" would replace a file outside it (the campaign's M6).
type Link struct {
	Path    string // the link
	Dest    string // what it points to, as written in the link
	Real    string // its target, absolute, links resolved
	Outside string // the tree of the scenario the target leaves ("" when inside, or no scenario given)
}

// LinkAt reports the symbolic link at path, if there is one; scenario,
// when not "", is the file whose tree (its git work tree, else its folder)
// the target is checked against.
func LinkAt(path, scenario string) (Link, bool) {
	info, err := os.Lstat(path)
	if err != nil || info.Mode()&fs.ModeSymlink == 0 {
		return Link{}, false
	}
	dest, _ := os.Readlink(path)
	real := dest
	if !filepath.IsAbs(real) {
		real = filepath.Join(filepath.Dir(path), real)
	}
	l := Link{Path: path, Dest: dest, Real: realPath(real)}
	if scenario != "" {
		if t := scenarioTree(scenario); !within(l.Real, t.root) {
			l.Outside = t.root
		}
	}
	return l, true
}

// String says what the link is, and where it leads when that is outside
// the scenario's tree.
func (l Link) String() string {
	s := fmt.Sprintf("%s is a symbolic link to %s", l.Path, l.Dest)
	if l.Real != l.Dest {
		s += " (" + l.Real + ")"
	}
	if l.Outside != "" {
		s += ", outside the scenario's folder " + l.Outside
	}
	return s
}
