package cli

import (
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/tunecost/tunecost/diag"
	"github.com/tunecost/tunecost/format"
)

// The parts of SARIF 2.1.0 (OASIS) that check writes.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool    sarifTool     `json:"tool"`
	Results []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID               string       `json:"id"`
	Name             string       `json:"name"`
	ShortDescription sarifText    `json:"shortDescription"`
	FullDescription  sarifText    `json:"fullDescription"`
	Help             sarifText    `json:"help"`
	Default          sarifDefault `json:"defaultConfiguration"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifDefault struct {
	Level string `json:"level"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	RuleIndex int             `json:"ruleIndex"`
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifLocation struct {
	Physical sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	Artifact sarifArtifact `json:"artifactLocation"`
	Region   *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
}

// writeSARIF writes the problems as a SARIF 2.1.0 log with every rule
// (checkRules) and one result per problem.
func writeSARIF(w io.Writer, l diag.List, version string) error {
	driver := sarifDriver{Name: "tunecost", Version: version, InformationURI: "https://github.com/tunecost/tunecost"}
	for _, r := range checkRules {
		level := "error"
		if strings.HasPrefix(r.id, "TC1") {
			level = "warning"
		}
		driver.Rules = append(driver.Rules, sarifRule{ID: r.id, Name: r.name, ShortDescription: sarifText{r.short},
			FullDescription: sarifText{r.help}, Help: sarifText{r.help}, Default: sarifDefault{level}})
	}
	run := sarifRun{Tool: sarifTool{driver}, Results: []sarifResult{}}
	for _, d := range l {
		i := ruleOf(d)
		res := sarifResult{RuleID: checkRules[i].id, RuleIndex: i, Level: "error", Message: sarifText{format.Sanitize(d.Message)}}
		if d.Severity == diag.Warning {
			res.Level = "warning"
		}
		if d.File != "" {
			loc := sarifLocation{Physical: sarifPhysical{Artifact: sarifURI(checkPath(d.File))}}
			if d.Line > 0 {
				loc.Physical.Region = &sarifRegion{StartLine: d.Line, StartColumn: max(d.Col, 1)}
			}
			res.Locations = []sarifLocation{loc}
		}
		run.Results = append(run.Results, res)
	}
	// Messages quote the user's file: invisible characters are escaped as
	// in every other JSON the tool writes.
	return format.WriteJSON(w, sarifLog{Schema: "https://json.schemastore.org/sarif-2.1.0.json", Version: "2.1.0", Runs: []sarifRun{run}})
}

// sarifURI is a path as a URI reference: relative to the repository root
// (%SRCROOT%, as code scanning expects) or, outside one, a file: URI.
func sarifURI(path string) sarifArtifact {
	if filepath.IsAbs(path) {
		return sarifArtifact{URI: (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()}
	}
	return sarifArtifact{URI: (&url.URL{Path: filepath.ToSlash(path)}).String(), URIBaseID: "%SRCROOT%"}
}
