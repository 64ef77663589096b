package views

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// The chaos test drives the root model with seeded random messages — keys,
// pastes, wide and bidi runes, mouse, sizes from 1×1 to 300×100, scenarios
// and price sheets changed, broken and deleted on disk — and checks after
// each one that nothing panicked, that the frame is exactly the window's
// size, that no escape byte from a file reached it, and that a file
// change, a resize or a mouse event never dropped an unsaved edit. Its
// scenarios have one sheet (alone.toml), two (support.toml) and three
// (bedrock.toml), so the Catalog meets catalogs that grow and shrink (the
// report's H3).
//
// By default (and in CI) it sends chaosDefault messages for each of
// chaosSeeds seeds, about a second. Run it long with the environment:
//
//	TUNECOST_CHAOS_N=20000 TUNECOST_CHAOS_SEEDS=5 go test ./views/ -run TestChaos -parallel=1 -timeout 60m
//
// (messages per seed, and the number of seeds).
const (
	chaosDefault = 400
	chaosSeeds   = 2
)

func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

func TestChaos(t *testing.T) {
	n, seeds := envInt("TUNECOST_CHAOS_N", chaosDefault), envInt("TUNECOST_CHAOS_SEEDS", chaosSeeds)
	t.Setenv("XDG_CACHE_HOME", t.TempDir()) // save in the cache folder stays in the test's
	total := 0
	for seed := 1; seed <= seeds; seed++ {
		total += runChaos(t, uint64(seed), n)
	}
	t.Logf("%d seeds, %d messages, %d frames checked", seeds, seeds*n, total)
}

// chaosFiles are the scenarios a run opens, chaosSheets the price sheets
// they name; either may be changed, broken or deleted while open.
var (
	chaosFiles  = []string{"support.toml", "ranged.toml", "four.toml", "bedrock.toml", "alone.toml"}
	chaosSheets = []string{"prices.toml", "bedrock-prices.toml"}
)

func runChaos(t *testing.T, seed uint64, n int) (frames int) {
	docs, dir := fixtureDocs(t, append(chaosFiles, "bedrock-prices.toml")...)
	originals := map[string][]byte{}
	for _, f := range append(chaosFiles, chaosSheets...) {
		originals[f], _ = os.ReadFile(filepath.Join(dir, f))
	}
	hostile := map[string][]byte{
		"scenario": bytes.Replace(originals["support.toml"], []byte(`name = "LoRA Llama-3.1-8B"`),
			[]byte(`name = "LoRA\u001b]0;pwned\u0007\u001b[31m \u202eevil\u202c 表"`), 1),
		"sheet": bytes.Replace(originals["prices.toml"], []byte(`name = "fixture"`),
			[]byte(`name = "fix\u001b[31mture \u202eevil\u202c 表"`), 1),
	}
	rng := rand.New(rand.NewPCG(seed, 0x7c))
	cfg := testConfig()
	cfg.Dir = dir
	m := newModel(docs, cfg)
	w, h := 80, 24
	m = sized(m, w, h)
	var recent []string
	for i := range n {
		msg := chaosMsg(rng, dir, originals, hostile)
		if ws, ok := msg.(tea.WindowSizeMsg); ok {
			w, h = ws.Width, ws.Height
		}
		recent = append(recent, fmt.Sprintf("%T %q", msg, fmt.Sprintf("%+v", msg)))
		if len(recent) > 12 {
			recent = recent[1:]
		}
		dirty := dirtyDocs(m)
		var v string
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Fatalf("seed %d, message %d: panic %v\n%s\nlast messages:\n%s", seed, i, r, debug.Stack(), strings.Join(recent, "\n"))
				}
			}()
			m = send(m, msg)
			v = m.View()
		}()
		if why := frameProblem(v, w, h); why != "" {
			t.Fatalf("seed %d, message %d, %d×%d: %s\nlast messages:\n%s\n%s", seed, i, w, h, why, strings.Join(recent, "\n"), v)
		}
		if lost := lostEdits(dirty, m, msg); lost != "" {
			t.Fatalf("seed %d, message %d: %s lost its unsaved edits\nlast messages:\n%s", seed, i, lost, strings.Join(recent, "\n"))
		}
		frames++
	}
	return frames
}

// dirtyDocs are the paths of the documents with unsaved edits.
func dirtyDocs(m Model) map[string]bool {
	dirty := map[string]bool{}
	for _, d := range m.docs {
		if d.Dirty() {
			dirty[d.Snapshot().Path] = true
		}
	}
	return dirty
}

// lostEdits names a document that had unsaved edits before msg and has
// none after, when msg is one that must keep them: a file changed on disk,
// a resize, the mouse. Keys may drop them (undo, reset, reload).
func lostEdits(before map[string]bool, m Model, msg tea.Msg) string {
	switch msg.(type) {
	case fileChangedMsg, tea.WindowSizeMsg, tea.MouseMsg:
	default:
		return ""
	}
	after := dirtyDocs(m)
	for p := range before {
		if !after[p] {
			return p
		}
	}
	return ""
}

