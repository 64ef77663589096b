package present

import (
	"testing"

	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/uncertainty"
)

// TestFineTunePays covers each side of a break-even: the order at today's
// volume holds on its side of the break-even and flips on the other.
func TestFineTunePays(t *testing.T) {
	id := func(s string) string { return s }
	ft := &model.OptionResult{Name: "ft", Kind: model.FineTune}
	other := &model.OptionResult{Name: "rag", Kind: model.RAG}
	found := func(v float64) uncertainty.BreakEven {
		return uncertainty.BreakEven{Found: true, Value: v, Input: uncertainty.BreakEvenInput, Lo: 10, Hi: 1e7}
	}
	cases := []struct {
		name      string
		ftTotal   float64
		be        uncertainty.BreakEven
		q         float64
		want      string
		otherWins bool
	}{
		{"dearer now, break-even above", 200, found(50000), 10000,
			"Fine-tuning starts to pay above 50,000 queries a month (now 10,000): from there ft costs less than rag.", false},
		{"dearer now, break-even below", 200, found(5000), 10000,
			"ft costs less than rag only below 5,000 queries a month (now 10,000).", false},
		{"cheaper now, break-even below", 50, found(5000), 10000,
			"Fine-tuning starts to pay above 5,000 queries a month (now 10,000): from there ft costs less than rag.", false},
		{"cheaper now, break-even above", 50, found(50000), 10000,
			"ft costs less than rag only below 50,000 queries a month (now 10,000).", false},
		{"never, dearer", 200, uncertainty.BreakEven{Input: uncertainty.BreakEvenInput, Lo: 10, Hi: 1e7}, 10000,
			"ft costs more than rag at every volume from 10 to 10,000,000 queries a month.", false},
		{"never, cheaper", 50, uncertainty.BreakEven{Input: uncertainty.BreakEvenInput, Lo: 10, Hi: 1e7}, 10000,
			"ft costs less than rag at every volume from 10 to 10,000,000 queries a month.", false},
	}
	for _, c := range cases {
		ft.Total, other.Total = c.ftTotal, 100
		if got := fineTunePays(ft, other, c.be, c.q, id); got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}
