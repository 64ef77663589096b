package scenarios

import (
	"path/filepath"
	"strings"
)

// pathProblem says why a path written in a scenario may not be used, or
// "" when it is fine: it must be relative (files come from other people's
// repositories). Whether it stays inside the scenario's git work tree
// needs the file system, so the loader checks that (workspace).
func pathProblem(p string) string {
	switch {
	case p == "":
		return "must not be empty"
	case filepath.IsAbs(p) || strings.HasPrefix(p, "/") || strings.HasPrefix(p, `\`) || filepath.VolumeName(p) != "" || hasDrive(p):
		return "must be a relative path"
	}
	return ""
}

// hasDrive catches "C:..." written on a system where it is not absolute.
func hasDrive(p string) bool {
	return len(p) >= 2 && p[1] == ':' && (p[0] >= 'a' && p[0] <= 'z' || p[0] >= 'A' && p[0] <= 'Z')
}

// ref checks a path value and joins it with the scenario's directory.
func (p *parser) ref(label string, v Value) *Ref {
	if why := pathProblem(v.Text); why != "" {
		p.errorf(v.Pos, label, "%s = %s: %s", label, quoteShort(v.Text), why)
		return nil
	}
	return &Ref{Path: v.Text, Resolved: filepath.Join(filepath.Dir(p.f.Path), filepath.FromSlash(v.Text)), Pos: v.Pos,
		Src: p.f.Path, Label: label}
}

// priceSheets reads price_sheets = ["a.toml", …].
func (p *parser) priceSheets(v any) {
	list, ok := v.([]any)
	if !ok {
		p.errorf(p.located([]string{"price_sheets"}).Pos, "price_sheets", "price_sheets: expected an array of strings, got %s", describe(v))
		return
	}
	for i, x := range list {
		keys := []string{"price_sheets", itoa(i)}
		val, ok := p.str(x, keys, "price_sheets["+itoa(i)+"]")
		if !ok {
			continue
		}
		if r := p.ref("price_sheets["+itoa(i)+"]", val); r != nil {
			p.f.PriceSheets = append(p.f.PriceSheets, *r)
		}
	}
}
