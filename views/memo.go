package views

import "github.com/tunecost/tunecost/model"

// memo keeps a screen's last drawing with what it was drawn from: the
// evaluation (by identity, see resultID), the size and a screen-specific
// state. Models are values copied on every Update, so the memo sits behind
// a pointer; copies share it, which is safe because the key says exactly
// what the drawing depends on.
type memo struct {
	id    *model.OptionResult
	w, h  int
	state int
	out   string
	ok    bool
}

// get returns the drawing for the key, calling draw when it changed.
func (c *memo) get(r *model.Result, w, h, state int, draw func() string) string {
	if c == nil {
		return draw()
	}
	id := resultID(r)
	if c.ok && id != nil && c.id == id && c.w == w && c.h == h && c.state == state {
		return c.out
	}
	c.id, c.w, c.h, c.state, c.out, c.ok = id, w, h, state, draw(), true
	return c.out
}
