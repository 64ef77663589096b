package cli

import (
	"bytes"
	"fmt"
	"os"
	"strings"

	"github.com/tunecost/tunecost/diag"
	"github.com/tunecost/tunecost/format"
)

// githubCommands writes each problem as a GitHub Actions workflow command,
// "::error file=F,line=L,col=C,title=RULE::message" (warnings ::warning),
// which the pull request shows on the file's line.
func githubCommands(l diag.List) []byte {
	var b bytes.Buffer
	for _, d := range l {
		level := "error"
		if d.Severity == diag.Warning {
			level = "warning"
		}
		props := []string{}
		if d.File != "" {
			props = append(props, "file="+ghProperty(checkPath(d.File)))
		}
		if d.Line > 0 {
			props = append(props, fmt.Sprintf("line=%d", d.Line), fmt.Sprintf("col=%d", max(d.Col, 1)))
		}
		props = append(props, "title="+ghProperty("tunecost "+checkRules[ruleOf(d)].name))
		fmt.Fprintf(&b, "::%s %s::%s\n", level, strings.Join(props, ","), ghData(format.Sanitize(d.Message)))
	}
	return b.Bytes()
}

// ghData escapes a workflow command's message as the runner expects.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProperty escapes a property value, where : and , end it.
func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(format.Sanitize(s))
}

// checkPath names a problem's file for GitHub and code scanning: relative
// to the repository root; a name that is no file on disk (the built-in
// sheet) as it is.
func checkPath(file string) string {
	if _, err := os.Stat(file); err != nil {
		return file
	}
	return repoPath(file)
}
