package views

import (
	"os"
	"time"

	"github.com/tunecost/tunecost/pricing"
	"github.com/tunecost/tunecost/uncertainty"
)

// Config is what the program needs from the command line and environment.
type Config struct {
	Now    func() time.Time // for the catalog's stale marks; time.Now when nil
	Editor string           // the editor command ($VISUAL, $EDITOR); "" disables the key
	// StaleAfter is the age after which a price is marked stale (--stale-days);
	// pricing.StaleAfter (180 days) when 0.
	StaleAfter time.Duration
	// Dir is the folder that file paths are shown relative to; the working
	// directory when empty.
	Dir string
	// AnalysisDelay is how long the risk analysis waits after the last edit
	// before it starts: 150 ms when 0; none when negative (tests).
	AnalysisDelay time.Duration
	// Analysis is the Monte Carlo's samples and seed (--samples, --seed),
	// for the Risk screen and the export; the defaults when zero.
	Analysis uncertainty.Config
}

// common is the one shared context every screen receives: its size, the
// styles, the keys and the configuration. No screen reads globals.
type common struct {
	Width, Height int
	Styles        *styles
	Keys          *KeyMap
	Cfg           Config
}

func newCommon(cfg Config) common {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.StaleAfter <= 0 {
		cfg.StaleAfter = pricing.StaleAfter
	}
	if cfg.Dir == "" {
		// Once, here: frames show paths relative to it, and os.Getwd
		// stats the folder on every call.
		cfg.Dir, _ = os.Getwd()
	}
	km := DefaultKeyMap()
	return common{Styles: newStyles(defaultTheme()), Keys: &km, Cfg: cfg}
}

// sized returns a copy of c with another size, for a child's inner area.
func (c common) sized(w, h int) common {
	c.Width, c.Height = max(w, 0), max(h, 0)
	return c
}
