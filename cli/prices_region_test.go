package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// prices update honours --region per cloud, or refuses it: a region is one
// cloud's name, and LiteLLM's prices have none.
func TestPricesUpdateRegion(t *testing.T) {
	srv, _ := sourceServer(t)
	out := filepath.Join(t.TempDir(), "prices.toml")
	aws := "aws=" + srv.URL + "/aws/vms.csv"
	for _, region := range []string{"aws=us-west-2", "us-west-2"} {
		a, _, errOut := updateApp(t, srv)
		code := a.Run([]string{"prices", "update", "--out", out, "--litellm-url", "", "--skypilot-url", aws, "--region", region})
		data, _ := os.ReadFile(out)
		// The sample's us-west-2 rows: g5.xlarge and two more; none of us-east-1's.
		if code != ExitOK || !strings.Contains(string(data), "A10G, us-west-2)") || strings.Contains(string(data), "us-east-1)") {
			t.Errorf("--region %s: exit %d %s\n%s", region, code, errOut, data)
		}
	}
	refused := map[string][]string{
		"a plain region with two clouds": {"--litellm-url", "", "--skypilot-url", aws, "--skypilot-url", "gcp=" + srv.URL + "/gcp/vms.csv", "--region", "us-west-2"},
		"a cloud not fetched":            {"--litellm-url", "", "--skypilot-url", aws, "--region", "gcp=us-central1"},
		"LiteLLM only":                   {"--litellm-url", srv.URL + "/litellm.json", "--skypilot-url", "", "--region", "us-east-1"},
	}
	for name, args := range refused {
		a, _, errOut := updateApp(t, srv)
		if code := a.Run(append([]string{"prices", "update", "--out", out}, args...)); code != ExitUsage || !strings.Contains(errOut.String(), "--region") {
			t.Errorf("%s: exit %d %s", name, code, errOut)
		}
	}
	if _, errOut, code := run(t, "prices", "import", "--from", "litellm", "--region", "us-east-1", "--as-of", "2026-07-24", "../pricing/testdata/litellm-trimmed.json"); code != ExitUsage {
		t.Errorf("import --from litellm --region: exit %d %s", code, errOut)
	}
}
