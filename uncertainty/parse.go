package uncertainty

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/tunecost/tunecost/diag"
	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/model"
)

// ParseInputPath finds the numeric input a person names: a scenario path
// ("horizon_months", "workload.queries_per_month", "team.hourly_rate") or
// "<option name>.<key>" (the name may contain dots; `option "RAG".top_k`,
// the form Label writes, works too). The Input's Low, Likely and High are
// the current value. Errors say what is wrong and suggest the likely name.
// Whether a self-hosting-only field applies needs the catalog, so here a
// field applies if it does under either hosting.
func ParseInputPath(s *model.Scenario, path string) (Input, error) {
	if s == nil {
		return Input{}, errors.New("no scenario")
	}
	path = strings.TrimSpace(path)
	if path == "" {
		return Input{}, errors.New("name an input, e.g. workload.queries_per_month or <option name>.<key>")
	}
	if f, ok := model.FieldByPath(path); ok && f.Section != model.SectionOption {
		return current(s, f, -1)
	}
	prefix, key, ok := splitPath(path)
	if !ok {
		return Input{}, unknown(path, scenarioPaths())
	}
	// Names compare as the duplicate check compares them (format.NameKey):
	// "Café" typed finds "Cafe\u0301" written.
	if j := slices.IndexFunc(s.Options, func(o model.Option) bool { return format.NameKey(o.Name) == format.NameKey(prefix) }); j >= 0 {
		return optionInput(s, j, key)
	}
	switch prefix {
	case string(model.SectionWorkload), string(model.SectionTeam):
		return Input{}, unknownInSection(model.Section(prefix), key, scenarioPaths())
	case string(model.SectionOption):
		return Input{}, fmt.Errorf("%q: name the option, as in %q", path, optionExample(s, key))
	}
	names := make([]string, len(s.Options))
	for i, o := range s.Options {
		names[i] = o.Name
	}
	msg := fmt.Sprintf("no option named %q", prefix)
	if hint := suggest(prefix, names); hint != "" {
		msg += fmt.Sprintf("; did you mean %q?", hint)
	} else {
		msg += " (options: " + quoteAll(names) + ")"
	}
	return Input{}, errors.New(msg)
}

// splitPath splits at the last dot (keys have none, option names may) and
// unquotes the `option "NAME"` form.
func splitPath(path string) (prefix, key string, ok bool) {
	i := strings.LastIndexByte(path, '.')
	if i <= 0 || i == len(path)-1 {
		return "", "", false
	}
	prefix, key = strings.TrimSpace(path[:i]), strings.TrimSpace(path[i+1:])
	quoted := strings.TrimSpace(strings.TrimPrefix(prefix, "option "))
	if name, err := strconv.Unquote(quoted); err == nil {
		prefix = name
	}
	return prefix, key, true
}

func optionInput(s *model.Scenario, j int, key string) (Input, error) {
	o := &s.Options[j]
	var keys []string
	for _, f := range model.SectionFields(model.SectionOption) {
		applies := f.AppliesTo(o.Kind, true, o.Method) || f.AppliesTo(o.Kind, false, o.Method)
		if f.Key == key {
			if f.Type != model.Number {
				return Input{}, fmt.Errorf("option %q: %s is not a number", o.Name, key)
			}
			if !applies {
				return Input{}, fmt.Errorf("option %q: %s does not apply to a %s option", o.Name, key, o.Kind)
			}
			return current(s, f, j)
		}
		if applies && f.Type == model.Number {
			keys = append(keys, f.Key)
		}
	}
	msg := fmt.Sprintf("option %q has no numeric input %q", o.Name, key)
	if hint := suggest(key, keys); hint != "" {
		msg += fmt.Sprintf("; did you mean %q?", hint)
	}
	return Input{}, errors.New(msg)
}

// current is the input at f with its present value as a zero-width range.
func current(s *model.Scenario, f *model.Field, option int) (Input, error) {
	in := Input{Field: f, Option: option}
	if err := in.checkTarget(s); err != nil {
		return Input{}, err
	}
	v := *in.ptr(s)
	in.Low, in.Likely, in.High = v, v, v
	return in, nil
}

// scenarioPaths lists the numeric inputs outside options.
func scenarioPaths() []string {
	var out []string
	for _, f := range model.Fields() {
		if f.Section != model.SectionOption && f.Type == model.Number {
			out = append(out, f.Path())
		}
	}
	return out
}

func unknown(path string, candidates []string) error {
	if hint := suggest(path, candidates); hint != "" {
		return fmt.Errorf("no input %q; did you mean %q?", path, hint)
	}
	return fmt.Errorf("no input %q: write workload.<key>, team.<key>, horizon_months or <option name>.<key>", path)
}

func unknownInSection(sec model.Section, key string, paths []string) error {
	var keys []string
	for _, f := range model.SectionFields(sec) {
		if f.Type == model.Number {
			keys = append(keys, f.Key)
		}
	}
	if hint := suggest(key, keys); hint != "" {
		return fmt.Errorf("no input %s.%s; did you mean %s.%s?", sec, key, sec, hint)
	}
	if hint := keyOwner(key, paths); hint != "" { // the right key in another section
		return fmt.Errorf("no input %s.%s; did you mean %s?", sec, key, hint)
	}
	return fmt.Errorf("no input %s.%s (%s has %s)", sec, key, sec, strings.Join(keys, ", "))
}

// suggest is the one dotted candidate whose last part is word (a key
// typed without its section: "hourly_rate" → "team.hourly_rate"), else
// diag.Suggest (a likely typo), else the one candidate that contains word
// (a shortened name such as "queries").
func suggest(word string, candidates []string) string {
	if hint := keyOwner(word, candidates); hint != "" {
		return hint
	}
	if hint := diag.Suggest(word, candidates); hint != "" {
		return hint
	}
	hint := ""
	for _, c := range candidates {
		if word != "" && strings.Contains(c, word) {
			if hint != "" {
				return ""
			}
			hint = c
		}
	}
	return hint
}

func optionExample(s *model.Scenario, key string) string {
	name := "<option name>"
	if len(s.Options) > 0 {
		name = s.Options[0].Name
	}
	return name + "." + key
}

func quoteAll(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = strconv.Quote(n)
	}
	return strings.Join(q, ", ")
}

// keyOwner is the one candidate path ending in "."+key, "" when none or
// several do.
func keyOwner(key string, paths []string) string {
	owner := ""
	for _, p := range paths {
		if strings.HasSuffix(p, "."+key) {
			if owner != "" {
				return ""
			}
			owner = p
		}
	}
	return owner
}
