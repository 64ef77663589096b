package present

import "github.com/tunecost/tunecost/pricing"

// PriceSummary is one catalog entry's fields in a line, as `tunecost
// prices`, the diff of price sheets and the planner's Catalog show it:
// every field the entry has, worded by pricing.EntryFields.
func PriceSummary(e pricing.Entry, cur string) string { return e.Summary(cur) }
