package views

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The campaign's M6: a repository ships support.md -> a file outside it;
// x said "support.md exists. o: overwrite it" and o replaced the file
// outside. Now the question names the link, its target and that it leaves
// the scenario's folder; n writes a new file and leaves the target alone.
func TestExportAsksAboutALink(t *testing.T) {
	docs, dir := fixtureDocs(t, "support.toml")
	victim := filepath.Join(t.TempDir(), "victim.txt")
	mine := []byte("not an export\n")
	if err := os.WriteFile(victim, mine, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(victim, filepath.Join(dir, "support.md")); err != nil {
		t.Fatal(err)
	}
	cfg := testConfig()
	cfg.Dir = dir
	m := press(t, sized(newModel(docs, cfg), 200, 40), "x")
	for _, want := range []string{"is a link to " + victim, "outside the scenario's folder", "o: overwrite its target"} {
		if !strings.Contains(m.status, want) {
			t.Errorf("the question lacks %q: %q", want, m.status)
		}
	}
	m = press(t, m, "n")
	if data, _ := os.ReadFile(victim); string(data) != string(mine) {
		t.Errorf("n wrote through the link")
	}
	if data, err := os.ReadFile(filepath.Join(dir, "support-2.md")); err != nil || !strings.Contains(string(data), "RAG gpt-4.1-mini") {
		t.Errorf("n did not write support-2.md: %v (%s)", err, m.status)
	}
}
