package main

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/mpsplan/mpsplan/render/site"
)

// Writing a plan's documents: every file of a plan changes, or none does.
//
// commitFiles first writes each new file to a temporary file beside its
// target; only when all are written does it rename them into place, each
// old file kept as a backup link until every rename has succeeded, so a
// failed rename puts the old files back. A full disk or a signal during
// the first phase leaves the old documents untouched and removes the
// temporary files; the rename phase is short and runs to its end (or
// rolls back) whatever signal arrives meanwhile.

// Seams for tests that simulate a full disk or a failing rename.
var (
	writeTemp = func(f *os.File, data []byte) error {
		if _, err := f.Write(data); err != nil {
			return err
		}
		return f.Sync()
	}
	renameFile = os.Rename
)

// tempRE matches the temporary and backup files commitFiles makes, which
// an interrupted build (killed, or a power cut) may leave behind:
// .2008-11.md.123456.tmp and .2008-11.md.123456.old.
var tempRE = regexp.MustCompile(`^\.(.+\.(md|html|pdf|csv|json)|\.mpsplan-manifest)\.\d+\.(tmp|old)$`)

// commitResult says what commitFiles did.
type commitResult struct {
	written []string // paths whose content changed, in order
}

// errInterrupted reports that a signal stopped the build before a plan's
// files were renamed into place; nothing of that plan was changed.
var errInterrupted = errors.New("interrupted")

// unchanged checks each file's target (checkTarget) and reports whether
// it already holds the file's content (outFile.matches: a file its job saw
// is only looked up), on every processor at once: the site alone has over
// a hundred files. The error is the first file's in order.
func unchanged(files []outFile) ([]bool, error) {
	same := make([]bool, len(files))
	errs := make([]error, len(files))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(files)) {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(files) {
					return
				}
				fi, err := os.Lstat(files[i].path)
				if errs[i] = checkTarget(files[i].path, fi, err); errs[i] == nil && err == nil {
					same[i] = files[i].matches(fi)
				}
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return same, nil
}

// commitFiles replaces the plan's files together. Files whose content is
// already identical are left alone. stop is polled between temporary
// files; when it reports true, the temporary files are removed and
// errInterrupted returned. hold, when not nil, is called once every
// temporary file is written (a test hook).
func commitFiles(files []outFile, stop func() bool, hold func(stage string)) (commitResult, error) {
	var res commitResult
	type pending struct {
		path, tmp string
	}
	var todo []pending
	cleanup := func() {
		for _, p := range todo {
			os.Remove(p.tmp)
		}
	}
	same, err := unchanged(files)
	if err != nil {
		return res, err
	}
	for i, f := range files {
		if same[i] {
			continue
		}
		if stop() {
			cleanup()
			return res, errInterrupted
		}
		tmp, err := writeTempFile(f.path, f.data)
		if err != nil {
			cleanup()
			return res, err
		}
		todo = append(todo, pending{f.path, tmp})
	}
	if len(todo) == 0 {
		return res, nil
	}
	if hold != nil {
		hold("temps")
	}
	if stop() {
		cleanup()
		return res, errInterrupted
	}
	// Rename phase: no more polling; it completes or rolls back.
	type done struct{ path, backup string }
	var renamed []done
	rollback := func() {
		for i := len(renamed) - 1; i >= 0; i-- {
			r := renamed[i]
			if r.backup != "" {
				_ = renameFile(r.backup, r.path)
			} else {
				os.Remove(r.path)
			}
		}
	}
	for i, p := range todo {
		backup := ""
		if _, err := os.Lstat(p.path); err == nil {
			backup = fmt.Sprintf("%s/.%s.%d.old", filepath.Dir(p.path), filepath.Base(p.path), rand.Uint32())
			if err := os.Link(p.path, backup); err != nil {
				rollback()
				cleanup()
				return res, fmt.Errorf("cannot keep a copy of %s while replacing it: %w", p.path, err)
			}
		}
		if err := renameFile(p.tmp, p.path); err != nil {
			if backup != "" {
				os.Remove(backup)
			}
			rollback()
			cleanup()
			return res, fmt.Errorf("cannot replace %s: %w (the plan's other files were restored)", p.path, err)
		}
		renamed = append(renamed, done{p.path, backup})
		if i == 0 && hold != nil && len(todo) > 1 {
			hold("rename")
		}
	}
	for _, r := range renamed {
		if r.backup != "" {
			os.Remove(r.backup)
		}
		res.written = append(res.written, r.path)
	}
	return res, nil
}

