package workspace

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The kill test: a child process rewrites a file with WriteAtomic in a loop,
// alternating two versions. On its chosen write it stops at one moment of
// the write-sync-rename cycle and says so; the parent kills it there with
// SIGKILL. So every kill is proved to land where it was aimed — half the
// temporary file written, the temporary file synced, or the rename done —
// and after each the file must be one of the two versions, whole: the old
// one before the rename, the new one after.

const (
	writerEnv = "TUNECOST_ATOMIC_WRITER" // the file the child writes
	pauseEnv  = "TUNECOST_ATOMIC_PAUSE"  // "phase:n": stop in phase of write n
	besideEnv = "TUNECOST_ATOMIC_BESIDE" // set: the child writes copies beside the file (WriteBeside)
)

// The moments a writer is killed at.
const (
	midWrite = "write"  // half the new bytes are in the temporary file
	synced   = "sync"   // the temporary file is whole and synced, not renamed
	renamed  = "rename" // the temporary file has replaced the original
)

func versions() ([]byte, []byte) {
	a := bytes.Repeat([]byte("old version line\n"), 60000) // ~1 MB
	b := bytes.Repeat([]byte("NEW VERSION LINE\n"), 70000)
	return a, b
}

// TestAtomicWriterChild is the child's body; it does nothing in a normal run.
func TestAtomicWriterChild(t *testing.T) {
	path := os.Getenv(writerEnv)
	if path == "" {
		t.Skip("runs only as the kill test's child process")
	}
	phase, at, _ := strings.Cut(os.Getenv(pauseEnv), ":")
	pauseAt, _ := strconv.Atoi(at)
	a, b := versions()
	for i := 0; ; i++ {
		data := a
		if i%2 == 1 {
			data = b
		}
		if i == pauseAt {
			pauseIn(phase, i)
		}
		write := WriteAtomic
		if os.Getenv(besideEnv) != "" {
			write = func(path string, data []byte) error { _, err := WriteBeside(path, data); return err }
		}
		if err := write(path, data); err != nil {
			os.Exit(3)
		}
	}
}

// pauseIn makes the next write stop in phase: it says "paused n" on stdout
// and waits to be killed.
func pauseIn(phase string, n int) {
	stop := func() {
		fmt.Printf("paused %d\n", n)
		os.Stdout.Sync()
		time.Sleep(time.Hour)
	}
	open, rename, link := fsys.OpenFile, fsys.Rename, fsys.Link
	fsys.OpenFile = func(name string, flag int, perm fs.FileMode) (file, error) {
		f, err := open(name, flag, perm)
		return &stoppingFile{file: f, phase: phase, stop: stop}, err
	}
	fsys.Rename = func(from, to string) error {
		err := rename(from, to)
		if phase == renamed {
			stop()
		}
		return err
	}
	fsys.Link = func(from, to string) error { // WriteNew's rename
		err := link(from, to)
		if phase == renamed {
			stop()
		}
		return err
	}
}

type stoppingFile struct {
	file
	phase string
	stop  func()
}

func (f *stoppingFile) Write(p []byte) (int, error) {
	if f.phase != midWrite {
		return f.file.Write(p)
	}
	n, err := f.file.Write(p[:len(p)/2])
	if err == nil {
		f.stop()
	}
	return n, err
}

func (f *stoppingFile) Sync() error {
	err := f.file.Sync()
	if f.phase == synced {
		f.stop()
	}
	return err
}

func TestKillDuringSaveLeavesAWholeFile(t *testing.T) {
	if testing.Short() {
		t.Skip("kill test skipped in -short mode")
	}
	a, b := versions()
	for _, phase := range []string{midWrite, synced, renamed} {
		for _, n := range []int{0, 3} { // the first write, and one after others
			t.Run(fmt.Sprintf("%s/write%d", phase, n), func(t *testing.T) { killIn(t, phase, n, a, b) })
		}
	}
}

