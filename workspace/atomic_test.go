package workspace

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// The kill test: a child process rewrites a file with WriteAtomic in a loop,
// alternating two versions, and the parent kills it with SIGKILL at moments
// spread over the write-sync-rename cycle. After every kill the file must be
// one of the two versions, whole.

const writerEnv = "TUNECOST_ATOMIC_WRITER"

func versions() ([]byte, []byte) {
	a := bytes.Repeat([]byte("old version line\n"), 60000) // ~1 MB, so a write takes a while
	b := bytes.Repeat([]byte("NEW VERSION LINE\n"), 70000)
	return a, b
}

// TestAtomicWriterChild is the child's body; it does nothing in a normal run.
func TestAtomicWriterChild(t *testing.T) {
	path := os.Getenv(writerEnv)
	if path == "" {
		t.Skip("runs only as the kill test's child process")
	}
	a, b := versions()
	for i := 0; ; i++ {
		data := a
		if i%2 == 1 {
			data = b
		}
		if err := WriteAtomic(path, data); err != nil {
			os.Exit(3)
		}
	}
}

func TestKillDuringSaveLeavesAWholeFile(t *testing.T) {
	if testing.Short() {
		t.Skip("kill test skipped in -short mode")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "scenario.toml")
	a, b := versions()
	if err := os.WriteFile(path, a, 0o644); err != nil {
		t.Fatal(err)
	}
	for round := 0; round < 12; round++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestAtomicWriterChild$")
		cmd.Env = append(os.Environ(), writerEnv+"="+path)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Spread the kills over different phases of the cycle.
		time.Sleep(time.Duration(20+round*7) * time.Millisecond)
		cmd.Process.Kill()
		cmd.Wait()
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		if !bytes.Equal(got, a) && !bytes.Equal(got, b) {
			t.Fatalf("round %d: the file is neither version whole (%d bytes)", round, len(got))
		}
	}
	// Temporary files of killed writers may remain; they are hidden and never the target.
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != "scenario.toml" && e.Name()[0] != '.' {
			t.Errorf("unexpected file %s", e.Name())
		}
	}
}
