// Package gate is the one door every untrusted byte passes before a decoder
// reads it: a scenario or an extends base, a price sheet, LiteLLM's price map
// and SkyPilot's catalog, whether they come from a file, a pipe, a git blob
// or the network. Check bounds the bytes' size, then their shape, in one
// linear pass that allocates nearly nothing; only bytes it admits reach
// BurntSushi/toml, encoding/json or encoding/csv, whose cost is not linear
// in the size for every shape (docs/limits.md, docs/security.md).
//
// The loaders call Check themselves (scenarios.Parse and ParseBase,
// pricing.Parse, pricing.ImportLiteLLM and ImportSkyPilot), so no road —
// folder, completion, reload, extends, price_sheets, --prices, imports,
// diff --rev — can reach a decoder around it.
package gate

import (
	"fmt"

	"github.com/tunecost/tunecost/tomlpos"
)

// Sizes (docs/limits.md): set so that the worst file inside them still
// checks in about two seconds (bench/limits_test.go).
const (
	MaxScenarioBytes = 1 << 20  // a scenario or an extends base
	MaxSheetBytes    = 2 << 20  // a price sheet (LiteLLM's whole map imports to 0.35 MiB)
	MaxSourceBytes   = 32 << 20 // a file `prices import` or `prices update` reads
)

// Shapes of a TOML file: each bound is far above any real plan and far
// below what would slow the decoder, whose cost grows with the square of a
// dotted key's parts.
const (
	MaxNesting    = 32    // arrays and inline tables inside each other
	MaxKeyParts   = 8     // parts of one dotted key or [table.name]
	MaxHeaders    = 1000  // [table] and [[array]] headers in a scenario
	MaxArrayItems = 10000 // array elements in a scenario, all arrays together
	MaxKeys       = 20000 // key = value pairs in a scenario
	// MaxKeyBytes bounds one key or header name, dots and quotes included:
	// every message about a key quotes it whole (the longest real one is
	// under 40 bytes; a 1 MiB key made a 1 MiB error line).
	MaxKeyBytes = 256
	// MaxSheetEntries bounds the entries of one price sheet, all tables
	// together (pricing.MaxEntries), and MaxSheetKeys its key = value pairs:
	// five an entry, as the decoder spends about 1.5 KB on each (100,000 keys
	// in one inline table: 0.3 s, 150 MB; a real 2 MiB sheet of 19,900
	// entries has 80,000).
	MaxSheetEntries = 20000
	MaxSheetKeys    = 5 * MaxSheetEntries
	// MaxSourceEntries bounds the top-level entries of a LiteLLM map (about
	// 2,600 in 2026) and MaxJSONNesting its nesting: a map padded with
	// millions of entries would otherwise list each as skipped.
	MaxSourceEntries = 100000
	MaxJSONNesting   = 64
	// MaxCSVFields bounds the fields of one CSV row (SkyPilot's have about
	// a dozen) and MaxCSVRows a catalog's rows: AWS's vms.csv had about
	// 37,000 in 2026, and real rows of 60 bytes or more fill 32 MiB with
	// fewer than 560,000.
	MaxCSVFields = 1000
	MaxCSVRows   = 500000
)

// Format is the syntax the bytes are checked as.
type Format int

const (
	TOML Format = iota
	JSON
	CSV
)

// Kind is what the bytes are meant to be, with its bounds.
type Kind struct {
	Name     string // for messages: "scenario", "price sheet", …
	Format   Format
	MaxBytes int
	Shape    tomlpos.Limits // TOML only
}

// The kinds of untrusted bytes tunecost reads.
var (
	Scenario = Kind{Name: "scenario", Format: TOML, MaxBytes: MaxScenarioBytes, Shape: tomlpos.Limits{
		Nesting: MaxNesting, KeyParts: MaxKeyParts, Headers: MaxHeaders, ArrayElements: MaxArrayItems, Keys: MaxKeys,
		KeyBytes: MaxKeyBytes,
	}}
	// Sheet holds up to MaxSheetEntries tables, written as headers or as
	// inline tables in an array.
	Sheet = Kind{Name: "price sheet", Format: TOML, MaxBytes: MaxSheetBytes, Shape: tomlpos.Limits{
		Nesting: MaxNesting, KeyParts: MaxKeyParts, Headers: MaxSheetEntries + 100, ArrayElements: MaxSheetEntries + MaxArrayItems,
		Keys: MaxSheetKeys, KeyBytes: MaxKeyBytes,
	}}
	LiteLLM  = Kind{Name: "LiteLLM price map", Format: JSON, MaxBytes: MaxSourceBytes}
	SkyPilot = Kind{Name: "SkyPilot catalog", Format: CSV, MaxBytes: MaxSourceBytes}
)

// Refusal is why the gate refused bytes, and where (1-based; a size
// refusal is at 1:1). The caller adds the file's name.
type Refusal struct {
	Line, Col int
	Message   string
}

func (r *Refusal) Error() string { return fmt.Sprintf("%d:%d: %s", r.Line, r.Col, r.Message) }

// Check admits data as a k, or says why not. It reads each byte once.
func Check(data []byte, k Kind) *Refusal {
	if len(data) > k.MaxBytes {
		return &Refusal{Line: 1, Col: 1, Message: TooLarge(k.MaxBytes)}
	}
	switch k.Format {
	case TOML:
		if p, bad := tomlpos.Scan(data, k.Shape); bad {
			return &Refusal{Line: p.Pos.Line, Col: p.Pos.Col, Message: p.Message}
		}
	case JSON:
		return checkJSON(data)
	case CSV:
		return checkCSV(data)
	}
	return nil
}

// TooLarge says that a file passes a size limit, in the words every
// reader uses.
func TooLarge(limit int) string {
	if limit >= 1<<20 && limit%(1<<20) == 0 {
		return fmt.Sprintf("file is larger than %d MiB, the most tunecost reads", limit>>20)
	}
	return fmt.Sprintf("file is larger than %d bytes, the most tunecost reads", limit)
}
