package model

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
}

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
	TTFTms             float64 // 0 = unknown
	OutputTokensPerS   float64 // 0 = unknown
	TrainPerMtok       float64 // > 0: managed fine-tuning is offered
	FTInputPerMtok     float64
	FTOutputPerMtok    float64
	FTHostingHourly    float64
	Closed             bool // the model is closed to new users
	FTClosed           bool // its managed fine-tuning is closed to new users
}

// Managed reports whether the model offers managed fine-tuning.
func (m APIModel) Managed() bool { return m.TrainPerMtok > 0 }

// HasCached reports whether the model has a cached-input rate.
func (m APIModel) HasCached() bool { return m.CachedInputPerMtok > 0 }

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
