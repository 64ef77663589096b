// Package fetch downloads the public price sources of `tunecost prices
// update` over HTTPS, with a cache under the user's cache directory that
// revalidates with ETag and If-Modified-Since. It reads no more than
// pricing.MaxSourceBytes of any response.
package fetch

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/tunecost/tunecost/pricing"
)

// Result is one downloaded source.
type Result struct {
	URL          string
	Body         []byte
	LastModified time.Time // zero when the server sent none
	Fetched      time.Time // when the body was downloaded (or revalidated)
	FromCache    bool      // the server answered 304 Not Modified
	ETag         string    // the body's revision as the server names it; "" when it sent none
}

// Fetcher downloads sources. Client defaults to one with a 60 s timeout;
// CacheDir "" disables the cache. Now dates the downloads; Clock is the
// machine's clock, against which a Last-Modified from the future is
// refused (Now when nil, then time.Now). Whatever the client, redirects
// are followed only to https URLs on the first URL's host or one of
// RedirectHosts (none by default: docs/sheets.md).
type Fetcher struct {
	Client        *http.Client
	CacheDir      string
	Now           func() time.Time
	Clock         func() time.Time
	RedirectHosts []string
}

// maxRedirects is how many redirects one download follows (net/http's
// default).
const maxRedirects = 10

// DefaultCacheDir is tunecost's folder under os.UserCacheDir, "" when the
// system has none.
func DefaultCacheDir() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "tunecost", "prices")
}

// cacheMeta is what the cache keeps beside a body to revalidate it.
type cacheMeta struct {
	URL          string    `json:"url"`
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	Fetched      time.Time `json:"fetched"`
}

// Get downloads rawURL (https only), or confirms the cached copy is current.
func (f *Fetcher) Get(ctx context.Context, rawURL string) (*Result, error) {
	u, err := url.Parse(rawURL)
	if err != nil || u.Scheme != "https" || u.Host == "" {
		return nil, fmt.Errorf("%s: not an https URL", rawURL)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", rawURL, err)
	}
	meta, cached := f.readCache(rawURL)
	if cached != nil {
		if meta.ETag != "" {
			req.Header.Set("If-None-Match", meta.ETag)
		}
		if meta.LastModified != "" {
			req.Header.Set("If-Modified-Since", meta.LastModified)
		}
	}
	resp, err := f.client().Do(req)
	var refused redirectRefused
	if errors.As(err, &refused) {
		return nil, fmt.Errorf("%s: %v", rawURL, refused.error)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: cannot fetch (offline, or the server is unreachable): %v", rawURL, unwrapURLError(err))
	}
	defer resp.Body.Close()
	now := f.now()
	switch {
	case resp.StatusCode == http.StatusNotModified && cached != nil:
		return &Result{URL: rawURL, Body: cached, LastModified: parseHTTPDate(meta.LastModified), Fetched: now, FromCache: true, ETag: meta.ETag}, nil
	case resp.StatusCode != http.StatusOK:
		return nil, fmt.Errorf("%s: HTTP %s", rawURL, resp.Status)
	}
	body, err := pricing.ReadSource(rawURL, resp.Body)
	if err != nil {
		return nil, err
	}
	lm := resp.Header.Get("Last-Modified")
	if err := f.notFromTheFuture(rawURL, parseHTTPDate(lm)); err != nil {
		return nil, err
	}
	f.writeCache(rawURL, body, cacheMeta{URL: rawURL, ETag: resp.Header.Get("ETag"), LastModified: lm, Fetched: now})
	return &Result{URL: rawURL, Body: body, LastModified: parseHTTPDate(lm), Fetched: now, ETag: resp.Header.Get("ETag")}, nil
}

// client is Client (or the default) with the redirect rule: a copy, so a
// caller's client is left as it was.
func (f *Fetcher) client() *http.Client {
	c := http.Client{Timeout: 60 * time.Second}
	if f.Client != nil {
		c = *f.Client
	}
	c.CheckRedirect = f.checkRedirect
	return &c
}

