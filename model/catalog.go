package model

import (
	"fmt"
	"time"
)

// Catalog is the price catalog a scenario is evaluated against, after every
// price sheet has been layered (later ids replace earlier ones). Maps are keyed
// by entry id. Money is in Currency.
type Catalog struct {
	Currency   string
	GPUs       map[string]GPU
	Offers     map[string]Offer
	OpenModels map[string]OpenModel
	APIModels  map[string]APIModel
	Embeddings map[string]Embedding
	VectorDBs  map[string]VectorDB
	// Origins says which sheet supplied each entry and its date, by
	// OriginKey; nil or incomplete for a hand-built catalog.
	Origins map[string]Origin

	memo *lookupMemo // an Evaluator's copy's remembered look-ups (lookupmemo.go)
}

// NewCatalog returns an empty catalog with every map allocated.
func NewCatalog(currency string) Catalog {
	return Catalog{
		Currency:   currency,
		GPUs:       map[string]GPU{},
		Offers:     map[string]Offer{},
		OpenModels: map[string]OpenModel{},
		APIModels:  map[string]APIModel{},
		Embeddings: map[string]Embedding{},
		VectorDBs:  map[string]VectorDB{},
	}
}

// GPU is an accelerator: dense BF16 throughput, memory and bandwidth.
type GPU struct {
	ID           string
	Name         string
	MemoryGB     float64 // GB = 1e9 bytes
	BF16TFLOPS   float64 // dense, no sparsity
	BandwidthGBs float64 // GB/s
	FP8TFLOPS    float64 // dense; 0 = the GPU has no FP8
	LinkGBs      float64 // GB/s one GPU sends to the others of its instance (F9a); 0 = not known
}

// HasFP8 reports whether the GPU computes in FP8 (the sheet gives fp8_tflops).
func (g GPU) HasFP8() bool { return g.FP8TFLOPS > 0 }

// Offer is a cloud instance type: GPUs per instance and per-instance-hour prices.
// A zero SpotHourly or ReservedHourly means the offer has no such price.
type Offer struct {
	ID             string // "provider/instance"
	GPU            string // a GPU id
	GPUs           int    // per instance
	OnDemandHourly float64
	SpotHourly     float64
	ReservedHourly float64
	BillingMinutes float64 // billing increment; default 1
	NetworkGbps    float64 // Gb/s, the instance's GPU network, all NICs together (F9a); 0 = not known
}

// Pricing names which of an offer's hourly prices applies.
type Pricing string

// The offer pricings of MODEL.md §4 (`pricing`, `serve_pricing`).
const (
	OnDemand Pricing = "on_demand"
	Spot     Pricing = "spot"
	Reserved Pricing = "reserved"
)

// Hourly returns the offer's price per instance-hour under p, and false when
// the offer has no such price (F10: an error, never a silent fallback).
func (o Offer) Hourly(p Pricing) (float64, bool) {
	switch p {
	case OnDemand:
		return o.OnDemandHourly, o.OnDemandHourly > 0
	case Spot:
		return o.SpotHourly, o.SpotHourly > 0
	case Reserved:
		return o.ReservedHourly, o.ReservedHourly > 0
	}
	return 0, false
}

// OpenModel is an open-weights model's architecture (its config.json).
type OpenModel struct {
	ID           string
	ParamsB      float64 // billions of parameters
	Layers       int
	Hidden       int
	Intermediate int
	Heads        int
	KVHeads      int
	HeadDim      int // 0 = Hidden / Heads

	Vocab          int  // 0 = unknown: no embedding parameters counted
	TiedEmbeddings bool // the output head shares the input embedding

	// A mixture-of-experts model (Experts > 0); all zero for a dense one.
	Experts            int     // E, routed experts per layer
	ExpertsPerToken    int     // k, experts each token is routed to
	ActiveParamsB      float64 // billions of parameters one token computes with
	ExpertIntermediate int     // each expert's MLP width
}

// MoE reports whether the model is a mixture of experts.
func (m OpenModel) MoE() bool { return m.Experts > 0 }

// ActiveParams returns Nact: active_params_b · 1e9 for a mixture of experts, else N.
func (m OpenModel) ActiveParams() float64 {
	if m.MoE() {
		return m.ActiveParamsB * 1e9
	}
	return m.Params()
}

// EmbeddingParams returns Pemb = vocab · hidden · (1 if tied, else 2).
func (m OpenModel) EmbeddingParams() float64 {
	p := float64(m.Vocab) * float64(m.Hidden)
	if m.TiedEmbeddings {
		return p
	}
	return 2 * p
}

// ExpertParams returns Pexp = (N − Nact) · E / (E − k), the routed-expert
// parameters of a mixture of experts (0 for a dense model): each token
// uses k of E experts, so N − Nact is the (E − k)/E that it leaves idle.
func (m OpenModel) ExpertParams() float64 {
	if !m.MoE() || m.Experts <= m.ExpertsPerToken {
		return 0
	}
	e, k := float64(m.Experts), float64(m.ExpertsPerToken)
	return (m.Params() - m.ActiveParams()) * e / (e - k)
}

// SharedParams returns Pshared = N − Pexp, the parameters every token uses.
func (m OpenModel) SharedParams() float64 { return m.Params() - m.ExpertParams() }

