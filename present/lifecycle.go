package present

import (
	"strconv"
	"strings"
	"time"

	"github.com/tunecost/tunecost/model"
)

// LifecycleWords is the verdict's sentence about options whose API model
// retires inside the horizon (MODEL.md §8): each must migrate, and a
// managed fine-tune's cost of tuning again on the successor is named as a
// one-time cost the totals leave out. Empty when none retires.
func LifecycleWords(r *model.Result, name func(string) string, money func(float64) string) string {
	var parts []string
	for i := range r.Options {
		o := &r.Options[i]
		l := o.Lifecycle
		if l.Stage != model.StageRetiring {
			continue
		}
		p := name(o.Name) + " must migrate: " + name(l.Model) + " retires on " + l.Date.Format(time.DateOnly) +
			" (month " + strconv.Itoa(l.Month+1) + ")"
		switch {
		case l.HasRetune:
			p += "; tuning it again on " + name(l.Successor) + " costs " + money(l.Retune) + " once, not in the totals"
		case l.Successor != "":
			p += ", succeeded by " + name(l.Successor)
		}
		parts = append(parts, p)
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, "; ") + "."
}
