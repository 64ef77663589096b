// Package examples embeds the example scenarios so that tunecost runs with
// no files at all: the support assistant is the built-in example.
package examples

import "embed"

//go:embed *.toml
var files embed.FS

// BuiltinName is the file name of the built-in example.
const BuiltinName = "support-assistant.toml"

// Builtin returns the built-in example scenario's bytes.
func Builtin() []byte {
	data, _ := files.ReadFile(BuiltinName) // embedded at build time: cannot fail
	return data
}
