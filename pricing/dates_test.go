package pricing

import (
	"os"
	"strings"
	"testing"
	"time"
)

// MODEL.md §8, last paragraph: an as_of after the clock's date is an
// error; after the report's date (--today) only, one warning per sheet at
// its latest date. The clock is 2026-12-01.
func TestCheckDates(t *testing.T) {
	clock := time.Date(2026, 12, 1, 23, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		file  string
		today time.Time
		want  []string
	}{
		{"future.toml", clock, []string{
			"testdata/dates/future.toml:6:9: as_of 2100-01-01 is after today's date by the clock (2026-12-01): a date from the future"}},
		{"entries.toml", clock, []string{
			`testdata/dates/entries.toml:18:9: api_model "m2": as_of 2026-12-02 is after today's date by the clock (2026-12-01): a date from the future`}},
		{"future.toml", time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC), []string{
			"testdata/dates/future.toml:6:9: as_of 2100-01-01 is after today's date by the clock (2026-12-01): a date from the future"}},
	} {
		got := checkDatesOf(t, c.file, clock, c.today)
		if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%s, today %s:\n got %q\nwant %q", c.file, c.today.Format(time.DateOnly), got, c.want)
		}
	}
}

// Without the entry from the future, the latest date after --today is a
// warning, and today's or an earlier one nothing.
func TestCheckDatesWarnsAfterToday(t *testing.T) {
	clock := time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC)
	got := checkDatesOf(t, "entries.toml", clock, time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC))
	want := []string{"testdata/dates/entries.toml:18:9: warning: prices dated 2026-12-02 postdate the report's date 2026-11-27 (--today): the report uses prices from after its date"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if got := checkDatesOf(t, "entries.toml", clock, time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)); len(got) != 0 {
		t.Errorf("today = the latest date: %q", got)
	}
}

func checkDatesOf(t *testing.T, name string, clock, today time.Time) []string {
	t.Helper()
	path := "testdata/dates/" + name
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sh, diags := Parse(path, data)
	if diags.HasErrors() {
		t.Fatalf("%s: %v", name, diags)
	}
	var out []string
	for _, d := range sh.CheckDates(clock, today) {
		out = append(out, d.String())
	}
	return out
}

// The campaign's L3 in a sheet: an unknown field or table is quoted cut.
func TestUnknownFieldsQuotedShort(t *testing.T) {
	key := strings.Repeat("f", 250) // the longest a key may be is 256 bytes (the gate)
	for _, data := range []string{
		"[sheet]\nname = \"s\"\ncurrency = \"USD\"\nas_of = 2026-01-01\n\n[[api_model]]\nid = \"m\"\ninput_per_mtok = 1\noutput_per_mtok = 1\n" + key + " = 1\n",
		"[sheet]\nname = \"s\"\ncurrency = \"USD\"\nas_of = 2026-01-01\n\n[" + key + "]\n",
	} {
		_, diags := Parse("long.toml", []byte(data))
		if len(diags) == 0 || len(diags[0].String()) > 200 || !strings.Contains(diags[0].Message, strings.Repeat("f", 40)+"…") {
			t.Errorf("%.300s", diags)
		}
	}
}
