package workspace

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/tunecost/tunecost/model"
)

// edited loads a scratch scenario at path and changes top_k of its second
// option to 8, so it has something to save.
func editedDoc(t *testing.T, path string) *Doc {
	t.Helper()
	d := loadOne(t, path)
	if err := d.Set(model.SectionOption, 1, "top_k", "8"); err != nil {
		t.Fatal(err)
	}
	return d
}

// leftovers lists the files in dir other than the names given.
func leftovers(t *testing.T, dir string, keep ...string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if !contains(keep, e.Name()) {
			out = append(out, e.Name())
		}
	}
	return out
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

// A symlinked scenario is saved through to its target: the link stays a
// link and the target holds the edit (an atomic rename over the link used
// to replace it with a regular file and leave the target unchanged).
func TestSaveThroughSymlink(t *testing.T) {
	target := scratch(t)
	link := filepath.Join(t.TempDir(), "link.toml")
	if err := os.Symlink(target, link); err != nil {
		t.Skip("no symlinks here:", err)
	}
	d := editedDoc(t, link)
	if _, err := save(d, false); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&fs.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v %v", info.Mode(), err)
	}
	data, _ := os.ReadFile(target)
	if !strings.Contains(string(data), "top_k = 8") {
		t.Errorf("the target does not hold the edit:\n%s", data)
	}
	if got := leftovers(t, filepath.Dir(target), "support.toml"); len(got) > 0 {
		t.Errorf("files left beside the target: %v", got)
	}
}

// A link whose target is gone is refused with the reason, and nothing is
// created in its place.
func TestSaveDanglingSymlink(t *testing.T) {
	path := scratch(t)
	link := filepath.Join(filepath.Dir(path), "link.toml")
	if err := os.Symlink(path, link); err != nil {
		t.Skip("no symlinks here:", err)
	}
	d := editedDoc(t, link)
	os.Remove(path)
	// The file changed on disk (it is gone): Save reports it unreadable.
	// WriteAtomic itself refuses the dangling link.
	if _, err := save(d, false); err == nil {
		t.Fatal("saved through a dangling link")
	}
	err := WriteAtomic(link, []byte("x"))
	if err == nil || !strings.Contains(err.Error(), "symlink") {
		t.Errorf("WriteAtomic on a dangling link: %v", err)
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("the link's target was created")
	}
}

// A read-only file is not written without asking; SaveAnyway writes it and
// it stays read-only.
func TestSaveReadOnlyAsks(t *testing.T) {
	path := scratch(t)
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	d := editedDoc(t, path)
	if _, err := save(d, false); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("Save of a read-only file: %v, want ErrReadOnly", err)
	}
	if data, _ := os.ReadFile(path); strings.Contains(string(data), "top_k = 8") {
		t.Fatal("the read-only file was written")
	}
	if _, err := save(d, true); err != nil {
		t.Fatal(err)
	}
	info, _ := os.Stat(path)
	data, _ := os.ReadFile(path)
	if info.Mode().Perm() != 0o444 || !strings.Contains(string(data), "top_k = 8") {
		t.Errorf("after SaveAnyway: mode %v, edit written %v", info.Mode().Perm(), strings.Contains(string(data), "top_k = 8"))
	}
}

// A deleted file cannot be saved, and every way out works: beside it, at
// a path typed, in the user's cache directory; each says where it went.
func TestSaveDeletedFileWaysOut(t *testing.T) {
	path := scratch(t)
	d := editedDoc(t, path)
	os.Remove(path)
	if _, err := save(d, false); err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Fatalf("Save of a deleted file: %v", err)
	}
	beside, err := saveBeside(d)
	if err != nil || beside != strings.TrimSuffix(path, ".toml")+".edited.toml" {
		t.Errorf("SaveBeside = %q, %v", beside, err)
	}
	typed := filepath.Join(t.TempDir(), "mine.toml")
	if got, err := saveAs(d, typed); err != nil || got != typed {
		t.Errorf("SaveAs = %q, %v", got, err)
	}
	if _, err := saveAs(d, typed); err == nil || !strings.Contains(err.Error(), "exists") {
		t.Errorf("SaveAs over an existing file: %v", err)
	}
	cache := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", cache)
	t.Setenv("HOME", cache)
	got, err := saveToCache(d)
	if err != nil || !strings.HasPrefix(got, cache) || !strings.HasSuffix(got, "support.edited.toml") {
		t.Errorf("SaveToCache = %q, %v", got, err)
	}
	for _, p := range []string{beside, typed, got} {
		if data, err := os.ReadFile(p); err != nil || !strings.Contains(string(data), "top_k = 8") {
			t.Errorf("%s does not hold the edit: %v", p, err)
		}
	}
}

// failingFS makes writes fail with err after the file is created, as a
// full disk does (or opening fail, as a read-only filesystem or a denied
// folder does), and records whether files were synced.
type failingFS struct {
	writeErr, openErr error
	synced            int
}

type failingFile struct {
	*os.File
	fs *failingFS
}

func (f failingFile) Write(b []byte) (int, error) {
	if f.fs.writeErr != nil {
		return 0, f.fs.writeErr
	}
	return f.File.Write(b)
}

func (f failingFile) Sync() error {
	f.fs.synced++
	return f.File.Sync()
}

