package gitrev

import (
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
)

// ErrShallow: the revision is unknown and the clone is shallow, so it may
// simply not have been fetched (actions/checkout fetches one commit).
var ErrShallow = errors.New("this clone is shallow")

// ErrInvalidRevision: the revision is not one git could name (a leading
// dash, a colon, a newline).
var ErrInvalidRevision = errors.New("invalid revision")

// Commit is rev's commit as an abbreviated hash ("1a2b3c4"), resolved in
// the repository holding dir. Errors are those of Show: not a work tree, an
// unknown revision (ErrShallow too on a shallow clone).
func Commit(dir, rev string) (string, error) {
	if err := checkRev(rev); err != nil {
		return "", err
	}
	if err := workTree(dir, dir); err != nil {
		return "", err
	}
	out, err := git(dir, "rev-parse", "--verify", "--quiet", "--short", "--end-of-options", rev+"^{commit}")
	if err != nil {
		return "", unknownRevision(dir, rev)
	}
	return strings.TrimSpace(string(out)), nil
}

// Root is the top folder of the work tree holding dir.
func Root(dir string) (string, error) {
	out, err := git(dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return "", fmt.Errorf("gitrev: %s: %w", dir, ErrNotWorkTree)
	}
	return strings.TrimSpace(string(out)), nil
}

// Files lists the *.toml files directly in dir (not in its subfolders) as
// they were at rev, as paths joined to dir, in name order. A folder that
// did not exist at rev has none.
func Files(dir, rev string) ([]string, error) {
	if err := checkRev(rev); err != nil {
		return nil, err
	}
	if err := workTree(dir, dir); err != nil {
		return nil, err
	}
	if _, err := git(dir, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}"); err != nil {
		return nil, unknownRevision(dir, rev)
	}
	// ls-tree names paths relative to the folder git runs in.
	out, err := git(dir, "ls-tree", "-z", "--end-of-options", rev, "--", ".")
	if err != nil {
		return nil, fmt.Errorf("gitrev: %s at %s: %s", dir, rev, err)
	}
	var files []string
	for _, rec := range strings.Split(string(out), "\x00") {
		meta, name, ok := strings.Cut(rec, "\t")
		if !ok || !strings.HasSuffix(name, ".toml") || strings.Contains(name, "/") {
			continue
		}
		if f := strings.Fields(meta); len(f) == 3 && f[1] == "blob" {
			files = append(files, filepath.Join(dir, name))
		}
	}
	return files, nil
}

// Refs are the branches, remote branches and tags of the repository
// holding dir, short names, for shell completion; nil outside git.
func Refs(dir string) []string {
	out, err := git(dir, "for-each-ref", "--format=%(refname:short)", "refs/heads", "refs/remotes", "refs/tags")
	if err != nil {
		return nil
	}
	var refs []string
	for _, r := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if r != "" && !strings.HasSuffix(r, "/HEAD") {
			refs = append(refs, r)
		}
	}
	return refs
}

// checkRev refuses a revision git would read as an option or that would
// change the object name.
func checkRev(rev string) error {
	if rev == "" || strings.HasPrefix(rev, "-") || strings.ContainsAny(rev, ":\x00\n") {
		return fmt.Errorf("gitrev: %w %q", ErrInvalidRevision, rev)
	}
	return nil
}

// workTree says whether dir is inside a git work tree; what is named in the
// error is what.
func workTree(dir, what string) error {
	out, err := git(dir, "rev-parse", "--is-inside-work-tree")
	if err == nil && strings.TrimSpace(string(out)) == "true" {
		return nil
	}
	if errors.Is(err, exec.ErrNotFound) {
		return fmt.Errorf("gitrev: git is not installed: %w", err)
	}
	if err != nil && !strings.Contains(err.Error(), "not a git repository") {
		// git's reason, e.g. "detected dubious ownership", helps more than ours.
		return fmt.Errorf("gitrev: %s: %w: %s", what, ErrNotWorkTree, strings.TrimPrefix(err.Error(), "fatal: "))
	}
	return fmt.Errorf("gitrev: %s: %w", what, ErrNotWorkTree)
}

// unknownRevision is the error for a revision that names no commit; on a
// shallow clone it wraps ErrShallow as well, as fetching may be the cure.
func unknownRevision(dir, rev string) error {
	if out, err := git(dir, "rev-parse", "--is-shallow-repository"); err == nil && strings.TrimSpace(string(out)) == "true" {
		return fmt.Errorf("gitrev: %w %q: %w", ErrUnknownRevision, rev, ErrShallow)
	}
	return fmt.Errorf("gitrev: %w %q", ErrUnknownRevision, rev)
}
