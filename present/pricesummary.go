package present

import (
	"fmt"
	"strings"

	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/pricing"
)

// PriceSummary is one catalog entry's numbers in a line, as `tunecost
// prices`, the diff of price sheets and the planner's Catalog show it.
func PriceSummary(e pricing.Entry, cur string) string {
	m := func(v float64) string { return MoneyExact(v, cur) }
	switch it := e.Item.(type) {
	case model.GPU:
		return fmt.Sprintf("%g GB, %g TFLOPS bf16, %g GB/s", it.MemoryGB, it.BF16TFLOPS, it.BandwidthGBs)
	case model.Offer:
		parts := []string{fmt.Sprintf("%d× %s", it.GPUs, it.GPU), m(it.OnDemandHourly) + "/h"}
		if it.SpotHourly > 0 {
			parts = append(parts, "spot "+m(it.SpotHourly)+"/h")
		}
		if it.ReservedHourly > 0 {
			parts = append(parts, "reserved "+m(it.ReservedHourly)+"/h")
		}
		return strings.Join(parts, ", ")
	case model.OpenModel:
		return fmt.Sprintf("%gB params, %d layers, hidden %d, %d/%d heads", it.ParamsB, it.Layers, it.Hidden, it.Heads, it.KVHeads)
	case model.APIModel:
		s := fmt.Sprintf("in %s / out %s per Mtok", m(it.InputPerMtok), m(it.OutputPerMtok))
		if it.Managed() {
			s += fmt.Sprintf("; tuning %s/Mtok, tuned in %s / out %s", m(it.TrainPerMtok), m(it.FTInputPerMtok), m(it.FTOutputPerMtok))
		}
		if it.FTHostingHourly > 0 {
			s += fmt.Sprintf(", hosting %s/h", m(it.FTHostingHourly))
		}
		return s
	case model.Embedding:
		return fmt.Sprintf("%s per Mtok, %d dims", m(it.PerMtok), it.Dim)
	case model.VectorDB:
		return fmt.Sprintf("%s/month + %s/GB-month + %s per M queries", m(it.MonthlyBase), m(it.PerGBMonth), m(it.PerMQuery))
	}
	return ""
}

// MoneyExact prints a price with the digits it has: catalog prices are small
// and exact ($0.075), unlike totals.
func MoneyExact(v float64, cur string) string {
	if cur == "USD" {
		return fmt.Sprintf("$%g", v)
	}
	return fmt.Sprintf("%g %s", v, cur)
}
