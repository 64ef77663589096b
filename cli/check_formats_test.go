package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// checkFiles have errors of four kinds (syntax, unknown key, out of range,
// wrong type) and, aged by --today, stale prices and modelling advice.
var checkFiles = []string{"--today", "2028-01-01", "check", "testdata/check/broken.toml", "testdata/check/mixed.toml", "../examples/brand-voice.toml"}

// problem is one reported problem, as every format can say it.
type problem struct {
	file      string
	line, col int
	level     string
	message   string
}

func (p problem) String() string {
	return fmt.Sprintf("%s:%d:%d %s %s", p.file, p.line, p.col, p.level, p.message)
}

func sortedStrings(ps []problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.String())
	}
	sort.Strings(out)
	return out
}

var textLine = regexp.MustCompile(`^(.+?):(\d+):(\d+): (warning: )?(.*)$`)

// textProblems parses check's text output, paths made relative to the
// repository root as the other formats write them.
func textProblems(t *testing.T, stderr string) []problem {
	var out []problem
	for _, l := range strings.Split(strings.TrimSpace(stderr), "\n") {
		m := textLine.FindStringSubmatch(l)
		if m == nil {
			t.Fatalf("text line %q", l)
		}
		p := problem{file: repoPath(m[1]), level: "error", message: m[5]}
		fmt.Sscan(m[2], &p.line)
		fmt.Sscan(m[3], &p.col)
		if m[4] != "" {
			p.level = "warning"
		}
		out = append(out, p)
	}
	return out
}

var githubLine = regexp.MustCompile(`^::(error|warning) file=([^,]+),line=(\d+),col=(\d+),title=tunecost [a-z-]+::(.*)$`)

func githubProblems(t *testing.T, stdout string) []problem {
	var out []problem
	for _, l := range strings.Split(strings.TrimSpace(stdout), "\n") {
		m := githubLine.FindStringSubmatch(l)
		if m == nil {
			t.Fatalf("github line %q", l)
		}
		p := problem{file: m[2], level: m[1], message: strings.NewReplacer("%0A", "\n", "%0D", "\r", "%25", "%").Replace(m[5])}
		fmt.Sscan(m[3], &p.line)
		fmt.Sscan(m[4], &p.col)
		out = append(out, p)
	}
	return out
}

type sarifDoc struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				Rules []struct {
					ID   string
					Help struct{ Text string }
				}
			}
		}
		Results []struct {
			RuleID    string
			RuleIndex int
			Level     string
			Message   struct{ Text string }
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct{ URI, URIBaseID string }
					Region           struct{ StartLine, StartColumn int }
				}
			}
		}
	}
}

