package scenarios

import (
	"path/filepath"
	"testing"
)

// TestV2FieldsResolve reads every field cost model v2 added, and the
// defaults MODEL.md §4 and §7 give when a file leaves them out.
func TestV2FieldsResolve(t *testing.T) {
	path := filepath.Join("testdata", "good", "v2_fields.toml")
	f, d := Parse(path, read(t, path))
	s, more := f.Resolve(testCatalog())
	if d = append(d, more...); len(d) > 0 {
		t.Fatal(d)
	}
	ft, p := s.Options[0], s.Options[1]
	if ft.TrainPrecision != "fp8" || ft.GradientCheckpointing || ft.MicroBatchTokens != 2048 || ft.Sharding != "none" ||
		ft.MemoryOverheadGB != 1.5 || ft.ServePrecision != "fp8" || ft.KVPrecision != "fp8" || ft.TensorParallel != 2 {
		t.Errorf("written values: %+v", ft)
	}
	if p.APITier != "batch" {
		t.Errorf("api_tier = %q", p.APITier)
	}

	path = filepath.Join("testdata", "good", "support.toml")
	f, _ = Parse(path, read(t, path))
	s, _ = f.Resolve(testCatalog())
	selfHostedFineTunes := 0
	for _, o := range s.Options {
		if o.APITier != "standard" {
			t.Errorf("%s: api_tier default %q, want standard", o.Name, o.APITier)
		}
		if o.Kind != "finetune" || !o.SelfHosted(testCatalog()) {
			continue
		}
		selfHostedFineTunes++
		if o.TrainPrecision != "bf16" || !o.GradientCheckpointing || o.MicroBatchTokens != 4096 || o.Sharding != "zero3" ||
			o.MemoryOverheadGB != 1 || o.KVPrecision != "bf16" || o.TensorParallel != 0 {
			t.Errorf("%s: defaults %+v", o.Name, o)
		}
	}
	if selfHostedFineTunes == 0 {
		t.Error("support.toml has no self-hosted fine-tune: the defaults went unchecked")
	}
}
