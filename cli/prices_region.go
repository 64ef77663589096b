package cli

import (
	"fmt"
	"slices"
	"strings"
)

// updateRegions reads `prices update --region`: CLOUD=REGION for one
// SkyPilot cloud (repeatable), or a plain REGION when exactly one SkyPilot
// catalog is fetched. A region is a cloud's own name (AWS us-east-1, GCP
// us-central1), so a plain one with several clouds, a cloud that is not
// fetched, or a region with no SkyPilot catalog at all is refused rather
// than silently ignored.
func updateRegions(values []string, sources []updateSource) (map[string]string, error) {
	var clouds []string
	for _, s := range sources {
		if s.from == "skypilot" {
			clouds = append(clouds, s.cloud)
		}
	}
	out := map[string]string{}
	for _, v := range values {
		if len(clouds) == 0 {
			return nil, usageError{"--region applies to SkyPilot's catalogs, and this update fetches none (LiteLLM's prices have no region)"}
		}
		cloud, region, withCloud := strings.Cut(v, "=")
		if !withCloud {
			if len(clouds) > 1 {
				return nil, usageError{fmt.Sprintf("--region %q: a region belongs to one cloud; say which with --region CLOUD=REGION (this update fetches %s)", v, strings.Join(clouds, ", "))}
			}
			cloud, region = clouds[0], v
		}
		if !slices.Contains(clouds, cloud) {
			return nil, usageError{fmt.Sprintf("--region %q: cloud %q is not fetched by this update (%s)", v, cloud, strings.Join(clouds, ", "))}
		}
		if region == "" {
			return nil, usageError{fmt.Sprintf("--region %q: the region is empty", v)}
		}
		if prev, dup := out[cloud]; dup && prev != region {
			return nil, usageError{fmt.Sprintf("--region: two regions for %s (%s and %s); a sheet holds one per cloud", cloud, prev, region)}
		}
		out[cloud] = region
	}
	return out, nil
}