// TestCheckFormatsAgree: github and sarif report exactly the problems text
// does, at the same places, and the SARIF log is valid SARIF 2.1.0 by the
// OASIS schema (testdata/sarif), with one rule per kind, each with help.
func TestCheckFormatsAgree(t *testing.T) {
	_, textErr, code := run(t, checkFiles...)
	if code != ExitInvalid {
		t.Fatalf("text: exit %d", code)
	}
	want := sortedStrings(textProblems(t, textErr))
	if len(want) < 8 {
		t.Fatalf("only %d problems: %v", len(want), want)
	}

	gh, ghErr, code := run(t, append(checkFiles, "--format", "github")...)
	if code != ExitInvalid || ghErr != "" {
		t.Fatalf("github: exit %d, stderr %q", code, ghErr)
	}
	if got := sortedStrings(githubProblems(t, gh)); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("github reports\n%s\ntext\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	sarif, sarifErr, code := run(t, append(checkFiles, "--format", "sarif")...)
	if code != ExitInvalid || sarifErr != "" {
		t.Fatalf("sarif: exit %d, stderr %q", code, sarifErr)
	}
	validateSARIF(t, sarif)
	var doc sarifDoc
	if err := json.Unmarshal([]byte(sarif), &doc); err != nil {
		t.Fatal(err)
	}
	run0 := doc.Runs[0]
	var got []problem
	kinds := map[string]bool{}
	for _, r := range run0.Results {
		loc := r.Locations[0].PhysicalLocation
		got = append(got, problem{file: loc.ArtifactLocation.URI, line: loc.Region.StartLine, col: loc.Region.StartColumn, level: r.Level, message: r.Message.Text})
		if rule := run0.Tool.Driver.Rules[r.RuleIndex]; rule.ID != r.RuleID || rule.Help.Text == "" {
			t.Errorf("result %s points at rule %+v", r.RuleID, rule)
		}
		if loc.ArtifactLocation.URIBaseID != "%SRCROOT%" {
			t.Errorf("%s: uriBaseId %q", loc.ArtifactLocation.URI, loc.ArtifactLocation.URIBaseID)
		}
		kinds[r.RuleID] = true
	}
	if g := sortedStrings(got); strings.Join(g, "\n") != strings.Join(want, "\n") {
		t.Errorf("sarif reports\n%s\ntext\n%s", strings.Join(g, "\n"), strings.Join(want, "\n"))
	}
	// broken: syntax; mixed: unknown key, out of range, wrong type; brand-voice: stale, advice.
	for _, id := range []string{"TC002", "TC003", "TC005", "TC006", "TC101", "TC102"} {
		if !kinds[id] {
			t.Errorf("no result of rule %s: %v", id, kinds)
		}
	}
	if !strings.HasPrefix(want[0], "cli/testdata/check/") {
		t.Errorf("paths are not relative to the repository root: %s", want[0])
	}
}

// validateSARIF validates a log against the OASIS SARIF 2.1.0 schema.
func validateSARIF(t *testing.T, log string) {
	t.Helper()
	f, err := os.Open("testdata/sarif/sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	schemaDoc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("sarif-schema-2.1.0.json", schemaDoc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader([]byte(log)))
	if err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Errorf("not valid SARIF 2.1.0: %v", err)
	}
}

// TestSARIFValidatorRejects: the schema check can fail — a log without
// runs, or with a level SARIF does not have, is refused.
func TestSARIFValidatorRejects(t *testing.T) {
	for _, bad := range []string{`{"version":"2.1.0"}`, `{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"message":{"text":"m"},"level":"fatal"}]}]}`} {
		ft := &testing.T{}
		validateSARIF(ft, bad)
		if !ft.Failed() {
			t.Errorf("accepted %s", bad)
		}
	}
}

// TestCheckStrictAndBadInput: --strict fails on warnings alone; a bad
// --format is usage; SARIF of an unreadable file is one line, no log.
func TestCheckStrictAndBadInput(t *testing.T) {
	args := []string{"--today", "2028-01-01", "check", "../examples/brand-voice.toml"}
	if _, _, code := run(t, args...); code != ExitOK {
		t.Errorf("warnings only: exit %d", code)
	}
	if _, errOut, code := run(t, append(args, "--strict")...); code != ExitInvalid || !strings.HasSuffix(errOut, "--strict makes warnings fail\n") {
		t.Errorf("--strict: exit %d, %q", code, errOut)
	}
	if _, errOut, code := run(t, "check", "--format", "xml", "../examples/brand-voice.toml"); code != ExitUsage || !strings.Contains(errOut, "not one of text, github, sarif") {
		t.Errorf("--format xml: exit %d, %q", code, errOut)
	}
	// Too large to read (the 1 MiB limit): unreadable even for root.
	locked := t.TempDir() + "/huge.toml"
	os.WriteFile(locked, bytes.Repeat([]byte("#"), 1<<20+1), 0o644)
	out, errOut, code := run(t, "check", "--format", "sarif", locked)
	if code != ExitInvalid || out != "" || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "cannot read") || !strings.Contains(errOut, "fix the path or the permissions") {
		t.Errorf("unreadable: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

// TestSchemaCommand: tunecost schema prints the generated schemas (the
// schema package tests their content); anything else is a usage error.
func TestSchemaCommand(t *testing.T) {
	for _, kind := range []string{"scenario", "sheet"} {
		out, _, code := run(t, "schema", kind)
		want, _ := os.ReadFile("../docs/schema/" + kind + ".schema.json")
		if code != ExitOK || out != string(want) {
			t.Errorf("schema %s: exit %d, differs from docs/schema", kind, code)
		}
	}
	if _, errOut, code := run(t, "schema", "sheets"); code != ExitUsage || !strings.Contains(errOut, "one of scenario, sheet") {
		t.Errorf("schema sheets: exit %d %q", code, errOut)
	}
}

// TestCheckSARIFOutsideARepository: a file outside any git work tree is
// named by a file: URI, and the log is still valid SARIF.
func TestCheckSARIFOutsideARepository(t *testing.T) {
	dir := t.TempDir()
	file := dir + "/odd name, here.toml"
	os.WriteFile(file, []byte("name = \"x\"\ncolour = 1\n"), 0o644)
	out, _, code := run(t, "check", "--format", "sarif", file)
	if code != ExitInvalid || !strings.Contains(out, `"uri": "file://`) || !strings.Contains(out, "odd%20name,%20here.toml") {
		t.Fatalf("exit %d\n%s", code, out)
	}
	validateSARIF(t, out)
	gh, _, _ := run(t, "check", "--format", "github", file)
	if !strings.Contains(gh, "file="+dir+"/odd name%2C here.toml,line=") {
		t.Errorf("github: %s", gh)
	}
}
