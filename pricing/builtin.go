package pricing

import (
	_ "embed"
	"sync"
)

//go:embed builtin.toml
var builtinTOML []byte

// BuiltinFile is the name diagnostics and listings give the built-in sheet.
const BuiltinFile = "builtin.toml"

// builtin parses the embedded sheet once; its test keeps it error-free.
var builtin = sync.OnceValue(func() *Sheet {
	sh, _ := Parse(BuiltinFile, builtinTOML)
	return sh
})

// Builtin returns the built-in sheet. Callers must not modify it.
func Builtin() *Sheet { return builtin() }
