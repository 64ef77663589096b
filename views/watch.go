package views

import (
	"path/filepath"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/fsnotify/fsnotify"
)

// fileChangedMsg lists the watched files that changed on disk.
type fileChangedMsg struct{ paths []string }

// watcher reports changes to the documents' files. It watches their folders,
// not the files, because editors and our own atomic save replace a file by
// renaming, which would end a watch on the file itself.
type watcher struct {
	fs    *fsnotify.Watcher
	mu    sync.Mutex
	dirs  map[string]bool
	files map[string]bool
}

func newWatcher() (*watcher, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	return &watcher{fs: w, dirs: map[string]bool{}, files: map[string]bool{}}, nil
}

// add watches more files; errors are ignored, since watching is a convenience.
func (w *watcher) add(paths []string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			continue
		}
		w.files[abs] = true
		dir := filepath.Dir(abs)
		if !w.dirs[dir] && w.fs.Add(dir) == nil {
			w.dirs[dir] = true
		}
	}
}

func (w *watcher) watched(abs string) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.files[abs]
}

// quiet is how long the files must stay unchanged before we reload: an
// editor's save is often several events.
const quiet = 150 * time.Millisecond

// next waits for the next change to a watched file and returns it as a
// message (nil when the watcher is closed, which ends the loop).
func (w *watcher) next() tea.Cmd {
	return func() tea.Msg {
		seen := map[string]bool{}
		var timer <-chan time.Time
		for {
			select {
			case ev, ok := <-w.fs.Events:
				if !ok {
					return nil
				}
				abs, err := filepath.Abs(ev.Name)
				if err != nil || !w.watched(abs) || ev.Op == fsnotify.Chmod {
					continue
				}
				seen[abs] = true
				timer = time.After(quiet)
			case _, ok := <-w.fs.Errors:
				if !ok {
					return nil
				}
			case <-timer:
				msg := fileChangedMsg{}
				for p := range seen {
					msg.paths = append(msg.paths, p)
				}
				return msg
			}
		}
	}
}

func (w *watcher) close() { _ = w.fs.Close() }
