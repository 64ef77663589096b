package cli

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// A source whose Last-Modified and ETag move on every request while its
// bytes stay the same: what a mirror re-publishing an unchanged file does.
func movingSource(t *testing.T) *httptest.Server {
	t.Helper()
	litellm, err := os.ReadFile("../pricing/testdata/litellm-2026-07-24-subset.json")
	if err != nil {
		t.Fatal(err)
	}
	var n atomic.Int32
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		k := n.Add(1)
		days := []string{"Fri, 24 Jul 2026 10:00:00 GMT", "Fri, 20 Nov 2026 10:00:00 GMT"}
		w.Header().Set("Last-Modified", days[min(int(k)-1, 1)])
		w.Header().Set("ETag", `"rev`+string(rune('0'+k))+`"`)
		w.Write(litellm)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// Done when (issue 21): prices update run twice on the same source with a
// new Last-Modified changes no entry's lines, at most the sheet's header,
// records the source's revision, and prices diff between them says "no change".
func TestPricesUpdateUnchangedRefreshKeepsEntries(t *testing.T) {
	srv := movingSource(t)
	dir := t.TempDir()
	first, second := filepath.Join(dir, "first.toml"), filepath.Join(dir, "prices.toml")
	args := func(out string) []string {
		return []string{"prices", "update", "--out", out, "--litellm-url", srv.URL + "/litellm.json", "--skypilot-url", ""}
	}
	a, _, errOut := updateApp(t, srv)
	if code := a.Run(args(second)); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	before, _ := os.ReadFile(second)
	os.WriteFile(first, before, 0o644)

	a, _, errOut = updateApp(t, srv)
	a.CacheDir = t.TempDir() // no revalidation: a full download with the new Last-Modified
	if code := a.Run(args(second)); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	after, _ := os.ReadFile(second)
	old, fresh := strings.Split(string(before), "\n"), strings.Split(string(after), "\n")
	if len(old) != len(fresh) {
		t.Fatalf("%d lines, then %d", len(old), len(fresh))
	}
	firstEntry := strings.Index(string(after), "\n[[")
	headerLines := strings.Count(string(after[:firstEntry]), "\n")
	var changed []int
	for i := range old {
		if old[i] != fresh[i] {
			changed = append(changed, i+1)
			if i >= headerLines {
				t.Errorf("line %d of an entry changed: %q → %q", i+1, old[i], fresh[i])
			}
		}
	}
	if len(changed) == 0 || !strings.Contains(string(after), `(Last-Modified 2026-11-20, ETag \"rev2\")`) {
		t.Errorf("the header should say the new Last-Modified and revision; changed lines %v\n%s", changed, after[:firstEntry])
	}
	if !strings.Contains(errOut.String(), "unchanged entries keep their as_of and source") {
		t.Errorf("stderr %q", errOut)
	}

	out, _, code := run(t, "prices", "diff", first, second)
	if code != ExitOK || !strings.HasSuffix(out, "no change\n") {
		t.Errorf("diff: exit %d\n%s", code, out)
	}
}

// --base must be a valid sheet; a non-sheet at --out is simply replaced.
func TestPricesUpdateBase(t *testing.T) {
	srv := movingSource(t)
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.toml")
	os.WriteFile(bad, []byte("[sheet]\nname = 1\n"), 0o644)
	a, _, errOut := updateApp(t, srv)
	code := a.Run([]string{"prices", "update", "--out", filepath.Join(dir, "x.toml"), "--base", bad, "--litellm-url", srv.URL + "/l.json", "--skypilot-url", ""})
	if code != ExitInvalid || !strings.Contains(errOut.String(), "the base sheet has errors") {
		t.Errorf("exit %d: %s", code, errOut)
	}
}

// tunecost prices warns when a sheet layers an entry over a newer one.
func TestPricesWarnsOlderOverNewer(t *testing.T) {
	_, errOut, code := run(t, "prices", "--sheet", "testdata/stale/old-offer.toml")
	if code != ExitOK || !strings.Contains(errOut, `warning: offer "aws/g6e.xlarge" (as_of 2025-06-30) replaces the newer entry of sheet "tunecost built-in" (as_of `) {
		t.Errorf("exit %d: %s", code, errOut)
	}
}
