package workspace

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tunecost/tunecost/model"
)

const teamDefaults = `extends = "org.toml"
description = "team defaults"
[team]
hourly_rate = 90
[[option]]
name = "p"
kind = "prompt"
model = "gpt-4o"
`

const orgDefaults = `horizon_months = 36
[workload]
queries_per_month = 1000
input_tokens = 100
output_tokens = 100
`

func TestExtendsChain(t *testing.T) {
	root := tempTree(t, map[string]string{
		".git/HEAD":               "",
		"defaults/team.toml":      teamDefaults,
		"defaults/org.toml":       orgDefaults,
		"s.toml":                  "extends = \"defaults/team.toml\"\nname = \"s\"\n[workload]\ninput_tokens = 300\n",
		"bad_base.toml":           "extends = \"defaults/bad.toml\"\nname = \"s\"\n",
		"defaults/bad.toml":       orgDefaults + "[team]\nhourly_rate = -1\n",
		"cycle_a.toml":            "extends = \"cycle_b.toml\"\nname = \"a\"\n",
		"cycle_b.toml":            "\nextends = \"cycle_a.toml\"\n",
		"self.toml":               "extends = \"self.toml\"\nname = \"s\"\n",
		"missing.toml":            "name = \"s\"\nextends = \"nope.toml\"\n",
		"deep/d0.toml":            "extends = \"d1.toml\"\nname = \"deep\"\n",
		"deep/d8.toml":            "extends = \"d9.toml\"\n",
		"deep/d9.toml":            orgDefaults,
		"deep/ok0.toml":           "extends = \"d2.toml\"\nname = \"deep\"\n" + "[[option]]\nname = \"p\"\nkind = \"prompt\"\nmodel = \"gpt-4o\"\n",
		"defaults/sheetbase.toml": "price_sheets = [\"../../outside.toml\"]\n",
		"sheetesc.toml":           "extends = \"defaults/sheetbase.toml\"\n" + okScenario,
	})
	for i := 1; i < 8; i++ {
		os.WriteFile(filepath.Join(root, fmt.Sprintf("deep/d%d.toml", i)), []byte(fmt.Sprintf("extends = \"d%d.toml\"\n", i+1)), 0o644)
	}
	p := func(name string) string { return filepath.Join(root, name) }

	docs, _ := Load([]string{p("s.toml")}, Options{})
	d := docs[0]
	if !d.OK() {
		t.Fatalf("chain: %v", d.Diags)
	}
	if d.Input.HorizonMonths != 36 || d.Input.Team.HourlyRate != 90 || d.Input.Workload.InputTokens != 300 || d.Input.Description != "team defaults" {
		t.Errorf("merged input: %+v", d.Input)
	}
	// ok0 extends d2…d9: seven bases, within the limit.
	if got := check(t, p("deep/ok0.toml")); got != "" {
		t.Errorf("seven bases: %s", got)
	}
	cases := map[string]string{
		"bad_base.toml": p("defaults/bad.toml") + `:7:15: team.hourly_rate = -1: must be a number from 0 to 1,000,000`,
		"cycle_a.toml": p("cycle_a.toml") + `:1:11: extends cycle: ` + p("cycle_a.toml") + ` → ` + p("cycle_b.toml") + ` → ` + p("cycle_a.toml") +
			` (` + p("cycle_b.toml") + `:2:11 extends ` + p("cycle_a.toml") + `)`,
		"self.toml":     p("self.toml") + `:1:11: extends cycle: ` + p("self.toml") + ` extends itself`,
		"missing.toml":  p("missing.toml") + `:2:11: extends = "nope.toml": cannot read: no such file`,
		"deep/d0.toml":  p("deep/d8.toml") + `:1:11: extends = "d9.toml": too deep: a scenario may extend at most 8 files in a chain`,
		"sheetesc.toml": p("defaults/sheetbase.toml") + `:1:17: price_sheets[0] = "../../outside.toml": must stay inside the scenario's git work tree (` + root + `)`,
	}
	for name, want := range cases {
		if got := check(t, p(name)); got != want {
			t.Errorf("%s:\n got %s\nwant %s", name, got, want)
		}
	}
}

func TestEditInheritedSavesIntoChild(t *testing.T) {
	root := tempTree(t, map[string]string{
		"defaults/team.toml": teamDefaults,
		"defaults/org.toml":  orgDefaults,
		"s.toml":             "extends = \"defaults/team.toml\"\nname = \"s\"\n",
	})
	path := filepath.Join(root, "s.toml")
	d := loadOne(t, path)
	if err := d.Set(model.SectionWorkload, 0, "input_tokens", "250"); err != nil {
		t.Fatal(err)
	}
	if err := d.Set(model.SectionOption, 0, "prompt_overhead_tokens", "700"); err != nil {
		t.Fatal(err)
	}
	if d.Input.Workload.InputTokens != 250 || d.Input.Options[0].PromptOverheadTokens != 700 {
		t.Fatalf("edits not applied: %+v", d.Input)
	}
	if _, err := save(d, false); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	want := "extends = \"defaults/team.toml\"\nname = \"s\"\n\n[workload]\ninput_tokens = 250\n\n[[option]]\nname = \"p\"\nprompt_overhead_tokens = 700\n"
	if string(got) != want {
		t.Errorf("saved child:\n%s\nwant\n%s", got, want)
	}
	if base, _ := os.ReadFile(filepath.Join(root, "defaults/team.toml")); string(base) != teamDefaults {
		t.Error("the base file changed")
	}
	if !d.OK() || d.Input.Workload.InputTokens != 250 || d.Input.Workload.QueriesPerMonth != 1000 || strings.Contains(d.Diags.Error(), "error") {
		t.Errorf("after saving: %v %+v", d.Diags, d.Input.Workload)
	}
}
