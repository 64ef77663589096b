package pricing

import (
	"bytes"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/tunecost/tunecost/model"
)

// pinnedBase is the catalog the import tests run over: a pinned copy of the
// built-in sheet (testdata/skypilot/base.toml), so that a price refresh of
// the built-in sheet never moves them.
func pinnedBase(t *testing.T) *Sheet {
	t.Helper()
	src, err := os.ReadFile("testdata/skypilot/base.toml")
	if err != nil {
		t.Fatal(err)
	}
	sh, diags := Parse("base.toml", src)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return sh
}

// importSky imports one of SkyPilot's real catalog samples over the pinned
// catalog and returns the layered catalog and what was skipped.
func importSky(t *testing.T, file, cloud, region string) (*Catalog, map[string]string) {
	t.Helper()
	pinned := pinnedBase(t)
	base, _ := Layer(pinned)
	f, err := os.Open("testdata/skypilot/" + file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out, skipped, err := ImportSkyPilot(f, ImportOptions{File: file, AsOf: "2026-07-24", Cloud: cloud, Region: region, Catalog: base})
	if err != nil {
		t.Fatal(err)
	}
	sh, diags := Parse("sky.toml", out)
	if len(diags) != 0 {
		t.Fatalf("%v\n%s", diags, out)
	}
	cat, diags := Layer(pinned, sh)
	if len(diags) != 0 {
		t.Fatal(diags)
	}
	reasons := map[string]string{}
	for _, s := range skipped {
		reasons[s.Key] = s.Reason
	}
	return cat, reasons
}

func offer(t *testing.T, cat *Catalog, id string) (model.Offer, Entry) {
	t.Helper()
	e, ok := cat.Lookup(TableOffer, id)
	if !ok {
		t.Fatalf("no offer %s", id)
	}
	return e.Item.(model.Offer), e
}

func TestSkyPilotAWS(t *testing.T) {
	cat, skipped := importSky(t, "aws-v8-vms.sample.csv", "aws", "")
	o, e := offer(t, cat, "aws/p5.48xlarge")
	// The row: p5.48xlarge,H100,8.0,…,55.04,19.253100,us-east-1; the built-in
	// entry's name and per-second billing (1/60 minute) are kept.
	if o.GPU != "h100-sxm" || o.GPUs != 8 || o.OnDemandHourly != 55.04 || o.SpotHourly != 19.2531 ||
		o.BillingMinutes != 1.0/60 || e.Name != "AWS p5.48xlarge (8x H100 SXM)" || e.Sheet != "SkyPilot import (aws)" {
		t.Errorf("p5.48xlarge = %+v (%s, %s)", o, e.Name, e.Sheet)
	}
	if !strings.HasPrefix(e.Note, "imported from SkyPilot (8× H100, us-east-1); the catalog's note: unverified") {
		t.Errorf("note %q", e.Note)
	}
	if o, _ := offer(t, cat, "aws/p5.4xlarge"); o.OnDemandHourly != 6.88 || o.SpotHourly != 0 || o.GPUs != 1 {
		t.Errorf("p5.4xlarge (no spot price) = %+v", o)
	}
	if _, ok := cat.Lookup(TableOffer, "aws/g5.xlarge"); !ok {
		t.Error("g5.xlarge keeps the built-in entry (its row is in us-west-2)")
	} else if o, _ := offer(t, cat, "aws/g5.xlarge"); o.OnDemandHourly == 1.006 && o.SpotHourly == 0.4857 {
		t.Error("a us-west-2 row was imported into us-east-1")
	}
	want := map[string]string{
		"aws/p6-b200.48xlarge": `gpu "b200" (SkyPilot's B200) is not in the catalog; add a [[gpu]] entry first`,
		"(other regions)":      "4 rows outside us-east-1 (--region picks another)",
	}
	for k, w := range want {
		if skipped[k] != w {
			t.Errorf("%s: %q, want %q", k, skipped[k], w)
		}
	}
	west, _ := importSky(t, "aws-v8-vms.sample.csv", "aws", "us-west-2")
	if o, _ := offer(t, west, "aws/g5.xlarge"); o.OnDemandHourly != 1.006 || o.SpotHourly != 0.4857 {
		t.Errorf("--region us-west-2: g5.xlarge = %+v", o)
	}
}

// GCP lists the machine and its GPUs apart: a3-edgegpu-8g costs the host
// row 9.46006 + the H100 x8 row of the same region 33.60609 = 43.06615 /h,
// spot 2.88933 + 23.9408 = 26.83013.
func TestSkyPilotGCPAddsHostAndGPURows(t *testing.T) {
	cat, skipped := importSky(t, "gcp-v8-vms.sample.csv", "gcp", "")
	o, _ := offer(t, cat, "gcp/a3-edgegpu-8g")
	if o.GPU != "h100-sxm" || o.GPUs != 8 || o.OnDemandHourly != 43.06615 || o.SpotHourly != 26.83013 {
		t.Errorf("a3-edgegpu-8g = %+v", o)
	}
	if r := skipped["gcp/a3-highgpu-1g"]; r != "no H100 x1 accelerator price in us-central1 to add to the machine's $1.18251/h" {
		t.Errorf("a3-highgpu-1g: %q", r)
	}
	// us-east4: 78.37241 for the GPUs, but no host row there: nothing to offer.
	f, _ := os.Open("testdata/skypilot/gcp-v8-vms.sample.csv")
	defer f.Close()
	_, _, err := ImportSkyPilot(f, ImportOptions{File: "gcp.csv", AsOf: "2026-07-24", Cloud: "gcp", Region: "mars-1"})
	if err == nil || !strings.Contains(err.Error(), `no GPU offer in region "mars-1"; the file's regions include europe-west4, us-central1, us-east4`) {
		t.Errorf("unknown region: %v", err)
	}
}

func TestSkyPilotLambdaAndRunPod(t *testing.T) {
	cat, skipped := importSky(t, "lambda-v9-vms.sample.csv", "lambda", "")
	if o, _ := offer(t, cat, "lambda/gpu_1x_h100_pcie"); o.GPU != "h100-pcie" || o.OnDemandHourly != 3.29 {
		t.Errorf("an H100 whose instance says pcie is the PCIe card: %+v", o)
	}
	for _, key := range []string{"lambda/gpu_1x_a6000", "lambda/gpu_1x_gh200"} {
		if !strings.HasPrefix(skipped[key], "accelerator ") || !strings.Contains(skipped[key], "has no gpu id in tunecost") {
			t.Errorf("%s: %q", key, skipped[key])
		}
	}
	rp, _ := importSky(t, "runpod-v8-vms.sample.csv", "runpod", "")
	// SpotPrice 1.39 = Price 1.39: no discount, so no spot price.
	if o, _ := offer(t, rp, "runpod/1x_a100-80gb_secure"); o.OnDemandHourly != 1.39 || o.SpotHourly != 0 || o.GPU != "a100-80gb-sxm" {
		t.Errorf("runpod 1x A100 = %+v", o)
	}
}

func TestSkyPilotBadInput(t *testing.T) {
	const header = "InstanceType,AcceleratorName,AcceleratorCount,Price,SpotPrice,Region\n"
	cases := []struct{ name, in, want string }{
		{"columns", header + "p5.48xlarge,H100\n", `vms.csv:2:1: malformed CSV: wrong number of fields`},
		{"quote", header + "\"p5,H100,8,1,,us-east-1\n", `vms.csv:2:25: malformed CSV: extraneous or missing " in quoted-field`},
		{"header", "a,b,c\n1,2,3\n", `vms.csv:1:1: no InstanceType column: this is not a SkyPilot vms.csv (columns: a, b, c)`},
		{"empty", "", `vms.csv:1:1: the file has no header row`},
	}
	for _, c := range cases {
		out, _, err := ImportSkyPilot(strings.NewReader(c.in), ImportOptions{File: "vms.csv", AsOf: "2026-07-24", Cloud: "aws"})
		if err == nil || err.Error() != c.want || out != nil {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
	_, _, err := ImportSkyPilot(bytes.NewReader(bytes.Repeat([]byte("#"), 50<<20)), ImportOptions{File: "big.csv", AsOf: "2026-07-24", Cloud: "aws"})
	if err == nil || !strings.Contains(err.Error(), "larger than 32 MiB") {
		t.Errorf("50 MB: %v", err)
	}
}

// TestSkyPilotSkipsOneBadRow (M7): a row with a bad number or a control
// character is skipped with its reason and place; the others import.
func TestSkyPilotSkipsOneBadRow(t *testing.T) {
	const header = "InstanceType,AcceleratorName,AcceleratorCount,Price,SpotPrice,Region\n"
	const good = "p4d.24xlarge,A100,8,32.77,,us-east-1\n"
	cases := []struct{ name, row, key, reason string }{
		{"negative", "p5.48xlarge,H100,8,-55.04,,us-east-1\n", "p5.48xlarge", "2:20: Price -55.04 is negative"},
		{"nan", "p5.48xlarge,H100,8,NaN,,us-east-1\n", "p5.48xlarge", `2:20: Price "NaN" is not a number`},
		{"text", "p5.48xlarge,H100,8,cheap,,us-east-1\n", "p5.48xlarge", `2:20: Price "cheap" is not a number`},
		{"control", "p5\x07,H100,8,1,,us-east-1\n", "p5\a", "2:1: the row contains a control character"},
	}
	for _, c := range cases {
		out, skipped, err := ImportSkyPilot(strings.NewReader(header+c.row+good), ImportOptions{File: "vms.csv", AsOf: "2026-07-24", Cloud: "aws"})
		if err != nil || !bytes.Contains(out, []byte(`id = "aws/p4d.24xlarge"`)) {
			t.Errorf("%s: %v\n%s", c.name, err, out)
		}
		if !slices.Contains(skipped, Skipped{Key: c.key, Reason: c.reason}) {
			t.Errorf("%s: skipped %q, want %q: %q", c.name, skipped, c.key, c.reason)
		}
	}
}

func TestCloudInPath(t *testing.T) {
	for path, want := range map[string]string{"catalogs/v8/aws/vms.csv": "aws", "gcp-v8-vms.sample.csv": "gcp", "x/lambda_vms.csv": "lambda", "vms.csv": ""} {
		if got, _ := CloudInPath(path); got != want {
			t.Errorf("%s: %q, want %q", path, got, want)
		}
	}
}

// FuzzImportSkyPilot: no input panics, and whatever the import writes
// parses and layers over the built-in catalog.
func FuzzImportSkyPilot(f *testing.F) {
	if data, err := os.ReadFile("testdata/skypilot/gcp-v8-vms.sample.csv"); err == nil {
		f.Add(data, "gcp")
	}
	if data, err := os.ReadFile("testdata/skypilot/aws-v8-vms.sample.csv"); err == nil {
		f.Add(data, "aws")
	}
	base, _ := Layer(Builtin())
	f.Fuzz(func(t *testing.T, data []byte, cloud string) {
		out, _, err := ImportSkyPilot(bytes.NewReader(data), ImportOptions{AsOf: "2026-07-24", Cloud: cloud, Catalog: base})
		if err != nil {
			return
		}
		sh, diags := Parse("sky.toml", out)
		if diags.HasErrors() {
			t.Fatalf("the import does not parse: %v\n%s", diags, out)
		}
		if _, diags := Layer(Builtin(), sh); diags.HasErrors() {
			t.Fatalf("the import does not layer: %v\n%s", diags, out)
		}
	})
}

// The v8 Lambda catalog, the schema SkyPilot's own client reads, has the
// columns the import needs (prices update fetches it).
func TestSkyPilotLambdaV8(t *testing.T) {
	cat, skipped := importSky(t, "lambda-v8-vms.sample.csv", "lambda", "")
	if o, _ := offer(t, cat, "lambda/gpu_1x_h100_sxm5"); o.GPU != "h100-sxm" || o.OnDemandHourly != 4.29 || o.GPUs != 1 {
		t.Errorf("gpu_1x_h100_sxm5 = %+v", o)
	}
	if o, _ := offer(t, cat, "lambda/gpu_8x_a100_80gb_sxm4"); o.GPU != "a100-80gb-sxm" || o.OnDemandHourly != 22.32 || o.GPUs != 8 {
		t.Errorf("gpu_8x_a100_80gb_sxm4 = %+v", o)
	}
	if !strings.Contains(skipped["lambda/gpu_1x_a6000"], "has no gpu id in tunecost") {
		t.Errorf("a6000: %q", skipped["lambda/gpu_1x_a6000"])
	}
}

// TestSkyPilotRefusesMoreOffersThanASheetHolds (M2): a catalog of 20,001
// GPU instance types is refused before its sheet is written.
func TestSkyPilotRefusesMoreOffersThanASheetHolds(t *testing.T) {
	var b strings.Builder
	b.WriteString("InstanceType,AcceleratorName,AcceleratorCount,Price,Region\n")
	for i := range MaxEntries + 1 {
		fmt.Fprintf(&b, "p%d,H100,8,1,us-east-1\n", i)
	}
	_, _, err := ImportSkyPilot(strings.NewReader(b.String()), ImportOptions{File: "vms.csv", AsOf: "2026-07-24", Cloud: "aws"})
	if err == nil || !strings.Contains(err.Error(), "the sheet would hold 20001 entries, more than the 20000 a price sheet may") {
		t.Errorf("%v", err)
	}
}
