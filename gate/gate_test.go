package gate

import (
	"strings"
	"testing"
)

// TestCheck: each kind's size and shape bounds, with the place refused.
func TestCheck(t *testing.T) {
	header := "InstanceType,AcceleratorName,AcceleratorCount,Price,Region\n"
	cases := []struct {
		name string
		data string
		kind Kind
		want string // "" admits
	}{
		{"scenario", "name = \"x\"\n[workload]\n", Scenario, ""},
		{"scenario too large", strings.Repeat("#", MaxScenarioBytes+1), Scenario, "1:1: file is larger than 1 MiB, the most tunecost reads"},
		{"sheet of 2 MiB", "#" + strings.Repeat(" ", MaxSheetBytes-1), Sheet, ""},
		{"H1", "x = {a = \"\"\"q\"\"\"\", b.c.d.e.f.g.h.i.j = 1}\n", Scenario, "1:35: a dotted key or table name has more than 8 parts"},
		{"json", `{"a": {"b": [1, "]]]]"]}}`, LiteLLM, ""},
		{"json nesting", `{"a": ` + strings.Repeat("[", MaxJSONNesting), LiteLLM, "1:70: objects and arrays nest deeper than 64 levels"},
		{"json entries", "{" + strings.Repeat(`"k": 1, `, MaxSourceEntries+1) + "}", LiteLLM, "1:800004: more than 100000 entries in the top-level object"},
		{"json keys below the top are not entries", `{"a": {` + strings.Repeat(`"k": 1, `, MaxSourceEntries+1) + `"z": 1}}`, LiteLLM, ""},
		// 30 MiB of commas took 11 s and 2.4 GB; 2.4 million short rows 6.9 s and 630 MB.
		{"csv", header + "p5,\"H100,x\",8,1,us-east-1\n", SkyPilot, ""},
		{"csv fields", strings.Repeat(",", MaxCSVFields), SkyPilot, "1:1000: more than 1000 fields in one row"},
		{"csv quoted commas", "\"" + strings.Repeat(",", MaxCSVFields) + "\"\n", SkyPilot, ""},
		{"csv rows", header + strings.Repeat("p,H100,1,1,r\n", MaxCSVRows), SkyPilot, "500001:13: more than 500000 rows"},
		{"csv size", strings.Repeat("\n", MaxSourceBytes+1), SkyPilot, "1:1: file is larger than 32 MiB, the most tunecost reads"},
	}
	for _, c := range cases {
		got := ""
		if r := Check([]byte(c.data), c.kind); r != nil {
			got = r.Error()
		}
		if got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}
