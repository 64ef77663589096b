package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/pricing"
	"github.com/tunecost/tunecost/workspace"
)

// importFlags are the flags of `prices import` (and, in part, `prices update`).
var importFlags = []flagSpec{
	{name: "from", value: true, valueName: "litellm|skypilot", help: "the source format: litellm (model_prices_and_context_window.json) or skypilot (a catalog's vms.csv)"},
	{name: "as-of", value: true, valueName: "YYYY-MM-DD", help: "the prices' date (default: a date in the file's name; there is no other default)"},
	{name: "source", value: true, valueName: "TEXT", help: "where the file came from, written into the sheet"},
	{name: "cloud", value: true, valueName: "NAME", help: "skypilot: the catalog's cloud (default: from the path, e.g. catalogs/v8/aws/vms.csv)"},
	{name: "region", value: true, repeatable: true, valueName: "REGION", help: "skypilot: the region to import (default: each cloud's usual US region); update: CLOUD=REGION per cloud (repeatable)"},
	{name: "out", value: true, valueName: "FILE", help: "write the sheet to FILE atomically instead of stdout"},
	followLinkFlag,
}

// importers are the formats `prices import --from` reads.
var importers = map[string]func(io.Reader, pricing.ImportOptions) ([]byte, []pricing.Skipped, error){
	"litellm":  pricing.ImportLiteLLM,
	"skypilot": pricing.ImportSkyPilot,
}

// importPrices converts a community price file into a price sheet, merged
// with the catalog a run would see. What it skips goes to stderr, one line
// each with the reason; any error writes nothing.
func (a *App) importPrices(p parsed) int {
	from := p.last("from")
	importer, ok := importers[from]
	if !ok {
		return a.fail(usageError{"prices import needs --from litellm or --from skypilot"})
	}
	if len(p.args) != 1 {
		return a.fail(usageError{fmt.Sprintf("prices import needs exactly one file: prices import --from %s FILE", from)})
	}
	path := p.args[0]
	if from == "litellm" && p.has("region") {
		return a.fail(usageError{"--region applies to SkyPilot's catalogs; LiteLLM's prices have no region"})
	}
	asOf, err := importDate(p, path)
	if err != nil {
		return a.fail(err)
	}
	cat, ok := a.runCatalog(p)
	if !ok {
		return ExitInvalid
	}
	if info, err := os.Stat(path); err == nil && !info.Mode().IsRegular() {
		return a.fail(fmt.Errorf("%s: not a regular file", path))
	}
	f, err := os.Open(path)
	if err != nil {
		return a.fail(fmt.Errorf("%s: %v", path, unwrapPathError(err)))
	}
	defer f.Close()
	opt := pricing.ImportOptions{File: path, AsOf: asOf, Source: p.last("source"), Catalog: cat, Region: p.last("region"), Cloud: p.last("cloud")}
	if from == "skypilot" && opt.Cloud == "" {
		if opt.Cloud, ok = pricing.CloudInPath(path); !ok {
			return a.fail(usageError{fmt.Sprintf("%s: say which cloud's catalog this is with --cloud (%s)", path, strings.Join(pricing.SkyPilotClouds, ", "))})
		}
	}
	if opt.Source == "" {
		opt.Source = defaultSource(from, path)
	}
	sheet, skipped, err := importer(f, opt)
	if err != nil {
		return a.fail(fmt.Errorf("%s", format.Sanitize(err.Error())))
	}
	if err := pricing.Writable(sheet); err != nil {
		return a.fail(fmt.Errorf("%s: %s", path, format.Sanitize(err.Error())))
	}
	a.reportSkipped(skipped)
	if code := a.emit(p, sheet); code != ExitOK {
		return code
	}
	fmt.Fprintf(a.Stderr, "imported a price sheet dated %s; skipped %d entr%s\n", asOf, len(skipped), map[bool]string{true: "y", false: "ies"}[len(skipped) == 1])
	return ExitOK
}

// importDate is the prices' date: --as-of when given, else a date the
// file's name carries. Never today: a price is as old as its source.
func importDate(p parsed, path string) (string, error) {
	if v := p.last("as-of"); v != "" {
		if !validDate(v) {
			return "", usageError{fmt.Sprintf("--as-of %q is not a date (YYYY-MM-DD)", v)}
		}
		return v, nil
	}
	if d, ok := pricing.DateInName(path); ok {
		return d, nil
	}
	return "", usageError{fmt.Sprintf("%s carries no date in its name: say when its prices are from with --as-of YYYY-MM-DD", path)}
}

// defaultSource names the imported file by its base name only: the path
// as typed (/home/me/Downloads/…) does not belong in a sheet meant for a
// repository.
func defaultSource(from, path string) string {
	name := filepath.Base(path)
	if from == "skypilot" {
		return "SkyPilot catalog vms.csv (" + name + ")"
	}
	return "LiteLLM model_prices_and_context_window.json (" + name + ")"
}

func (a *App) reportSkipped(skipped []pricing.Skipped) {
	for _, s := range skipped {
		fmt.Fprintf(a.Stderr, "skipped %s: %s\n", format.Sanitize(s.Key), format.Sanitize(s.Reason))
	}
}

func validDate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

// runCatalog is the catalog a run with these --sheet and --prices flags
// would see, which imports and updates merge into; false, after printing
// the problems, when a sheet has errors.
func (a *App) runCatalog(p parsed) (*pricing.Catalog, bool) {
	cat, diags := workspace.CatalogAt(p.flags["sheet"], p.flags["prices"], a.clock(), a.now())
	if diags.HasErrors() {
		printDiagnostics(a, diags)
		return nil, false
	}
	return cat, true
}
