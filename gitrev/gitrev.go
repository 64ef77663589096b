// Package gitrev reads a file as it was at a git revision, so that a
// scenario can be compared with its committed version (tunecost's diff).
package gitrev

import (
	"bytes"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/tunecost/tunecost/gate"
)

// Errors callers tell apart, to say what to do instead.
var (
	// ErrNotWorkTree: the file is not inside a git work tree.
	ErrNotWorkTree = errors.New("not inside a git work tree")
	// ErrUnknownRevision: the revision names no commit.
	ErrUnknownRevision = errors.New("unknown revision")
	// ErrNotAtRevision: the revision has no such file (a file added since).
	ErrNotAtRevision = errors.New("not in git at that revision")
)

// MaxBytes is the largest blob Show reads: the scenario size limit (a
// price sheet's is larger: ShowUpTo). A blob is measured with git cat-file
// -s before a byte of it is read.
const MaxBytes = gate.MaxScenarioBytes

// Show returns file's content at revision rev (a commit, branch, tag or an
// expression such as HEAD~1). It runs git in the file's directory with a
// ./-relative path, so the path is resolved from there, not from the
// repository root. Errors say which of work tree, revision or path is wrong.
func Show(file, rev string) ([]byte, error) {
	return show(file, rev, MaxBytes)
}

// ShowUpTo is Show for a file whose limit is not the scenario's: a price
// sheet a scenario names is read up to gate.MaxSheetBytes.
func ShowUpTo(file, rev string, limit int64) ([]byte, error) {
	return show(file, rev, limit)
}

func show(file, rev string, limit int64) ([]byte, error) {
	if err := checkRev(rev); err != nil {
		return nil, err
	}
	dir, base := filepath.Split(file)
	if dir == "" {
		dir = "."
	}
	if base == "" {
		return nil, fmt.Errorf("gitrev: %q names a directory, not a file", file)
	}
	if err := workTree(dir, file); err != nil {
		return nil, err
	}
	if _, err := git(dir, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}"); err != nil {
		return nil, unknownRevision(dir, rev)
	}
	blob, err := blobID(dir, rev+":./"+base)
	if err != nil { // git's text ("fatal: path … exists on disk, but not in …") says no more
		return nil, fmt.Errorf("gitrev: %s does not exist at %s: %w", file, rev, ErrNotAtRevision)
	}
	if err := checkBlob(dir, blob, limit); err != nil {
		return nil, fmt.Errorf("gitrev: %s at %s: %w", file, rev, err)
	}
	return git(dir, "cat-file", "blob", blob)
}

// blobID resolves an object name such as HEAD:./a.toml to its id.
func blobID(dir, name string) (string, error) {
	out, err := git(dir, "rev-parse", "--verify", "--end-of-options", name)
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(string(out)), nil
}

// checkBlob refuses an object that is not a file's content or is larger
// than limit, before anything reads it.
func checkBlob(dir, id string, limit int64) error {
	kind, err := git(dir, "cat-file", "-t", id)
	if err != nil {
		return err
	}
	if k := strings.TrimSpace(string(kind)); k != "blob" {
		return fmt.Errorf("is a %s, not a file", k)
	}
	out, err := git(dir, "cat-file", "-s", id)
	if err != nil {
		return err
	}
	size, err := strconv.ParseInt(strings.TrimSpace(string(out)), 10, 64)
	if err != nil {
		return fmt.Errorf("git cat-file -s said %q", strings.TrimSpace(string(out)))
	}
	if size > limit {
		return errors.New(gate.TooLarge(int(limit)))
	}
	return nil
}

// git runs git -C dir args… and returns its stdout; on failure the error
// carries git's first line of stderr.
func git(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	// Never page or prompt: this runs headless.
	cmd.Env = append(cmd.Environ(), "GIT_PAGER=cat", "GIT_TERMINAL_PROMPT=0")
	if err := cmd.Run(); err != nil {
		msg, _, _ := strings.Cut(strings.TrimSpace(stderr.String()), "\n")
		if msg == "" {
			return nil, err
		}
		return nil, fmt.Errorf("%s", msg)
	}
	return stdout.Bytes(), nil
}
