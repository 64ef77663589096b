//go:build unix

package fetch

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"syscall"
	"testing"
	"time"
)

// The campaign's L1: a FIFO in the cache made Get wait forever before any
// request; it is ignored as no cache.
func TestCacheFIFOIgnored(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Last-Modified", "Fri, 24 Jul 2026 10:00:00 GMT")
		w.Write([]byte("body"))
	}))
	defer srv.Close()
	f := &Fetcher{Client: srv.Client(), CacheDir: t.TempDir()}
	if _, err := f.Get(context.Background(), srv.URL+"/x"); err != nil {
		t.Fatal(err)
	}
	body, _ := f.cachePaths(srv.URL + "/x")
	os.Remove(body)
	if err := syscall.Mkfifo(body, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	done := make(chan error, 1)
	go func() { _, err := f.Get(context.Background(), srv.URL+"/x"); done <- err }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("with a FIFO in the cache: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Get waits on the FIFO in its cache")
	}
}
