package uncertainty

import (
	"strings"
	"testing"

	"github.com/tunecost/tunecost/model"
)

func TestParseInputPath(t *testing.T) {
	s := testScenario()
	s.Options[0].Name = "gpt-4.1 prompt" // option names may hold dots
	cases := []struct {
		path   string
		key    string
		option int
		value  float64
		label  string
	}{
		{"workload.queries_per_month", "queries_per_month", -1, 100000, "workload.queries_per_month"},
		{"team.hourly_rate", "hourly_rate", -1, 100, "team.hourly_rate"},
		{"horizon_months", "horizon_months", -1, 12, "horizon_months"},
		{"rag.top_k", "top_k", 1, 4, `option "rag".top_k`},
		{` option "rag".top_k `, "top_k", 1, 4, `option "rag".top_k`},
		{"gpt-4.1 prompt.prompt_overhead_tokens", "prompt_overhead_tokens", 0, 1000, `option "gpt-4.1 prompt".prompt_overhead_tokens`},
		{"lora.batch", "batch", 2, 16, `option "lora".batch`},
	}
	for _, c := range cases {
		in, err := ParseInputPath(&s, c.path)
		if err != nil {
			t.Errorf("%q: %v", c.path, err)
			continue
		}
		if in.Field.Key != c.key || in.Option != c.option || in.Low != c.value || in.Likely != c.value || in.High != c.value {
			t.Errorf("%q = %s option %d [%g %g %g], want %s option %d at %g", c.path, in.Field.Key, in.Option, in.Low, in.Likely, in.High, c.key, c.option, c.value)
		}
		if got := in.Label(&s); got != c.label {
			t.Errorf("%q: label %q, want %q", c.path, got, c.label)
		}
	}
}

func TestParseInputPathErrors(t *testing.T) {
	s := testScenario()
	cases := []struct{ path, want string }{
		{"", "name an input"},
		{"workload.querys_per_month", `no input workload.querys_per_month; did you mean workload.queries_per_month?`},
		{"workload.queries", `did you mean workload.queries_per_month?`},
		{"team.salary", "no input team.salary (team has hourly_rate, expert_hourly_rate)"},
		{"queries_per_month", `no input "queries_per_month"; did you mean "workload.queries_per_month"?`},
		{"horizon", `did you mean "horizon_months"?`},
		// The key alone, or in the wrong section, names its full path, although
		// "team.expert_hourly_rate" contains it too.
		{"hourly_rate", `no input "hourly_rate"; did you mean "team.hourly_rate"?`},
		{"workload.hourly_rate", `no input workload.hourly_rate; did you mean team.hourly_rate?`},
		{"lorra.batch", `no option named "lorra"; did you mean "lora"?`},
		{"finetune.top_k", `no option named "finetune" (options: "prompt", "rag", "lora")`},
		{"rag.top_kk", `option "rag" has no numeric input "top_kk"; did you mean "top_k"?`},
		{"prompt.top_k", `option "prompt": top_k does not apply to a prompt option`},
		{"lora.method", `option "lora": method is not a number`},
		{"option.top_k", `name the option, as in "prompt.top_k"`},
		{"rag.", "no input"},
	}
	for _, c := range cases {
		_, err := ParseInputPath(&s, c.path)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: err = %v, want %q", c.path, err, c.want)
		}
	}
	if _, err := ParseInputPath(nil, "team.hourly_rate"); err == nil {
		t.Error("a nil scenario should be an error")
	}
}

func TestDefaultInputs(t *testing.T) {
	s := testScenario()
	inputs := DefaultInputs(s, selfHosted)
	byLabel := map[string]Input{}
	for _, in := range inputs {
		label := in.Label(&s)
		if _, dup := byLabel[label]; dup {
			t.Errorf("%s listed twice", label)
		}
		if err := in.check(&s); err != nil {
			t.Errorf("%s: %v", label, err)
		}
		byLabel[label] = in
	}
	want := map[string][3]float64{
		"workload.queries_per_month":          {75000, 100000, 125000},
		"workload.peak_to_average":            {2.25, 3, 3.75},
		"team.expert_hourly_rate":             {112.5, 150, 187.5},
		`option "prompt".integration_hours`:   {30, 40, 50},
		`option "rag".top_k`:                  {3, 4, 5}, // whole numbers
		`option "rag".corpus_churn_per_month`: {0.075, 0.1, 0.125},
		`option "lora".retune_every_months`:   {5, 6, 8},    // 4.5 → 5, 7.5 → 8
		`option "lora".batch`:                 {12, 16, 20}, // self-hosted serving
		`option "lora".mfu`:                   {0.2625, 0.35, 0.4375},
	}
	for label, w := range want {
		in, ok := byLabel[label]
		if !ok {
			t.Errorf("%s missing", label)
			continue
		}
		nearRel(t, label+" low", in.Low, w[0], 1e-12)
		nearRel(t, label+" likely", in.Likely, w[1], 1e-12)
		nearRel(t, label+" high", in.High, w[2], 1e-12)
	}
	for _, label := range []string{
		"horizon_months",                // the frame, not an estimate
		"workload.monthly_growth",       // zero
		`option "lora".train_gpus`,      // zero
		`option "lora".adapters`,        // 1 ± 25 % rounds to 1
		`option "lora".min_replicas`,    // likewise
		`option "prompt".top_k`,         // another kind's field
		`option "prompt".batch`,         // self-hosted only; prompt is an API model
		`option "lora".unique_examples`, // optional, unset
	} {
		if _, ok := byLabel[label]; ok {
			t.Errorf("%s should not be ranged", label)
		}
	}
	// Without a hosting answer every option counts as API-served.
	for _, in := range DefaultInputs(s, nil) {
		if in.Field.Hosting == model.SelfHostedOnly {
			t.Errorf("%s is self-hosted only", in.Label(&s))
		}
	}
}

// An option is found by its name as the duplicate check compares names
// (format.NameKey): "Café" typed finds "Cafe" + U+0301 written in the
// file, and a trailing space does not matter.
func TestParseInputPathComparesNamesComposed(t *testing.T) {
	s := testScenario()
	s.Options[1].Name = "Cafe\u0301 rag"
	for _, path := range []string{"Café rag.top_k", "Cafe\u0301 rag.top_k", "Café rag .top_k"} {
		if in, err := ParseInputPath(&s, path); err != nil || in.Option != 1 {
			t.Errorf("%+q: option %d, %v", path, in.Option, err)
		}
	}
}
