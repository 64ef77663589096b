package present

import (
	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/uncertainty"
)

// PhysicsLine words §10's bands of a self-hosted option as P10–P50–P90:
// "training 1.8–2.3–3.0 h · decode 41–47–54 tokens/s · first token
// 120–150–250 ms · 640–730–850 output tokens/s per GPU".
func PhysicsLine(p *uncertainty.Physics) string {
	if p == nil {
		return ""
	}
	s := ""
	if p.TrainingHours != nil {
		s = "training " + triple(*p.TrainingHours, 1) + " h · "
	}
	return s + "decode " + triple(p.DecodeTokensPerS, 0) + " tokens/s · first token " + triple(p.TTFTms, 0) +
		" ms · " + triple(p.OutputTokensPerSPerGPU, 0) + " output tokens/s per GPU"
}

// PhysicsFigures are §10's four figures with their labels and units, in
// the order every output lists them; training hours is absent (nil) for an
// option that does not train.
func PhysicsFigures(p *uncertainty.Physics) []PhysicsFigure {
	if p == nil {
		return nil
	}
	var out []PhysicsFigure
	if p.TrainingHours != nil {
		out = append(out, PhysicsFigure{"Training run, hours (h, F9)", *p.TrainingHours, 2})
	}
	return append(out,
		PhysicsFigure{"Decode speed, tokens/s (one stream)", p.DecodeTokensPerS, 1},
		PhysicsFigure{"First-token latency, ms", p.TTFTms, 0},
		PhysicsFigure{"Output tokens/s per GPU", p.OutputTokensPerSPerGPU, 0})
}

// PhysicsFigure is one of §10's figures: its label, band and decimals.
type PhysicsFigure struct {
	Label    string
	Band     uncertainty.Band
	Decimals int
}

// Text is the band as "P10–P50–P90".
func (f PhysicsFigure) Text() string { return triple(f.Band, f.Decimals) }

func triple(b uncertainty.Band, decimals int) string {
	return format.Number(b.P10, decimals) + "–" + format.Number(b.P50, decimals) + "–" + format.Number(b.P90, decimals)
}
