package scenarios

import (
	"bytes"
	"strings"
	"testing"

	"github.com/tunecost/tunecost/model"
)

func TestSetBytesChangesOnlyTheValue(t *testing.T) {
	cases := []struct {
		sec      model.Section
		option   int
		key, in  string
		old, new string // the value's text before and after
	}{
		{model.SectionWorkload, 0, "input_tokens", "1200", "800", "1200"},
		// Typed as the screen prints numbers (issue 22: "500,000" was refused).
		{model.SectionWorkload, 0, "input_tokens", "1,200", "800", "1200"},
		// A range keeps its spread: the edit moves likely.
		{model.SectionWorkload, 0, "queries_per_month", "250_000", "likely = 300_000", "likely = 250000"},
		{model.SectionOption, 0, "lora_rank", "64", "32", "64"},
		{model.SectionOption, 0, "method", "qlora", `"lora"`, `"qlora"`},
		{model.SectionOption, 2, "cached_prompt", "false", "true", "false"},
		{model.SectionTop, 0, "name", `say "hi"`, `"support-bot"`, `"say \"hi\""`},
	}
	for _, c := range cases {
		data := read(t, "testdata/good/support.toml")
		f, _ := Parse("support.toml", data)
		if err := f.Set(c.sec, c.option, c.key, c.in); err != nil {
			t.Fatalf("Set %s: %v", c.key, err)
		}
		out, err := f.Bytes()
		if err != nil {
			t.Fatal(err)
		}
		i := bytes.Index(data, []byte(c.old))
		want := string(data[:i]) + c.new + string(data[i+len(c.old):])
		if string(out) != want {
			t.Errorf("Set %s: output differs beyond the value:\n%s", c.key, out)
		}
		g, d := Parse("support.toml", out)
		if d.HasErrors() {
			t.Errorf("Set %s: result does not parse: %v", c.key, d)
		}
		_ = g
	}
}

func TestSetReadsBack(t *testing.T) {
	f, _ := Parse("s.toml", read(t, "testdata/good/support.toml"))
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.Set(model.SectionOption, 1, "top_k", "8"))
	must(f.Set(model.SectionTeam, 0, "expert_hourly_rate", "250"))
	must(f.Set(model.SectionOption, 0, "name", "ft-renamed"))
	out, err := f.Bytes()
	must(err)
	g, d := Parse("s.toml", out)
	s, more := g.Resolve(testCatalog())
	if d = append(d, more...); len(d) > 0 {
		t.Fatalf("%v\n%s", d, out)
	}
	if s.Options[1].TopK != 8 || s.Team.ExpertHourlyRate != 250 || s.Options[0].Name != "ft-renamed" {
		t.Errorf("read back %+v %+v %q", s.Options[1].TopK, s.Team, s.Options[0].Name)
	}
	if !strings.Contains(string(out), "top_k = 8\n") || !strings.Contains(string(out), "# Support bot") {
		t.Errorf("inserted key or comment missing:\n%s", out)
	}
}

func TestSetAddsMissingTable(t *testing.T) {
	f, _ := Parse("m.toml", read(t, "testdata/good/minimal.toml"))
	if err := f.Set(model.SectionTeam, 0, "hourly_rate", "90"); err != nil {
		t.Fatal(err)
	}
	out, _ := f.Bytes()
	g, d := Parse("m.toml", out)
	s, _ := g.Resolve(testCatalog())
	if d.HasErrors() || s.Team.HourlyRate != 90 {
		t.Errorf("%v %v\n%s", d, s.Team, out)
	}
}

func TestSetRefuses(t *testing.T) {
	f, _ := Parse("s.toml", read(t, "testdata/good/support.toml"))
	cases := []struct {
		sec    model.Section
		option int
		key    string
		text   string
		want   string
	}{
		{model.SectionOption, 0, "lora_rank", "-4", `option "ft-llama".lora_rank = -4: must be a whole number from 1 to 65536`},
		{model.SectionOption, 0, "lora_rank", "abc", `option "ft-llama".lora_rank: expected a number, got "abc"`},
		{model.SectionTop, 0, "horizon_months", "inf", `horizon_months = inf: must be a finite number`},
		{model.SectionOption, 1, "lora_rank", "8", `option "rag-4o".lora_rank does not apply to kind "rag"`},
		{model.SectionOption, 0, "method", "lorra", `option "ft-llama".method = "lorra": must be one of "full", "lora" or "qlora"; did you mean "lora"?`},
		{model.SectionOption, 2, "cached_prompt", "yes", `option "prompt-4o".cached_prompt: expected true or false, got "yes"`},
		{model.SectionOption, 9, "top_k", "1", `no option #10`},
		{model.SectionWorkload, 0, "bogus", "1", `workload.bogus cannot be edited here`},
		{model.SectionTop, 0, "currency", "eur", `currency = "eur": must be three upper-case letters, like "USD"`},
	}
	for _, c := range cases {
		err := f.Set(c.sec, c.option, c.key, c.text)
		if err == nil || err.Error() != c.want {
			t.Errorf("Set %s=%s: got %v, want %s", c.key, c.text, err, c.want)
		}
	}
	out, _ := f.Bytes()
	if !bytes.Equal(out, f.Data) {
		t.Error("refused edits changed the bytes")
	}
}