// checkRedirect follows a redirect only on https and to the first URL's
// host (port included) or one of RedirectHosts: docs/sheets.md promises
// that only https URLs are fetched, and a 302 to http:// was followed (the
// campaign's M1).
func (f *Fetcher) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) >= maxRedirects {
		return redirectRefused{fmt.Errorf("stopped after %d redirects", maxRedirects)}
	}
	first := via[0].URL
	switch {
	case req.URL.Scheme != "https":
		return redirectRefused{fmt.Errorf("redirected to %s, which is not https: refused", req.URL.Redacted())}
	case req.URL.Host != first.Host && !slices.Contains(f.RedirectHosts, req.URL.Host):
		return redirectRefused{fmt.Errorf("redirected to %s, another host than %s: refused", req.URL.Redacted(), first.Host)}
	}
	return nil
}

// redirectRefused is checkRedirect's refusal, told apart from a network
// failure in Get's message.
type redirectRefused struct{ error }

// notFromTheFuture refuses a Last-Modified date after the clock's date
// (the campaign's M9: 2100-01-01 became the sheet's as_of).
func (f *Fetcher) notFromTheFuture(rawURL string, lm time.Time) error {
	if lm.IsZero() {
		return nil
	}
	today := f.clock().UTC().Format(time.DateOnly)
	if d := lm.UTC().Format(time.DateOnly); d > today {
		return fmt.Errorf("%s: Last-Modified %s is after today's date by the clock (%s): refused, a date from the future", rawURL, d, today)
	}
	return nil
}

func (f *Fetcher) clock() time.Time {
	if f.Clock != nil {
		return f.Clock()
	}
	return f.now()
}

func (f *Fetcher) now() time.Time {
	if f.Now != nil {
		return f.Now()
	}
	return time.Now()
}

func parseHTTPDate(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := http.ParseTime(s)
	if err != nil {
		return time.Time{}
	}
	return t.UTC()
}

func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// cachePaths names a URL's cached body and metadata.
func (f *Fetcher) cachePaths(rawURL string) (body, meta string) {
	sum := sha256.Sum256([]byte(rawURL))
	base := filepath.Join(f.CacheDir, hex.EncodeToString(sum[:12]))
	return base + ".body", base + ".json"
}

// readCache returns the cached copy of a URL, nil when there is none usable.
func (f *Fetcher) readCache(rawURL string) (cacheMeta, []byte) {
	var m cacheMeta
	if f.CacheDir == "" {
		return m, nil
	}
	bodyPath, metaPath := f.cachePaths(rawURL)
	if info, err := os.Lstat(metaPath); err != nil || !info.Mode().IsRegular() {
		return cacheMeta{}, nil
	}
	raw, err := os.ReadFile(metaPath)
	if err != nil || json.Unmarshal(raw, &m) != nil || m.URL != rawURL {
		return cacheMeta{}, nil
	}
	// Regular files only: opening a FIFO planted there would wait
	// forever (the campaign's L1).
	if info, err := os.Lstat(bodyPath); err != nil || !info.Mode().IsRegular() {
		return cacheMeta{}, nil
	}
	fh, err := os.Open(bodyPath)
	if err != nil {
		return cacheMeta{}, nil
	}
	defer fh.Close()
	body, err := pricing.ReadSource(bodyPath, fh)
	if err != nil {
		return cacheMeta{}, nil
	}
	return m, body
}

// writeCache stores a response; a cache that cannot be written only costs
// the next run a full download, so errors are ignored.
func (f *Fetcher) writeCache(rawURL string, body []byte, m cacheMeta) {
	if f.CacheDir == "" || (m.ETag == "" && m.LastModified == "") {
		return
	}
	if os.MkdirAll(f.CacheDir, 0o755) != nil {
		return
	}
	bodyPath, metaPath := f.cachePaths(rawURL)
	raw, _ := json.Marshal(m)
	if writeFile(bodyPath, body) == nil {
		_ = writeFile(metaPath, raw)
	}
}

// writeFile writes through a temporary file and a rename, so that a reader
// never sees half a file.
func writeFile(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