// frameProblem says what is wrong with a frame for a w×h window, or "".
func frameProblem(v string, w, h int) string {
	if strings.ContainsAny(v, "\x1b\a\u202e") {
		return "an escape or bidi control reached the frame"
	}
	lines := strings.Split(v, "\n")
	if len(lines) != h {
		return fmt.Sprintf("%d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if lw := lipgloss.Width(l); lw != w {
			return fmt.Sprintf("line %d is %d cells wide, want %d: %q", i+1, lw, w, l)
		}
	}
	return ""
}

// chaosKeys are the keys the program knows, the text boxes' keys, and
// some it does not.
var chaosKeys = []tea.KeyMsg{
	{Type: tea.KeyTab}, {Type: tea.KeyShiftTab}, {Type: tea.KeyEnter}, {Type: tea.KeyEsc},
	{Type: tea.KeyBackspace}, {Type: tea.KeyDelete}, {Type: tea.KeyUp}, {Type: tea.KeyDown},
	{Type: tea.KeyLeft}, {Type: tea.KeyRight}, {Type: tea.KeyHome}, {Type: tea.KeyEnd},
	{Type: tea.KeyPgUp}, {Type: tea.KeyPgDown}, {Type: tea.KeyCtrlS}, {Type: tea.KeyCtrlC},
	{Type: tea.KeyCtrlU}, {Type: tea.KeyCtrlK}, {Type: tea.KeyCtrlW}, {Type: tea.KeyCtrlD},
	{Type: tea.KeyCtrlZ}, {Type: tea.KeyCtrlA}, {Type: tea.KeyCtrlE}, {Type: tea.KeyCtrlV},
	{Type: tea.KeyRunes, Runes: []rune("d"), Alt: true}, {Type: tea.KeyDelete, Alt: true},
	{Type: tea.KeyBackspace, Alt: true}, {Type: tea.KeyRight, Alt: true}, {Type: tea.KeyLeft, Alt: true},
	{Type: tea.KeyF1}, {Type: tea.KeyCtrlRight},
}

// chaosRunes are typed one at a time: the keys of the screens, digits,
// range syntax, wide, combining, bidi and zero-width characters.
var chaosRunes = []rune("qjkhlgGeRrutxbwpconay?/[]0123456789.._- 表😀é\u0301\u202e\u200b\u2066")

func chaosMsg(rng *rand.Rand, dir string, originals, hostile map[string][]byte) tea.Msg {
	switch p := rng.IntN(100); {
	case p < 40:
		return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{chaosRunes[rng.IntN(len(chaosRunes))]}}
	case p < 70:
		return chaosKeys[rng.IntN(len(chaosKeys))]
	case p < 75:
		pastes := []string{"400000..500000..900000", "12\x1b]0;pwned\a34", "1e308", "-5", "表表表表表表表表表表表表表表表表表表表表表表表表表表表表", strings.Repeat("9", 300), "\u202elive\u202c", "a\nb\tc"}
		return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(pastes[rng.IntN(len(pastes))]), Paste: rng.IntN(2) == 0}
	case p < 83:
		buttons := []tea.MouseButton{tea.MouseButtonWheelUp, tea.MouseButtonWheelDown, tea.MouseButtonLeft, tea.MouseButtonRight}
		return tea.MouseMsg{X: rng.IntN(300), Y: rng.IntN(100), Button: buttons[rng.IntN(len(buttons))], Action: tea.MouseActionPress}
	case p < 91:
		return tea.WindowSizeMsg{Width: 1 + rng.IntN(300), Height: 1 + rng.IntN(100)}
	default:
		return chaosFileChange(rng, dir, originals, hostile)
	}
}

// chaosFileChange rewrites, breaks, deletes or restores one scenario or
// price sheet on disk and reports it as the watcher would.
func chaosFileChange(rng *rand.Rand, dir string, originals, hostile map[string][]byte) tea.Msg {
	name, kind := chaosFiles[rng.IntN(len(chaosFiles))], "scenario"
	if rng.IntN(3) == 0 {
		name, kind = chaosSheets[rng.IntN(len(chaosSheets))], "sheet"
	}
	path := filepath.Join(dir, name)
	data := originals[name]
	switch rng.IntN(7) {
	case 0:
		os.Remove(path)
		return fileChangedMsg{paths: []string{path}}
	case 1:
		data = []byte("[workload\nqueries_per_month = \n")
		if kind == "sheet" {
			data = []byte("[sheet\n")
		}
	case 2:
		data = data[:rng.IntN(len(data)+1)] // cut anywhere
	case 3:
		data = hostile[kind]
	case 4:
		data = bytes.Replace(data, []byte("600000"), []byte(strconv.Itoa(1+rng.IntN(2000000))), 1)
		data = bytes.Replace(data, []byte("as_of = 2026-11-15"), []byte("as_of = 2025-0"+strconv.Itoa(1+rng.IntN(9))+"-15"), 1)
	case 5:
		// A sheet's every entry kept but one; a scenario unchanged.
		if i := bytes.LastIndex(data, []byte("\n[[")); kind == "sheet" && i > 0 {
			data = data[:i+1]
		}
	}
	_ = os.WriteFile(path, data, 0o644)
	return fileChangedMsg{paths: []string{path}}
}