func TestSetMovesTheLikelyOfARange(t *testing.T) {
	src := "name = \"r\"\n\n[workload]\nqueries_per_month = { low = 10, likely = 20, high = 40 } # a guess\ninput_tokens = 1\noutput_tokens = 1\n\n[[option]]\nname = \"p\"\nkind = \"prompt\"\nmodel = \"m\"\n"
	f, diags := Parse("r.toml", []byte(src))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if err := f.Set(model.SectionWorkload, 0, "queries_per_month", "30"); err != nil {
		t.Fatal(err)
	}
	got, err := f.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(src, "likely = 20", "likely = 30", 1)
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if r := f.Workload["queries_per_month"].Range; r == nil || r.Likely != 30 || r.Low != 10 || r.High != 40 {
		t.Errorf("range after the edit: %+v", r)
	}
	// Past high: refused with the way to move a bound; nothing changes.
	err = f.Set(model.SectionWorkload, 0, "queries_per_month", "50")
	if err == nil || !strings.Contains(err.Error(), "within the range, 10 to 40") || !strings.Contains(err.Error(), "10..50..50") {
		t.Errorf("likely past high: %v", err)
	}
	if got, _ := f.Bytes(); string(got) != want {
		t.Errorf("a refused likely changed the bytes:\n%s", got)
	}
	// Moving the bounds is typing all three.
	if err := f.Set(model.SectionWorkload, 0, "queries_per_month", "5..50..60"); err != nil {
		t.Fatal(err)
	}
	got, _ = f.Bytes()
	want = strings.Replace(src, "low = 10, likely = 20, high = 40", "low = 5, likely = 50, high = 60", 1)
	if string(got) != want {
		t.Errorf("low..likely..high: got\n%s\nwant\n%s", got, want)
	}
	for _, bad := range []string{"60..50..70", "1..2", "a..b..c", "-1..2..3"} {
		if err := f.Set(model.SectionWorkload, 0, "queries_per_month", bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// The flow of issue #10: the likely value is 600000 in a range 400000 to
// 900000; backspace six times, then type 500000. Each keystroke's text is
// offered as it is typed; those below low are refused, and the file ends
// with only likely changed (the old editor dragged low to 6 on the way).
func TestSetTypingIntoARangeMovesOnlyLikely(t *testing.T) {
	src := "name = \"r\"\n\n[workload]\nqueries_per_month = { low = 400000, likely = 600000, high = 900000 }\ninput_tokens = 1\noutput_tokens = 1\n\n[[option]]\nname = \"p\"\nkind = \"prompt\"\nmodel = \"m\"\n"
	f, diags := Parse("r.toml", []byte(src))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	for _, typed := range []string{"60000", "6000", "600", "60", "6", "", "5", "50", "500", "5000", "50000", "500000"} {
		_ = f.Set(model.SectionWorkload, 0, "queries_per_month", typed)
	}
	got, _ := f.Bytes()
	want := strings.Replace(src, "likely = 600000", "likely = 500000", 1)
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// A plain number typed as low..likely..high becomes an inline range.
func TestSetPlainValueBecomesARange(t *testing.T) {
	src := "name = \"r\"\n\n[workload]\nqueries_per_month = 300 # first month\ninput_tokens = 1\noutput_tokens = 1\n\n[[option]]\nname = \"p\"\nkind = \"prompt\"\nmodel = \"m\"\n"
	f, _ := Parse("r.toml", []byte(src))
	if err := f.Set(model.SectionWorkload, 0, "queries_per_month", "100..300..900"); err != nil {
		t.Fatal(err)
	}
	if err := f.Set(model.SectionWorkload, 0, "queries_per_month", "400"); err != nil {
		t.Fatal(err)
	}
	got, _ := f.Bytes()
	want := strings.Replace(src, "= 300 #", "= { low = 100, likely = 400, high = 900 } #", 1)
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	g, d := Parse("r.toml", got)
	if d.HasErrors() || g.Workload["queries_per_month"].Range == nil {
		t.Errorf("the written range does not read back: %v", d)
	}
}
