package cli

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tunecost/tunecost/pricing"
)

// sourceServer serves the real samples over HTTPS: LiteLLM's map with a
// Last-Modified and an ETag, SkyPilot's AWS catalog with neither.
func sourceServer(t *testing.T) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	litellm, err := os.ReadFile("../pricing/testdata/litellm-2026-07-24-subset.json")
	if err != nil {
		t.Fatal(err)
	}
	aws, err := os.ReadFile("../pricing/testdata/skypilot/aws-v8-vms.sample.csv")
	if err != nil {
		t.Fatal(err)
	}
	var notModified atomic.Int32
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/litellm.json":
			if r.Header.Get("If-None-Match") == `"v1"` {
				notModified.Add(1)
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", `"v1"`)
			w.Header().Set("Last-Modified", "Fri, 24 Jul 2026 10:00:00 GMT")
			w.Write(litellm)
		case "/aws/vms.csv":
			w.Write(aws)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv, &notModified
}

func updateApp(t *testing.T, srv *httptest.Server) (*App, *strings.Builder, *strings.Builder) {
	var out, errOut strings.Builder
	a := &App{Stdout: &out, Stderr: &errOut, Version: "test", HTTPClient: srv.Client(), CacheDir: t.TempDir(),
		Now: func() time.Time { return time.Date(2026, 11, 27, 15, 0, 0, 0, time.UTC) }}
	return a, &out, &errOut
}

func TestPricesUpdate(t *testing.T) {
	srv, notModified := sourceServer(t)
	a, _, errOut := updateApp(t, srv)
	a.StderrIsTerminal = true
	sheetPath := filepath.Join(t.TempDir(), "update.toml")
	args := []string{"prices", "update", "--out", sheetPath, "--litellm-url", srv.URL + "/litellm.json", "--skypilot-url", "aws=" + srv.URL + "/aws/vms.csv"}
	if code := a.Run(args); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(errOut.String(), "fetching "+srv.URL+"/litellm.json …") {
		t.Errorf("no progress line on a terminal:\n%s", errOut)
	}
	data, err := os.ReadFile(sheetPath)
	if err != nil {
		t.Fatal(err)
	}
	sh, diags := pricing.Parse(sheetPath, data)
	if len(diags) != 0 {
		t.Fatalf("%v\n%s", diags, data)
	}
	cat, diags := pricing.Layer(pricing.Builtin(), sh)
	if len(diags) != 0 {
		t.Fatal(diags)
	}
	// LiteLLM's entries are dated by its Last-Modified, the AWS catalog's
	// (no Last-Modified) by the fetch, and its source says so.
	mini, _ := cat.Lookup(pricing.TableAPIModel, "gpt-4.1-mini")
	p5, _ := cat.Lookup(pricing.TableOffer, "aws/p5.48xlarge")
	if mini.AsOf.Format(time.DateOnly) != "2026-07-24" || p5.AsOf.Format(time.DateOnly) != "2026-11-27" || sh.AsOf.Format(time.DateOnly) != "2026-07-24" {
		t.Errorf("as_of: gpt-4.1-mini %v, p5 %v, sheet %v", mini.AsOf, p5.AsOf, sh.AsOf)
	}
	if !strings.Contains(p5.Source, "no Last-Modified: dated by the fetch, 2026-11-27") || !strings.Contains(mini.Source, "Last-Modified 2026-07-24") {
		t.Errorf("sources %q / %q", p5.Source, mini.Source)
	}
	if m := mini.Item.(interface{ Managed() bool }); !m.Managed() {
		t.Error("the update keeps gpt-4.1-mini's fine-tuning prices")
	}

	// Again: the cached copy is revalidated with its ETag (304).
	errOut.Reset()
	if code := a.Run(args); code != ExitOK || notModified.Load() != 1 || !strings.Contains(errOut.String(), "not modified") {
		t.Errorf("second run: exit %d, 304s %d\n%s", code, notModified.Load(), errOut)
	}
}

// An HTTP error or an unreachable server: one clear line, exit 1, no file,
// and an existing file left as it was.
func TestPricesUpdateFailureWritesNothing(t *testing.T) {
	srv, _ := sourceServer(t)
	dir := t.TempDir()
	existing := filepath.Join(dir, "prices.toml")
	os.WriteFile(existing, []byte("# mine\n"), 0o644)
	cases := map[string][]string{
		"404":     {"--litellm-url", srv.URL + "/litellm.json", "--skypilot-url", "aws=" + srv.URL + "/nowhere.csv"},
		"offline": {"--litellm-url", "https://127.0.0.1:1/litellm.json", "--skypilot-url", ""},
		"http":    {"--litellm-url", "http://example.com/x.json", "--skypilot-url", ""},
	}
	want := map[string]string{
		"404":     srv.URL + "/nowhere.csv: HTTP 404 Not Found",
		"offline": "https://127.0.0.1:1/litellm.json: cannot fetch (offline, or the server is unreachable): ",
		"http":    "http://example.com/x.json: not an https URL",
	}
	for name, extra := range cases {
		a, _, errOut := updateApp(t, srv)
		code := a.Run(append([]string{"prices", "update", "--out", existing}, extra...))
		lines := strings.Split(strings.TrimSpace(errOut.String()), "\n")
		if code != ExitInvalid || len(lines) != 1 || !strings.HasPrefix(lines[0], want[name]) {
			t.Errorf("%s: exit %d, %q", name, code, errOut)
		}
		if data, _ := os.ReadFile(existing); string(data) != "# mine\n" {
			t.Errorf("%s: the file was changed", name)
		}
	}
	a, _, errOut := updateApp(t, srv)
	if code := a.Run([]string{"prices", "update", "--out", existing, "--litellm-url", "", "--skypilot-url", ""}); code != ExitUsage {
		t.Errorf("nothing to fetch: exit %d %s", code, errOut)
	}
}

// TestPricesUpdateNeverWritesASheetTunecostRefuses (M2): a map of 25,000
// chat models updates to a sheet past 2 MiB; the update names the limit
// and leaves the existing file as it was.
func TestPricesUpdateNeverWritesASheetTunecostRefuses(t *testing.T) {
	var b strings.Builder
	b.WriteString("{")
	for i := range 25000 {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `"model-%05d": {"mode": "chat", "litellm_provider": "p", "input_cost_per_token": 1e-06, "output_cost_per_token": 2e-06}`, i)
	}
	b.WriteString("}")
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, b.String()) }))
	t.Cleanup(srv.Close)
	existing := filepath.Join(t.TempDir(), "prices.toml")
	os.WriteFile(existing, []byte("# mine\n"), 0o644)
	a, _, errOut := updateApp(t, srv)
	code := a.Run([]string{"prices", "update", "--out", existing, "--litellm-url", srv.URL + "/lm.json", "--skypilot-url", ""})
	if code != ExitInvalid || !strings.Contains(errOut.String(), "a price sheet may") {
		t.Errorf("exit %d, %q", code, errOut)
	}
	if data, _ := os.ReadFile(existing); string(data) != "# mine\n" {
		t.Error("the file was changed")
	}
}