// checkTarget refuses an output path that is not a regular file, given
// what os.Lstat said of it (st, err): reading a FIFO would hang the build,
// and writing through a link could reach outside --out.
func checkTarget(path string, st os.FileInfo, err error) error {
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !st.Mode().IsRegular() {
		return fmt.Errorf("cannot write %s: it is a %s, not a regular file; remove it and build again", path, describeMode(st.Mode()))
	}
	return nil
}
func describeMode(m os.FileMode) string {
	switch {
	case m.IsDir():
		return "folder"
	case m&os.ModeSymlink != 0:
		return "symbolic link"
	case m&os.ModeNamedPipe != 0:
		return "named pipe (FIFO)"
	case m&os.ModeDevice != 0:
		return "device"
	case m&os.ModeSocket != 0:
		return "socket"
	}
	return "special file"
}

// checkPlanFolder refuses a plan's output folder that is a symbolic link,
// which would take the plan's documents outside --out.
func checkPlanFolder(dir string) error {
	if st, err := os.Lstat(dir); err == nil && st.Mode()&os.ModeSymlink != 0 {
		return fmt.Errorf("cannot write into %s: it is a symbolic link; replace it with a folder", dir)
	}
	return nil
}

// writeOne replaces one file through a temporary file and a rename.
func writeOne(path string, data []byte) error {
	_, err := commitFiles([]outFile{{path: path, data: data}}, func() bool { return false }, nil)
	return err
}

// writeTempFile writes data to a new temporary file beside path and
// returns its name; on failure nothing is left behind.
func writeTempFile(path string, data []byte) (string, error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return "", err
	}
	tmp := f.Name()
	err = writeTemp(f, data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, 0o644)
	}
	if err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("cannot write %s: %w", path, err)
	}
	return tmp, nil
}

// removeStaleTemps removes the temporary and backup files that interrupted
// builds left under out and in its plan folders, and returns their paths.
// It runs under the build lock, so no other build's files are touched.
func removeStaleTemps(out string) []string {
	var removed []string
	folders := []string{out}
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		if e.IsDir() {
			folders = append(folders, filepath.Join(out, e.Name()))
		}
	}
	for _, dir := range folders {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if e.Type().IsRegular() && tempRE.MatchString(e.Name()) {
				p := filepath.Join(dir, e.Name())
				if os.Remove(p) == nil {
					removed = append(removed, p)
				}
			}
		}
	}
	return removed
}

// manifestName is the file under --out listing the documents build wrote,
// so that it can remove those no plan produces any more and nothing else.
const manifestName = ".mpsplan-manifest"

const manifestHeader = "# Documents written by mpsplan build, one a line. build removes those no plan\n# produces any more; files not listed here are never removed. Do not edit.\n"

// readManifest returns the documents listed in out's manifest, as paths
// under out. Lines that are not a document in a plan folder are ignored,
// so an edited manifest can never make build remove anything else.
func readManifest(out string) []string {
	data, err := os.ReadFile(filepath.Join(out, manifestName))
	if err != nil {
		return nil
	}
	var paths []string
	for _, l := range strings.Split(string(data), "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") || !isDocumentPath(l) {
			continue
		}
		paths = append(paths, filepath.Join(out, filepath.FromSlash(l)))
	}
	return paths
}

// isDocumentPath reports whether rel is plan/file.md, .html or .pdf, a
// plan folder's document, or a file of the site (render/site), with no way
// out of --out.
func isDocumentPath(rel string) bool {
	if site.Owns(rel) && filepath.IsLocal(filepath.FromSlash(rel)) {
		return true
	}
	dir, file, ok := strings.Cut(rel, "/")
	if !ok || strings.Contains(file, "/") || !filepath.IsLocal(filepath.FromSlash(rel)) || dir == "" || strings.HasPrefix(file, ".") {
		return false
	}
	return slices.Contains(formatOrder, strings.TrimPrefix(filepath.Ext(file), "."))
}

// writeManifest replaces out's manifest with paths (under out), sorted.
func writeManifest(out string, paths []string) error {
	var rels []string
	for _, p := range paths {
		rel, err := filepath.Rel(out, p)
		if err != nil {
			continue
		}
		rel = filepath.ToSlash(rel)
		if isDocumentPath(rel) && !slices.Contains(rels, rel) {
			rels = append(rels, rel)
		}
	}
	slices.Sort(rels)
	data := manifestHeader + strings.Join(rels, "\n")
	if len(rels) > 0 {
		data += "\n"
	}
	path := filepath.Join(out, manifestName)
	old, err := os.ReadFile(path)
	if err == nil && string(old) == data || err != nil && len(rels) == 0 {
		return nil // unchanged, or nothing to list and no list yet
	}
	tmp, err := writeTempFile(path, []byte(data))
	if err == nil {
		if err = renameFile(tmp, path); err != nil {
			os.Remove(tmp)
		}
	}
	if err != nil {
		return fmt.Errorf("cannot write the list of built files: %w", err)
	}
	return nil
}
