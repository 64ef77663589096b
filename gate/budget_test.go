package gate

import (
	"fmt"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/tunecost/tunecost/tomlpos"
)

// TestDecodeBudgetHoldsAtTheLimits: the documents at a scenario's limits
// that cost the decoder most per byte decode within decodeBudget, which
// the differential fuzz target holds every admitted document to.
func TestDecodeBudgetHoldsAtTheLimits(t *testing.T) {
	if testing.Short() {
		t.Skip("decodes 1.5 MB")
	}
	var lines, dotted, headers strings.Builder
	for i := range MaxKeys {
		fmt.Fprintf(&lines, "k%x=1\n", i)
		fmt.Fprintf(&dotted, "a%d.b.c.d.e.f.g.h = 1\n", i)
	}
	for i := range MaxHeaders {
		fmt.Fprintf(&headers, "[t%d.u.v.w.x.y.z.q]\n", i)
	}
	for name, s := range map[string]string{"one-part keys": lines.String(), "8-part keys": dotted.String(), "8-part headers": headers.String()} {
		if r := Check([]byte(s), Scenario); r != nil {
			t.Fatalf("%s: refused: %v", name, r)
		}
		var m map[string]any
		used := allocatedBy(func() { _, _ = toml.Decode(s, &m) })
		if budget := decodeBudget([]byte(s), tomlpos.Measure([]byte(s)).Parts); used > budget {
			t.Errorf("%s: %d bytes allocated, budget %d", name, used, budget)
		}
	}
}
