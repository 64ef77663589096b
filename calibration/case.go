package calibration

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
)

// Case is one published figure and the scenario that reproduces its setup.
// Its folder holds scenario.toml and case.toml; the fields below are
// case.toml's.
type Case struct {
	ID  string `toml:"-"` // the folder's name
	Dir string `toml:"-"`

	Figure    string  `toml:"figure"`    // a FigureByName key
	Published float64 `toml:"published"` // in the figure's unit
	Bound     string  `toml:"bound"`     // "" a measured value; "upper" or "lower" a published bound
	Framework string  `toml:"framework"` // the software that produced the figure: "torchtune", "vLLM", …
	Source    string  `toml:"source"`    // URL
	Where     string  `toml:"where"`     // where in the source
	Setup     string  `toml:"setup"`     // the setup as published
	Mapping   string  `toml:"mapping"`   // how the scenario stands for the setup, where it cannot match it
	Origin    string  `toml:"origin"`    // "fit-cases": copied from the project's starting set
	Added     string  `toml:"added"`     // "issue 20": joined the suite with cost model v3 (not in v2's 59)
	Reason    string  `toml:"reason"`    // why the case may be off by more than ×2
	Pending   string  `toml:"pending"`   // the engine feature the case waits for
}

// Bound kinds.
const (
	Upper = "upper" // the published value is a ceiling: "under 48 GB", "fits one GPU"
	Lower = "lower" // the published value is a floor: "more than 780 GB"
)

// ScenarioPath is the case's scenario file.
func (c Case) ScenarioPath() string { return filepath.Join(c.Dir, "scenario.toml") }

// LoadCases reads every case folder under dir, in name order.
func LoadCases(dir string) ([]Case, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []Case
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		c, err := loadCase(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

func loadCase(dir string) (Case, error) {
	path := filepath.Join(dir, "case.toml")
	var c Case
	md, err := toml.DecodeFile(path, &c)
	if err != nil {
		return Case{}, fmt.Errorf("%s: %w", path, err)
	}
	if keys := md.Undecoded(); len(keys) > 0 {
		return Case{}, fmt.Errorf("%s: unknown key %q (valid: figure, published, bound, framework, added, source, where, setup, mapping, origin, reason, pending)", path, keys[0].String())
	}
	c.ID, c.Dir = filepath.Base(dir), dir
	return c, c.validate(path)
}

// validate names the first field of case.toml that is missing or wrong.
func (c Case) validate(path string) error {
	if _, ok := FigureByName(c.Figure); !ok {
		return fmt.Errorf("%s: figure = %q: must be one of %s", path, c.Figure, strings.Join(FigureNames(), ", "))
	}
	if !(c.Published > 0) {
		return fmt.Errorf("%s: published = %g: must be a number greater than 0", path, c.Published)
	}
	if c.Bound != "" && c.Bound != Upper && c.Bound != Lower {
		return fmt.Errorf("%s: bound = %q: must be %q, %q or left out (a measured value)", path, c.Bound, Upper, Lower)
	}
	for _, f := range []struct{ key, v string }{{"framework", c.Framework}, {"source", c.Source}, {"where", c.Where}, {"setup", c.Setup}} {
		if strings.TrimSpace(f.v) == "" {
			return fmt.Errorf("%s: %s is required: every case says where its figure comes from", path, f.key)
		}
	}
	return nil
}
