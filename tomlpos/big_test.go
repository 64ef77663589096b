package tomlpos

import (
	"strings"
	"testing"
	"time"
)

func TestBuildLargeInputsAreFast(t *testing.T) {
	inputs := []string{
		strings.Repeat("[[a]]\nx = 1\n", 20000),
		strings.Repeat("[", 100000),
		strings.Repeat("a = [", 50000),
		"x = " + strings.Repeat("{a=", 50000),
		strings.Repeat("é", 200000) + "\nk = 1",
		"s = \"\"\"" + strings.Repeat("\\", 100001),
		"a = [" + strings.Repeat("1,", 200000) + "]",
		"a = {" + strings.Repeat("b.", 20000) + "c = 1}",
	}
	for _, in := range inputs {
		start := time.Now()
		Build([]byte(in))
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("Build of %.20q… took %v", in, d)
		}
	}
}
