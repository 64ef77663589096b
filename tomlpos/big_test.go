package tomlpos

import (
	"strings"
	"testing"
)

// pathological inputs once made Build quadratic; they must still index
// without a panic. Their speed is a benchmark, not a timed assertion.
func pathological() []string {
	return []string{
		strings.Repeat("[[a]]\nx = 1\n", 20000),
		strings.Repeat("[", 100000),
		strings.Repeat("a = [", 50000),
		"x = " + strings.Repeat("{a=", 50000),
		strings.Repeat("é", 200000) + "\nk = 1",
		"s = \"\"\"" + strings.Repeat("\\", 100001),
		"a = [" + strings.Repeat("1,", 200000) + "]",
		"a = {" + strings.Repeat("b.", 20000) + "c = 1}",
	}
}

func TestBuildLargeInputs(t *testing.T) {
	for _, in := range pathological() {
		Build([]byte(in))
	}
	if n := Build([]byte(pathological()[0])).ArrayLen("a"); n != 20000 {
		t.Errorf("ArrayLen(a) = %d, want 20000", n)
	}
}

// BenchmarkBuildPathological indexes every pathological input once per
// iteration; a quadratic regression shows here as seconds, not milliseconds.
func BenchmarkBuildPathological(b *testing.B) {
	inputs := pathological()
	for b.Loop() {
		for _, in := range inputs {
			Build([]byte(in))
		}
	}
}
