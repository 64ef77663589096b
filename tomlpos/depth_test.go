package tomlpos

import (
	"strings"
	"testing"
)

func TestTooDeep(t *testing.T) {
	cases := []struct {
		in   string
		deep bool
		at   Pos
	}{
		{"a = [[1], {b = [2]}]\n[[option]]\n", false, Pos{}},
		{"a = [[[[1]]]]", true, Pos{1, 8}},
		{"s = \"[[[[[[\"\nt = '{{{{{' # [[[[[\n", false, Pos{}},
		{"m = \"\"\"\n[[[[[[\n\"\"\"\nx = {y = {z = {w = {v = 1}}}}", true, Pos{4, 20}},
		{"\xef\xbb\xbfé = [[[[[", true, Pos{1, 8}},
		{"] ] } a = [[[[1]]]]", true, Pos{1, 14}},
	}
	for _, c := range cases {
		at, deep := TooDeep([]byte(c.in), 3)
		if deep != c.deep || at != c.at {
			t.Errorf("TooDeep(%q) = %v %v, want %v %v", c.in, at, deep, c.deep, c.at)
		}
	}
	if _, deep := TooDeep([]byte("x = "+strings.Repeat("[", 1<<20)), 32); !deep {
		t.Error("a million brackets are not too deep")
	}
}
