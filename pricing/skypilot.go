package pricing

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/tunecost/tunecost/gate"
	"github.com/tunecost/tunecost/model"
)

// SkyPilot's catalogs (github.com/skypilot-org/skypilot-catalog) list each
// cloud's instance types in a vms.csv. Columns are found by header name, as
// their order differs between clouds and versions.

// skyAccelerators maps SkyPilot's accelerator names to tunecost's gpu ids.
// An "H100" whose instance type says "pcie" is the PCIe card.
var skyAccelerators = map[string]string{
	"H100": "h100-sxm", "H100-SXM": "h100-sxm", "H100-MEGA": "h100-sxm", "H100-PCIE": "h100-pcie",
	"H200": "h200-sxm", "H200-SXM": "h200-sxm",
	"A100": "a100-40gb", "A100-80GB": "a100-80gb-sxm", "A100-80GB-SXM": "a100-80gb-sxm",
	"L40S": "l40s", "L4": "l4", "A10G": "a10g", "RTX4090": "rtx-4090", "RTX-4090": "rtx-4090",
	"B200": "b200", "MI300X": "mi300x",
}

// SkyPilotAccelerators lists the accelerator names the import maps, sorted.
func SkyPilotAccelerators() []string { return slices.Sorted(maps.Keys(skyAccelerators)) }

// skyDefaultRegion is the region imported when --region is not given.
var skyDefaultRegion = map[string]string{
	"aws": "us-east-1", "gcp": "us-central1", "azure": "eastus", "lambda": "us-east-1", "runpod": "US",
}

var cloudPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,39}$`)

// SkyPilotClouds are the clouds whose catalogs the import knows by name.
var SkyPilotClouds = []string{"aws", "azure", "gcp", "lambda", "runpod"}

// CloudInPath finds the cloud a catalog path names: a directory
// ("catalogs/v8/aws/vms.csv") or a file-name prefix ("aws-vms.csv").
func CloudInPath(path string) (string, bool) {
	parts := strings.FieldsFunc(filepath.ToSlash(path), func(r rune) bool { return r == '/' })
	for i := len(parts) - 1; i >= 0; i-- {
		p := strings.ToLower(parts[i])
		for _, c := range SkyPilotClouds {
			if p == c || strings.HasPrefix(p, c+"-") || strings.HasPrefix(p, c+"_") {
				return c, true
			}
		}
	}
	return "", false
}

// skyRow is one data row of a vms.csv with the fields the import reads.
type skyRow struct {
	line                  int
	instance, accelerator string
	count                 float64
	price, spot           float64 // 0 = none
	region                string
}

// skyOffer is one instance type on its way into the sheet.
type skyOffer struct {
	id, gpu, accelerator string
	gpus                 int
	price, spot          float64
	merged               *Entry
}

// ImportSkyPilot converts a SkyPilot catalog vms.csv of opt.Cloud into a
// sheet of [[offer]]s in one region (opt.Region, else the cloud's usual US
// region). An instance type with several rows (availability zones) takes
// the highest price of each kind: a plan should not count on the cheapest
// zone. GCP lists a machine type's host and its GPUs in separate rows: an
// offer costs both. An offer the catalog already has keeps what SkyPilot
// lacks (reserved price, billing increment, name, note). A row whose
// numbers are not numbers >= 0 is skipped with its reason; malformed CSV
// is a positioned error, and nothing is returned then.
func ImportSkyPilot(r io.Reader, opt ImportOptions) ([]byte, []Skipped, error) {
	date, err := time.Parse(time.DateOnly, opt.AsOf)
	if err != nil {
		return nil, nil, fmt.Errorf("as_of %q is not a date (YYYY-MM-DD)", opt.AsOf)
	}
	if !cloudPattern.MatchString(opt.Cloud) {
		return nil, nil, fmt.Errorf("cloud %q is not a cloud name (lower-case letters, digits, - and _; e.g. aws, gcp)", opt.Cloud)
	}
	file := cmp.Or(opt.File, "SkyPilot vms.csv")
	data, err := ReadSource(file, r)
	if err != nil {
		return nil, nil, err
	}
	if r := gate.Check(data, gate.SkyPilot); r != nil {
		return nil, nil, errorLine(file, r.Line, r.Col, "%s", r.Message)
	}
	rows, bad, err := readSkyRows(file, data)
	if err != nil {
		return nil, nil, err
	}
	region := cmp.Or(opt.Region, skyDefaultRegion[opt.Cloud])
	if region == "" && len(rows) > 0 {
		region = rows[0].region
	}
	im := &skyImport{cloud: opt.Cloud, region: region, cat: opt.Catalog, offers: map[string]*skyOffer{}}
	im.skipped = bad
	im.collect(rows)
	if len(im.offers) == 0 && im.otherRegions > 0 {
		return nil, nil, fmt.Errorf("%s: no GPU offer in region %q; the file's regions include %s (use --region)",
			file, region, strings.Join(firstN(slices.Sorted(maps.Keys(im.regions)), 8), ", "))
	}
	if n := len(im.offers); n > MaxEntries {
		return nil, nil, tooManyEntries(file, n)
	}
	slices.SortFunc(im.skipped, func(a, b Skipped) int { return strings.Compare(a.Key, b.Key) })
	im.summarise()
	return im.write(date, opt), im.skipped, nil
}

func firstN(ss []string, n int) []string {
	if len(ss) > n {
		return append(ss[:n:n], "…")
	}
	return ss
}

// readSkyRows parses the CSV (lines starting with # are comments). A row
// with a control character or a field that is not a number >= 0 is
// skipped with its reason and place (M7: one bad row used to stop the
// import); malformed CSV is an error.
func readSkyRows(file string, data []byte) ([]skyRow, []Skipped, error) {
	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comment = '#'
	header, err := cr.Read()
	if err != nil {
		return nil, nil, csvError(file, err, "the file has no header row")
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))] = i
	}
	for _, need := range []string{"InstanceType", "AcceleratorName", "AcceleratorCount", "Price", "Region"} {
		if _, ok := col[need]; !ok {
			return nil, nil, errorLine(file, 1, 1, "no %s column: this is not a SkyPilot vms.csv (columns: %s)", need, strings.Join(firstN(header, 12), ", "))
		}
	}
	var rows []skyRow
	var skipped []Skipped
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, csvError(file, err, "")
		}
		line, _ := cr.FieldPos(0)
		get := func(name string) string {
			if i, ok := col[name]; ok {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		row := skyRow{line: line, instance: get("InstanceType"), accelerator: get("AcceleratorName"), region: get("Region")}
		entry := cmp.Or(row.instance, row.accelerator)
		skip := func(col int, format string, args ...any) {
			skipped = append(skipped, Skipped{Key: entry, Reason: fmt.Sprintf("%d:%d: %s", line, col, fmt.Sprintf(format, args...))})
		}
		if hasControl(entry) || hasControl(row.region) {
			skip(1, "the row contains a control character")
			continue
		}
		ok := true
		for _, f := range []struct {
			name string
			dst  *float64
		}{{"AcceleratorCount", &row.count}, {"Price", &row.price}, {"SpotPrice", &row.spot}} {
			v, bad := skyNumber(get(f.name))
			if bad != "" && ok {
				_, c := cr.FieldPos(col[f.name])
				skip(c, "%s %s", f.name, bad)
				ok = false
			}
			*f.dst = v
		}
		if ok {
			rows = append(rows, row)
		}
	}
	return rows, skipped, nil
}

// skyNumber reads an optional number >= 0 ("" and "None" are none).
func skyNumber(s string) (float64, string) {
	if s == "" || s == "None" {
		return 0, ""
	}
	f, err := strconv.ParseFloat(s, 64)
	switch {
	case err != nil || math.IsNaN(f) || math.IsInf(f, 0):
		return 0, fmt.Sprintf("%q is not a number", s)
	case f < 0:
		return 0, fmt.Sprintf("%s is negative", s)
	case f > 1e7:
		return 0, fmt.Sprintf("%s is not a plausible value", s)
	}
	return f, ""
}

func csvError(file string, err error, what string) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return errorLine(file, pe.Line, max(pe.Column, 1), "malformed CSV: %v", pe.Err)
	}
	if err == io.EOF && what != "" {
		return errorLine(file, 1, 1, "%s", what)
	}
	return errorLine(file, 1, 1, "malformed CSV: %v", err)
}

type skyImport struct {
	cloud, region string
	cat           *Catalog
	offers        map[string]*skyOffer // by id
	skipped       []Skipped
	regions       map[string]bool // every region seen
	otherRegions  int             // rows in other regions
	noGPU         int             // rows of instance types without GPUs
}

func (im *skyImport) skip(key, format string, args ...any) {
	im.skipped = append(im.skipped, Skipped{Key: key, Reason: fmt.Sprintf(format, args...)})
}

// collect turns the region's rows into offers.
func (im *skyImport) collect(rows []skyRow) {
	im.regions = map[string]bool{}
	gcpGPUs := map[string]*skyRow{} // "H100 x8" -> the highest-priced row
	var hosts []skyRow
	for i := range rows {
		row := &rows[i]
		im.regions[row.region] = true
		switch {
		case row.region != im.region:
			im.otherRegions++
		case im.cloud == "gcp" && row.instance == "" && row.accelerator != "":
			k := gcpGPUKey(row.accelerator, row.count)
			if prev, ok := gcpGPUs[k]; !ok || row.price > prev.price {
				gcpGPUs[k] = row
			}
		case im.cloud == "gcp" && row.accelerator == "":
			hosts = append(hosts, *row)
		case row.accelerator == "" || row.count == 0:
			im.noGPU++
		default:
			im.addOffer(*row, row.accelerator, row.count, row.price, row.spot)
		}
	}
	used := map[string]bool{}
	for _, h := range hosts {
		acc, n, ok := gcpMachineGPUs(h.instance)
		if !ok {
			im.noGPU++
			continue
		}
		k := gcpGPUKey(acc, float64(n))
		g, found := gcpGPUs[k]
		if !found {
			im.skip(im.id(h.instance), "no %s accelerator price in %s to add to the machine's $%g/h", k, im.region, h.price)
			continue
		}
		used[k] = true
		spot := 0.0
		if h.spot > 0 && g.spot > 0 {
			spot = h.spot + g.spot
		}
		im.addOffer(h, acc, float64(n), h.price+g.price, spot)
	}
	for k := range gcpGPUs {
		if !used[k] {
			im.skip(k+" ("+im.region+")", "an accelerator price that no machine type of this file carries")
		}
	}
}

// addOffer adds (or, for another zone's row, raises) one instance type.
func (im *skyImport) addOffer(row skyRow, accelerator string, count, price, spot float64) {
	id := im.id(row.instance)
	if row.instance == "" {
		im.skip(fmt.Sprintf("line %d", row.line), "a row with a GPU and no instance type")
		return
	}
	if len(id) > maxIDLen || !validID(id) {
		im.skip(row.instance, "instance type cannot be an id (lower-case letters, digits and . _ : / @ -)")
		return
	}
	if o, ok := im.offers[id]; ok {
		o.price, o.spot = max(o.price, price), max(o.spot, spot)
		return
	}
	gpu, known := skyAccelerators[strings.ToUpper(accelerator)]
	if gpu == "h100-sxm" && strings.Contains(strings.ToLower(row.instance), "pcie") {
		gpu = "h100-pcie"
	}
	switch {
	case !known:
		im.skip(id, "accelerator %q has no gpu id in tunecost (known: %s)", accelerator, strings.Join(SkyPilotAccelerators(), ", "))
		return
	case price <= 0:
		im.skip(id, "no on-demand price")
		return
	case count != math.Trunc(count) || count < 1:
		im.skip(id, "%g GPUs is not a whole number of GPUs", count)
		return
	}
	if im.cat != nil {
		if _, ok := im.cat.GPUs[gpu]; !ok {
			im.skip(id, "gpu %q (SkyPilot's %s) is not in the catalog; add a [[gpu]] entry first", gpu, accelerator)
			return
		}
	}
	o := &skyOffer{id: id, gpu: gpu, accelerator: accelerator, gpus: int(count), price: price, spot: spot}
	if im.cat != nil {
		if e, ok := im.cat.Lookup(TableOffer, id); ok {
			o.merged = &e
		}
	}
	im.offers[id] = o
}

func (im *skyImport) id(instance string) string {
	return im.cloud + "/" + strings.ToLower(instance)
}

// summarise adds one line for the rows skipped in bulk.
func (im *skyImport) summarise() {
	if im.otherRegions > 0 {
		im.skipped = append(im.skipped, Skipped{Key: "(other regions)",
			Reason: fmt.Sprintf("%d rows outside %s (--region picks another)", im.otherRegions, im.region)})
	}
	if im.noGPU > 0 {
		im.skipped = append(im.skipped, Skipped{Key: "(no GPU)",
			Reason: fmt.Sprintf("%d rows of instance types without GPUs", im.noGPU)})
	}
}

func gcpGPUKey(accelerator string, n float64) string { return fmt.Sprintf("%s x%g", accelerator, n) }

// gcpMachine reads the GPU count of GCP's accelerator-optimized machine
// types, e.g. a3-highgpu-8g.
var gcpMachine = regexp.MustCompile(`^(a2-highgpu|a2-megagpu|a2-ultragpu|a3-highgpu|a3-edgegpu|a3-megagpu|a3-ultragpu|a4-highgpu)-(\d+)g$`)

var gcpFamilyGPU = map[string]string{
	"a2-highgpu": "A100", "a2-megagpu": "A100", "a2-ultragpu": "A100-80GB",
	"a3-highgpu": "H100", "a3-edgegpu": "H100", "a3-megagpu": "H100-MEGA", "a3-ultragpu": "H200",
	"a4-highgpu": "B200",
}

// gcpG2 is the L4 count of each g2-standard size.
var gcpG2 = map[string]int{"4": 1, "8": 1, "12": 1, "16": 1, "32": 1, "24": 2, "48": 4, "96": 8}

// gcpMachineGPUs says which GPUs a GCP machine type comes with.
func gcpMachineGPUs(machine string) (string, int, bool) {
	if m := gcpMachine.FindStringSubmatch(machine); m != nil {
		n, _ := strconv.Atoi(m[2])
		return gcpFamilyGPU[m[1]], n, n > 0
	}
	if size, ok := strings.CutPrefix(machine, "g2-standard-"); ok {
		n, known := gcpG2[size]
		return "L4", n, known
	}
	return "", 0, false
}

// write renders the offers by id, merged with the catalog's.
func (im *skyImport) write(date time.Time, opt ImportOptions) []byte {
	var w tomlWriter
	opt.Source = cmp.Or(opt.Source, "SkyPilot catalog vms.csv ("+im.cloud+")")
	if !opt.EntriesOnly {
		w.comment("Imported from a SkyPilot catalog (vms.csv) by tunecost.")
		w.comment(fmt.Sprintf("Cloud %s, region %s; prices per instance-hour, the highest of the region's zones.", im.cloud, im.region))
		w.blank()
		w.table("sheet")
		w.str("name", "SkyPilot import ("+im.cloud+")")
		w.str("currency", "USD")
		w.raw("as_of", date.Format(time.DateOnly))
		w.str("source", opt.Source)
	}
	for _, id := range slices.Sorted(maps.Keys(im.offers)) {
		o := im.offers[id]
		o.writeEntry(&w, im.region)
		entryMeta(&w, opt, date)
	}
	return w.bytes()
}

func (o *skyOffer) writeEntry(w *tomlWriter, region string) {
	prev := model.Offer{BillingMinutes: 1}
	name, note := "", fmt.Sprintf("imported from SkyPilot (%d× %s, %s)", o.gpus, o.accelerator, region)
	if o.merged != nil {
		prev, _ = o.merged.Item.(model.Offer)
		// The catalog's note may describe the price it had: keep it, marked as such.
		name = o.merged.Name
		if o.merged.Note != "" {
			note += "; the catalog's note: " + o.merged.Note
		}
	}
	w.array(string(TableOffer))
	w.str("id", o.id)
	if name != "" {
		w.str("name", name)
	}
	w.str("gpu", o.gpu)
	w.raw("gpus", strconv.Itoa(o.gpus))
	w.num("on_demand_hourly", o.price)
	// A "spot" price that is no discount is not one (RunPod repeats its price).
	spot := o.spot
	if spot <= 0 || spot >= o.price {
		spot = prev.SpotHourly
	}
	if spot > 0 {
		w.num("spot_hourly", spot)
	}
	if prev.ReservedHourly > 0 {
		w.num("reserved_hourly", prev.ReservedHourly)
	}
	if prev.BillingMinutes > 0 && prev.BillingMinutes != 1 {
		w.num("billing_minutes", prev.BillingMinutes)
	}
	w.str("note", note)
}