// ArchitectureProblem returns what is wrong with a model's numbers by
// MODEL.md §3 ("" when nothing is): the field to blame and why. Sheets and
// the engine both ask it, so a sheet that loads is a model the engine prices.
func (m OpenModel) ArchitectureProblem() (field, msg string) {
	n := m.Params()
	if !m.MoE() {
		switch {
		case m.ExpertsPerToken != 0:
			return "experts_per_token", "experts_per_token needs experts (a mixture-of-experts model)"
		case m.ActiveParamsB != 0:
			return "active_params_b", "active_params_b needs experts (a mixture-of-experts model)"
		case m.ExpertIntermediate != 0:
			return "expert_intermediate", "expert_intermediate needs experts (a mixture-of-experts model)"
		}
	} else {
		switch {
		case m.ExpertsPerToken < 1 || m.ExpertsPerToken >= m.Experts:
			return "experts_per_token", fmt.Sprintf("experts_per_token (k = %d) must be at least 1 and less than experts (E = %d)", m.ExpertsPerToken, m.Experts)
		case !(m.ActiveParamsB > 0 && m.ActiveParamsB < m.ParamsB):
			return "active_params_b", fmt.Sprintf("active_params_b (%g) must be greater than 0 and less than params_b (%g)", m.ActiveParamsB, m.ParamsB)
		case m.ExpertIntermediate < 1:
			return "expert_intermediate", "a mixture-of-experts model needs expert_intermediate (each expert's MLP width) of at least 1"
		case m.SharedParams() < m.EmbeddingParams():
			return "active_params_b", fmt.Sprintf("the parameters every token uses, N − (N − Nact) · E / (E − k) = %.4g B, are fewer than the embedding parameters vocab · hidden%s = %.4g B: check active_params_b, experts and vocab",
				m.SharedParams()/1e9, tiedFactor(m.TiedEmbeddings), m.EmbeddingParams()/1e9)
		}
	}
	if m.EmbeddingParams() >= n {
		return "vocab", fmt.Sprintf("the embedding parameters vocab · hidden%s = %.4g B are not fewer than params_b (%g B)", tiedFactor(m.TiedEmbeddings), m.EmbeddingParams()/1e9, m.ParamsB)
	}
	return "", ""
}

func tiedFactor(tied bool) string {
	if tied {
		return ""
	}
	return " · 2"
}

// HeadDimension returns head_dim, defaulting to hidden/heads.
func (m OpenModel) HeadDimension() float64 {
	if m.HeadDim > 0 {
		return float64(m.HeadDim)
	}
	if m.Heads <= 0 {
		return 0
	}
	return float64(m.Hidden) / float64(m.Heads)
}

// Params returns N, the parameter count.
func (m OpenModel) Params() float64 { return m.ParamsB * 1e9 }

// APIModel is a hosted model priced per million tokens. Optional prices are
// zero when absent; HasCached / Managed say whether they apply.
type APIModel struct {
	ID                 string
	InputPerMtok       float64
	OutputPerMtok      float64
	CachedInputPerMtok float64 // 0 = no cached rate
	BatchInputPerMtok  float64 // the batch tier; 0 = none
	BatchOutputPerMtok float64
	// BatchCachedInputPerMtok is the cache-read price inside the batch
	// tier, where the provider stacks both discounts; 0 = none (cached_prompt
	// then has no effect in the batch tier, and the file is warned).
	BatchCachedInputPerMtok float64
	Deprecated              time.Time // zero = not announced
	TTFTms                  float64   // 0 = unknown
	OutputTokensPerS        float64   // 0 = unknown
	TrainPerMtok            float64   // > 0: managed fine-tuning is offered
	FTInputPerMtok          float64
	FTOutputPerMtok         float64
	FTHostingHourly         float64
	Closed                  bool // the model is closed to new users
	FTClosed                bool // its managed fine-tuning is closed to new users

	// MODEL.md v3 §1's lifecycle, long-context and managed-market fields.
	Retires              time.Time // the model stops answering; zero = not announced
	Successor            string    // the api_model id the provider names as the replacement
	LongContextThreshold int       // prompt tokens above which the long prices apply (F19); 0 = none
	LongInputPerMtok     float64
	LongOutputPerMtok    float64
	FTStorageMonthly     float64   // per tuned model and month (hosting category)
	FTMinCharge          float64   // the least one tuning job costs (F10)
	FTJobsEnd            time.Time // no new tuning jobs from then; zero = not announced
}

// HasLongContext reports whether the model has long-context prices (F19).
func (m APIModel) HasLongContext() bool { return m.LongContextThreshold > 0 }

// Managed reports whether the model offers managed fine-tuning.
func (m APIModel) Managed() bool { return m.TrainPerMtok > 0 }

// HasCached reports whether the model has a cached-input rate.
func (m APIModel) HasCached() bool { return m.CachedInputPerMtok > 0 }

// HasBatch reports whether the model has batch-tier prices (F19's api_tier = "batch").
func (m APIModel) HasBatch() bool { return m.BatchInputPerMtok > 0 && m.BatchOutputPerMtok > 0 }

// HasBatchCached reports whether cache reads have a price in the batch tier.
func (m APIModel) HasBatchCached() bool { return m.HasBatch() && m.BatchCachedInputPerMtok > 0 }

// HasLatency reports whether the sheet gives what F19's latency needs.
func (m APIModel) HasLatency() bool { return m.TTFTms > 0 && m.OutputTokensPerS > 0 }

// Embedding is an embedding model priced per million tokens.
type Embedding struct {
	ID      string
	PerMtok float64
	Dim     int
}

// VectorDB is a vector database's monthly price structure.
type VectorDB struct {
	ID          string
	MonthlyBase float64
	PerGBMonth  float64
	PerMQuery   float64 // per million queries
}
