package views

import "github.com/charmbracelet/lipgloss"

// theme holds the semantic colours. Every colour is adaptive, so the screens
// read on light and dark terminals; with NO_COLOR lipgloss drops them and the
// screens still mark selection and state with characters.
type theme struct {
	Text, Muted, Accent, Good, Warn, Error, Border, SelectedBG lipgloss.AdaptiveColor
	Series                                                     []lipgloss.AdaptiveColor
}

func defaultTheme() theme {
	return theme{
		Text:       lipgloss.AdaptiveColor{Light: "#1a1a1a", Dark: "#e6e6e6"},
		Muted:      lipgloss.AdaptiveColor{Light: "#6b6b6b", Dark: "#8c8c8c"},
		Accent:     lipgloss.AdaptiveColor{Light: "#5a3fc0", Dark: "#b4a0ff"},
		Good:       lipgloss.AdaptiveColor{Light: "#1a7f37", Dark: "#56d364"},
		Warn:       lipgloss.AdaptiveColor{Light: "#9a6700", Dark: "#e3b341"},
		Error:      lipgloss.AdaptiveColor{Light: "#cf222e", Dark: "#ff7b72"},
		Border:     lipgloss.AdaptiveColor{Light: "#c8c8c8", Dark: "#444444"},
		SelectedBG: lipgloss.AdaptiveColor{Light: "#e4dcff", Dark: "#3b2f6b"},
		// Option colours avoid the green and red that mean cheapest and error.
		Series: []lipgloss.AdaptiveColor{
			{Light: "#0969da", Dark: "#58a6ff"},
			{Light: "#bf3989", Dark: "#f778ba"},
			{Light: "#9a6700", Dark: "#e3b341"},
			{Light: "#8250df", Dark: "#d2a8ff"},
			{Light: "#1b7c83", Dark: "#39c5cf"},
			{Light: "#953800", Dark: "#ffa657"},
		},
	}
}

// styles are built from the theme in one place.
type styles struct {
	App, Title, TabActive, TabInactive, FileActive, FileInactive lipgloss.Style
	Text, Muted, Label, Header, Good, Warn, Error, Selected      lipgloss.Style
	Modified, Box, BoxTitle, Status, StatusErr, Cursor           lipgloss.Style
	Series                                                       []lipgloss.Style
}

func newStyles(t theme) *styles {
	s := &styles{}
	s.App = lipgloss.NewStyle()
	s.Title = lipgloss.NewStyle().Bold(true).Foreground(t.Accent)
	s.TabActive = lipgloss.NewStyle().Bold(true).Foreground(t.Accent).Underline(true)
	s.TabInactive = lipgloss.NewStyle().Foreground(t.Muted)
	s.FileActive = lipgloss.NewStyle().Bold(true).Foreground(t.Text)
	s.FileInactive = lipgloss.NewStyle().Foreground(t.Muted)
	s.Text = lipgloss.NewStyle().Foreground(t.Text)
	s.Muted = lipgloss.NewStyle().Foreground(t.Muted)
	s.Label = lipgloss.NewStyle().Foreground(t.Muted)
	s.Header = lipgloss.NewStyle().Bold(true).Foreground(t.Text)
	s.Good = lipgloss.NewStyle().Bold(true).Foreground(t.Good)
	s.Warn = lipgloss.NewStyle().Foreground(t.Warn)
	s.Error = lipgloss.NewStyle().Foreground(t.Error)
	s.Selected = lipgloss.NewStyle().Bold(true).Background(t.SelectedBG)
	s.Modified = lipgloss.NewStyle().Bold(true).Foreground(t.Warn)
	s.Box = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(t.Border).Padding(0, 1)
	s.BoxTitle = lipgloss.NewStyle().Bold(true).Foreground(t.Accent)
	s.Status = lipgloss.NewStyle().Foreground(t.Muted)
	s.StatusErr = lipgloss.NewStyle().Foreground(t.Error)
	s.Cursor = lipgloss.NewStyle().Reverse(true)
	for _, c := range t.Series {
		s.Series = append(s.Series, lipgloss.NewStyle().Foreground(c))
	}
	return s
}

// series returns the style of the i-th option's colour.
func (s *styles) series(i int) lipgloss.Style {
	if len(s.Series) == 0 || i < 0 {
		return s.Text
	}
	return s.Series[i%len(s.Series)]
}
