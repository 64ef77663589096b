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

// The campaign's M1: a 302 from https to http was followed. Redirects stay
// on https and on the first URL's host, unless RedirectHosts names another;
// a redirect on the same host is followed.
func TestRedirectsStayOnHTTPSAndTheHost(t *testing.T) {
	plain := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("plain")) }))
	defer plain.Close()
	other := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("other")) }))
	defer other.Close()
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/to-http":
			http.Redirect(w, r, plain.URL+"/lm.json", http.StatusFound)
		case "/to-other":
			http.Redirect(w, r, other.URL+"/lm.json", http.StatusFound)
		case "/to-same":
			http.Redirect(w, r, "/lm.json", http.StatusMovedPermanently)
		case "/lm.json":
			w.Write([]byte("same"))
		}
	}))
	defer srv.Close()
	// One client that trusts both test servers' certificates.
	client := srv.Client()
	client.Transport.(*http.Transport).TLSClientConfig.RootCAs.AddCert(other.Certificate())
	f := &Fetcher{Client: client}
	for path, want := range map[string]string{
		"/to-http":  "redirected to " + plain.URL + "/lm.json, which is not https: refused",
		"/to-other": "redirected to " + other.URL + "/lm.json, another host than " + strings.TrimPrefix(srv.URL, "https://") + ": refused",
	} {
		if res, err := f.Get(context.Background(), srv.URL+path); err == nil || err.Error() != srv.URL+path+": "+want {
			t.Errorf("%s: %+v, %v; want %q", path, res, err, want)
		}
	}
	if res, err := f.Get(context.Background(), srv.URL+"/to-same"); err != nil || string(res.Body) != "same" {
		t.Errorf("same host: %+v, %v", res, err)
	}
	f.RedirectHosts = []string{strings.TrimPrefix(other.URL, "https://")}
	if res, err := f.Get(context.Background(), srv.URL+"/to-other"); err != nil || string(res.Body) != "other" {
		t.Errorf("an allowed host: %+v, %v", res, err)
	}
	if client.CheckRedirect != nil {
		t.Errorf("the caller's client was changed")
	}
}

// The campaign's M9: Last-Modified 2100-01-01 became a sheet's as_of. A
// date after the clock's is refused with both dates; today's is not.
func TestLastModifiedFromTheFutureRefused(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Last-Modified", r.URL.Query().Get("lm"))
		w.Write([]byte("body"))
	}))
	defer srv.Close()
	clock := func() time.Time { return time.Date(2026, 11, 27, 23, 0, 0, 0, time.UTC) }
	f := &Fetcher{Client: srv.Client(), Now: func() time.Time { return time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC) }, Clock: clock}
	u := srv.URL + "/?lm=Fri,%2001%20Jan%202100%2000:00:00%20GMT"
	if _, err := f.Get(context.Background(), u); err == nil || err.Error() != u+": Last-Modified 2100-01-01 is after today's date by the clock (2026-11-27): refused, a date from the future" {
		t.Errorf("2100: %v", err)
	}
	if res, err := f.Get(context.Background(), srv.URL+"/?lm=Fri,%2027%20Nov%202026%2022:00:00%20GMT"); err != nil || res.LastModified.Format(time.DateOnly) != "2026-11-27" {
		t.Errorf("today: %+v, %v", res, err)
	}
}
