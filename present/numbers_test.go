package present

import "testing"

func TestCategoryName(t *testing.T) {
	if got := CategoryName("inference"); got != "Inference" {
		t.Errorf("got %q", got)
	}
}
