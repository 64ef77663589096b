package workspace

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"time"
)

// Temporary files are named .NAME.tmp-PID-RANDOM beside the file they
// become: hidden, and naming the process that writes them, so that the
// next save can tell a file left by a killed writer (the campaign's L2:
// 116 left after 200 kills, listed by git status) from one being written.

// tempPrefix is the start of the name of a temporary file for path.
func tempPrefix(path string) string {
	return "." + filepath.Base(path) + ".tmp-" + strconv.Itoa(os.Getpid()) + "-"
}

var (
	tempName    = regexp.MustCompile(`^\..+\.tmp-([0-9]+)-[0-9a-f]{12}$`)
	oldTempName = regexp.MustCompile(`^\..+\.tmp-[0-9a-f]{12}$`) // before the pid was in the name
)

// oldTempAge is how old a temporary file without a pid must be before it
// is taken for a leftover: no save takes that long.
const oldTempAge = time.Hour

// cleanTemps removes the temporary files in dir that a writer left when
// it was killed: those of a process that is gone, and unnamed ones older
// than oldTempAge. Errors are ignored: cleaning is a courtesy, the save
// does not depend on it.
func cleanTemps(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		if leftover(e) {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

func leftover(e os.DirEntry) bool {
	if m := tempName.FindStringSubmatch(e.Name()); m != nil {
		pid, err := strconv.Atoi(m[1])
		return err == nil && pid != os.Getpid() && !processAlive(pid)
	}
	if oldTempName.MatchString(e.Name()) {
		info, err := e.Info()
		return err == nil && time.Since(info.ModTime()) > oldTempAge
	}
	return false
}
