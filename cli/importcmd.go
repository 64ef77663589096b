package cli

import (
	"fmt"
	"os"

	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/pricing"
)

// importFlags are the flags of `prices import`.
var importFlags = []flagSpec{
	{name: "from", value: true, valueName: "litellm", help: "the source format (litellm: model_prices_and_context_window.json)"},
	{name: "as-of", value: true, valueName: "YYYY-MM-DD", help: "the prices' date (default: today)"},
	{name: "source", value: true, valueName: "TEXT", help: "where the file came from, written into the sheet"},
	{name: "out", value: true, valueName: "FILE", help: "write the sheet to FILE atomically instead of stdout"},
}

// importPrices converts a community price file into a price sheet. What it
// skips goes to stderr, one line each with the reason.
func (a *App) importPrices(p parsed) int {
	if p.last("from") != "litellm" {
		return a.fail(usageError{"prices import needs --from litellm (the only format it reads)"})
	}
	if len(p.args) != 1 {
		return a.fail(usageError{"prices import needs exactly one file: prices import --from litellm FILE.json"})
	}
	path := p.args[0]
	asOf := p.last("as-of")
	if asOf == "" {
		asOf = a.Now().Format("2006-01-02")
	}
	source := p.last("source")
	if source == "" {
		source = "LiteLLM model_prices_and_context_window.json (" + path + ")"
	}
	f, err := os.Open(path)
	if err != nil {
		return a.fail(fmt.Errorf("%s: %v", path, unwrapPathError(err)))
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.Mode().IsRegular() && info.Size() > pricing.MaxImportBytes {
		return a.fail(fmt.Errorf("%s: file is larger than %d MiB, the most prices import reads", path, pricing.MaxImportBytes>>20))
	}
	sheet, skipped, err := pricing.ImportLiteLLM(f, asOf, source)
	if err != nil {
		return a.fail(fmt.Errorf("%s: %v", path, err))
	}
	for _, s := range skipped {
		fmt.Fprintf(a.Stderr, "skipped %s: %s\n", format.Sanitize(s.Key), format.Sanitize(s.Reason))
	}
	if code := a.emit(p.last("out"), sheet); code != ExitOK {
		return code
	}
	fmt.Fprintf(a.Stderr, "imported a price sheet; skipped %d entr%s\n", len(skipped), map[bool]string{true: "y", false: "ies"}[len(skipped) == 1])
	return ExitOK
}
