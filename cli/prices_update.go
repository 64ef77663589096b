package cli

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/tunecost/tunecost/fetch"
	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/pricing"
)

// The public sources `prices update` reads by default.
const defaultLiteLLMURL = "https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json"

// defaultSkyPilotURLs are SkyPilot's catalogs per cloud, all in schema v8:
// the version SkyPilot's own client reads (CATALOG_SCHEMA_VERSION), so the
// prices are the ones its users see (the v9 tree is a next schema).
var defaultSkyPilotURLs = []string{
	"aws=https://raw.githubusercontent.com/skypilot-org/skypilot-catalog/master/catalogs/v8/aws/vms.csv",
	"gcp=https://raw.githubusercontent.com/skypilot-org/skypilot-catalog/master/catalogs/v8/gcp/vms.csv",
	"lambda=https://raw.githubusercontent.com/skypilot-org/skypilot-catalog/master/catalogs/v8/lambda/vms.csv",
	"runpod=https://raw.githubusercontent.com/skypilot-org/skypilot-catalog/master/catalogs/v8/runpod/vms.csv",
}

// updateFlags are the flags of `prices update`.
var updateFlags = []flagSpec{
	{name: "litellm-url", value: true, valueName: "URL", help: "update: LiteLLM's price map ('' skips it)"},
	{name: "skypilot-url", value: true, repeatable: true, valueName: "CLOUD=URL", help: "update: a SkyPilot vms.csv, replacing the default list (repeatable; '' skips GPU offers)"},
	{name: "base", value: true, valueName: "FILE", help: "update: keep the as_of and source of entries whose figures equal this sheet's (default: the sheet at --out)"},
}

// source is one download of `prices update`.
type updateSource struct {
	from, cloud, url string
}

// updateSources lists what to fetch: LiteLLM, then the SkyPilot catalogs.
func updateSources(p parsed) ([]updateSource, error) {
	var out []updateSource
	ll := defaultLiteLLMURL
	if p.has("litellm-url") {
		ll = p.last("litellm-url")
	}
	if ll != "" {
		out = append(out, updateSource{from: "litellm", url: ll})
	}
	sky := defaultSkyPilotURLs
	if p.has("skypilot-url") {
		sky = slices.DeleteFunc(slices.Clone(p.flags["skypilot-url"]), func(s string) bool { return s == "" })
	}
	for _, s := range sky {
		cloud, u, ok := strings.Cut(s, "=")
		if !ok || cloud == "" || u == "" {
			return nil, usageError{fmt.Sprintf("--skypilot-url %q must be CLOUD=URL, e.g. aws=https://…/vms.csv", s)}
		}
		out = append(out, updateSource{from: "skypilot", cloud: cloud, url: u})
	}
	if len(out) == 0 {
		return nil, usageError{"prices update has nothing to fetch: --litellm-url '' and --skypilot-url '' skip both sources"}
	}
	return out, nil
}

// updatePrices fetches the sources, imports each merged with the catalog a
// run would see, and writes one sheet atomically; any failure writes nothing.
func (a *App) updatePrices(p parsed) int {
	out := p.last("out")
	if out == "" || len(p.args) > 0 {
		return a.fail(usageError{"prices update needs --out FILE and no other argument"})
	}
	sources, err := updateSources(p)
	if err != nil {
		return a.fail(err)
	}
	regions, err := updateRegions(p.flags["region"], sources)
	if err != nil {
		return a.fail(err)
	}
	cat, ok := a.runCatalog(p)
	if !ok {
		return ExitInvalid
	}
	base, err := a.updateBase(p, out)
	if err != nil {
		return a.fail(err)
	}
	f := &fetch.Fetcher{Client: a.HTTPClient, CacheDir: a.CacheDir, Now: a.now, Clock: a.clock}
	if a.CacheDir == "" {
		f.CacheDir = fetch.DefaultCacheDir()
	}
	var bodies [][]byte
	var credits []string
	oldest := time.Time{}
	skipped := 0
	for _, s := range sources {
		a.progress("fetching %s …", s.url)
		res, err := f.Get(context.Background(), s.url)
		if err != nil {
			return a.fail(fmt.Errorf("%s", format.Sanitize(err.Error())))
		}
		date, credit := sourceDate(s, res)
		a.progress("fetched %s (%d kB%s)", s.url, len(res.Body)/1000, map[bool]string{true: ", not modified", false: ""}[res.FromCache])
		opt := pricing.ImportOptions{File: s.url, AsOf: date.Format(time.DateOnly), Source: credit, Catalog: cat, Cloud: s.cloud, Region: regions[s.cloud], EntriesOnly: true}
		body, sk, err := importers[s.from](bytes.NewReader(res.Body), opt)
		if err != nil {
			return a.fail(fmt.Errorf("%s", format.Sanitize(err.Error())))
		}
		skipped += len(sk)
		bodies, credits = append(bodies, body), append(credits, credit)
		if oldest.IsZero() || date.Before(oldest) {
			oldest = date
		}
	}
	sheet, kept := keepUnchanged(updateSheet(oldest, credits, bodies), base)
	if err := pricing.Writable(sheet); err != nil {
		return a.fail(fmt.Errorf("%s: %s", out, format.Sanitize(err.Error())))
	}
	if code := a.emit(p, sheet); code != ExitOK {
		return code
	}
	fmt.Fprintf(a.Stderr, "wrote %s from %d source%s (%d entries skipped; prices import lists them; %d unchanged entries keep their as_of and source)\n",
		out, len(sources), plural(len(sources)), skipped, kept)
	return ExitOK
}

// sourceDate dates a download's prices: the response's Last-Modified, else
// the day it was fetched, which the credit then says.
func sourceDate(s updateSource, res *fetch.Result) (time.Time, string) {
	name := "LiteLLM model_prices_and_context_window.json"
	if s.from == "skypilot" {
		name = "SkyPilot catalog " + s.cloud + " vms.csv"
	}
	revision := ""
	if res.ETag != "" {
		revision = ", ETag " + res.ETag // the source's revision, so a reviewer can fetch the same bytes
	}
	if !res.LastModified.IsZero() {
		d := res.LastModified.UTC().Truncate(24 * time.Hour)
		return d, fmt.Sprintf("%s, %s (Last-Modified %s%s)", name, s.url, d.Format(time.DateOnly), revision)
	}
	d := res.Fetched.UTC().Truncate(24 * time.Hour)
	return d, fmt.Sprintf("%s, %s (no Last-Modified: dated by the fetch, %s%s)", name, s.url, d.Format(time.DateOnly), revision)
}

// updateSheet puts the imports together under one [sheet] table, dated by
// its oldest source (each entry carries its own as_of and source).
func updateSheet(asOf time.Time, credits []string, bodies [][]byte) []byte {
	var b bytes.Buffer
	b.WriteString("# Written by tunecost prices update. Each entry carries the as_of and source of its download.\n\n")
	fmt.Fprintf(&b, "[sheet]\nname = \"prices update\"\ncurrency = \"USD\"\nas_of = %s\nsource = %s\n",
		asOf.Format(time.DateOnly), pricing.QuoteTOML(strings.Join(credits, "; ")))
	for _, body := range bodies {
		b.Write(body)
	}
	return b.Bytes()
}

// progress writes a line to stderr when a person is watching it.
func (a *App) progress(format string, args ...any) {
	if a.StderrIsTerminal {
		fmt.Fprintf(a.Stderr, format+"\n", args...)
	}
}
