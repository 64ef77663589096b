package gitrev

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// repo creates a git repository with two commits: the first adds
// scenarios/a.toml ("v1"), the second changes it ("v2") and adds b.toml.
func repo(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	run := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
		// Isolate from the user's and the system's git configuration.
		cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
			"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	write := func(name, content string) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run("init", "-q")
	write("scenarios/a.toml", "v1\n")
	run("add", ".")
	run("commit", "-q", "-m", "one")
	write("scenarios/a.toml", "v2\n")
	write("scenarios/b.toml", "b\n")
	run("add", ".")
	run("commit", "-q", "-m", "two")
	write("scenarios/a.toml", "working tree\n")
	return dir
}

func TestShow(t *testing.T) {
	dir := repo(t)
	file := filepath.Join(dir, "scenarios", "a.toml")
	for rev, want := range map[string]string{"HEAD": "v2\n", "HEAD~1": "v1\n", "HEAD^": "v1\n"} {
		got, err := Show(file, rev)
		if err != nil || string(got) != want {
			t.Errorf("Show(a.toml, %s) = %q, %v; want %q", rev, got, err, want)
		}
	}
}

// TestShowRelative: a relative path is resolved from the current directory.
func TestShowRelative(t *testing.T) {
	dir := repo(t)
	t.Chdir(filepath.Join(dir, "scenarios"))
	got, err := Show("a.toml", "HEAD~1")
	if err != nil || string(got) != "v1\n" {
		t.Errorf("Show(a.toml, HEAD~1) = %q, %v", got, err)
	}
}

func TestShowErrors(t *testing.T) {
	dir := repo(t)
	file := filepath.Join(dir, "scenarios", "a.toml")
	cases := []struct {
		file, rev, want string
	}{
		{file, "nosuchbranch", `unknown revision "nosuchbranch"`},
		{filepath.Join(dir, "scenarios", "b.toml"), "HEAD~1", "does not exist at HEAD~1"},
		{filepath.Join(dir, "scenarios", "missing.toml"), "HEAD", "does not exist at HEAD"},
		{file, "--output=/tmp/x", "invalid revision"},
		{file, "HEAD:other", "invalid revision"},
		{file, "", "invalid revision"},
		{dir + "/", "HEAD", "names a directory"},
	}
	for _, c := range cases {
		_, err := Show(c.file, c.rev)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Show(%q, %q) error = %v, want one containing %q", c.file, c.rev, err, c.want)
		}
		// No raw git text ("fatal: path 'x' exists on disk, but not in 'HEAD'").
		if err != nil && (strings.Contains(err.Error(), "fatal") || strings.Contains(err.Error(), "exists on disk")) {
			t.Errorf("Show(%q, %q) error carries git's text: %v", c.file, c.rev, err)
		}
	}
	// A file added since the revision, and a revision that names nothing,
	// are told apart for the caller.
	if _, err := Show(filepath.Join(dir, "scenarios", "b.toml"), "HEAD~1"); !errors.Is(err, ErrNotAtRevision) {
		t.Errorf("b.toml at HEAD~1: %v, want ErrNotAtRevision", err)
	}
	if _, err := Show(file, "nosuchbranch"); !errors.Is(err, ErrUnknownRevision) {
		t.Errorf("nosuchbranch: %v, want ErrUnknownRevision", err)
	}
}

func TestShowNotWorkTree(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	// Stop git from finding a repository above the temporary directory.
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
	file := filepath.Join(dir, "a.toml")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Show(file, "HEAD")
	if !errors.Is(err, ErrNotWorkTree) || strings.Contains(err.Error(), "fatal") {
		t.Errorf("Show outside a work tree: %v, want ErrNotWorkTree without git's text", err)
	}
}

// TestShowSizeLimit: a blob over the limit is refused from its size (git
// cat-file -s), without reading it; "v2\n" is 3 bytes.
func TestShowSizeLimit(t *testing.T) {
	dir := repo(t)
	file := filepath.Join(dir, "scenarios", "a.toml")
	if got, err := show(file, "HEAD", 3); err != nil || string(got) != "v2\n" {
		t.Errorf("show at the limit = %q, %v", got, err)
	}
	_, err := show(file, "HEAD", 2)
	if err == nil || !strings.Contains(err.Error(), "larger than 2 bytes") {
		t.Errorf("show over the limit: %v", err)
	}
	_, err = Show(filepath.Join(dir, "scenarios"), "HEAD")
	if err == nil || !strings.Contains(err.Error(), "is a tree, not a file") {
		t.Errorf("Show of a directory at HEAD: %v", err)
	}
}

// TestFilesCommitRefs: the folder's files at a revision, the short commit,
// and the refs completion offers.
func TestFilesCommitRefs(t *testing.T) {
	dir := repo(t)
	scen := filepath.Join(dir, "scenarios")
	for rev, want := range map[string]string{"HEAD": "a.toml b.toml", "HEAD~1": "a.toml"} {
		files, err := Files(scen, rev)
		var names []string
		for _, f := range files {
			names = append(names, filepath.Base(f))
		}
		if err != nil || strings.Join(names, " ") != want {
			t.Errorf("Files(scenarios, %s) = %v, %v; want %s", rev, names, err, want)
		}
	}
	if files, err := Files(dir, "HEAD"); err != nil || len(files) != 0 {
		t.Errorf("Files(root) = %v, %v: the subfolder's files are not the root's", files, err)
	}
	c, err := Commit(scen, "HEAD")
	if err != nil || len(c) < 7 {
		t.Errorf("Commit = %q, %v", c, err)
	}
	if _, err := Commit(scen, "HEAD~5"); !errors.Is(err, ErrUnknownRevision) || errors.Is(err, ErrShallow) {
		t.Errorf("Commit(HEAD~5) = %v", err)
	}
	if refs := Refs(scen); len(refs) != 1 {
		t.Errorf("Refs = %v, want the one branch", refs)
	}
}

// TestShallowClone: in a clone of depth 1 an older revision is unknown and
// the error says the clone is shallow.
func TestShallowClone(t *testing.T) {
	dir := repo(t)
	clone := filepath.Join(t.TempDir(), "c")
	if out, err := exec.Command("git", "clone", "-q", "--depth", "1", "file://"+dir, clone).CombinedOutput(); err != nil {
		t.Fatalf("%v %s", err, out)
	}
	_, err := Show(filepath.Join(clone, "scenarios", "a.toml"), "HEAD~1")
	if !errors.Is(err, ErrShallow) || !errors.Is(err, ErrUnknownRevision) {
		t.Errorf("Show in a shallow clone: %v", err)
	}
}
