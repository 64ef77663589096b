package views

import "github.com/charmbracelet/bubbles/key"

// KeyMap declares every key of the program once. Screens enable the ones that
// apply to them, so help always matches what is on screen.
type KeyMap struct {
	Quit, Help, NextScreen, PrevScreen, NextFile, PrevFile key.Binding
	// Interrupt quits from anywhere, even while typing (q is text there).
	Interrupt                                            key.Binding
	Up, Down, Left, Right, PageUp, PageDown, Top, Bottom key.Binding
	Explain, Back, Export, Editor, Save                  key.Binding
	Edit, Accept, Undo, Reset, Table, Filter, Reload     key.Binding
	Beside, BreakEven, OptionA, OptionB                  key.Binding
	// The answers of the save and export questions.
	WriteAnyway, TypePath, CacheDir, Overwrite, NewName key.Binding
	// Help-only pairs: the risk screen matches Left/Right and Up/Down but
	// names the pair once, by what it does there.
	PickOption, Scroll, PickInput key.Binding
	// Move and MoveUpDown name the arrows once in the one-line help, when
	// each arrow on its own would push the global keys off a narrow screen.
	Move, MoveUpDown key.Binding
	// Detail opens the catalog entry under the cursor; PickEntry (help
	// only) names ↑/↓ there.
	Detail, PickEntry key.Binding
	// Value toggles the timeline's quality table (MODEL.md §9).
	Value key.Binding
}

// DefaultKeyMap returns the program's keys.
func DefaultKeyMap() KeyMap {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	return KeyMap{
		Quit:        b([]string{"q", "ctrl+c"}, "q", "quit"),
		Interrupt:   b([]string{"ctrl+c"}, "ctrl+c", "quit"),
		Help:        b([]string{"?"}, "?", "help"),
		NextScreen:  b([]string{"tab"}, "tab", "next screen"),
		PrevScreen:  b([]string{"shift+tab"}, "shift+tab", "previous screen"),
		NextFile:    b([]string{"]"}, "]", "next file"),
		PrevFile:    b([]string{"["}, "[", "previous file"),
		Up:          b([]string{"up", "k"}, "↑/k", "up"),
		Down:        b([]string{"down", "j"}, "↓/j", "down"),
		Left:        b([]string{"left", "h"}, "←/h", "left"),
		Right:       b([]string{"right", "l"}, "→/l", "right"),
		PageUp:      b([]string{"pgup", "ctrl+u"}, "pgup", "page up"),
		PageDown:    b([]string{"pgdown", "ctrl+d"}, "pgdn", "page down"),
		Top:         b([]string{"home", "g"}, "g", "top"),
		Bottom:      b([]string{"end", "G"}, "G", "bottom"),
		Explain:     b([]string{"e", "enter"}, "e/enter", "explain figure"),
		Back:        b([]string{"esc"}, "esc", "back"),
		Export:      b([]string{"x"}, "x", "export markdown"),
		Editor:      b([]string{"o"}, "o", "open in $EDITOR"),
		Save:        b([]string{"ctrl+s"}, "ctrl+s", "save"),
		Edit:        b([]string{"enter"}, "enter", "edit value"),
		Accept:      b([]string{"enter"}, "enter", "done"),
		Undo:        b([]string{"u", "ctrl+z"}, "u", "undo"),
		Reset:       b([]string{"R"}, "R", "reset to file"),
		Table:       b([]string{"t"}, "t", "chart/table"),
		Filter:      b([]string{"/"}, "/", "filter"),
		Reload:      b([]string{"r"}, "r", "reload from disk"),
		Beside:      b([]string{"b"}, "b", "save beside"),
		WriteAnyway: b([]string{"w"}, "w", "write anyway"),
		TypePath:    b([]string{"p"}, "p", "type a path"),
		CacheDir:    b([]string{"c"}, "c", "save in cache dir"),
		Overwrite:   b([]string{"o"}, "o", "overwrite"),
		NewName:     b([]string{"n"}, "n", "new name"),
		BreakEven:   b([]string{"b"}, "b", "break-even"),
		OptionA:     b([]string{"a"}, "a", "option A"),
		OptionB:     b([]string{"b"}, "b", "option B"),
		PickOption:  b([]string{"left", "h", "right", "l"}, "←/→", "tornado option"),
		Scroll:      b([]string{"up", "k", "down", "j"}, "↑/↓", "scroll"),
		PickInput:   b([]string{"up", "k", "down", "j"}, "↑/↓", "input"),
		Move:        b([]string{"up", "k", "down", "j", "left", "h", "right", "l"}, "↑↓←→", "move"),
		MoveUpDown:  b([]string{"up", "k", "down", "j"}, "↑↓", "move"),
		Detail:      b([]string{"enter"}, "enter", "details"),
		PickEntry:   b([]string{"up", "k", "down", "j"}, "↑/↓", "previous/next entry"),
		Value:       b([]string{"v"}, "v", "accuracy & net value"),
	}
}
