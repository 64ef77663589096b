package pricing

import "strings"

// CanonicalID is the form in which two ids name the same model: lower case,
// and a '.' between two digits written '-', so that Anthropic's
// "claude-haiku-4.5" and LiteLLM's "claude-haiku-4-5" are one model. A
// provider prefix ("azure/", "vertex_ai/") stays: it names another seller
// with its own prices. Imports match ids this way; layering still replaces
// by exact id.
func CanonicalID(id string) string {
	b := []byte(strings.ToLower(id))
	for i := 1; i+1 < len(b); i++ {
		if b[i] == '.' && isDigit(b[i-1]) && isDigit(b[i+1]) {
			b[i] = '-'
		}
	}
	return string(b)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// makers are LiteLLM providers that are the model maker's own API: their
// "provider/model" keys name the same prices as the plain "model" key.
var makers = []string{"openai", "anthropic", "gemini", "deepseek", "mistral", "xai", "cohere"}

// makerPrefixed reports a key prefixed with its own maker's provider name.
func makerPrefixed(key, provider string) bool {
	prefix, _, ok := strings.Cut(key, "/")
	if !ok || prefix != provider {
		return false
	}
	for _, m := range makers {
		if m == provider {
			return true
		}
	}
	return false
}

// litellmID is the sheet id of a LiteLLM key: lower case, without the
// maker's own provider prefix ("deepseek/deepseek-chat" is "deepseek-chat").
func litellmID(key, provider string) string {
	id := strings.ToLower(strings.TrimSpace(key))
	if makerPrefixed(key, provider) {
		_, id, _ = strings.Cut(id, "/")
	}
	return id
}

// canonicalIndex maps the canonical id of each model of cat to its entry.
// When two catalog ids share a canonical form, the first (by table, then id)
// is kept.
func canonicalIndex(cat *Catalog) map[string]Entry {
	out := map[string]Entry{}
	if cat == nil {
		return out
	}
	for _, e := range cat.Entries {
		if !e.Table.isModel() {
			continue
		}
		k := CanonicalID(e.ID)
		if _, dup := out[k]; !dup {
			out[k] = e
		}
	}
	return out
}
