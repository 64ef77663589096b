// Package hostile builds the campaign's hostile inputs (docs/findings
// chaos-2026-12: H1, H2 and the price-sheet sniff regression) for the tests
// that prove every road refuses them: each TOML shape inside a scenario's
// 1 MiB, so that every reader admits it by size and must refuse it by
// shape, before a decoder runs.
package hostile

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/tunecost/tunecost/gate"
)

func dotted(n int) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = fmt.Sprintf("k%d", i)
	}
	return strings.Join(parts, ".")
}

func keys(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "k%x=1,", i)
	}
	return b.String()
}

const sheet = "[sheet]\nname = \"s\"\ncurrency = \"USD\"\nas_of = 2025-09-05\n"

// TOML returns ten hostile TOML files by name, and the line and column
// where the gate refuses each (as a scenario; a sheet's limits are
// larger for headers, keys and elements).
func TOML() map[string][]byte {
	files := map[string]string{
		// The regression: the price-sheet sniff decoded these before any limit.
		"dotted-key.toml":       "name = \"x\"\n" + dotted(8000) + " = 1\n",
		"sheet-dotted-key.toml": sheet + dotted(16000) + " = 1\n",
		"header-parts.toml":     "[" + dotted(16000) + "]\n",
		// H1: four and five closing quotes hid the rest of the line.
		"h1-dotted-key.toml":  sheet + "x = {a = \"\"\"q\"\"\"\", " + dotted(8000) + " = 1}\n",
		"h1-nesting.toml":     "x = ['''q'''', " + strings.Repeat("[", 1<<19) + "\n",
		"h1-elements.toml":    "x = [\"\"\"q\"\"\"\"\", " + strings.Repeat("1, ", 250000) + "1]\n",
		"h1-inline-keys.toml": "x = {a = '''q''''', " + keys(110000) + "z = 1}\n",
		// Without the bypass, at the limits' other edges.
		"headers.toml":     strings.Repeat("[t]\n", 25000),
		"deep-inline.toml": "x = " + strings.Repeat("{a = ", 40) + "1" + strings.Repeat("}", 40) + "\n",
		"keys.toml":        strings.Repeat("k = 1\n", 120000),
	}
	out := map[string][]byte{}
	for name, s := range files {
		if len(s) > gate.MaxScenarioBytes {
			panic(fmt.Sprintf("%s is %d bytes, past the scenario's limit", name, len(s)))
		}
		out[name] = []byte(s)
	}
	return out
}

// JSON returns hostile LiteLLM maps: nesting and entries past their
// bounds, inside the 32 MiB a source may be.
func JSON() map[string][]byte {
	var many bytes.Buffer
	many.WriteString("{")
	for i := range gate.MaxSourceEntries + 1 {
		fmt.Fprintf(&many, "\"m%x\":1,", i)
	}
	many.WriteString("\"z\":1}")
	return map[string][]byte{
		"deep.json":    []byte("{\"a\": " + strings.Repeat("[", 1<<20) + "\n"),
		"entries.json": many.Bytes(),
	}
}

// CSV returns hostile SkyPilot catalogs: a row of too many fields and
// too many rows, inside the 32 MiB a source may be.
func CSV() map[string][]byte {
	header := "InstanceType,AcceleratorName,AcceleratorCount,Price,Region\n"
	return map[string][]byte{
		"fields.csv": []byte(strings.Repeat(",", 30<<20) + "\n"),
		"rows.csv":   []byte(header + strings.Repeat("p,H100,1,1,r\n", gate.MaxCSVRows+1)),
	}
}
