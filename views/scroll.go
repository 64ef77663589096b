package views

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// wheel is how far a mouse-wheel event scrolls: three lines a notch.
func wheel(msg tea.MouseMsg) int {
	switch msg.Button {
	case tea.MouseButtonWheelUp:
		return -3
	case tea.MouseButtonWheelDown:
		return 3
	}
	return 0
}

// pageScroll applies the paging keys to a scroll offset: a page is page
// lines, the end is end. Callers clamp afterwards.
func pageScroll(msg tea.KeyMsg, k *KeyMap, scroll, page, end int) int {
	switch {
	case key.Matches(msg, k.PageUp):
		return scroll - page
	case key.Matches(msg, k.PageDown):
		return scroll + page
	case key.Matches(msg, k.Top):
		return 0
	case key.Matches(msg, k.Bottom):
		return end
	}
	return scroll
}
