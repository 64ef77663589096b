package present

import (
	"testing"

	"github.com/tunecost/tunecost/model"
)

// One wording for a value with its unit, in the explain panel and the
// Markdown derivations alike.
func TestQuantity(t *testing.T) {
	for _, c := range []struct {
		v    float64
		unit string
		want string
	}{
		{0.0039, model.UnitMoney, "$0.0039"}, // below ten cents: three significant digits, zeros trimmed
		{0.000123456, model.UnitMoney, "$0.000123"},
		{0.291, model.UnitMoney, "$0.29"}, // from ten cents, in cents
		{0.5, model.UnitMoney, "$0.50"},
		{12.5, model.UnitMoney, "$12.50"},
		{0, model.UnitMoney, "$0.00"},
		{1.7578, model.UnitGB, "1.8 GB"},
		{0.8551, model.UnitHours, "0.86 h"},
		{30, model.UnitHours, "30 h"},
		{0.4839, model.UnitSeconds, "0.4839 s"},
		{8.03e9, model.UnitParams, "8.03e+09 params"},
		{2, model.UnitGPUs, "2 GPUs"},
		{0.88, model.UnitFraction, "88.0%"},
		{15, model.UnitMonth, "month 16"},
		{4, model.UnitCadence, "every 4 months"},
		{1234.5, model.UnitCount, "1,234.5"},
		{3350, model.UnitGBs, "3,350 GB/s"},
	} {
		if got := Quantity(c.v, c.unit, "USD"); got != c.want {
			t.Errorf("Quantity(%g, %q) = %q, want %q", c.v, c.unit, got, c.want)
		}
	}
}
