package fetch

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// A source is revalidated with If-Modified-Since when the server gave a
// Last-Modified; a body past the size limit is refused.
func TestFetchRevalidatesAndLimitsSize(t *testing.T) {
	var conditional []string
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/dated":
			if ims := r.Header.Get("If-Modified-Since"); ims != "" {
				conditional = append(conditional, ims)
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("Last-Modified", "Fri, 24 Jul 2026 10:00:00 GMT")
			w.Write([]byte("body"))
		case "/huge":
			chunk := []byte(strings.Repeat("x", 1<<20))
			for range 33 {
				w.Write(chunk)
			}
		}
	}))
	defer srv.Close()
	f := &Fetcher{Client: srv.Client(), CacheDir: t.TempDir(), Now: func() time.Time { return time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC) }}
	first, err := f.Get(context.Background(), srv.URL+"/dated")
	if err != nil || string(first.Body) != "body" || first.FromCache || first.LastModified.Format(time.DateOnly) != "2026-07-24" {
		t.Fatalf("first: %+v, %v", first, err)
	}
	again, err := f.Get(context.Background(), srv.URL+"/dated")
	if err != nil || string(again.Body) != "body" || !again.FromCache || len(conditional) != 1 || conditional[0] != "Fri, 24 Jul 2026 10:00:00 GMT" {
		t.Errorf("second: %+v, %v, conditional %v", again, err, conditional)
	}
	if _, err := f.Get(context.Background(), srv.URL+"/huge"); err == nil || !strings.Contains(err.Error(), "larger than 32 MiB") {
		t.Errorf("33 MiB: %v", err)
	}
}