func useFS(t *testing.T, ffs *failingFS) {
	t.Helper()
	old := fsys.OpenFile
	fsys.OpenFile = func(name string, flag int, perm fs.FileMode) (file, error) {
		if ffs.openErr != nil {
			return nil, &os.PathError{Op: "open", Path: name, Err: ffs.openErr}
		}
		f, err := os.OpenFile(name, flag, perm)
		if err != nil {
			return nil, err
		}
		return failingFile{File: f, fs: ffs}, nil
	}
	t.Cleanup(func() { fsys.OpenFile = old })
}

// On a full disk no save leaves a file behind (save beside used to leave
// an empty one per try), the original is intact, and no message names a
// temporary file.
func TestSaveFullDisk(t *testing.T) {
	path := scratch(t)
	before, _ := os.ReadFile(path)
	d := editedDoc(t, path)
	useFS(t, &failingFS{writeErr: syscall.ENOSPC})
	for range 3 {
		_, err := save(d, false)
		if err == nil || !strings.Contains(err.Error(), "no space left") || strings.Contains(err.Error(), ".tmp-") {
			t.Errorf("Save on a full disk: %v", err)
		}
		_, err = saveBeside(d)
		if err == nil || !strings.Contains(err.Error(), "no space left") {
			t.Errorf("SaveBeside on a full disk: %v", err)
		}
	}
	if got := leftovers(t, filepath.Dir(path), "support.toml"); len(got) > 0 {
		t.Errorf("files left on a full disk: %v", got)
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("the original changed")
	}
}

// A folder that refuses writes (permission, read-only filesystem) fails
// the save with the reason and the file's name, not the temporary one's.
func TestSaveRefusedFolder(t *testing.T) {
	for _, e := range []error{syscall.EACCES, syscall.EROFS} {
		path := scratch(t)
		d := editedDoc(t, path)
		useFS(t, &failingFS{openErr: e})
		_, err := save(d, false)
		if err == nil || !strings.HasPrefix(err.Error(), path+": ") || strings.Contains(err.Error(), ".tmp-") {
			t.Errorf("%v: Save error %v", e, err)
		}
		if !d.Dirty() {
			t.Errorf("%v: the edits were dropped", e)
		}
	}
}

// Every save syncs the file it writes.
func TestSaveSyncs(t *testing.T) {
	ffs := &failingFS{}
	useFS(t, ffs)
	d := editedDoc(t, scratch(t))
	if _, err := save(d, false); err != nil {
		t.Fatal(err)
	}
	if _, err := saveBeside(d); err != nil {
		t.Fatal(err)
	}
	if ffs.synced != 2 {
		t.Errorf("%d files synced, want 2", ffs.synced)
	}
}

// The built-in example, saved, becomes the file it was saved to: no edit is
// left unsaved (quit used to ask about edits already written) and a second
// save goes into that file (it used to add support-assistant.edited-2.toml,
// -3, … one per ctrl+s).
func TestSaveBuiltinAdoptsTheNewFile(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	d := LoadBuiltin(Options{})
	if err := d.Set(model.SectionOption, 1, "top_k", "8"); err != nil {
		t.Fatal(err)
	}
	first, err := save(d, false)
	if err != nil {
		t.Fatal(err)
	}
	if d.Dirty() || d.Path != first || !d.OK() {
		t.Fatalf("after saving the built-in example: dirty %v, path %q (saved to %q), err %v", d.Dirty(), d.Path, first, d.Err)
	}
	if err := d.Set(model.SectionOption, 1, "top_k", "9"); err != nil {
		t.Fatal(err)
	}
	second, err := save(d, false)
	if err != nil {
		t.Fatal(err)
	}
	if second != first {
		t.Errorf("second save went to %q, not into %q", second, first)
	}
	if extra := leftovers(t, dir, filepath.Base(first)); len(extra) > 0 {
		t.Errorf("saves left other files: %v", extra)
	}
	data, err := os.ReadFile(first)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "top_k = 9") {
		t.Errorf("%s does not hold the second save's top_k = 9", first)
	}
}

// The campaign's L8: a scenario read from a pipe (tunecost <(cat s.toml),
// the path /dev/fd/63) was copied "beside" it, into /dev/fd: no such file.
// Its copies go to the working folder, named scenario.edited.toml.
func TestSaveBesideAPipe(t *testing.T) {
	data, err := os.ReadFile("../examples/support-assistant.toml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	t.Chdir(dir)
	fifo := filepath.Join(dir, "in.toml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	go func() {
		f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err == nil {
			f.Write(data)
			f.Close()
		}
	}()
	docs, err := Load([]string{fifo}, Options{})
	if err != nil || len(docs) != 1 {
		t.Fatalf("load: %v", err)
	}
	got, err := saveBeside(docs[0])
	if err != nil || got != "scenario.edited.toml" {
		t.Fatalf("beside a pipe: %q, %v", got, err)
	}
	if written, _ := os.ReadFile(filepath.Join(dir, got)); string(written) != string(data) {
		t.Errorf("the copy is not the scenario")
	}
	if streamed(filepath.Join(dir, got)) || !streamed("/dev/fd/63-gone") {
		t.Errorf("streamed: a regular file is not a stream, a gone /dev/fd name is")
	}
}