// killIn starts a writer, kills it when it says it stopped in phase of its
// write n, and checks the file and what the writer left.
func killIn(t *testing.T, phase string, n int, a, b []byte) {
	dir := t.TempDir()
	path := filepath.Join(dir, "scenario.toml")
	if err := os.WriteFile(path, a, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestAtomicWriterChild$")
	cmd.Env = append(os.Environ(), writerEnv+"="+path, fmt.Sprintf("%s=%s:%d", pauseEnv, phase, n))
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if !waitPaused(out, n) {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("the writer never stopped in write %d", n)
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	// Write n writes b when n is odd; the file held the other version.
	before, writing := a, a
	if n%2 == 1 {
		writing = b
	} else if n > 0 {
		before = b
	}
	want := before
	if phase == renamed {
		want = writing
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("the file is not the %s version whole (%d bytes)", map[bool]string{true: "new", false: "old"}[phase == renamed], len(got))
	}
	// The proof of where the kill landed: the temporary file the writer
	// left, half or wholly written, or none once renamed. It is hidden and
	// never the target.
	var temps []int64
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() == "scenario.toml" {
			continue
		}
		if !strings.HasPrefix(e.Name(), ".scenario.toml.tmp-") {
			t.Errorf("unexpected file %s", e.Name())
		}
		info, _ := e.Info()
		temps = append(temps, info.Size())
	}
	wantTemps := map[string][]int64{midWrite: {int64(len(writing) / 2)}, synced: {int64(len(writing))}, renamed: nil}[phase]
	if fmt.Sprint(temps) != fmt.Sprint(wantTemps) {
		t.Errorf("temporary files of sizes %v left, want %v: the kill did not land %s", temps, wantTemps, phase)
	}
}

// waitPaused reads the writer's output until it says it stopped in write n.
func waitPaused(out interface{ Read([]byte) (int, error) }, n int) bool {
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		if sc.Text() == fmt.Sprintf("paused %d", n) {
			return true
		}
	}
	return false
}

// The campaign's M8: a kill during save beside (and save at a path, the
// cache copy: WriteNew) left s.edited-4.toml at 786,432 of 800,000 bytes.
// Killed at each moment of its third copy, the writer leaves every copy
// whole, or none under the new name; the next save removes the temporary
// file the killed writer left (L2).
func TestKillDuringCopyLeavesNoPartialFile(t *testing.T) {
	if testing.Short() {
		t.Skip("kill test skipped in -short mode")
	}
	a, b := versions()
	for _, phase := range []string{midWrite, synced, renamed} {
		t.Run(phase, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "s.toml")
			if err := os.WriteFile(path, a, 0o644); err != nil {
				t.Fatal(err)
			}
			killChild(t, path, phase, 2, besideEnv+"=1")
			copies, temps := 0, 0
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if strings.HasPrefix(e.Name(), ".") {
					temps++
					continue
				}
				got, _ := os.ReadFile(filepath.Join(dir, e.Name()))
				if !bytes.Equal(got, a) && !bytes.Equal(got, b) {
					t.Errorf("%s holds %d bytes, neither version whole", e.Name(), len(got))
				}
				copies++
			}
			wantCopies := map[string]int{midWrite: 3, synced: 3, renamed: 4}[phase] // s.toml and its copies
			if copies != wantCopies || temps != 1 {
				t.Errorf("%d files and %d temporary files, want %d and 1: the kill did not land %s", copies, temps, wantCopies, phase)
			}
			if _, err := WriteBeside(path, a); err != nil {
				t.Fatal(err)
			}
			for _, e := range dirNames(t, dir) {
				if strings.HasPrefix(e, ".") {
					t.Errorf("the next save left %s", e)
				}
			}
		})
	}
}

// killChild starts the writer child on path with env, and kills it once it
// says it stopped in phase of its write n.
func killChild(t *testing.T, path, phase string, n int, env ...string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestAtomicWriterChild$")
	cmd.Env = append(append(os.Environ(), writerEnv+"="+path, fmt.Sprintf("%s=%s:%d", pauseEnv, phase, n)), env...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	paused := waitPaused(out, n)
	cmd.Process.Kill()
	cmd.Wait()
	if !paused {
		t.Fatalf("the writer never stopped in write %d", n)
	}
}

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// A temporary file of a writer that is gone, and an old one without a pid,
// are removed by the next save; a live writer's and a young unnamed one
// are not, nor anything else.
func TestCleanTemps(t *testing.T) {
	dir := t.TempDir()
	gone := exec.Command("true")
	if err := gone.Run(); err != nil {
		t.Skip("no true command:", err)
	}
	names := map[string]bool{ // name: removed
		fmt.Sprintf(".s.toml.tmp-%d-0123456789ab", gone.Process.Pid): true,
		fmt.Sprintf(".s.toml.tmp-%d-0123456789ab", os.Getpid()):      false,
		fmt.Sprintf(".s.toml.tmp-%d-0123456789ab", os.Getppid()):     false,
		".old.toml.tmp-0123456789ab":                                 true,
		".young.toml.tmp-0123456789ab":                               false,
		"notes.tmp-1-0123456789ab":                                   false,
		fmt.Sprintf(".s.toml.tmp-%d-short", gone.Process.Pid):        false,
	}
	for n := range names {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-2 * oldTempAge)
	os.Chtimes(filepath.Join(dir, ".old.toml.tmp-0123456789ab"), old, old)
	if err := WriteAtomic(filepath.Join(dir, "s.toml"), []byte("y")); err != nil {
		t.Fatal(err)
	}
	left := map[string]bool{}
	for _, n := range dirNames(t, dir) {
		left[n] = true
	}
	for n, removed := range names {
		if left[n] == removed {
			t.Errorf("%s: removed %v, want %v", n, !left[n], removed)
		}
	}
}
