package scenarios

import (
	"time"

	"github.com/tunecost/tunecost/model"
)

// The deprecation warning compares with today: pin it.
func init() { Today = func() time.Time { return time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC) } }

// testCatalog is a small hand-built catalog: the pricing package is not a
// dependency of these tests.
func testCatalog() *model.Catalog {
	c := model.NewCatalog("USD")
	c.GPUs["a10g"] = model.GPU{ID: "a10g", MemoryGB: 24, BF16TFLOPS: 70, BandwidthGBs: 600}
	c.GPUs["a100-40gb"] = model.GPU{ID: "a100-40gb", MemoryGB: 40, BF16TFLOPS: 312, BandwidthGBs: 1555}
	c.GPUs["h100-sxm"] = model.GPU{ID: "h100-sxm", MemoryGB: 85.5, BF16TFLOPS: 989, FP8TFLOPS: 1979, BandwidthGBs: 3350}
	c.Offers["aws/p5.48xlarge"] = model.Offer{ID: "aws/p5.48xlarge", GPU: "h100-sxm", GPUs: 8, OnDemandHourly: 55.04, BillingMinutes: 1}
	c.Offers["aws/g5.xlarge"] = model.Offer{ID: "aws/g5.xlarge", GPU: "a10g", GPUs: 1, OnDemandHourly: 1.006, BillingMinutes: 1}
	c.Offers["aws/p4d.24xlarge"] = model.Offer{ID: "aws/p4d.24xlarge", GPU: "a100-40gb", GPUs: 8, OnDemandHourly: 21.96, SpotHourly: 9.5, BillingMinutes: 1}
	c.OpenModels["llama-3.1-8b"] = model.OpenModel{ID: "llama-3.1-8b", ParamsB: 8.03, Layers: 32, Hidden: 4096, Intermediate: 14336, Heads: 32, KVHeads: 8}
	c.OpenModels["llama-3.1-70b"] = model.OpenModel{ID: "llama-3.1-70b", ParamsB: 70.6, Layers: 80, Hidden: 8192, Intermediate: 28672, Heads: 64, KVHeads: 8}
	c.APIModels["gpt-4o"] = model.APIModel{ID: "gpt-4o", InputPerMtok: 2.5, OutputPerMtok: 10, CachedInputPerMtok: 1.25}
	c.APIModels["gpt-4o-mini"] = model.APIModel{ID: "gpt-4o-mini", InputPerMtok: 0.15, OutputPerMtok: 0.6,
		BatchInputPerMtok: 0.075, BatchOutputPerMtok: 0.3, TrainPerMtok: 3, FTInputPerMtok: 0.3, FTOutputPerMtok: 1.2}
	c.APIModels["gpt-4o-2024-05-13"] = model.APIModel{ID: "gpt-4o-2024-05-13", InputPerMtok: 5, OutputPerMtok: 15,
		Deprecated: time.Date(2027, 6, 30, 0, 0, 0, 0, time.UTC)}
	c.APIModels["gpt-4.1"] = model.APIModel{ID: "gpt-4.1", InputPerMtok: 2, OutputPerMtok: 8,
		TrainPerMtok: 25, FTInputPerMtok: 3, FTOutputPerMtok: 12, FTClosed: true}
	c.APIModels["gpt-4-32k"] = model.APIModel{ID: "gpt-4-32k", InputPerMtok: 60, OutputPerMtok: 120, Closed: true}
	// §8's lifecycle on today 2026-11-29: gpt-5 retires inside the horizon,
	// gpt-4.1-nano retired before today; gpt-4.1-mini's provider stops
	// new tuning jobs on 2027-01-06, and gpt-4.1-old's did on 2026-11-01.
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	c.APIModels["gpt-5"] = model.APIModel{ID: "gpt-5", InputPerMtok: 1.25, OutputPerMtok: 10, Deprecated: day(2026, 6, 11),
		Retires: day(2026, 12, 11), Successor: "gpt-5.1", TrainPerMtok: 25, FTInputPerMtok: 3.75, FTOutputPerMtok: 15}
	c.APIModels["gpt-5.1"] = model.APIModel{ID: "gpt-5.1", InputPerMtok: 1.25, OutputPerMtok: 10,
		TrainPerMtok: 30, FTInputPerMtok: 4, FTOutputPerMtok: 16, FTMinCharge: 500}
	c.APIModels["gpt-4.1-nano"] = model.APIModel{ID: "gpt-4.1-nano", InputPerMtok: 0.1, OutputPerMtok: 0.4,
		Retires: day(2026, 10, 23), Successor: "gpt-5-nano"}
	c.APIModels["gpt-4.1-mini"] = model.APIModel{ID: "gpt-4.1-mini", InputPerMtok: 0.4, OutputPerMtok: 1.6,
		TrainPerMtok: 5, FTInputPerMtok: 0.8, FTOutputPerMtok: 3.2, FTJobsEnd: day(2027, 1, 6), Retires: day(2027, 1, 14)}
	c.APIModels["gpt-4.1-old"] = model.APIModel{ID: "gpt-4.1-old", InputPerMtok: 0.4, OutputPerMtok: 1.6,
		TrainPerMtok: 5, FTInputPerMtok: 0.8, FTOutputPerMtok: 3.2, FTJobsEnd: day(2026, 11, 1)}
	c.Embeddings["text-embedding-3-small"] = model.Embedding{ID: "text-embedding-3-small", PerMtok: 0.02, Dim: 1536}
	c.VectorDBs["pgvector"] = model.VectorDB{ID: "pgvector", MonthlyBase: 50}
	return &c
}
