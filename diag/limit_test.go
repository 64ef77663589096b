package diag

import "testing"

func TestCapped(t *testing.T) {
	var l List
	for i := 1; i <= 5; i++ {
		l.Errorf("s.toml", i, 1, "", "problem %d", i)
	}
	got := l.Capped(2)
	// 5 problems, 2 shown: 3 counted in the closing line.
	if len(got) != 3 || got[1].Line != 2 || got[2].String() != "s.toml: 3 more problems not shown (only the first 2 are listed)" || got[2].Severity != Error {
		t.Errorf("Capped(2) = %v", got)
	}
	if len(l.Capped(5)) != 5 {
		t.Error("a list within the cap changed")
	}
	var w List
	w.Warnf("s.toml", 1, 1, "", "a")
	w.Warnf("s.toml", 2, 1, "", "b")
	if c := w.Capped(1); c[1].Severity != Warning {
		t.Errorf("only warnings hidden, yet the closing line is %v", c[1])
	}
}
