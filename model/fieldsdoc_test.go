package model

import (
	"flag"
	"os"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestScenarioDocIsCurrent keeps docs/scenario.md equal to the registry.
func TestScenarioDocIsCurrent(t *testing.T) {
	const path = "../docs/scenario.md"
	want := FieldsMarkdown()
	if *update {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("%s is out of date: run go test ./model -update", path)
	}
}
