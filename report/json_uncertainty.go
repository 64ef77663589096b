package report

import "github.com/tunecost/tunecost/uncertainty"

// jsonUncertainty is an option's Monte Carlo band (null without ranges).
type jsonUncertainty struct {
	P10       float64 `json:"p10"`
	P50       float64 `json:"p50"`
	P90       float64 `json:"p90"`
	PCheapest float64 `json:"p_cheapest"`
	Per1kP10  float64 `json:"per_1k_p10"`
	Per1kP50  float64 `json:"per_1k_p50"`
	Per1kP90  float64 `json:"per_1k_p90"`
	// Physics is §10's bands of a self-hosted option (null otherwise).
	Physics *jsonPhysics `json:"physics"`
}

// jsonPhysics is MODEL.md §10's physics bands; training_hours is null for a
// rag or prompt option.
type jsonPhysics struct {
	TrainingHours          *jsonBand `json:"training_hours"`
	DecodeTokensPerS       jsonBand  `json:"decode_tokens_per_s"`
	TTFTms                 jsonBand  `json:"ttft_ms"`
	OutputTokensPerSPerGPU jsonBand  `json:"output_tokens_per_s_per_gpu"`
}

type jsonBand struct {
	P10 float64 `json:"p10"`
	P50 float64 `json:"p50"`
	P90 float64 `json:"p90"`
}

func bandJSON(b uncertainty.Band) jsonBand { return jsonBand{b.P10, b.P50, b.P90} }

func physicsJSON(p *uncertainty.Physics) *jsonPhysics {
	if p == nil {
		return nil
	}
	j := &jsonPhysics{DecodeTokensPerS: bandJSON(p.DecodeTokensPerS), TTFTms: bandJSON(p.TTFTms),
		OutputTokensPerSPerGPU: bandJSON(p.OutputTokensPerSPerGPU)}
	if p.TrainingHours != nil {
		h := bandJSON(*p.TrainingHours)
		j.TrainingHours = &h
	}
	return j
}

// jsonSwing is one bar of an option's tornado. A bar the engine could not
// compute has an error and null totals; error is absent otherwise.
type jsonSwing struct {
	Input       string   `json:"input"`
	Low         float64  `json:"low"`
	High        float64  `json:"high"`
	TotalAtLow  *float64 `json:"total_at_low"`
	TotalAtHigh *float64 `json:"total_at_high"`
	Swing       *float64 `json:"swing"`
	Error       string   `json:"error,omitempty"`
}

// jsonBreakEven: value is null when the order never changes within [lo, hi],
// or when the solver failed, which error (absent otherwise) then says.
type jsonBreakEven struct {
	A     string   `json:"a"`
	B     string   `json:"b"`
	Input string   `json:"input"`
	Value *float64 `json:"value"`
	Lo    float64  `json:"lo"`
	Hi    float64  `json:"hi"`
	Error string   `json:"error,omitempty"`
}

type jsonMC struct {
	Samples int `json:"samples"`
	// SamplesRequested is set only when the work budget drew fewer
	// samples than asked (docs/limits.md), so uncapped output is unchanged.
	SamplesRequested int    `json:"samples_requested,omitempty"`
	Failed           int    `json:"failed"`
	Seed             uint64 `json:"seed"`
}

func optionUncertainty(sum *uncertainty.Summary, i int) *jsonUncertainty {
	if sum == nil || sum.MC == nil || i >= len(sum.MC.Options) {
		return nil
	}
	o := sum.MC.Options[i]
	return &jsonUncertainty{P10: o.P10, P50: o.P50, P90: o.P90, PCheapest: o.PCheapest,
		Per1kP10: o.Per1kP10, Per1kP50: o.Per1kP50, Per1kP90: o.Per1kP90, Physics: physicsJSON(o.Physics)}
}

func optionSensitivity(sum *uncertainty.Summary, i int) []jsonSwing {
	out := []jsonSwing{}
	if sum == nil || i >= len(sum.Tornado) {
		return out
	}
	for _, sw := range sum.Tornado[i] {
		j := jsonSwing{Input: sw.Label, Low: sw.Low, High: sw.High}
		if sw.Failed() {
			j.Error = sw.Err.Error()
		} else {
			j.TotalAtLow, j.TotalAtHigh, j.Swing = ptr(sw.TotalAtLow), ptr(sw.TotalAtHigh), ptr(sw.Swing)
		}
		out = append(out, j)
	}
	return out
}

func breakEvenJSON(sum *uncertainty.Summary) []jsonBreakEven {
	out := []jsonBreakEven{}
	if sum == nil {
		return out
	}
	for _, be := range sum.BreakEven {
		j := jsonBreakEven{A: be.A, B: be.B, Input: be.Input, Lo: be.Lo, Hi: be.Hi}
		switch {
		case be.Failed():
			j.Error = be.Err.Error()
		case be.Found:
			j.Value = ptr(be.Value)
		}
		out = append(out, j)
	}
	return out
}

func monteCarloJSON(sum *uncertainty.Summary) *jsonMC {
	if sum == nil || sum.MC == nil {
		return nil
	}
	j := &jsonMC{Samples: sum.MC.Samples, Failed: sum.MC.Failed, Seed: sum.MC.Seed}
	if sum.MC.Capped() {
		j.SamplesRequested = sum.MC.Requested
	}
	return j
}
