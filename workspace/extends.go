package workspace

import (
	"fmt"
	"strings"

	"github.com/tunecost/tunecost/diag"
	"github.com/tunecost/tunecost/scenarios"
)

// MaxExtendsDepth bounds a chain of bases: a scenario, its base, the base's
// base… at most this many bases.
const MaxExtendsDepth = 8

// extend reads the chain of bases f names (each with scenarios.ParseBase,
// each inside the scenario's tree) and merges it, deepest first. It returns
// nil when a problem stops the chain; the problem is in d.Diags.
func (d *Doc) extend(f *scenarios.File, t tree) *scenarios.File {
	chain := []*scenarios.File{f}
	seen := map[string]int{realPath(f.Path): 0} // real path → index in chain
	for cur := f; cur.Extends != nil; {
		ref := *cur.Extends
		errorf := func(format string, args ...any) {
			d.Diags.Errorf(ref.Src, ref.Pos.Line, ref.Pos.Col, "extends", format, args...)
		}
		if len(chain)-1 >= MaxExtendsDepth {
			errorf("extends = %q: too deep: a scenario may extend at most %d files in a chain", ref.Path, MaxExtendsDepth)
			return nil
		}
		real, why := t.confine(ref)
		if why != "" {
			errorf("%s", why)
			return nil
		}
		if i, again := seen[real]; again {
			d.Diags = append(d.Diags, cycle(chain[i:], cur))
			return nil
		}
		data, err := d.cache.read(real)
		if err != nil {
			errorf("extends = %q: cannot read: %s", ref.Path, describeIOError(err))
			return nil
		}
		d.bases = append(d.bases, real)
		base, diags := scenarios.ParseBase(ref.Resolved, data)
		d.Diags = append(d.Diags, diags...)
		if diags.HasErrors() {
			return nil
		}
		seen[real] = len(chain)
		chain = append(chain, base)
		cur = base
	}
	m := chain[len(chain)-1]
	for i := len(chain) - 2; i >= 0; i-- {
		var diags diag.List
		m, diags = scenarios.Merge(m, chain[i])
		d.Diags = append(d.Diags, diags...)
	}
	return m
}

// cycle reports files that extend one another, at the extends of the first
// one, naming the position in the last that closes the loop.
func cycle(files []*scenarios.File, last *scenarios.File) diag.Diagnostic {
	first := files[0].Extends
	dg := diag.Diagnostic{File: first.Src, Line: first.Pos.Line, Col: first.Pos.Col, Field: "extends"}
	if len(files) == 1 {
		dg.Message = fmt.Sprintf("extends cycle: %s extends itself", files[0].Path)
		return dg
	}
	names := make([]string, 0, len(files)+1)
	for _, f := range files {
		names = append(names, f.Path)
	}
	names = append(names, files[0].Path)
	at := last.Extends
	dg.Message = fmt.Sprintf("extends cycle: %s (%s:%d:%d extends %s)", strings.Join(names, " → "), at.Src, at.Pos.Line, at.Pos.Col, files[0].Path)
	return dg
}
