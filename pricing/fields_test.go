package pricing

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/tunecost/tunecost/diag"
)

// Every key a sheet can give comes back from Fields, in FieldKeys order.
func TestFieldsListEveryKey(t *testing.T) {
	data, err := os.ReadFile("testdata/every-field.toml")
	if err != nil {
		t.Fatal(err)
	}
	sh, diags := Parse("every-field.toml", data)
	if len(diags) != 0 {
		t.Fatal(diags)
	}
	var got []string
	for _, e := range sh.Entries {
		if e.ID == "b" { // a's successor, only there to exist
			continue
		}
		for _, f := range e.Fields() {
			got = append(got, f.Key)
		}
	}
	if !slices.Equal(got, FieldKeys) {
		t.Errorf("fields\n%v\nwant\n%v", got, FieldKeys)
	}
	offer := sh.Entries[1].Fields()
	if offer[0] != (Field{"gpu", "g"}) || offer[1] != (Field{"gpus", 8}) || offer[2] != (Field{"on_demand_hourly", 50.0}) {
		t.Errorf("offer fields %v", offer)
	}
}

// Every key a table's decoder reads has its entry in EntryFields, and every
// entry there is a key its table reads: a field added to a sheet without
// its unit and display form fails here, before any renderer misses it.
func TestEveryDecodedFieldHasASpec(t *testing.T) {
	common := []string{"id", "name", "source", "as_of", "note"}
	for _, tb := range Tables {
		var diags diag.List
		r := &entryReader{file: "x.toml", path: []string{string(tb), "0"}, table: tb, m: map[string]any{}, diags: &diags}
		decoders[tb](r, &Entry{Table: tb, ID: "p/i"})
		var read []string
		for _, k := range r.known {
			if !slices.Contains(common, k) && !slices.Contains(read, k) {
				read = append(read, k)
			}
		}
		var listed []string
		for _, f := range TableFields(tb) {
			listed = append(listed, f.Key)
		}
		slices.Sort(read)
		slices.Sort(listed)
		if !slices.Equal(read, listed) {
			t.Errorf("[%s] the decoder reads %v; EntryFields lists %v", tb, read, listed)
		}
	}
}

// Every field of every table renders with its value, in the detail (Text)
// and in the entry's one-line summary.
func TestEveryFieldRenders(t *testing.T) {
	data, err := os.ReadFile("testdata/every-field.toml")
	if err != nil {
		t.Fatal(err)
	}
	sh, diags := Parse("every-field.toml", data)
	if len(diags) != 0 {
		t.Fatal(diags)
	}
	seen := map[Table]bool{}
	for _, e := range sh.Entries {
		if seen[e.Table] { // the first entry of each table holds every field ("b" is only a successor)
			continue
		}
		seen[e.Table] = true
		summary := e.Summary("USD")
		for _, f := range TableFields(e.Table) {
			text, short := f.Text(e, "USD"), f.Summary(e, "USD")
			if text == "—" || text == "" || short == "" || !strings.Contains(summary, short) {
				t.Errorf("[%s] %s: detail %q, summary part %q, in %q", e.Table, f.Key, text, short, summary)
			}
		}
	}
	gpu, moe := sh.Entries[0], sh.Entries[2]
	// every-field.toml: fp8_tflops = 1979; experts = 128, experts_per_token = 8.
	if got := gpu.Summary("USD"); got != "80 GB, 989 TFLOPS bf16, 1,979 TFLOPS fp8, 3,350 GB/s, link 450 GB/s" {
		t.Errorf("gpu summary %q", got)
	}
	for _, want := range []string{"128 experts", "8 experts per token", "3.3B active", "expert intermediate 768", "vocab 151,936"} {
		if !strings.Contains(moe.Summary("USD"), want) {
			t.Errorf("open model summary %q lacks %q", moe.Summary("USD"), want)
		}
	}
	api := sh.Entries[3]
	for _, c := range []struct{ key, want string }{
		{"input_per_mtok", "$1 per million tokens"}, {"cached_input_per_mtok", "$0.1 per million tokens"},
		{"deprecated", "2027-01-01"}, {"closed", "yes"}, {"ft_hosting_hourly", "$1.7 per hour"},
	} {
		f := TableFields(TableAPIModel)[slices.IndexFunc(TableFields(TableAPIModel), func(f FieldSpec) bool { return f.Key == c.key })]
		if got := f.Text(api, "USD"); got != c.want {
			t.Errorf("%s: %q, want %q", c.key, got, c.want)
		}
	}
}
